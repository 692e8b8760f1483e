import { canonicalJson } from '../snapshot/canonical.js';
import type { ComplianceReport } from '@havenkit/model';

/** The native report as JSON (compliance/schemas/report.schema.json): sorted keys, final newline. */
export function renderJson(report: ComplianceReport): string {
  return canonicalJson(report);
}
