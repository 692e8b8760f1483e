import type { Category, LocalizedText } from '../catalogue/types.js';
import type { Evidence, Outcome, UnknownCause } from '../result.js';

export const REPORT_API_VERSION = 'havenkit.dev/v1alpha1';
export const REPORT_KIND = 'ComplianceReport';

/** compliant: every mandatory check passed or was skipped; not-compliant: one failed; inconclusive: none failed, ≥1 unknown. */
export type Verdict = 'compliant' | 'not-compliant' | 'inconclusive';

/** A check's definition joined with its result. */
export interface ReportResult {
  name: string;
  label: string;
  category: Category;
  mandatory: boolean;
  rationale: LocalizedText;
  outcome: Outcome;
  reason: string;
  cause?: UnknownCause;
  evidence: Evidence[];
}

export interface ReportSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  unknown: number;
}

/** The native report (compliance/schemas/report.schema.json). */
export interface ComplianceReport {
  apiVersion: typeof REPORT_API_VERSION;
  kind: typeof REPORT_KIND;
  metadata: {
    havenVersion: string;
    checker: { name: string; version: string };
    snapshot: { collectedAt: string; server?: string; context?: string; clusterId?: string; sha256?: string };
  };
  verdict: Verdict;
  /** Counts over the mandatory checks that ran. */
  summary: ReportSummary;
  /** Mandatory checks, in catalogue order (category, then name). */
  results: ReportResult[];
  /** Suggested checks (cis, kubescape), in catalogue order. */
  suggested: ReportResult[];
}
