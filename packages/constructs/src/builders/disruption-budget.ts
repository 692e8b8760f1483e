// Low-level k8s.KubePodDisruptionBudget: cdk8s-plus-28 has no PodDisruptionBudget construct.
import type { Construct } from 'constructs';
import { k8s } from '../kube.js';
import { objectMeta, type ComponentIdentity } from './identity.js';

export interface DisruptionBudgetProps {
  readonly identity: ComponentIdentity;
  /** The component's replicas. */
  readonly replicas: number;
}

/**
 * The PodDisruptionBudget `<app>-<component>`: node drains take down at most one pod at a time.
 * Only with more than one replica: with one, allowing one pod down protects nothing.
 */
export function addDisruptionBudget(
  scope: Construct,
  props: DisruptionBudgetProps,
): k8s.KubePodDisruptionBudget | undefined {
  const { identity } = props;
  if (props.replicas <= 1) return undefined;
  return new k8s.KubePodDisruptionBudget(scope, 'pdb', {
    metadata: objectMeta(identity, identity.fullName),
    spec: {
      maxUnavailable: k8s.IntOrString.fromNumber(1),
      selector: { matchLabels: { ...identity.selector } },
    },
  });
}
