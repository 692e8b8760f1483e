/**
 * Generated from compliance/schemas/waivers.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */

/**
 * Accepted, owned and dated exceptions to Haven checks on one cluster. A waived failure still fails; the report shows it as waived and gives a separate verdict with waivers.
 */
export interface WaiverFile {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'WaiverList';
  waivers: Waiver[];
}
/**
 * An accepted, owned and dated exception to one check on one cluster.
 *
 * This interface was referenced by `WaiverFile`'s JSON-Schema
 * via the `definition` "waiver".
 */
export interface Waiver {
  /**
   * The check's name, e.g. privatenetworking.
   */
  check: string;
  scope: WaiverScope;
  reason: string;
  owner: string;
  ticket: string;
  /**
   * Last day the waiver is active (YYYY-MM-DD, inclusive), compared with the snapshot's collection date (UTC).
   */
  expires: string;
}
/**
 * What the waiver covers: one cluster, and optionally only some of its nodes or objects.
 */
export interface WaiverScope {
  /**
   * The cluster this waiver is for: the snapshot's metadata.clusterId (the kube-system namespace's uid).
   */
  clusterId: string;
  /**
   * Only failures caused by these nodes (names; * is a wildcard).
   *
   * @minItems 1
   */
  nodes?: string[];
  /**
   * Only failures caused by these objects (name: * is a wildcard).
   *
   * @minItems 1
   */
  objects?: WaiverObject[];
}
/**
 * An object a waiver is limited to; name may use * wildcards.
 */
export interface WaiverObject {
  kind: string;
  name: string;
  namespace?: string;
}
