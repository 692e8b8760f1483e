import type { KubeObject } from '@havenkit/model';
import { arrayField, conditionStatus, field, labelsOf, stringField } from './util.js';

/** Node-role label values that mark a control-plane node (kubeadm, legacy, RKE). */
export const CONTROL_PLANE_ROLES = ['control-plane', 'master', 'controlplane'] as const;

/** The control-plane role labels a node carries (`node-role.kubernetes.io/<role>`, value not "false"). */
export function controlPlaneLabels(node: KubeObject): string[] {
  const labels = labelsOf(node);
  return CONTROL_PLANE_ROLES.map((role) => `node-role.kubernetes.io/${role}`).filter(
    (key) => key in labels && labels[key] !== 'false',
  );
}

export function isControlPlane(node: KubeObject): boolean {
  return controlPlaneLabels(node).length > 0;
}

/** The node's roles as kubectl shows them (from node-role.kubernetes.io/<role> labels). */
export function rolesOf(node: KubeObject): string[] {
  return Object.keys(labelsOf(node))
    .filter((key) => key.startsWith('node-role.kubernetes.io/'))
    .map((key) => key.slice('node-role.kubernetes.io/'.length))
    .sort();
}

export function isReady(node: KubeObject): boolean {
  return conditionStatus(node, 'Ready') === 'True';
}

export function isUnschedulable(node: KubeObject): boolean {
  return field(node, 'spec', 'unschedulable') === true;
}

export function zoneOf(node: KubeObject): { zone?: string; label?: string } {
  const labels = labelsOf(node);
  for (const label of ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']) {
    const zone = labels[label];
    if (zone) return { zone, label };
  }
  return {};
}

export function addressesOf(node: KubeObject): { type: string; address: string }[] {
  return arrayField(node, 'status', 'addresses').map((a) => ({
    type: stringField(a, 'type') ?? '',
    address: stringField(a, 'address') ?? '',
  }));
}

export function osImageOf(node: KubeObject): string | undefined {
  return stringField(node, 'status', 'nodeInfo', 'osImage');
}

export function providerIdOf(node: KubeObject): string | undefined {
  return stringField(node, 'spec', 'providerID');
}

const LABEL_PATH = 'metadata.labels.';

/**
 * A node field by its dotted path, as data files name it: spec.providerID,
 * status.nodeInfo.kernelVersion, status.nodeInfo.osImage, or metadata.labels.<key> (a label's
 * value; label keys contain dots, so the key is everything after the prefix).
 */
export function nodeField(node: KubeObject, path: string): string | undefined {
  if (path.startsWith(LABEL_PATH)) return labelsOf(node)[path.slice(LABEL_PATH.length)];
  return stringField(node, ...path.split('.'));
}
