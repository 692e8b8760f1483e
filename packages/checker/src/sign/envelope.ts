import { InputError, oneLine, type ComplianceReport } from '@havenkit/model';
import { validate } from '../schema.js';

/** The DSSE payload type of an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** The in-toto Statement v1 type. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** The predicate type of a signed havenkit report: the predicate is the native ComplianceReport. */
export const REPORT_PREDICATE_TYPE = 'https://havenkit.dev/ComplianceReport/v1alpha1';

/** One DSSE signature: the key id (an unauthenticated hint, see keyIdOf) and the base64 signature. */
export interface DsseSignature {
  keyid: string;
  sig: string;
}

/** A DSSE envelope (https://github.com/secure-systems-lab/dsse/blob/master/envelope.md). */
export interface DsseEnvelope {
  payloadType: string;
  /** base64 of the signed bytes (the statement JSON). */
  payload: string;
  signatures: DsseSignature[];
}

/** What the report was made from: the snapshot file's name and the sha256 of its bytes. */
export interface ReportSubject {
  name: string;
  sha256: string;
}

/** The in-toto Statement v1 a signed report carries. */
export interface ReportStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: typeof REPORT_PREDICATE_TYPE;
  predicate: ComplianceReport;
}

/** A signed report, parsed and validated (the signature is not checked here: see verifySignature). */
export interface SignedReport {
  envelope: DsseEnvelope;
  statement: ReportStatement;
  report: ComplianceReport;
  /** The first subject of the statement: the snapshot the report was made from. */
  subject: ReportSubject;
  /** The key ids the envelope's signatures name. */
  keyIds: string[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]*={0,2}|[A-Za-z0-9_-]*={0,2})$/;
const SHA256 = /^[0-9a-f]{64}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBase64(value: unknown): value is string {
  return typeof value === 'string' && value.length % 4 !== 1 && BASE64.test(value);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${what} is not valid JSON (${oneLine((error as Error).message)})`);
  }
}

/**
 * Parses a DSSE envelope and checks its shape only: payloadType and payload (base64) strings, and
 * signatures, each with a base64 sig and a keyid (DSSE allows it to be absent: read as "").
 * @param source names the input in errors, e.g. the file path.
 * @throws InputError `<source>: <json pointer> <problem>` (one line, exit code 3).
 */
export function parseEnvelope(input: string | unknown, source: string): DsseEnvelope {
  const value = typeof input === 'string' ? parseJson(input, source) : input;
  if (!isObject(value)) throw new InputError(`${source}: / is not a DSSE envelope (a JSON object)`);
  if (value.kind === 'ComplianceReport' && value.payloadType === undefined) {
    throw new InputError(
      `${source}: an unsigned report (no DSSE envelope); sign reports with havenkit check --sign`,
    );
  }
  if (typeof value.payloadType !== 'string') {
    throw new InputError(`${source}: /payloadType is missing or not a string: not a signed report`);
  }
  if (!isBase64(value.payload)) throw new InputError(`${source}: /payload is missing or not base64`);
  if (!Array.isArray(value.signatures)) {
    throw new InputError(`${source}: /signatures is missing or not an array`);
  }
  const signatures = value.signatures.map((s: unknown, i): DsseSignature => {
    if (!isObject(s)) throw new InputError(`${source}: /signatures/${i} is not an object`);
    if (!isBase64(s.sig) || s.sig === '') {
      throw new InputError(`${source}: /signatures/${i}/sig is missing or not base64`);
    }
    if (s.keyid !== undefined && typeof s.keyid !== 'string') {
      throw new InputError(`${source}: /signatures/${i}/keyid is not a string`);
    }
    return { keyid: s.keyid ?? '', sig: s.sig };
  });
  return { payloadType: value.payloadType, payload: value.payload, signatures };
}

/** The bytes an envelope signs: its payload, base64-decoded. */
export function payloadBytes(envelope: DsseEnvelope): Buffer {
  return Buffer.from(envelope.payload, 'base64');
}

/**
 * Parses a signed report (`havenkit check --sign`): the DSSE envelope, the in-toto statement in
 * its payload, and the ComplianceReport predicate, validated against the report schema.
 * Does not check the signature (verifySignature does).
 * @throws InputError naming the source and the first bad field (one line, exit code 3).
 */
export function readSignedReport(text: string, source: string): SignedReport {
  const envelope = parseEnvelope(text, source);
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new InputError(
      `${source}: /payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`,
    );
  }
  const where = `${source}: /payload`;
  const statement = parseJson(payloadBytes(envelope).toString('utf8'), where);
  if (!isObject(statement)) throw new InputError(`${where} is not an in-toto statement (a JSON object)`);
  if (statement._type !== IN_TOTO_STATEMENT_TYPE) {
    throw new InputError(
      `${where} /_type is ${JSON.stringify(statement._type)}, expected ${IN_TOTO_STATEMENT_TYPE}`,
    );
  }
  if (statement.predicateType !== REPORT_PREDICATE_TYPE) {
    throw new InputError(
      `${where} /predicateType is ${JSON.stringify(statement.predicateType)}, expected ${REPORT_PREDICATE_TYPE}`,
    );
  }
  const subjects = statement.subject;
  if (!Array.isArray(subjects) || subjects.length === 0) {
    throw new InputError(`${where} /subject is missing or empty`);
  }
  subjects.forEach((s: unknown, i) => {
    if (!isObject(s) || typeof s.name !== 'string') {
      throw new InputError(`${where} /subject/${i}/name is missing or not a string`);
    }
    const sha256 = isObject(s.digest) ? s.digest.sha256 : undefined;
    if (typeof sha256 !== 'string' || !SHA256.test(sha256)) {
      throw new InputError(`${where} /subject/${i}/digest/sha256 is missing or not a lowercase hex sha256`);
    }
  });
  const problem = validate('report', statement.predicate, undefined, 'payload.predicate');
  if (problem) throw new InputError(`${source}: ${problem}`);
  const checked = statement as unknown as ReportStatement;
  const first = checked.subject[0]!;
  return {
    envelope,
    statement: checked,
    report: checked.predicate,
    subject: { name: first.name, sha256: first.digest.sha256 },
    keyIds: envelope.signatures.map((s) => s.keyid),
  };
}
