import type { LocalizedText } from './catalogue.js';

/** A waivers file (compliance/schemas/waivers.schema.json). */
export interface WaiverFile {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'WaiverList';
  waivers: Waiver[];
}

/** An object a waiver is limited to; `name` may use `*` wildcards. */
export interface WaiverObject {
  kind: string;
  name: string;
  namespace?: string;
}

/** An accepted, owned and dated exception to one check on one cluster. */
export interface Waiver {
  /** The check's name, e.g. "privatenetworking". */
  check: string;
  scope: {
    /** The cluster this waiver is for (a snapshot's metadata.clusterId). */
    clusterId: string;
    /** Only failures caused by these nodes (shorthand for objects of kind Node). */
    nodes?: string[];
    /** Only failures caused by these objects. */
    objects?: WaiverObject[];
  };
  reason: string;
  owner: string;
  ticket: string;
  /** Last day the waiver is active (YYYY-MM-DD, inclusive, UTC). */
  expires: string;
}

/**
 * What became of a waiver: applied to a failure; expired; for another cluster; its objects do not
 * cover every offending object; or nothing to waive (the check did not fail, or did not run).
 */
export type WaiverStatus = 'applied' | 'expired' | 'out-of-scope' | 'not-needed';

export interface WaiverOutcome {
  waiver: Waiver;
  status: WaiverStatus;
  /** Why this status, in English and Dutch. */
  detail: LocalizedText;
}

/** The waivers section of a report. */
export interface WaiverReport {
  /** sha256 of the waivers file's bytes. */
  sha256: string;
  /** The date the expiry was compared with: the snapshot's collection date (UTC). */
  asOf: string;
  waivers: WaiverOutcome[];
}
