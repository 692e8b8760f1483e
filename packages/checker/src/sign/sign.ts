import { sign } from 'node:crypto';
import { InputError, type ComplianceReport } from '@havenkit/model';
import { canonicalJson, sortKeysDeep } from '../snapshot/canonical.js';
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_TYPE,
  REPORT_PREDICATE_TYPE,
  type DsseEnvelope,
  type ReportSubject,
} from './envelope.js';
import { keyIdOf, loadPrivateKey } from './keys.js';
import { pae } from './pae.js';

/** A signed report: the DSSE envelope as JSON text, and the id of the key that signed it. */
export interface SignedEnvelope {
  /** Canonical JSON (sorted keys, final newline) of the DSSE envelope. */
  envelope: string;
  keyId: string;
}

/**
 * Signs a report: an in-toto Statement v1 whose subject is the snapshot the report was made from
 * and whose predicate is the report, in a DSSE envelope signed with ed25519 over the DSSE PAE.
 * The statement is serialized with sorted keys, so the same report, subject and key give the
 * same envelope byte for byte (ed25519 signatures are deterministic).
 * @param privateKeyPem an ed25519 private key, PKCS#8 PEM (`havenkit keys generate`).
 * @param subject the snapshot file's name and the sha256 of its bytes.
 * @param source names the key in errors, e.g. "havenkit.key (--sign)".
 * @throws InputError (one line, exit code 3) when the key is not an ed25519 private key.
 */
export function signReport(
  report: ComplianceReport,
  privateKeyPem: string,
  subject: ReportSubject,
  source?: string,
): SignedEnvelope {
  return signStatement(REPORT_PREDICATE_TYPE, report, privateKeyPem, subject, source);
}

/**
 * Signs an in-toto Statement v1 about `subject` with `predicate` of `predicateType` in a DSSE
 * envelope (ed25519 over the PAE): what signReport and signRegister share.
 * @throws InputError (one line, exit code 3) when the key is not an ed25519 private key.
 */
export function signStatement(
  predicateType: string,
  predicate: unknown,
  privateKeyPem: string,
  subject: ReportSubject,
  source?: string,
): SignedEnvelope {
  const key = loadPrivateKey(privateKeyPem, source);
  if (!/^[0-9a-f]{64}$/.test(subject.sha256)) {
    throw new InputError(`subject ${subject.name}: sha256 "${subject.sha256}" is not a lowercase hex sha256`);
  }
  const statement = {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: subject.name, digest: { sha256: subject.sha256 } }],
    predicateType,
    predicate,
  };
  const payload = Buffer.from(JSON.stringify(sortKeysDeep(statement)), 'utf8');
  const keyId = keyIdOf(key);
  const signature = sign(null, pae(IN_TOTO_PAYLOAD_TYPE, payload), key);
  const envelope: DsseEnvelope = {
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: payload.toString('base64'),
    signatures: [{ keyid: keyId, sig: signature.toString('base64') }],
  };
  return { envelope: canonicalJson(envelope), keyId };
}
