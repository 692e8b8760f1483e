import type { Category, LocalizedText } from './catalogue.js';
import type { Evidence, Outcome, UnknownCause } from './result.js';
import type { WaiverReport } from './waivers.js';

export const REPORT_API_VERSION = 'havenkit.dev/v1alpha1';
export const REPORT_KIND = 'ComplianceReport';

/** compliant: every mandatory check passed or was skipped; not-compliant: one failed; inconclusive: none failed, ≥1 unknown. */
export type Verdict = 'compliant' | 'not-compliant' | 'inconclusive';

/**
 * The verdict once active waivers are taken into account. Never plain "compliant": a cluster
 * whose only failures are waived is "compliant-with-waivers".
 */
export type VerdictWithWaivers = 'compliant-with-waivers' | Verdict;

/** The report languages. */
export type Language = keyof LocalizedText;
export const LANGUAGES: readonly Language[] = ['en', 'nl'];

/** How a failed check's waiver applied (present only on waived failures). */
export interface ResultWaiver {
  /** Index of the waiver in report.waivers.waivers. */
  index: number;
  owner: string;
  ticket: string;
  expires: string;
  reason: string;
}

/** A check's definition joined with its result. */
export interface ReportResult {
  name: string;
  label: string;
  category: Category;
  mandatory: boolean;
  rationale: LocalizedText;
  /** The check's own outcome; a waiver never changes it. */
  outcome: Outcome;
  reason: LocalizedText;
  cause?: UnknownCause;
  evidence: Evidence[];
  /** Set when outcome is "fail" and an active waiver covers it: the failure shows as waived. */
  waived?: ResultWaiver;
}

export interface ReportSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  unknown: number;
  /** Failures covered by an active waiver; they are counted in `failed` too. */
  waived: number;
}

/** The options an evaluation ran with, so that `verify` can re-run it exactly. */
export interface EvaluationSettings {
  only?: string[];
  latestKubernetes?: string;
  suggested: { cis: boolean; kubescape: boolean };
  /** The Haven releases the havenversion check compared against (absent: offline, skipped). */
  havenReleases?: { version: string; date: string }[];
}

/** The native report (compliance/schemas/report.schema.json). */
export interface ComplianceReport {
  apiVersion: typeof REPORT_API_VERSION;
  kind: typeof REPORT_KIND;
  metadata: {
    havenVersion: string;
    checker: { name: string; version: string };
    snapshot: { collectedAt: string; server?: string; context?: string; clusterId?: string; sha256?: string };
    evaluation: EvaluationSettings;
  };
  /** The verdict of the checks alone; waivers never change it. */
  verdict: Verdict;
  /** Present when a waivers file was given. */
  verdictWithWaivers?: VerdictWithWaivers;
  /** Counts over the mandatory checks that ran. */
  summary: ReportSummary;
  /** Mandatory checks, in catalogue order (category, then name). */
  results: ReportResult[];
  /** Suggested checks (cis, kubescape), in catalogue order. */
  suggested: ReportResult[];
  /** Present when a waivers file was given: every waiver and whether it applied. */
  waivers?: WaiverReport;
}
