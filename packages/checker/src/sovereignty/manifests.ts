/**
 * Manifests before they are deployed (`havenkit sovereignty --manifests`, `--app`), made into a
 * snapshot the register reads like a cluster's: each object goes to the list of its kind, and
 * every list the register reads that the manifests do not fill is empty (the manifests are all
 * there is), except nodes: manifests have none, and the target provider stands in for them. Pure.
 */
import { pushTo } from './workloads.js';
import { InputError, type ClusterSnapshot, type KubeObject } from '@havenkit/model';
import { loadRegisterFunctions } from './functions.js';

/** The snapshot key of each kind the register reads (apiVersion group → kubectl resource name). */
const RESOURCE_OF_KIND: Readonly<Record<string, string>> = {
  'v1/Pod': 'pods',
  'v1/Service': 'services',
  'v1/PersistentVolume': 'persistentvolumes',
  'v1/PersistentVolumeClaim': 'persistentvolumeclaims',
  'apps/Deployment': 'deployments.apps',
  'apps/StatefulSet': 'statefulsets.apps',
  'apps/DaemonSet': 'daemonsets.apps',
  'apps/ReplicaSet': 'replicasets.apps',
  'batch/Job': 'jobs.batch',
  'batch/CronJob': 'cronjobs.batch',
  'storage.k8s.io/StorageClass': 'storageclasses.storage.k8s.io',
  'networking.k8s.io/IngressClass': 'ingressclasses.networking.k8s.io',
  'networking.k8s.io/Ingress': 'ingresses.networking.k8s.io',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration':
    'validatingwebhookconfigurations.admissionregistration.k8s.io',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration':
    'mutatingwebhookconfigurations.admissionregistration.k8s.io',
  'apiregistration.k8s.io/APIService': 'apiservices.apiregistration.k8s.io',
  'cert-manager.io/Issuer': 'issuers.cert-manager.io',
  'cert-manager.io/ClusterIssuer': 'clusterissuers.cert-manager.io',
  'cert-manager.io/Certificate': 'certificates.cert-manager.io',
  'velero.io/BackupStorageLocation': 'backupstoragelocations.velero.io',
};

/** The group of an apiVersion ("apps/v1" → apps, "v1" → v1 for the core group). */
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : 'v1');

/** One manifest document as read: where it came from (file and document index) and its value. */
export interface ManifestDocument {
  readonly source: string;
  readonly value: unknown;
}

/**
 * The snapshot of manifests. `List` documents are expanded; empty documents (`---` alone) skipped;
 * kinds the register does not read are left out.
 * @throws InputError naming the document when one is not a Kubernetes object (no kind/apiVersion).
 */
export function snapshotOfManifests(
  documents: readonly ManifestDocument[],
  options: {
    readonly now: string;
    readonly collector: { name: string; version: string };
    readonly extra?: readonly KubeObject[];
  },
): ClusterSnapshot {
  const lists = new Map<string, KubeObject[]>();
  const add = (object: unknown, source: string): void => {
    if (object === null || object === undefined) return;
    if (typeof object !== 'object' || Array.isArray(object))
      throw new InputError(`${source}: not a Kubernetes object (a mapping with apiVersion and kind)`);
    const o = object as KubeObject & { items?: unknown };
    if (typeof o.kind !== 'string' || typeof o.apiVersion !== 'string') {
      throw new InputError(`${source}: not a Kubernetes object: apiVersion and kind must be strings`);
    }
    if (o.kind === 'List' || o.kind.endsWith('List')) {
      if (!Array.isArray(o.items))
        throw new InputError(`${source}: items: a ${o.kind} needs a list of items`);
      o.items.forEach((item, i) => add(item, `${source} items[${i}]`));
      return;
    }
    const resource = RESOURCE_OF_KIND[`${groupOf(o.apiVersion)}/${o.kind}`];
    if (resource === undefined) return;
    pushTo(lists, resource, o);
  };
  for (const d of documents) add(d.value, d.source);
  for (const o of options.extra ?? []) add(o, 'the provider profile');
  const resources: ClusterSnapshot['resources'] = {};
  const read = new Set(loadRegisterFunctions().flatMap((f) => f.needs.resources.map((n) => n.resource)));
  read.delete('nodes');
  for (const resource of [...read].sort()) {
    resources[resource] = { apiVersion: 'v1', kind: 'List', items: lists.get(resource) ?? [] };
  }
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'ClusterSnapshot',
    metadata: { collectedAt: options.now, collector: options.collector },
    version: { error: { code: 0, reason: 'NotCollected', message: 'manifests have no API server' } },
    discovery: { error: { code: 0, reason: 'NotCollected', message: 'manifests have no API server' } },
    resources,
  } as ClusterSnapshot;
}
