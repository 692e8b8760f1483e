// Low-level k8s.KubeNetworkPolicy on purpose: kplus's NetworkPolicy writes a default deny as
// `policyTypes: [Egress, Ingress]` and adds `podSelector: {}` to a namespace-only peer; havenkit
// writes `[Ingress, Egress]` and bare namespace selectors, so manifests stay exact.
import type { IConstruct } from 'constructs';
import { k8s } from '../kube.js';
import type { ComponentProps, EgressRuleProps } from '../spec/types.js';
import { LABEL_PART_OF, MANAGED_BY } from './identity.js';

/** Namespace and pods the cluster's DNS runs as (CoreDNS keeps the kube-dns label everywhere). */
export const DNS_PEER: k8s.NetworkPolicyPeer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};

/** What the policies need to know of a component; a `HavenComponent` is one. Its policy is made in its scope. */
export interface PolicyComponent extends IConstruct {
  /** `<app>-<component>`: the policy's name. */
  readonly fullName: string;
  /** Labels that select the component's pods. */
  readonly selector: Readonly<Record<string, string>>;
  /** The port it accepts traffic on; without one, no inbound traffic is allowed. */
  readonly port?: number;
  /** Reached through the ingress controller. */
  readonly isWeb: boolean;
  /** Reached through a LoadBalancer Service, from anywhere. */
  readonly isLoadBalanced: boolean;
  readonly props: Pick<ComponentProps, 'name' | 'connectsTo' | 'egress'>;
  /** Egress the profile decides (its backing services' endpoints). @default - none */
  readonly serviceEgress?: readonly k8s.NetworkPolicyEgressRule[];
}

export interface NetworkPoliciesProps {
  /** The application's name. */
  readonly appName: string;
  /** Every component of the application. */
  readonly components: readonly PolicyComponent[];
  /**
   * Namespace of the ingress controller (the profile's `ingress.controllerNamespace`).
   * @default - web traffic is allowed from every namespace
   */
  readonly ingressControllerNamespace?: string;
  /**
   * Labels of the ingress controller's pods (the profile's `ingress.controllerPodLabels`): with the
   * namespace, only those pods may send web traffic.
   * @default - every pod of that namespace
   */
  readonly ingressControllerPodLabels?: Readonly<Record<string, string>>;
}

const tcp = (port: number): k8s.NetworkPolicyPort => ({
  port: k8s.IntOrString.fromNumber(port),
  protocol: 'TCP',
});

/** Inbound: from the ingress controller (web) or anywhere (load balanced), and from its callers. */
function inboundRules(
  c: PolicyComponent,
  components: readonly PolicyComponent[],
  props: NetworkPoliciesProps,
): k8s.NetworkPolicyIngressRule[] {
  if (c.port === undefined) return [];
  const rules: k8s.NetworkPolicyIngressRule[] = [];
  const ports = [tcp(c.port)];
  if (c.isLoadBalanced) rules.push({ ports });
  else if (c.isWeb) {
    const ns = props.ingressControllerNamespace;
    const pods = props.ingressControllerPodLabels;
    // Namespace and pods in one peer: both must match (the controller's pods in its namespace).
    rules.push({
      from: [
        {
          namespaceSelector: ns ? { matchLabels: { 'kubernetes.io/metadata.name': ns } } : {},
          ...(ns && pods && Object.keys(pods).length > 0
            ? { podSelector: { matchLabels: { ...pods } } }
            : {}),
        },
      ],
      ports,
    });
  }
  const callers = components.filter((other) => other.props.connectsTo?.includes(c.props.name));
  if (callers.length > 0)
    rules.push({ from: callers.map((o) => ({ podSelector: { matchLabels: { ...o.selector } } })), ports });
  return rules;
}

/** Outbound: DNS, the components it connects to (on their port), and its declared egress. */
function outboundRules(
  c: PolicyComponent,
  byName: ReadonlyMap<string, PolicyComponent>,
): k8s.NetworkPolicyEgressRule[] {
  const rules: k8s.NetworkPolicyEgressRule[] = [
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
    rules.push({ to: [{ podSelector: { matchLabels: { ...t.selector } } }], ports: [tcp(t.port)] });
  }
  for (const e of c.props.egress ?? []) rules.push(egressRule(e));
  rules.push(...(c.serviceEgress ?? []));
  return rules;
}

/**
 * One declared destination as narrow as NetworkPolicy allows: its IP ranges, or the pods of
 * another namespace, on its port. (Hosts cannot be named: the spec gives the ranges.)
 */
export function egressRule(e: EgressRuleProps): k8s.NetworkPolicyEgressRule {
  const ports = [{ port: k8s.IntOrString.fromNumber(e.port), protocol: e.protocol ?? 'TCP' }];
  const to: k8s.NetworkPolicyPeer[] =
    e.namespace !== undefined
      ? [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': e.namespace } },
            ...(e.podLabels !== undefined ? { podSelector: { matchLabels: { ...e.podLabels } } } : {}),
          },
        ]
      : [...(e.cidr !== undefined ? [e.cidr] : []), ...(e.cidrs ?? [])].map((cidr) => ({
          ipBlock: { cidr },
        }));
  return { to, ports };
}

/**
 * A default-deny NetworkPolicy `<app>-default-deny` for all the app's pods (made in `chart`) and,
 * per component (made in its scope), a policy allowing exactly the traffic it needs.
 */
export function addNetworkPolicies(chart: IConstruct, props: NetworkPoliciesProps): void {
  const { appName, components } = props;
  new k8s.KubeNetworkPolicy(chart, 'default-deny', {
    metadata: { name: `${appName}-default-deny`, labels: { [LABEL_PART_OF]: appName, ...MANAGED_BY } },
    spec: {
      podSelector: { matchLabels: { [LABEL_PART_OF]: appName } },
      policyTypes: ['Ingress', 'Egress'],
    },
  });
  const byName = new Map(components.map((c) => [c.props.name, c]));
  for (const c of components) {
    const ingress = inboundRules(c, components, props);
    new k8s.KubeNetworkPolicy(c, 'network-policy', {
      metadata: { name: c.fullName, labels: { ...c.selector, ...MANAGED_BY } },
      spec: {
        podSelector: { matchLabels: { ...c.selector } },
        policyTypes: ['Ingress', 'Egress'],
        ...(ingress.length > 0 ? { ingress } : {}),
        egress: outboundRules(c, byName),
      },
    });
  }
}
