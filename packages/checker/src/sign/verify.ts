import { verify, type KeyObject } from 'node:crypto';
import { parseEnvelope, payloadBytes, type DsseEnvelope } from './envelope.js';
import { keyIdOf, loadPublicKey } from './keys.js';
import { pae } from './pae.js';

/** Why a signature did not verify. */
export type SignatureProblem =
  /** The envelope carries no signature at all. */
  | 'no-signatures'
  /** No signature verifies, and none names this key: signed with another key. */
  | 'key-id-mismatch'
  /** A signature verifies, but names another key id than this key's: the envelope was relabelled. */
  | 'key-id-relabelled'
  /** A signature names this key (or no key) but does not verify: the payload was changed after signing. */
  | 'invalid-signature';

export type SignatureCheck =
  | { ok: true; keyId: string }
  | {
      ok: false;
      /** The id of the key verified with. */
      keyId: string;
      problem: SignatureProblem;
      /** The key ids the envelope names. */
      signedBy: string[];
      /** One line, e.g. "signature does not verify with key 3f…"; the caller prefixes the file name. */
      message: string;
    };

/**
 * Verifies a DSSE envelope's signatures with an ed25519 public key over PAE(payloadType, payload).
 * Succeeds when a signature verifies and names this key's id (or no id). Never throws for a bad
 * signature (see SignatureCheck); throws InputError for a malformed envelope or key.
 * @param source names the envelope in errors about its shape.
 */
export function verifySignature(
  envelope: DsseEnvelope | string,
  publicKey: string | KeyObject,
  source = 'the envelope',
): SignatureCheck {
  const parsed = typeof envelope === 'string' ? parseEnvelope(envelope, source) : envelope;
  const key = typeof publicKey === 'string' ? loadPublicKey(publicKey) : publicKey;
  const keyId = keyIdOf(key);
  const signedBy = parsed.signatures.map((s) => s.keyid);
  const fail = (problem: SignatureProblem, message: string): SignatureCheck => ({
    ok: false,
    keyId,
    problem,
    signedBy,
    message,
  });
  if (parsed.signatures.length === 0) return fail('no-signatures', 'the envelope has no signatures');
  const message = pae(parsed.payloadType, payloadBytes(parsed));
  const valid = parsed.signatures.filter((s) => verify(null, message, key, Buffer.from(s.sig, 'base64')));
  if (valid.some((s) => s.keyid === keyId || s.keyid === '')) return { ok: true, keyId };
  if (valid.length > 0) {
    return fail(
      'key-id-relabelled',
      `the signature verifies with key ${keyId}, but the envelope names key ${valid[0]!.keyid}`,
    );
  }
  if (parsed.signatures.some((s) => s.keyid === keyId || s.keyid === '')) {
    return fail(
      'invalid-signature',
      `signature does not verify with key ${keyId} (the report was changed after signing, or signed with another key)`,
    );
  }
  return fail(
    'key-id-mismatch',
    `signature does not verify with key ${keyId} (the report was signed with another key: ${signedBy.join(', ')})`,
  );
}
