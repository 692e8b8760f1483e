import type { KubeObject } from '@havenkit/model';
import { arrayField, conditionStatus, field, labelsOf, stringField } from './util.js';

/** Node-role label values that mark a control-plane node (kubeadm, legacy, RKE). */
export const CONTROL_PLANE_ROLES = ['control-plane', 'master', 'controlplane'] as const;

const CONTROL_PLANE_LABELS = CONTROL_PLANE_ROLES.map((role) => `node-role.kubernetes.io/${role}`);

/** The control-plane role labels a node carries (`node-role.kubernetes.io/<role>`, value not "false"). */
export function controlPlaneLabels(node: KubeObject): string[] {
  const labels = labelsOf(node);
  return CONTROL_PLANE_LABELS.filter((key) => key in labels && labels[key] !== 'false');
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

/**
 * A label value the API server accepts: at most 63 characters, alphanumerics with `-`, `_` and `.`
 * inside, empty allowed (apimachinery IsValidLabelValue):
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 * (checked 2026-12-01).
 */
export function isValidLabelValue(value: string): boolean {
  return value.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value);
}

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'] as const;

/**
 * The node's zone: the GA label, else the beta one. A value the API server would refuse as a label
 * value is not a zone (only a crafted snapshot holds one): it is returned as `invalid`, with its
 * label, and the other label is tried.
 */
export function zoneOf(node: KubeObject): { zone?: string; label?: string; invalid?: string } {
  const labels = labelsOf(node);
  let refused: { label: string; invalid: string } | undefined;
  for (const label of ZONE_LABELS) {
    const zone = labels[label];
    if (typeof zone !== 'string' || zone === '') continue;
    if (isValidLabelValue(zone)) return { zone, label };
    refused ??= { label, invalid: zone };
  }
  return refused ?? {};
}

/**
 * The node address types the Kubernetes API defines (core/v1 NodeAddressType, matched exactly as
 * the API spells them): https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1/
 * (NodeStatus.addresses; checked 2026-12-01).
 */
export const NODE_ADDRESS_TYPES: readonly string[] = [
  'Hostname',
  'InternalIP',
  'ExternalIP',
  'InternalDNS',
  'ExternalDNS',
];

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
  let parsed = parsedPaths.get(path);
  if (parsed === undefined) {
    parsed = path.startsWith(LABEL_PATH)
      ? { label: path.slice(LABEL_PATH.length) }
      : { steps: path.split('.') };
    parsedPaths.set(path, parsed);
  }
  return parsed.label !== undefined ? labelsOf(node)[parsed.label] : stringField(node, ...parsed.steps);
}

/** The data's few paths taken apart once, not once per node and signal. */
const parsedPaths = new Map<string, { label: string; steps?: never } | { label?: never; steps: string[] }>();
