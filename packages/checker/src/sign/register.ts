/**
 * Signed dependency registers: the same DSSE envelope and in-toto statement as a signed check
 * report (sign.ts), with the register as predicate, so `havenkit verify` checks both with one key.
 */
import { InputError, oneLine, type DependencyRegister } from '@havenkit/model';
import { validate } from '../schema.js';
import {
  IN_TOTO_STATEMENT_TYPE,
  parseEnvelope,
  payloadBytes,
  type DsseEnvelope,
  type ReportSubject,
} from './envelope.js';
import { signStatement, type SignedEnvelope } from './sign.js';

/** The predicate type of a signed register: the predicate is the DependencyRegister. */
export const REGISTER_PREDICATE_TYPE = 'https://havenkit.dev/DependencyRegister/v1alpha1';

/**
 * Signs a register: an in-toto Statement v1 whose subject is what the register was made from (the
 * snapshot file, or the manifests) and whose predicate is the register; deterministic like
 * signReport.
 * @throws InputError (one line, exit code 3) when the key is not an ed25519 private key.
 */
export function signRegister(
  register: DependencyRegister,
  privateKeyPem: string,
  subject: ReportSubject,
  source?: string,
): SignedEnvelope {
  return signStatement(REGISTER_PREDICATE_TYPE, register, privateKeyPem, subject, source);
}

/** The predicate type an envelope's statement names; undefined when the payload is no statement. */
export function predicateTypeOf(envelope: DsseEnvelope): string | undefined {
  try {
    const statement = JSON.parse(payloadBytes(envelope).toString('utf8')) as { predicateType?: unknown };
    return typeof statement.predicateType === 'string' ? statement.predicateType : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses a signed register: the envelope, the statement and the register, validated against the
 * register schema. Does not check the signature (verifySignature does).
 * @throws InputError naming the source and the first bad field (one line, exit code 3).
 */
export function readSignedRegister(
  text: string,
  source: string,
): { register: DependencyRegister; subject: ReportSubject } {
  const envelope = parseEnvelope(text, source);
  const where = `${source}: /payload`;
  let statement: Record<string, unknown>;
  try {
    statement = JSON.parse(payloadBytes(envelope).toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`${where} is not valid JSON (${oneLine((error as Error).message)})`);
  }
  if (statement._type !== IN_TOTO_STATEMENT_TYPE || statement.predicateType !== REGISTER_PREDICATE_TYPE) {
    throw new InputError(
      `${where} is not a signed dependency register (predicateType ${String(statement.predicateType)})`,
    );
  }
  const first = (statement.subject as { name?: unknown; digest?: { sha256?: unknown } }[] | undefined)?.[0];
  if (
    typeof first?.name !== 'string' ||
    typeof first.digest?.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(first.digest.sha256)
  ) {
    throw new InputError(`${where} /subject/0 is missing a name or a lowercase hex sha256`);
  }
  const problem = validate('register', statement.predicate, undefined, 'payload.predicate');
  if (problem) throw new InputError(`${source}: ${problem}`);
  return {
    register: statement.predicate as DependencyRegister,
    subject: { name: first.name, sha256: first.digest.sha256 },
  };
}
