import type { Outcome, ComplianceReport, ReportResult } from '@havenkit/model';

/** The official checker's Result values. */
export type HavenResult = 'YES' | 'NO' | 'SKIPPED' | 'UNKNOWN';

const RESULT: Record<Outcome, HavenResult> = { pass: 'YES', fail: 'NO', skip: 'SKIPPED', unknown: 'UNKNOWN' };

export interface HavenCheckResult {
  Name: string;
  Label: string;
  Category: string;
  Rationale: string;
  Result: HavenResult;
}

/** The official checker's `--output=json` shape. */
export interface HavenJsonReport {
  Version: string;
  HavenCompliant: boolean;
  StartTS: string;
  StopTS: string;
  Config: { CNCF: boolean; CIS: boolean; KESC: boolean };
  CompliancyChecks: {
    Results: HavenCheckResult[];
    Summary: { Total: number; Unknown: number; Skipped: number; Failed: number; Passed: number };
  };
  SuggestedChecks: { Results: HavenCheckResult[] };
}

export interface HavenJsonOptions {
  /** When the run started / stopped (RFC 3339); the caller's clock, never the library's. */
  readonly startTs: string;
  readonly stopTs: string;
}

function toHaven(result: ReportResult): HavenCheckResult {
  return {
    Name: result.name,
    Label: result.label,
    Category: result.category,
    Rationale: result.rationale.en,
    Result: RESULT[result.outcome],
  };
}

/** Converts the native report to the official checker's JSON shape (the object). */
export function toHavenJson(report: ComplianceReport, options: HavenJsonOptions): HavenJsonReport {
  const opted = (name: string) => report.suggested.some((r) => r.name === name && r.outcome !== 'skip');
  const { total, unknown, skipped, failed, passed } = report.summary;
  return {
    Version: `Haven ${report.metadata.havenVersion}`,
    HavenCompliant: report.verdict === 'compliant',
    StartTS: options.startTs,
    StopTS: options.stopTs,
    Config: {
      CNCF: report.results.some((r) => r.name === 'cncf'),
      CIS: opted('cis'),
      KESC: opted('kubescape'),
    },
    CompliancyChecks: {
      Results: report.results.map(toHaven),
      Summary: { Total: total, Unknown: unknown, Skipped: skipped, Failed: failed, Passed: passed },
    },
    SuggestedChecks: { Results: report.suggested.map(toHaven) },
  };
}

/** The official checker's JSON shape as text (its key order, 2-space indentation, final newline). */
export function renderHavenJson(report: ComplianceReport, options: HavenJsonOptions): string {
  return `${JSON.stringify(toHavenJson(report, options), null, 2)}\n`;
}
