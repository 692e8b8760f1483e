/**
 * The ClusterSnapshot: everything the checks need, read once from a cluster (or loaded from a
 * file), so that evaluation is a pure function. Schema: compliance/schemas/snapshot.schema.json.
 */
export const SNAPSHOT_API_VERSION = 'havenkit.dev/v1alpha1';
export const SNAPSHOT_KIND = 'ClusterSnapshot';

export interface SnapshotMetadata {
  /** RFC 3339 time the collection started; checks use it as "now" (never the wall clock). */
  collectedAt: string;
  collector: { name: string; version: string };
  /** API server URL as the kubeconfig names it. */
  server?: string;
  /** kubeconfig context used. */
  context?: string;
  /** Stable cluster id: the uid of the kube-system namespace when readable. */
  clusterId?: string;
}

/** Why a resource could not be read. `code` is the HTTP status (0 for transport errors). */
export interface ResourceError {
  code: number;
  /** Kubernetes Status reason (Forbidden, NotFound, Timeout, ...) or a havenkit reason (NotServed, Unreachable). */
  reason: string;
  message: string;
}

/** A Kubernetes object as the API returned it (minus metadata.managedFields). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown> & object;
  status?: Record<string, unknown> & object;
  [key: string]: unknown;
}

export interface ResourceList {
  apiVersion: string;
  kind: string;
  metadata?: Record<string, unknown>;
  items: KubeObject[];
}

/** A collected resource: the List, or the error that kept it from being read. */
export type CollectedResource = ResourceList | { error: ResourceError };

/** One access review: may the collector's identity (self) or a named user do verb on resource? */
export interface AccessReviewResult {
  verb: string;
  /** API group, "" for core. */
  group: string;
  resource: string;
  namespace?: string;
  allowed: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
}

export interface SnapshotAccess {
  /** SelfSubjectAccessReview results for every permission the enabled checks need. */
  self?: AccessReviewResult[] | { error: ResourceError };
  /**
   * SubjectAccessReviews for made-up, unprivileged users (the rbac check): RBAC is enforced
   * when such a user is denied.
   */
  unprivileged?: (AccessReviewResult & { user: string; groups: string[] })[] | { error: ResourceError };
}

export interface RwxProbeResult {
  /** bound: a ReadWriteMany claim bound; pending: not bound before the timeout; error: could not run. */
  outcome: 'bound' | 'pending' | 'error';
  storageClass?: string;
  message: string;
  durationMs?: number;
}

export interface NodeLsmProbeResult {
  /** Per node: the security modules observed in /sys/kernel/security/lsm and friends. */
  nodes: Record<string, { lsms: string[]; error?: string }>;
}

/** The opt-in active probes: the only writes havenkit makes (run by @havenkit/collect). */
export type ProbeName = 'rwx' | 'node-lsm';
export const PROBE_NAMES: readonly ProbeName[] = ['node-lsm', 'rwx'];

export interface SnapshotProbes {
  rwx?: RwxProbeResult;
  nodeLsm?: NodeLsmProbeResult;
}

export interface ClusterSnapshot {
  apiVersion: typeof SNAPSHOT_API_VERSION;
  kind: typeof SNAPSHOT_KIND;
  metadata: SnapshotMetadata;
  /** The GET /version response, verbatim; or the error that kept it from being read. */
  version: Record<string, unknown> | { error: ResourceError };
  discovery: { groupVersions: string[] } | { error: ResourceError };
  /**
   * Keyed by kubectl's resource names: "nodes", "storageclasses.storage.k8s.io". An absent key
   * means "not collected" (never "empty").
   */
  resources: Record<string, CollectedResource>;
  access?: SnapshotAccess;
  probes?: SnapshotProbes;
}
