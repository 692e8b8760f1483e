import { Construct } from 'constructs';
import { addAutoscaler } from './builders/autoscaling.js';
import { addConfiguration } from './builders/config.js';
import { addDisruptionBudget } from './builders/disruption-budget.js';
import { componentIdentity } from './builders/identity.js';
import { addIngress } from './builders/ingress.js';
import { podTemplate } from './builders/pod-template.js';
import { addService } from './builders/service.js';
import { addStorageClaims } from './builders/storage.js';
import { addWorkload } from './builders/workload.js';
import { sharedMounts, type SharedResources } from './builders/shared.js';
import { backingServiceAccess } from './builders/backing-services.js';
import type { k8s } from './kube.js';
import { COMPONENT_DEFAULTS } from './component-defaults.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { ComponentProps } from './spec/types.js';

export { COMPONENT_DEFAULTS } from './component-defaults.js';
export { LABEL_COMPONENT, LABEL_PART_OF } from './builders/identity.js';
export { ANNOTATION_CONFIG_HASH } from './builders/config.js';
export { ANNOTATION_REQUIRES } from './builders/storage.js';

export interface HavenComponentProps {
  /** The application's name. */
  readonly appName: string;
  readonly component: ComponentProps;
  /** Position in `spec.components`, for error messages. */
  readonly index: number;
  readonly profile: ProviderProfile;
  /** Names the app file in error messages. */
  readonly source: string;
  /** The app's shared volumes and configuration files, which the component may mount. */
  readonly shared?: SharedResources;
}

/**
 * One component of a Haven app: a Deployment (a StatefulSet when it owns ReadWriteOnce storage),
 * its Service, Ingress, claims, ConfigMap, autoscaler and disruption budget, with pods that pass
 * Pod Security "restricted". Each kind is made by its builder in `builders/`; NetworkPolicies are
 * made by `HavenApp`, which knows every component.
 */
export class HavenComponent extends Construct {
  /** `<app>-<component>`: the name of every resource of this component. */
  readonly fullName: string;
  /** Labels that select this component's pods. */
  readonly selector: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly props: ComponentProps;
  readonly isWeb: boolean;
  readonly isLoadBalanced: boolean;
  /** The egress to its backing services, as the profile offers them. */
  readonly serviceEgress: readonly k8s.NetworkPolicyEgressRule[];

  constructor(scope: Construct, id: string, props: HavenComponentProps) {
    super(scope, id);
    const { component: c, profile } = props;
    const location = `${props.source}: spec.components[${props.index}]`;
    const identity = componentIdentity(props.appName, c.name);
    // The one default several builders share; each builder applies its own.
    const replicas = c.replicas ?? COMPONENT_DEFAULTS.replicas;

    this.props = c;
    this.port = c.port;
    this.fullName = identity.fullName;
    this.selector = identity.selector;
    this.isWeb = c.ingress !== undefined;
    this.isLoadBalanced = c.loadBalancer !== undefined;

    const storage = addStorageClaims(this, {
      identity,
      componentName: c.name,
      storage: c.storage,
      profile,
      location,
    });
    const config = addConfiguration(this, { identity, env: c.env, envFromSecret: c.envFromSecret });
    const services = backingServiceAccess(c.services, { appName: props.appName, profile, location });
    this.serviceEgress = services.egress;
    const mounted = sharedMounts(
      props.shared ?? { claims: new Map(), configs: new Map() },
      c.mounts,
      c.configMounts,
    );
    const template = podTemplate({
      identity,
      component: c,
      envFrom: [...config.envFrom, ...services.envFrom],
      annotations: { ...config.podAnnotations, ...mounted.annotations },
      volumes: [...storage.volumes, ...mounted.volumes],
      mounts: [...storage.mounts, ...mounted.mounts],
      zoneLabel: profile.zones.label,
    });
    // Only where asked for: an autoscaler then owns the replicas, and the workload carries none
    // (an apply would otherwise reset the scale every time).
    const autoscaled = c.autoscale?.enabled === true;
    const workload = addWorkload(this, {
      identity,
      ...(autoscaled ? {} : { replicas }),
      template,
      claimTemplates: storage.claimTemplates,
      port: c.port,
    });
    addService(this, { identity, port: c.port, loadBalancer: c.loadBalancer, profile, location });
    addIngress(this, { identity, ingress: c.ingress, port: c.port, profile });
    addAutoscaler(this, {
      identity,
      target: workload,
      replicas,
      requestsCpu: c.resources?.cpu !== undefined,
      enabled: autoscaled,
      maxReplicas: c.autoscale?.maxReplicas,
      cpuUtilization: c.autoscale?.cpuUtilization,
    });
    addDisruptionBudget(this, { identity, replicas });
  }
}
