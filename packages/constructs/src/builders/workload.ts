// Low-level k8s.KubeDeployment/KubeStatefulSet on purpose: kplus's Deployment adds `strategy`
// (RollingUpdate 25%/25%), `minReadySeconds: 0` and `progressDeadlineSeconds: 600`, its StatefulSet
// `podManagementPolicy: OrderedReady` and `updateStrategy`; both select pods by an extra
// `cdk8s.io/metadata.addr` label derived from the construct path, and drop `replicas` once an
// autoscaler is attached (havenkit does so too, but only for the autoscaler it makes). Havenkit
// controls every field, so manifests stay exact and reproducible.
import type { Construct } from 'constructs';
import { k8s } from '../kube.js';
import { objectMeta, type ComponentIdentity } from './identity.js';
import { addHeadlessService } from './service.js';

export interface WorkloadProps {
  readonly identity: ComponentIdentity;
  /**
   * Number of pods.
   * @default - none written: an autoscaler owns the replicas
   */
  readonly replicas?: number;
  /** The pods (see `podTemplate`). */
  readonly template: k8s.PodTemplateSpec;
  /**
   * Per-replica claims (see `addStorageClaims`); any at all make the workload a StatefulSet.
   * @default - none: a Deployment
   */
  readonly claimTemplates?: readonly k8s.KubePersistentVolumeClaimProps[];
  /**
   * The container port, exposed on a StatefulSet's headless Service.
   * @default - none
   */
  readonly port?: number;
}

/**
 * The component's workload `<app>-<component>`: a Deployment, or a StatefulSet with its headless
 * Service when replicas own ReadWriteOnce claims.
 */
export function addWorkload(
  scope: Construct,
  props: WorkloadProps,
): k8s.KubeDeployment | k8s.KubeStatefulSet {
  const { identity, replicas, template } = props;
  const claimTemplates = props.claimTemplates ?? [];
  const metadata = objectMeta(identity, identity.fullName);
  const selector = { matchLabels: { ...identity.selector } };
  if (claimTemplates.length === 0) {
    return new k8s.KubeDeployment(scope, 'workload', {
      metadata,
      spec: { ...(replicas !== undefined ? { replicas } : {}), selector, template },
    });
  }
  const headless = addHeadlessService(scope, { identity, port: props.port });
  return new k8s.KubeStatefulSet(scope, 'workload', {
    metadata,
    spec: {
      ...(replicas !== undefined ? { replicas } : {}),
      serviceName: headless.name,
      selector,
      template,
      volumeClaimTemplates: [...claimTemplates],
    },
  });
}
