/**
 * The ClusterSnapshot: everything the checks need, read once from a cluster (or loaded from a
 * file), so that evaluation is a pure function. Schema: compliance/schemas/snapshot.schema.json;
 * the types are generated from it (./generated/snapshot.ts), and refined here only where the
 * schema keeps raw Kubernetes objects loose.
 */
import type * as S from './generated/snapshot.js';
import type { ResourceError } from './generated/snapshot.js';
import type { Accepts, Assignable } from './refine.js';

export const SNAPSHOT_API_VERSION = 'havenkit.dev/v1alpha1';
export const SNAPSHOT_KIND = 'ClusterSnapshot';

export type {
  SnapshotMetadata,
  ResourceError,
  AccessReview as AccessReviewResult,
  SnapshotAccess,
  RwxProbeResult,
  NodeLsmProbeResult,
  SnapshotProbes,
} from './generated/snapshot.js';

/**
 * A Kubernetes object as the API returned it. The schema keeps it loose (any object without
 * metadata.managedFields); this names the fields the checks read. In memory it may still carry
 * managedFields: writing a snapshot strips them, reading one rejects them.
 */
export interface KubeObject extends Omit<S.KubeObject, 'metadata'> {
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
}

/**
 * A List as the API returned it, with its items as KubeObjects. Unlike the schema's, it has no
 * index signature, so that `'error' in resource` tells a List from a ResourceError wrapper.
 */
export type ResourceList = {
  apiVersion: string;
  kind: string;
  metadata?: Record<string, unknown>;
  /** The fields kept of each item (a projection, see the checker's projection.ts); absent: whole objects. */
  fields?: string[];
  items: KubeObject[];
};

/** A collected resource: the List, or the error that kept it from being read. */
export type CollectedResource = ResourceList | { error: ResourceError };

/** The opt-in active probes: the only writes havenkit makes (run by @havenkit/collect). */
export type ProbeName = 'rwx' | 'node-lsm';
export const PROBE_NAMES: readonly ProbeName[] = ['node-lsm', 'rwx'];

/**
 * The snapshot as the schema describes it, with resources as CollectedResources (refining the
 * schema's loose items), and `version` as any object: the collector stores the /version response
 * unchecked; reading a snapshot file checks its gitVersion.
 */
export interface ClusterSnapshot extends Omit<S.ClusterSnapshot, 'resources' | 'version'> {
  /** The GET /version response, verbatim; or the error that kept it from being read. */
  version: Record<string, unknown> | { error: ResourceError };
  /**
   * Keyed by kubectl's resource names: "nodes", "storageclasses.storage.k8s.io". An absent key
   * means "not collected" (never "empty").
   */
  resources: Record<string, CollectedResource>;
}

/** A KubeObject as a snapshot file holds it: without metadata.managedFields. */
type StoredKubeObject = KubeObject & { metadata?: { managedFields?: never } };

// The refinements must stay within the schema, and `version` must accept what the schema does:
// a schema change that contradicts them fails tsc here.
type _SnapshotRefinements = [
  Assignable<StoredKubeObject, S.KubeObject>,
  Assignable<Omit<ResourceList, 'items'> & { items: StoredKubeObject[] }, S.ResourceList>,
  Assignable<{ error: ResourceError }, S.ErrorWrapper>,
  Accepts<ClusterSnapshot['version'], S.ClusterSnapshot['version']>,
];
