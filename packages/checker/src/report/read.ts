import { INPUT_LIMITS, inputErrorReason, readInputFile } from '../files/read-input.js';
import { InputError, oneLine, type ComplianceReport } from '@havenkit/model';
import { validate } from '../schema.js';
import { readSignedReport } from '../sign/envelope.js';

/**
 * Parses a native JSON report, or the report inside a signed DSSE envelope (`check --sign`, read by
 * readSignedReport), without checking the signature (that is `havenkit verify`'s job).
 * @throws InputError naming the source and the first bad field (exit code 3).
 */
export function parseReportText(text: string, source: string): ComplianceReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source}: not valid JSON: ${oneLine((error as Error).message)}`);
  }
  if (typeof value === 'object' && value !== null && 'payloadType' in value) {
    return readSignedReport(text, source).report;
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && kind !== 'ComplianceReport') {
    throw new InputError(`${source}: not a havenkit report (kind ${kind}; expected ComplianceReport)`);
  }
  const problem = validate('report', value);
  if (problem) throw new InputError(`${source}: ${problem}`);
  return value as ComplianceReport;
}

/** Reads a report file (see parseReportText). @throws InputError for a missing or bad file. */
export function readReportFile(path: string, maxBytes: number = INPUT_LIMITS.snapshot): ComplianceReport {
  let text: string;
  try {
    text = readInputFile(path, maxBytes).toString('utf8');
  } catch (error) {
    throw new InputError(`cannot read report ${path}: ${inputErrorReason(error)}`);
  }
  return parseReportText(text, path);
}
