import type { LocalizedText } from './catalogue.js';

/** What a check concluded. A closed set: every non-pass carries a reason. */
export type Outcome = 'pass' | 'fail' | 'skip' | 'unknown';

/** Why a check could not decide (outcome "unknown"). */
export type UnknownCause = 'forbidden' | 'not-collected' | 'timeout' | 'api-error' | 'insufficient-data';

/** One piece of evidence: the object that decided, and the fields that decided. */
export interface Evidence {
  /** Kind of the object (Node, StorageClass, APIService, Pod, ...) or a pseudo-kind (Version, Discovery, AccessReview, Probe). */
  kind: string;
  name?: string;
  namespace?: string;
  /** The deciding fields, flattened: { "labels.topology.kubernetes.io/zone": "nl-ams-1" }. */
  fields: Record<string, string | number | boolean | null>;
  /** True when the evidence is an inference, not an observation (e.g. SELinux assumed from the OS). */
  inferred?: boolean;
  /** A short note on how this item counted, in English and Dutch. */
  note?: LocalizedText;
  /**
   * True on the objects that made the check fail (a node with a public address, a node without a
   * hardened OS). Object-scoped waivers match these.
   */
  offending?: boolean;
}

export interface CheckResult {
  name: string;
  outcome: Outcome;
  /** One sentence, in English and Dutch: why this outcome. Required for every outcome (pass too). */
  reason: LocalizedText;
  /** Present when outcome is "unknown". */
  cause?: UnknownCause;
  evidence: Evidence[];
}
