import type { ReportResult } from './generated/report.js';

/** The outcome, cause and evidence types are the report schema's (compliance/schemas/report.schema.json). */
export type { Outcome, UnknownCause, Evidence } from './generated/report.js';

/** What a check function returns: a report result without the check's definition. */
export type CheckResult = Pick<ReportResult, 'name' | 'outcome' | 'reason' | 'cause' | 'evidence'>;
