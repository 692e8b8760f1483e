// Low-level k8s.KubeService on purpose: kplus's Service writes `externalIPs: []`, and its ports
// target the container port by number; havenkit targets the named port `http` and writes only
// the fields it owns, so manifests stay exact.
import type { Construct } from 'constructs';
import { k8s } from '../kube.js';
import { HavenkitInputError } from '../errors.js';
import type { ProviderProfile } from '../profiles/profile.js';
import type { ComponentProps } from '../spec/types.js';
import { objectMeta, type ComponentIdentity } from './identity.js';

/** The component's one port, named `http` on the container, which is what the Service targets. */
const httpServicePort = (port: number): k8s.ServicePort => ({
  name: 'http',
  port,
  targetPort: k8s.IntOrString.fromString('http'),
  protocol: 'TCP',
});

export interface ServiceProps {
  readonly identity: ComponentIdentity;
  /**
   * The container port.
   * @default - none: no Service
   */
  readonly port?: number;
  /**
   * A LoadBalancer Service instead of ClusterIP.
   * @default - ClusterIP
   */
  readonly loadBalancer?: ComponentProps['loadBalancer'];
  /** The provider's load balancer annotations and whether it keeps client addresses. */
  readonly profile: Pick<ProviderProfile, 'id' | 'loadBalancer'>;
  /** Where the component is defined, prefixing error messages (`app.yaml: spec.components[0]`). */
  readonly location: string;
}

/**
 * The component's Service `<app>-<component>`, when it has a port: ClusterIP, or LoadBalancer
 * with the profile's annotations. Throws when `preserveClientIp` is asked of a provider whose load
 * balancers cannot keep the client address (externalTrafficPolicy Local).
 */
export function addService(scope: Construct, props: ServiceProps): k8s.KubeService | undefined {
  const { identity, port, profile } = props;
  if (port === undefined) return undefined;
  const lb = props.loadBalancer;
  if (lb?.preserveClientIp && !profile.loadBalancer.externalTrafficPolicyLocal) {
    throw new HavenkitInputError(
      `${props.location}.loadBalancer.preserveClientIp: provider "${profile.id}" does not support externalTrafficPolicy Local; remedy: drop preserveClientIp or use an ingress controller that forwards the client address`,
    );
  }
  return new k8s.KubeService(scope, 'service', {
    metadata: objectMeta(
      identity,
      identity.fullName,
      lb ? { ...profile.loadBalancer.annotations } : undefined,
    ),
    spec: {
      type: lb ? 'LoadBalancer' : 'ClusterIP',
      ...(lb?.preserveClientIp ? { externalTrafficPolicy: 'Local' } : {}),
      selector: { ...identity.selector },
      ports: [httpServicePort(port)],
    },
  });
}

export interface HeadlessServiceProps {
  readonly identity: ComponentIdentity;
  /**
   * The container port.
   * @default - none: a headless Service without ports
   */
  readonly port?: number;
}

/** The headless Service `<app>-<component>-headless` that gives a StatefulSet's pods stable DNS names. */
export function addHeadlessService(scope: Construct, props: HeadlessServiceProps): k8s.KubeService {
  const { identity, port } = props;
  return new k8s.KubeService(scope, 'headless', {
    metadata: objectMeta(identity, `${identity.fullName}-headless`),
    spec: {
      clusterIp: 'None',
      selector: { ...identity.selector },
      ...(port !== undefined ? { ports: [httpServicePort(port)] } : {}),
    },
  });
}
