import { readFileSync } from 'node:fs';
import { InputError, oneLine } from '../errors.js';
import { validate } from '../schema.js';
import type { ComplianceReport } from './types.js';

/** A native report read from a file, and whether it came out of a DSSE envelope (signature unchecked). */
export interface ReportFile {
  report: ComplianceReport;
  enveloped: boolean;
}

const IN_TOTO = 'application/vnd.in-toto+json';

/**
 * Parses a native JSON report, or the report inside a signed DSSE envelope (`check --sign`),
 * without checking the signature (that is `havenkit verify`'s job).
 * @throws InputError naming the source and the first bad field (exit code 3).
 */
export function parseReportText(text: string, source: string): ReportFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source}: not valid JSON: ${oneLine((error as Error).message)}`);
  }
  let enveloped = false;
  if (typeof value === 'object' && value !== null && 'payloadType' in value) {
    const envelope = value as { payloadType?: unknown; payload?: unknown };
    if (envelope.payloadType !== IN_TOTO || typeof envelope.payload !== 'string') {
      throw new InputError(`${source}: /payloadType is not ${IN_TOTO}, or /payload is missing`);
    }
    try {
      value = (
        JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { predicate?: unknown }
      ).predicate;
    } catch {
      throw new InputError(`${source}: /payload is not a base64 in-toto statement`);
    }
    enveloped = true;
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && kind !== 'ComplianceReport') {
    throw new InputError(`${source}: not a havenkit report (kind ${kind}; expected ComplianceReport)`);
  }
  const problem = validate('report', value);
  if (problem) throw new InputError(`${source}: ${enveloped ? 'in the signed predicate: ' : ''}${problem}`);
  return { report: value as ComplianceReport, enveloped };
}

/** Reads a report file (see parseReportText). @throws InputError for a missing or bad file. */
export function readReportFile(path: string): ReportFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read report ${path}: ${code === 'ENOENT' ? 'no such file' : oneLine((error as Error).message)}`,
    );
  }
  return parseReportText(text, path);
}
