/**
 * Generated from compliance/schemas/snapshot.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */

/**
 * Everything the Haven checks need, read once from a cluster (or loaded from a file), so that evaluation is a pure function. The envelope is strict; the items of each list are raw Kubernetes API objects and kept loose.
 */
export interface ClusterSnapshot {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'ClusterSnapshot';
  metadata: SnapshotMetadata;
  /**
   * The GET /version response, verbatim, or the error that kept it from being read.
   */
  version: ErrorWrapper | ServerVersion;
  /**
   * The API groups and versions the server serves, or the error that kept them from being read.
   */
  discovery: ErrorWrapper | Discovery;
  /**
   * Keyed by kubectl's resource names: "nodes", "storageclasses.storage.k8s.io". An absent key means "not collected" (never "empty"). Each value is the List, or the error that kept it from being read.
   */
  resources: {
    [k: string]: ErrorWrapper | ResourceList;
  };
  access?: SnapshotAccess;
  probes?: SnapshotProbes;
}
export interface SnapshotMetadata {
  /**
   * RFC 3339 time the collection started; checks use it as "now" (never the wall clock).
   */
  collectedAt: string;
  collector: {
    name: string;
    version: string;
  };
  /**
   * API server URL as the kubeconfig names it.
   */
  server?: string;
  /**
   * kubeconfig context used.
   */
  context?: string;
  /**
   * Stable cluster id: the uid of the kube-system namespace when readable.
   */
  clusterId?: string;
}
/**
 * A section that could not be read, and why.
 *
 * This interface was referenced by `ClusterSnapshot`'s JSON-Schema
 * via the `definition` "errorWrapper".
 */
export interface ErrorWrapper {
  error: ResourceError;
}
/**
 * Why a resource could not be read. `code` is the HTTP status (0 for transport errors).
 *
 * This interface was referenced by `ClusterSnapshot`'s JSON-Schema
 * via the `definition` "resourceError".
 */
export interface ResourceError {
  code: number;
  /**
   * Kubernetes Status reason (Forbidden, NotFound, Timeout, ...) or a havenkit reason (NotServed, Unreachable).
   */
  reason: string;
  message: string;
}
export interface ServerVersion {
  gitVersion: string;
  [k: string]: unknown;
}
export interface Discovery {
  groupVersions: string[];
}
/**
 * A collected resource: the List the API returned.
 *
 * This interface was referenced by `ClusterSnapshot`'s JSON-Schema
 * via the `definition` "list".
 */
export interface ResourceList {
  apiVersion: string;
  kind: string;
  metadata?: {
    [k: string]: unknown;
  };
  /**
   * The only fields kept of each item: the union of what the checks that read this resource declare (catalogue needs.resources[].fields), plus apiVersion, kind and metadata name, namespace and uid. Absent: whole objects. A check that reads a field not listed here is unknown (not collected), never evaluated on the smaller objects.
   */
  fields?: string[];
  items: KubeObject[];
  [k: string]: unknown;
}
/**
 * A Kubernetes object as the API returned it (minus metadata.managedFields), or its projection to `fields`.
 */
export interface KubeObject {
  metadata?: {
    managedFields?: never;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * The access reviews the checks need.
 */
export interface SnapshotAccess {
  /**
   * SelfSubjectAccessReview results for every permission the enabled checks need.
   */
  self?: ErrorWrapper | AccessReview[];
  /**
   * SubjectAccessReviews for made-up, unprivileged users (the rbac check): RBAC is enforced when such a user is denied.
   */
  unprivileged?: ErrorWrapper | UnprivilegedAccessReview[];
}
/**
 * One access review: may the collector's identity do verb on resource?
 *
 * This interface was referenced by `ClusterSnapshot`'s JSON-Schema
 * via the `definition` "accessReview".
 */
export interface AccessReview {
  verb: string;
  /**
   * API group, "" for core.
   */
  group: string;
  resource: string;
  namespace?: string;
  allowed: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
}
/**
 * One access review for a made-up user: may that user, in those groups, do verb on resource? The fields of accessReview, plus user and groups.
 *
 * This interface was referenced by `ClusterSnapshot`'s JSON-Schema
 * via the `definition` "unprivilegedAccessReview".
 */
export interface UnprivilegedAccessReview {
  verb: string;
  /**
   * API group, "" for core.
   */
  group: string;
  resource: string;
  namespace?: string;
  allowed: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
  user: string;
  groups: string[];
}
/**
 * The opt-in active probes: the only writes havenkit makes (run by @havenkit/collect).
 */
export interface SnapshotProbes {
  rwx?: RwxProbeResult;
  nodeLsm?: NodeLsmProbeResult;
}
/**
 * The rwx probe: whether a ReadWriteMany claim binds.
 */
export interface RwxProbeResult {
  /**
   * bound: a ReadWriteMany claim bound; pending: not bound before the timeout; error: could not run.
   */
  outcome: 'bound' | 'pending' | 'error';
  storageClass?: string;
  message: string;
  durationMs?: number;
}
/**
 * The node-lsm probe: the Linux security modules active on each node.
 */
export interface NodeLsmProbeResult {
  /**
   * Per node: the security modules observed in /sys/kernel/security/lsm and friends.
   */
  nodes: {
    [k: string]: {
      lsms: string[];
      error?: string;
    };
  };
}
