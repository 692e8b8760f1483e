/**
 * The native report (compliance/schemas/report.schema.json); the types are generated from the
 * schema (./generated/report.ts).
 */
import type { LocalizedText } from './generated/report.js';

export const REPORT_API_VERSION = 'havenkit.dev/v1alpha1';
export const REPORT_KIND = 'ComplianceReport';

export type {
  Verdict,
  VerdictWithWaivers,
  ResultWaiver,
  ReportResult,
  ReportSummary,
  EvaluationSettings,
  ComplianceReport,
} from './generated/report.js';

/** The report languages. */
export type Language = keyof LocalizedText;
export const LANGUAGES: readonly Language[] = ['en', 'nl'];
