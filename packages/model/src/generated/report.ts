/**
 * Generated from compliance/schemas/report.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */
import type { Waiver } from './waivers.js';

/**
 * The verdict of the checks alone; waivers never change it. compliant: every mandatory check ran and passed or was skipped; not-compliant: a mandatory check failed; inconclusive: none failed, one or more unknown; selected-passed: a run limited by --only (metadata.evaluation.notEvaluated lists the mandatory checks it left out) in which every selected check passed or was skipped. That is not a Haven verdict: only a run of every mandatory check can be compliant.
 */
export type Verdict = 'compliant' | 'not-compliant' | 'inconclusive' | 'selected-passed';
/**
 * Present with a waivers file: the verdict when active waivers are taken into account. Never plain compliant: a cluster whose only failures are waived is compliant-with-waivers (selected-passed-with-waivers in a run limited by --only).
 */
export type VerdictWithWaivers =
  | 'compliant-with-waivers'
  | 'compliant'
  | 'not-compliant'
  | 'inconclusive'
  | 'selected-passed'
  | 'selected-passed-with-waivers';
export type Category = 'Fundamental' | 'Infrastructure' | 'Cluster' | 'External' | 'Haven+' | 'Validation';
/**
 * What the check concluded; a waiver never changes it. A closed set: every non-pass carries a reason.
 */
export type Outcome = 'pass' | 'fail' | 'skip' | 'unknown';
/**
 * Why the check could not decide; present when outcome is unknown.
 */
export type UnknownCause = 'forbidden' | 'not-collected' | 'timeout' | 'api-error' | 'insufficient-data';
/**
 * What became of the waiver: applied to a failure; expired; for another cluster, or its objects do not cover every offending object (out-of-scope); or nothing to waive (the check did not fail, or did not run).
 */
export type WaiverStatus = 'applied' | 'expired' | 'out-of-scope' | 'not-needed';

/**
 * The native report (havenkit check --output json): every check's outcome, why, and the evidence that decided.
 */
export interface ComplianceReport {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'ComplianceReport';
  metadata: ReportMetadata;
  verdict: Verdict;
  verdictWithWaivers?: VerdictWithWaivers;
  summary: ReportSummary;
  /**
   * Mandatory checks, in catalogue order (category, then name).
   */
  results: ReportResult[];
  /**
   * Suggested checks (cis, kubescape), in catalogue order.
   */
  suggested: ReportResult[];
  /**
   * Present when a waivers file was given: every waiver and whether it applied.
   */
  waivers?: WaiverReport;
}
export interface ReportMetadata {
  /**
   * The Haven version the catalogue implements, e.g. v12.8.0.
   */
  havenVersion: string;
  /**
   * The program that evaluated the snapshot.
   */
  checker: {
    name: string;
    version: string;
  };
  snapshot: ReportSnapshot;
  evaluation: EvaluationSettings;
}
/**
 * The snapshot the report was made from.
 */
export interface ReportSnapshot {
  collectedAt: string;
  server?: string;
  context?: string;
  clusterId?: string;
  /**
   * sha256 of the snapshot file's bytes.
   */
  sha256?: string;
}
/**
 * The options the evaluation ran with, so that verify can re-run it exactly.
 */
export interface EvaluationSettings {
  only?: string[];
  /**
   * Mandatory checks that --only left out, in catalogue order. Present (and non-empty) only then: such a run never gives a Haven verdict.
   *
   * @minItems 1
   */
  notEvaluated?: string[];
  latestKubernetes?: string;
  suggested: {
    cis: boolean;
    kubescape: boolean;
  };
  /**
   * The Haven releases the havenversion check compared against (absent: offline, skipped).
   */
  havenReleases?: {
    version: string;
    date: string;
  }[];
}
/**
 * Counts over the mandatory checks that ran.
 */
export interface ReportSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  unknown: number;
  /**
   * Failures covered by an active waiver; they are counted in failed too (reports show failed - waived as failed, so that the counts add up to total).
   */
  waived: number;
}
/**
 * A check's definition joined with its result.
 *
 * This interface was referenced by `ComplianceReport`'s JSON-Schema
 * via the `definition` "result".
 */
export interface ReportResult {
  /**
   * The official checker's Name, e.g. multiaz.
   */
  name: string;
  /**
   * The official checker's Label, verbatim.
   */
  label: string;
  category: Category;
  /**
   * Mandatory checks decide compliance; suggested ones (cis, kubescape) are opt-in.
   */
  mandatory: boolean;
  /**
   * Why the standard asks for this, in English and Dutch.
   */
  rationale: LocalizedText;
  outcome: Outcome;
  /**
   * One sentence, in English and Dutch: why this outcome. Required for every outcome (pass too).
   */
  reason: LocalizedText;
  cause?: UnknownCause;
  evidence: Evidence[];
  /**
   * What to do, in English and Dutch: present when the outcome is fail or unknown, absent on pass and skip. For a failure, the check's advice from the catalogue; for an unknown, the check's advice for the cause, else a generic next step for the cause, and for forbidden also a ClusterRole granting exactly the check's permissions. Remediation text: paragraphs separated by blank lines, "- " list items, ``` fenced code blocks and `inline code`; it reads as it is in a terminal.
   */
  remediation?: LocalizedText;
  waived?: ResultWaiver;
}
/**
 * A text in English and Dutch.
 *
 * This interface was referenced by `ComplianceReport`'s JSON-Schema
 * via the `definition` "localized".
 */
export interface LocalizedText {
  en: string;
  nl: string;
}
/**
 * One piece of evidence: the object that decided, and the fields that decided.
 *
 * This interface was referenced by `ComplianceReport`'s JSON-Schema
 * via the `definition` "evidence".
 */
export interface Evidence {
  /**
   * Kind of the object (Node, StorageClass, APIService, Pod, ...) or a pseudo-kind (Version, Discovery, AccessReview, Probe).
   */
  kind: string;
  name?: string;
  namespace?: string;
  /**
   * The deciding fields, flattened: { "labels.topology.kubernetes.io/zone": "nl-ams-1" }.
   */
  fields: {
    [k: string]: string | number | boolean | null;
  };
  /**
   * True when the evidence is an inference, not an observation (e.g. SELinux assumed from the OS).
   */
  inferred?: boolean;
  /**
   * A short note on how this item counted, in English and Dutch.
   */
  note?: LocalizedText;
  /**
   * True on the objects that made the check fail (a node with a public address, a node without a hardened OS). Object-scoped waivers match these.
   */
  offending?: boolean;
}
/**
 * Set when outcome is fail and an active waiver covers it: the failure shows as waived.
 */
export interface ResultWaiver {
  /**
   * Index of the waiver in waivers.waivers.
   */
  index: number;
  owner: string;
  ticket: string;
  expires: string;
  reason: string;
}
/**
 * The waivers section of a report.
 *
 * This interface was referenced by `ComplianceReport`'s JSON-Schema
 * via the `definition` "waiverReport".
 */
export interface WaiverReport {
  /**
   * sha256 of the waivers file's bytes.
   */
  sha256: string;
  /**
   * The date the expiry was compared with: the snapshot's collection date (UTC).
   */
  asOf: string;
  waivers: WaiverOutcome[];
}
/**
 * What became of one waiver.
 */
export interface WaiverOutcome {
  waiver: Waiver;
  status: WaiverStatus;
  /**
   * Why this status, in English and Dutch.
   */
  detail: LocalizedText;
}
