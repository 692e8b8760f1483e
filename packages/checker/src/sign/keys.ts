import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { InputError } from '@havenkit/model';

/** A fresh signing key pair (`havenkit keys generate`). */
export interface SigningKeys {
  /** The ed25519 private key, PKCS#8 PEM: keep it secret (mode 0600). */
  privateKeyPem: string;
  /** The ed25519 public key, SPKI PEM: give it to whoever verifies the reports. */
  publicKeyPem: string;
  /** keyIdOf(public key). */
  keyId: string;
}

/**
 * The key id of a public key: the lowercase hex sha256 of its SubjectPublicKeyInfo (SPKI) DER
 * encoding — what `openssl pkey -pubin -in key.pub -outform DER | sha256sum` prints. A private key
 * gives the id of its public key. The id names a key; it does not prove anything by itself.
 */
export function keyIdOf(key: KeyObject | string): string {
  const publicKey =
    typeof key === 'string' ? createPublicKey(key) : key.type === 'public' ? key : createPublicKey(key);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** Generates an ed25519 key pair: PKCS#8 and SPKI PEM, and the key id. */
export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

/** What a key file holds, in words, for errors: "a private key of type rsa", "a certificate", "text that is not PEM". */
function foundKey(pem: string, key?: KeyObject): string {
  if (key) {
    return `a ${key.type === 'private' ? 'private' : 'public'} key of type ${key.asymmetricKeyType ?? 'unknown'}`;
  }
  if (pem.trim() === '') return 'an empty file';
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label === undefined) return 'text that is not PEM';
  if (label === 'ENCRYPTED PRIVATE KEY')
    return 'an encrypted private key (havenkit reads unencrypted PKCS#8 keys)';
  if (label === 'CERTIFICATE') return 'a certificate';
  if (label === 'PRIVATE KEY' || label === 'PUBLIC KEY') return `a damaged PEM "${label}" block`;
  return `a PEM "${label}" block`;
}

const PRIVATE_EXPECTED =
  'must be an ed25519 private key (PEM "BEGIN PRIVATE KEY", as havenkit keys generate writes it)';
const PUBLIC_EXPECTED =
  'must be an ed25519 public key (PEM "BEGIN PUBLIC KEY", the .pub file of havenkit keys generate)';

/**
 * Loads an ed25519 private key from PEM.
 * @param source names the key in errors, e.g. "havenkit.key (--sign)".
 * @throws InputError (one line, what was expected and what was found) when the text is not an
 *   ed25519 private key.
 */
export function loadPrivateKey(pem: string, source = 'the signing key'): KeyObject {
  if (/-----BEGIN PUBLIC KEY-----/.test(pem)) {
    throw new InputError(`${source}: ${PRIVATE_EXPECTED} (got a public key; sign with the private key)`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new InputError(`${source}: ${PRIVATE_EXPECTED} (got ${foundKey(pem)})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new InputError(`${source}: ${PRIVATE_EXPECTED} (got ${foundKey(pem, key)})`);
  }
  return key;
}

/**
 * Loads an ed25519 public key from PEM. A private key is refused: a verifier needs only the
 * public key and should never hold the private one.
 * @throws InputError (one line, what was expected and what was found) when the text is not an
 *   ed25519 public key.
 */
export function loadPublicKey(pem: string, source = 'the public key'): KeyObject {
  if (/PRIVATE KEY-----/.test(pem)) {
    throw new InputError(`${source}: ${PUBLIC_EXPECTED} (got a private key; verify with the public key)`);
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new InputError(`${source}: ${PUBLIC_EXPECTED} (got ${foundKey(pem)})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new InputError(`${source}: ${PUBLIC_EXPECTED} (got ${foundKey(pem, key)})`);
  }
  return key;
}
