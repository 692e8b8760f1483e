/**
 * What one file of a fleet directory is: a report (signed or not), a file in the official Haven
 * format (passed over), or something that is not read, and why. Pure: the caller reads the bytes.
 * The parsers and the signature check are the ones `havenkit diff` and `havenkit verify` use.
 */
import type { KeyObject } from 'node:crypto';
import { oneLine, type ComplianceReport } from '@havenkit/model';
import { validate } from '../schema.js';
import { parseEnvelope, readSignedReport } from '../sign/envelope.js';
import { predicateTypeOf, REGISTER_PREDICATE_TYPE } from '../sign/register.js';
import { verifySignature } from '../sign/verify.js';
import type { NotReadProblem, SignatureState } from './model.js';

export type FleetRead =
  | {
      readonly kind: 'report';
      readonly report: ComplianceReport;
      readonly signature: SignatureState;
      readonly keyId?: string;
    }
  /** The official checker's JSON (haven.json): no cluster identity, so not a fleet report. */
  | { readonly kind: 'haven-json' }
  /** Another havenkit document beside the reports (a snapshot, a register, a fleet summary): passed over. */
  | { readonly kind: 'havenkit-document'; readonly what: string }
  | { readonly kind: 'not-read'; readonly problem: NotReadProblem; readonly detail?: string };

const notRead = (problem: NotReadProblem, detail?: string): FleetRead => ({
  kind: 'not-read',
  problem,
  ...(detail !== undefined ? { detail: oneLine(detail) } : {}),
});

/** An error of the shared parsers without the source they prefix it with (the row names it). */
function detailOf(error: unknown, source: string): string {
  const message = (error as Error).message;
  return message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A signed envelope: a report, verified with the key when there is one. */
function readSigned(text: string, source: string, key: KeyObject | undefined): FleetRead {
  try {
    const envelope = parseEnvelope(text, source);
    if (predicateTypeOf(envelope) === REGISTER_PREDICATE_TYPE) {
      return { kind: 'havenkit-document', what: 'signed DependencyRegister' };
    }
    let keyId: string | undefined;
    // The signature first, as verify does: nothing in an unverified payload is worth reading.
    if (key !== undefined) {
      const check = verifySignature(envelope, key, source);
      if (!check.ok) return notRead('bad-signature', check.message);
      keyId = check.keyId;
    }
    const { report, subject } = readSignedReport(text, source);
    const recorded = report.metadata.snapshot.sha256;
    if (key !== undefined && recorded !== undefined && recorded !== subject.sha256) {
      return notRead(
        'bad-signature',
        `the report records snapshot sha256 ${recorded}, but its signed subject is ${subject.sha256}`,
      );
    }
    return keyId !== undefined
      ? { kind: 'report', report, signature: 'verified', keyId }
      : { kind: 'report', report, signature: 'signed' };
  } catch (error) {
    return notRead('invalid-report', detailOf(error, source));
  }
}

/**
 * Reads a file's text as a fleet report. `source` names it in the parsers' messages (stripped
 * again from the detail). With `key`, a signed report must verify with it; an unsigned report is
 * read as unsigned either way (the overview says so).
 */
export function readFleetFile(text: string, source: string, key?: KeyObject): FleetRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return notRead('not-json', (error as Error).message);
  }
  if (!isObject(value)) return notRead('not-a-report', 'not a JSON object');
  if ('payloadType' in value) return readSigned(text, source, key);
  if ('HavenCompliant' in value && 'CompliancyChecks' in value) return { kind: 'haven-json' };
  const kind = value.kind;
  if (kind !== 'ComplianceReport') {
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
    if (typeof kind !== 'string') return notRead('not-a-report', 'no kind');
    // What havenkit writes next to its reports (the chart's history, check --save-snapshot) is no error.
    if (apiVersion.startsWith('havenkit.dev/')) return { kind: 'havenkit-document', what: kind };
    return notRead('not-a-report', `kind ${kind}`);
  }
  const problem = validate('report', value);
  if (problem) return notRead('invalid-report', problem);
  return { kind: 'report', report: value as unknown as ComplianceReport, signature: 'unsigned' };
}
