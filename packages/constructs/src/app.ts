import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { HavenComponent, LABEL_PART_OF } from './component.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { ApplicationProps } from './spec/types.js';
import { toDocument, validateApplication } from './spec/validate.js';

export interface HavenAppProps extends ApplicationProps {
  /** The provider the manifests are for. */
  readonly profile: ProviderProfile;
  /**
   * Namespace written on every resource.
   * @default - none (kubectl's current namespace)
   */
  readonly namespace?: string;
  /**
   * Names the app definition in error messages.
   * @default 'app'
   */
  readonly source?: string;
}

/** Namespace and pods the cluster's DNS runs as (CoreDNS keeps the kube-dns label everywhere). */
const DNS_PEER: k8s.NetworkPolicyPeer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};

/**
 * A Haven application for one provider: its components plus a default-deny NetworkPolicy and,
 * per component, exactly the traffic it needs (ingress controller → web components,
 * component → component as declared in `connectsTo`, declared egress, DNS).
 * The props are validated like a YAML app (errors name `spec.components[i]...`).
 */
export class HavenApp extends Chart {
  readonly components: readonly HavenComponent[];

  constructor(scope: Construct, id: string, props: HavenAppProps) {
    super(scope, id, {
      ...(props.namespace ? { namespace: props.namespace } : {}),
      disableResourceNameHashes: true,
    });
    const source = props.source ?? 'app';
    const app = validateApplication(toDocument(props), source);
    const components = app.components.map(
      (component, index) =>
        new HavenComponent(this, component.name, {
          appName: app.name,
          component,
          index,
          profile: props.profile,
          source,
        }),
    );
    this.components = components;

    new k8s.KubeNetworkPolicy(this, 'default-deny', {
      metadata: {
        name: `${app.name}-default-deny`,
        labels: { [LABEL_PART_OF]: app.name, 'app.kubernetes.io/managed-by': 'havenkit' },
      },
      spec: {
        podSelector: { matchLabels: { [LABEL_PART_OF]: app.name } },
        policyTypes: ['Ingress', 'Egress'],
      },
    });

    const byName = new Map(components.map((c) => [c.props.name, c]));
    for (const c of components) {
      const ingress: k8s.NetworkPolicyIngressRule[] = [];
      const port = c.port;
      if (port !== undefined) {
        const ports = [{ port: k8s.IntOrString.fromNumber(port), protocol: 'TCP' }];
        if (c.isLoadBalanced) ingress.push({ ports });
        else if (c.isWeb) {
          const ns = props.profile.ingress.controllerNamespace;
          ingress.push({
            from: [{ namespaceSelector: ns ? { matchLabels: { 'kubernetes.io/metadata.name': ns } } : {} }],
            ports,
          });
        }
        const callers = components.filter((other) => other.props.connectsTo?.includes(c.props.name));
        if (callers.length > 0)
          ingress.push({
            from: callers.map((o) => ({ podSelector: { matchLabels: { ...o.selector } } })),
            ports,
          });
      }
      const egress: k8s.NetworkPolicyEgressRule[] = [
        {
          to: [DNS_PEER],
          ports: [
            { port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' },
            { port: k8s.IntOrString.fromNumber(53), protocol: 'TCP' },
          ],
        },
      ];
      for (const target of c.props.connectsTo ?? []) {
        const t = byName.get(target);
        if (t?.port === undefined) continue; // validated: every target has a port
        egress.push({
          to: [{ podSelector: { matchLabels: { ...t.selector } } }],
          ports: [{ port: k8s.IntOrString.fromNumber(t.port), protocol: 'TCP' }],
        });
      }
      for (const e of c.props.egress ?? []) {
        egress.push({
          to: [{ ipBlock: { cidr: e.cidr } }],
          ports: [{ port: k8s.IntOrString.fromNumber(e.port), protocol: 'TCP' }],
        });
      }
      new k8s.KubeNetworkPolicy(c, 'network-policy', {
        metadata: { name: c.fullName, labels: { ...c.selector, 'app.kubernetes.io/managed-by': 'havenkit' } },
        spec: {
          podSelector: { matchLabels: { ...c.selector } },
          policyTypes: ['Ingress', 'Egress'],
          ...(ingress.length > 0 ? { ingress } : {}),
          egress,
        },
      });
    }
  }
}
