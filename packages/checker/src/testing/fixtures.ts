/**
 * A tiny builder for ClusterSnapshot fixtures, shared by the check tests (and usable by other
 * packages' tests): small, readable snapshots that state only what a case is about.
 */
import { loadCatalogue } from '../catalogue/load.js';
import type { CheckContext } from '../checks/context.js';
import { loadBundledData } from '../data/load.js';
import type {
  ClusterSnapshot,
  CollectedResource,
  KubeObject,
  ResourceError,
  ResourceList,
} from '@havenkit/model';

export const COLLECTED_AT = '2026-11-01T00:00:00Z';

export const DEFAULT_GROUP_VERSIONS = [
  'v1',
  'apps/v1',
  'rbac.authorization.k8s.io/v1',
  'storage.k8s.io/v1',
  'apiextensions.k8s.io/v1',
  'apiregistration.k8s.io/v1',
  'discovery.k8s.io/v1',
];

/** A snapshot with the given parts; everything else minimal and valid (Kubernetes v1.35.2, no resources). */
export function makeSnapshot(
  parts: Partial<Omit<ClusterSnapshot, 'apiVersion' | 'kind'>> = {},
): ClusterSnapshot {
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'ClusterSnapshot',
    metadata: {
      collectedAt: COLLECTED_AT,
      collector: { name: 'fixture', version: '0.0.0' },
      ...parts.metadata,
    },
    version: parts.version ?? { major: '1', minor: '35', gitVersion: 'v1.35.2' },
    discovery: parts.discovery ?? { groupVersions: DEFAULT_GROUP_VERSIONS },
    resources: parts.resources ?? {},
    ...(parts.access ? { access: parts.access } : {}),
    ...(parts.probes ? { probes: parts.probes } : {}),
  };
}

/** A snapshot with just these resources. */
export function withResources(
  resources: Record<string, CollectedResource>,
  parts: Parameters<typeof makeSnapshot>[0] = {},
): ClusterSnapshot {
  return makeSnapshot({ ...parts, resources });
}

export function list(kind: string, items: KubeObject[], apiVersion = 'v1'): ResourceList {
  return { apiVersion, kind: `${kind}List`, metadata: { resourceVersion: '1' }, items };
}

export function resourceError(
  code: number,
  reason: string,
  message = `${reason} (fixture)`,
): { error: ResourceError } {
  return { error: { code, reason, message } };
}
export const forbidden = () =>
  resourceError(403, 'Forbidden', 'nodes is forbidden: User "limited" cannot list resource');
export const timedOut = () =>
  resourceError(504, 'Timeout', 'the server was unable to return a response in the time allotted');
export const apiError = () => resourceError(500, 'InternalError', 'etcdserver: request timed out');
export const notServed = () =>
  resourceError(404, 'NotServed', 'the server could not find the requested resource');

export interface NodeOptions {
  zone?: string;
  /** Uses failure-domain.beta.kubernetes.io/zone instead of the GA label. */
  betaZone?: string;
  /** node-role.kubernetes.io/<role>= labels. */
  roles?: string[];
  labels?: Record<string, string>;
  osImage?: string;
  internalIP?: string | string[];
  externalIP?: string | string[];
  ready?: boolean;
  readyMessage?: string;
  unschedulable?: boolean;
  providerID?: string;
}

export function node(name: string, o: NodeOptions = {}): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, ...o.labels };
  if (o.zone) labels['topology.kubernetes.io/zone'] = o.zone;
  if (o.betaZone) labels['failure-domain.beta.kubernetes.io/zone'] = o.betaZone;
  for (const role of o.roles ?? []) labels[`node-role.kubernetes.io/${role}`] = '';
  const ips = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels },
    spec: {
      ...(o.providerID ? { providerID: o.providerID } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        ...ips(o.internalIP ?? '10.0.0.10').map((address) => ({ type: 'InternalIP', address })),
        ...ips(o.externalIP).map((address) => ({ type: 'ExternalIP', address })),
        { type: 'Hostname', address: name },
      ],
      conditions: [
        {
          type: 'Ready',
          status: o.ready === false ? 'False' : 'True',
          reason: o.ready === false ? 'KubeletNotReady' : 'KubeletReady',
          message: o.readyMessage ?? 'kubelet is posting ready status',
        },
      ],
      nodeInfo: {
        osImage: o.osImage ?? 'Ubuntu 24.04.1 LTS',
        kernelVersion: '6.8.0-45-generic',
        kubeletVersion: 'v1.35.2',
        containerRuntimeVersion: 'containerd://2.1.4',
        architecture: 'amd64',
        operatingSystem: 'linux',
      },
    },
  };
}

export const nodes = (...items: KubeObject[]) => list('Node', items);

export interface PodOptions {
  image?: string;
  images?: string[];
  phase?: string;
  args?: string[];
  /** The kind of the controlling owner (DaemonSet, ReplicaSet, StatefulSet). */
  owner?: string;
}

export function pod(namespace: string, name: string, o: PodOptions = {}): KubeObject {
  const images = o.images ?? [o.image ?? 'registry.example/app:1.0'];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      ...(o.owner
        ? {
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: o.owner, name: `${name}-owner`, uid: 'u', controller: true },
            ],
          }
        : {}),
    },
    spec: {
      containers: images.map((image, i) => ({ name: `c${i}`, image, ...(o.args ? { args: o.args } : {}) })),
    },
    status: { phase: o.phase ?? 'Running' },
  };
}

export const pods = (...items: KubeObject[]) => list('Pod', items);

export function storageClass(
  name: string,
  provisioner: string,
  parameters?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner,
    ...(parameters ? { parameters } : {}),
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}

export function persistentVolume(
  name: string,
  accessModes: string[],
  storageClassName = 'standard',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { accessModes, storageClassName },
    status: { phase: 'Bound' },
  };
}

export function crd(name: string): KubeObject {
  return { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name } };
}

export function apiService(
  name: string,
  available: 'True' | 'False',
  reason = available === 'True' ? 'Passed' : 'FailedDiscoveryCheck',
): KubeObject {
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name },
    spec: {
      service: { name: 'metrics-server', namespace: 'kube-system' },
      group: 'metrics.k8s.io',
      version: 'v1beta1',
    },
    status: {
      conditions: [
        {
          type: 'Available',
          status: available,
          reason,
          message: reason === 'Passed' ? 'all checks passed' : 'failing or missing response',
        },
      ],
    },
  };
}

export function endpointSlice(addresses: string[]): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: addresses.map((a) => ({ addresses: [a], conditions: { ready: true } })),
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
}

export function endpoints(addresses: string[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default' },
    subsets: [
      { addresses: addresses.map((ip) => ({ ip })), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ],
  };
}

/** The context of a default run (mandatory checks, bundled data), with overrides. */
export function makeContext(overrides: Partial<CheckContext> = {}): CheckContext {
  const catalogue = loadCatalogue();
  return {
    havenVersion: catalogue.havenVersion,
    data: loadBundledData(),
    enabledChecks: catalogue.checks.filter((c) => c.mandatory),
    suggested: { cis: false, kubescape: false },
    ...overrides,
  };
}
