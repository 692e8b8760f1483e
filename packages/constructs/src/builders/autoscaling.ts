// Low-level k8s.KubeHorizontalPodAutoscalerV2 on purpose: kplus's HorizontalPodAutoscaler always
// writes a `behavior` block (its own scale-up and scale-down policies) and refuses a target with a
// fixed replica count; havenkit leaves `replicas` off an autoscaled workload itself; manifests stay exact.
import { k8s, type ApiObject } from '../kube.js';
import type { Construct } from 'constructs';
import { COMPONENT_DEFAULTS } from '../component-defaults.js';
import { objectMeta, type ComponentIdentity } from './identity.js';

export interface AutoscalerProps {
  readonly identity: ComponentIdentity;
  /** The Deployment or StatefulSet it scales. */
  readonly target: ApiObject;
  /** The component's replicas: the autoscaler's minimum. */
  readonly replicas: number;
  /** Whether the component requests CPU, which is what utilization is measured against. */
  readonly requestsCpu: boolean;
  /**
   * Whether to make the autoscaler: only where asked for (a single-replica stateful component never
   * gets one implicitly).
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * The most replicas it scales to.
   * @default - replicas × COMPONENT_DEFAULTS.maxReplicasFactor (2)
   */
  readonly maxReplicas?: number;
  /**
   * The average CPU utilization (percent of the request) it keeps the pods at.
   * @default COMPONENT_DEFAULTS.cpuUtilization (75)
   */
  readonly cpuUtilization?: number;
}

/** The HorizontalPodAutoscaler `<app>-<component>`, scaling on CPU between replicas and maxReplicas. */
export function addAutoscaler(
  scope: Construct,
  props: AutoscalerProps,
): k8s.KubeHorizontalPodAutoscalerV2 | undefined {
  const { identity, target, replicas } = props;
  if (props.enabled !== true || !props.requestsCpu) return undefined;
  const maxReplicas = props.maxReplicas ?? replicas * COMPONENT_DEFAULTS.maxReplicasFactor;
  const averageUtilization = props.cpuUtilization ?? COMPONENT_DEFAULTS.cpuUtilization;
  return new k8s.KubeHorizontalPodAutoscalerV2(scope, 'hpa', {
    metadata: objectMeta(identity, identity.fullName),
    spec: {
      scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: target.name },
      minReplicas: replicas,
      maxReplicas,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } },
      ],
    },
  });
}
