/**
 * The workloads of a snapshot and the images they run: Deployments, StatefulSets, DaemonSets,
 * CronJobs, Jobs without a CronJob and Pods without a controller, each with the images of its
 * template and of its pods (init and ephemeral containers included), the digests its pods run
 * (status imageID), its labels and the claims it mounts. Pods are attributed to their workload
 * through their owners (Pod → ReplicaSet → Deployment, Pod → Job → CronJob). Pure.
 */
import type { ClusterSnapshot, KubeObject } from '@havenkit/model';
import { arrayField, field, stringField } from '../objects.js';
import { parseImageReference } from './images.js';

/** One workload. */
export interface Workload {
  /** Kind/namespace/name. */
  readonly key: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Image references as written, in the order first seen. */
  readonly images: Set<string>;
  /** Per image reference, the digests (sha256:…) its pods run. */
  readonly digests: Map<string, Set<string>>;
  /** Labels of its pods (template labels, or a bare pod's own). */
  readonly labels: Record<string, string>;
  /** The PersistentVolumeClaims it mounts, by name (in its namespace). */
  readonly claims: Set<string>;
}

/** The resources workloads are read from, with the kind each holds. */
export const WORKLOAD_RESOURCES = [
  { resource: 'deployments.apps', kind: 'Deployment' },
  { resource: 'statefulsets.apps', kind: 'StatefulSet' },
  { resource: 'daemonsets.apps', kind: 'DaemonSet' },
  { resource: 'replicasets.apps', kind: 'ReplicaSet' },
  { resource: 'jobs.batch', kind: 'Job' },
  { resource: 'cronjobs.batch', kind: 'CronJob' },
  { resource: 'pods', kind: 'Pod' },
] as const;

const itemsOf = (snapshot: ClusterSnapshot, resource: string): readonly KubeObject[] => {
  const entry = snapshot.resources[resource];
  return entry !== undefined && !('error' in entry) && Array.isArray(entry.items) ? entry.items : [];
};

const nsName = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** The controlling owner of an object (the controller, else the first owner). */
function controllerOf(object: unknown): { kind: string; name: string } | undefined {
  const owners = arrayField(object, 'metadata', 'ownerReferences');
  const owner = owners.find((o) => field(o, 'controller') === true) ?? owners[0];
  const kind = stringField(owner, 'kind');
  const name = stringField(owner, 'name');
  return kind && name ? { kind, name } : undefined;
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

/** The images of a pod spec: containers, init containers and ephemeral containers. */
export function podSpecImages(spec: unknown): string[] {
  return ['containers', 'initContainers', 'ephemeralContainers'].flatMap((key) =>
    arrayField(spec, key).flatMap((c) => {
      const image = stringField(c, 'image');
      return image !== undefined && image !== '' ? [image] : [];
    }),
  );
}

function podSpecClaims(spec: unknown): string[] {
  return arrayField(spec, 'volumes').flatMap((v) => {
    const claim = stringField(v, 'persistentVolumeClaim', 'claimName');
    return claim ? [claim] : [];
  });
}

/** The digest of a status imageID ("docker-pullable://nginx@sha256:…", "sha256:…"); undefined when none. */
export function digestOf(imageId: string): string | undefined {
  const match = /(sha256:[0-9a-f]{64})$/.exec(imageId);
  return match?.[1];
}

/**
 * An image reference as a container runtime names it in a pod's status: host/path:tag after
 * Docker's normalisation (containerd reports postgres:16 as docker.io/library/postgres:16), a
 * reference without tag or digest at :latest.
 */
function runtimeName(reference: string): string {
  const p = parseImageReference(reference);
  if (p === undefined) return reference;
  const tag = p.tag ?? (p.digest === undefined ? 'latest' : undefined);
  return `${p.host}/${p.path}${tag !== undefined ? `:${tag}` : ''}`;
}

/** The template (pod spec and metadata) of a workload object. */
function templateOf(kind: string, object: KubeObject): { spec: unknown; labels: unknown } {
  if (kind === 'Pod') return { spec: field(object, 'spec'), labels: field(object, 'metadata', 'labels') };
  if (kind === 'CronJob') {
    return {
      spec: field(object, 'spec', 'jobTemplate', 'spec', 'template', 'spec'),
      labels: field(object, 'spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'),
    };
  }
  return {
    spec: field(object, 'spec', 'template', 'spec'),
    labels: field(object, 'spec', 'template', 'metadata', 'labels'),
  };
}

/** The image each container of a pod spec runs, by container name (containers, init and ephemeral). */
function imagesByContainer(spec: unknown): Map<string, string> {
  const byName = new Map<string, string>();
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of arrayField(spec, key)) {
      const name = stringField(c, 'name');
      const image = stringField(c, 'image');
      if (name !== undefined && image !== undefined && image !== '' && !byName.has(name))
        byName.set(name, image);
    }
  }
  return byName;
}

/**
 * Adds the digests a pod's containers run (status imageID) to its workload, each under the image
 * reference its container's spec names: the status and the spec share the container's name. A
 * status without a matching name (a snapshot that kept the status's own image instead) is matched
 * by the image name the runtime reports, as written, normalised, or by the digest it pins.
 */
function addRunningDigests(workload: Workload, pod: KubeObject): void {
  const byContainer = imagesByContainer(field(pod, 'spec'));
  for (const key of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    for (const status of arrayField(pod, 'status', key)) {
      const digest = digestOf(stringField(status, 'imageID') ?? '');
      if (digest === undefined) continue;
      const name = stringField(status, 'name');
      let reference = name !== undefined ? byContainer.get(name) : undefined;
      if (reference === undefined) {
        const image = stringField(status, 'image');
        if (image === undefined) continue;
        const images = [...workload.images];
        reference =
          images.find((i) => i === image || i.split('@')[0] === image) ??
          images.find((i) => runtimeName(i) === runtimeName(image)) ??
          images.find((i) => parseImageReference(i)?.digest === digest) ??
          image;
      }
      const set = workload.digests.get(reference) ?? new Set<string>();
      set.add(digest);
      workload.digests.set(reference, set);
    }
  }
}

/** The workloads of a snapshot, by key (sorted by key). */
export function workloadsOf(snapshot: ClusterSnapshot): Map<string, Workload> {
  const objects = new Map<string, Map<string, KubeObject>>();
  for (const { resource, kind } of WORKLOAD_RESOURCES) {
    objects.set(kind, new Map(itemsOf(snapshot, resource).map((o) => [nsName(o), o])));
  }
  const has = (kind: string, namespace: string, name: string) =>
    objects.get(kind)!.has(`${namespace}/${name}`);

  /** The workload an object belongs to: up the owner chain while the owner is a known workload kind. */
  const walk = (kind: string, object: KubeObject): { kind: string; namespace: string; name: string } => {
    const namespace = object.metadata?.namespace ?? '';
    let current = { kind, name: object.metadata?.name ?? '' };
    for (let depth = 0; depth < 4; depth++) {
      const obj =
        objects.get(current.kind)?.get(`${namespace}/${current.name}`) ?? (depth === 0 ? object : undefined);
      const owner = obj ? controllerOf(obj) : undefined;
      if (owner === undefined) break;
      if (owner.kind === 'ReplicaSet' && !has('ReplicaSet', namespace, owner.name)) {
        // ReplicaSets not collected: a Deployment's ReplicaSet is named <deployment>-<pod-template-hash>.
        const hash = stringField(object, 'metadata', 'labels', 'pod-template-hash');
        const base =
          hash && owner.name.endsWith(`-${hash}`) ? owner.name.slice(0, -hash.length - 1) : undefined;
        current = base && has('Deployment', namespace, base) ? { kind: 'Deployment', name: base } : owner;
        if (current.kind === 'Deployment') break;
        continue;
      }
      if (!['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'].includes(owner.kind)) {
        // An owner of another kind (an operator's custom resource) is the workload.
        current = owner;
        break;
      }
      current = owner;
    }
    return { ...current, namespace };
  };
  // Pods of one ReplicaSet (or Job, DaemonSet) share their workload: walk up once per owner.
  const rootByOwner = new Map<string, { kind: string; namespace: string; name: string }>();
  const rootOf = (kind: string, object: KubeObject): { kind: string; namespace: string; name: string } => {
    const owner = controllerOf(object);
    if (owner === undefined) return walk(kind, object);
    const key = `${object.metadata?.namespace ?? ''}\u0000${owner.kind}\u0000${owner.name}`;
    let root = rootByOwner.get(key);
    if (root === undefined) {
      root = walk(kind, object);
      rootByOwner.set(key, root);
    }
    return root;
  };

  const workloads = new Map<string, Workload>();
  const workloadFor = (root: { kind: string; namespace: string; name: string }): Workload => {
    const key = `${root.kind}/${root.namespace}/${root.name}`;
    let w = workloads.get(key);
    if (w === undefined) {
      w = { key, ...root, images: new Set(), digests: new Map(), labels: {}, claims: new Set() };
      workloads.set(key, w);
    }
    return w;
  };

  for (const { kind } of WORKLOAD_RESOURCES) {
    for (const object of objects.get(kind)!.values()) {
      const workload = workloadFor(rootOf(kind, object));
      const template = templateOf(kind, object);
      for (const image of podSpecImages(template.spec)) workload.images.add(image);
      for (const claim of podSpecClaims(template.spec)) workload.claims.add(claim);
      if (Object.keys(workload.labels).length === 0)
        Object.assign(workload.labels, stringMap(template.labels));
      if (kind === 'Pod') addRunningDigests(workload, object);
    }
  }
  return new Map([...workloads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether a label selector (matchLabels form, a Service's spec.selector) selects the labels. */
export function selects(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

export { stringMap };

/** Appends to the list of a key (creating it): one push, never a copy of the list. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
