import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@havenkit/model';
import { evaluate } from '../evaluate.js';
import { complianceDir } from '../paths.js';
import { readSnapshotFile } from '../snapshot/read.js';
import { type DsseEnvelope, parseEnvelope, readSignedReport, REPORT_PREDICATE_TYPE } from './envelope.js';
import { generateSigningKeys, keyIdOf, loadPrivateKey, loadPublicKey } from './keys.js';
import { signReport } from './sign.js';
import { verifySignature } from './verify.js';

const demo = readSnapshotFile(join(complianceDir(), '..', 'examples', 'snapshots', 'demo.json'));
const report = evaluate(demo.snapshot, {
  snapshotSha256: demo.sha256,
  integrity: { status: 'verified', manifest: 'm', files: 1 },
});
const subject = { name: 'demo.json', sha256: demo.sha256 };
const keys = generateSigningKeys();
const other = generateSigningKeys();
const signed = signReport(report, keys.privateKeyPem, subject);

const envelopeOf = (text: string) => JSON.parse(text) as DsseEnvelope;
const encode = (envelope: DsseEnvelope) => `${JSON.stringify(envelope)}\n`;

/** The envelope with its statement edited (decoded, changed, re-encoded), the signature kept. */
function editStatement(edit: (statement: { predicate: Record<string, unknown> }) => void): string {
  const envelope = envelopeOf(signed.envelope);
  const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
    predicate: Record<string, unknown>;
  };
  edit(statement);
  return encode({ ...envelope, payload: Buffer.from(JSON.stringify(statement)).toString('base64') });
}

describe('keys', () => {
  it('generates ed25519 PKCS#8 / SPKI PEM with the id of the public key', () => {
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keys.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(keyIdOf(keys.publicKeyPem)).toBe(keys.keyId);
    expect(keyIdOf(createPrivateKey(keys.privateKeyPem))).toBe(keys.keyId);
    expect(other.keyId).not.toBe(keys.keyId);
  });

  it('refuses other keys with one line naming the source, what was expected and what was found', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rsaPem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const expected =
      'must be an ed25519 private key (PEM "BEGIN PRIVATE KEY", as havenkit keys generate writes it)';
    expect(() => loadPrivateKey(rsaPem, 'k.pem (--sign)')).toThrow(
      new InputError(`k.pem (--sign): ${expected} (got a private key of type rsa)`),
    );
    expect(() => loadPrivateKey(keys.publicKeyPem, 'k.pub (--sign)')).toThrow(
      `k.pub (--sign): ${expected} (got a public key; sign with the private key)`,
    );
    expect(() => loadPrivateKey('garbage', 'k (--sign)')).toThrow(
      `k (--sign): ${expected} (got text that is not PEM)`,
    );
    expect(() => loadPrivateKey('', 'k (--sign)')).toThrow(`k (--sign): ${expected} (got an empty file)`);
    const certificate = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(() => loadPrivateKey(certificate, 'k (--sign)')).toThrow(`(got a certificate)`);
    expect(() => loadPublicKey(keys.privateKeyPem, 'k (--key)')).toThrow(
      /^k \(--key\): must be an ed25519 public key .* \(got a private key; verify with the public key\)$/,
    );
    expect(() => loadPublicKey('garbage', 'k (--key)')).toThrow(
      /^k \(--key\): .* \(got text that is not PEM\)$/,
    );
  });
});

describe('signReport', () => {
  it('makes a canonical DSSE envelope around an in-toto statement', () => {
    expect(signed.keyId).toBe(keys.keyId);
    expect(signed.envelope.endsWith('}\n')).toBe(true);
    const envelope = envelopeOf(signed.envelope);
    expect(Object.keys(envelope)).toEqual(['payload', 'payloadType', 'signatures']);
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(envelope.signatures).toEqual([{ keyid: keys.keyId, sig: expect.any(String) as string }]);
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as unknown;
    expect(statement).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'demo.json', digest: { sha256: demo.sha256 } }],
      predicateType: REPORT_PREDICATE_TYPE,
      predicate: JSON.parse(JSON.stringify(report)) as unknown,
    });
  });

  it('is deterministic: the same report and key give the same bytes', () => {
    expect(signReport(report, keys.privateKeyPem, subject).envelope).toBe(signed.envelope);
  });

  it('throws an InputError naming the source for a key that is not an ed25519 private key', () => {
    expect(() => signReport(report, keys.publicKeyPem, subject, 'keys/h.pub (--sign)')).toThrow(
      /^keys\/h\.pub \(--sign\): must be an ed25519 private key/,
    );
  });
});

describe('verifySignature', () => {
  it('verifies what signReport signed (text or parsed envelope)', () => {
    expect(verifySignature(signed.envelope, keys.publicKeyPem)).toEqual({ ok: true, keyId: keys.keyId });
    expect(verifySignature(parseEnvelope(signed.envelope, 'r'), loadPublicKey(keys.publicKeyPem))).toEqual({
      ok: true,
      keyId: keys.keyId,
    });
  });

  it('rejects a payload with one flipped byte', () => {
    const envelope = envelopeOf(signed.envelope);
    const bytes = Buffer.from(envelope.payload, 'base64');
    bytes[100] = bytes[100]! ^ 0x01;
    const check = verifySignature(
      encode({ ...envelope, payload: bytes.toString('base64') }),
      keys.publicKeyPem,
    );
    expect(check).toMatchObject({ ok: false, problem: 'invalid-signature' });
    expect(check.ok || check.message).toMatch(/changed after signing/);
  });

  it('rejects a report edited inside the payload and re-encoded (verdict changed)', () => {
    expect(report.verdict).toBe('not-compliant');
    const tampered = editStatement((s) => (s.predicate.verdict = 'compliant'));
    // Still a well-formed signed report: only the signature gives the edit away.
    expect(readSignedReport(tampered, 'r.json').report.verdict).toBe('compliant');
    expect(verifySignature(tampered, keys.publicKeyPem)).toMatchObject({
      ok: false,
      problem: 'invalid-signature',
      keyId: keys.keyId,
    });
  });

  it('rejects a changed payloadType (the signature covers it through PAE)', () => {
    const envelope = envelopeOf(signed.envelope);
    const check = verifySignature(
      encode({ ...envelope, payloadType: 'application/json' }),
      keys.publicKeyPem,
    );
    expect(check).toMatchObject({ ok: false, problem: 'invalid-signature' });
  });

  it('rejects another key: the key id does not match and the signature does not verify', () => {
    const check = verifySignature(signed.envelope, other.publicKeyPem);
    expect(check).toMatchObject({
      ok: false,
      problem: 'key-id-mismatch',
      keyId: other.keyId,
      signedBy: [keys.keyId],
    });
    expect(check.ok || check.message).toContain(`signature does not verify with key ${other.keyId}`);
  });

  it('rejects another key even when the envelope is relabelled with its key id', () => {
    const envelope = envelopeOf(signed.envelope);
    const relabelled = encode({
      ...envelope,
      signatures: [{ ...envelope.signatures[0]!, keyid: other.keyId }],
    });
    expect(verifySignature(relabelled, other.publicKeyPem)).toMatchObject({
      ok: false,
      problem: 'invalid-signature',
    });
    // The right key still verifies the signature, but the envelope names another key: refused too.
    expect(verifySignature(relabelled, keys.publicKeyPem)).toMatchObject({
      ok: false,
      problem: 'key-id-relabelled',
    });
  });

  it('reports an envelope without signatures', () => {
    const envelope = envelopeOf(signed.envelope);
    expect(verifySignature(encode({ ...envelope, signatures: [] }), keys.publicKeyPem)).toMatchObject({
      ok: false,
      problem: 'no-signatures',
    });
  });
});

describe('readSignedReport', () => {
  it('returns the envelope, statement, report, subject and key ids', () => {
    const read = readSignedReport(signed.envelope, 'r.json');
    expect(read.report).toEqual(JSON.parse(JSON.stringify(report)));
    expect(read.subject).toEqual(subject);
    expect(read.keyIds).toEqual([keys.keyId]);
    expect(read.statement.predicateType).toBe(REPORT_PREDICATE_TYPE);
  });

  const envelope = envelopeOf(signed.envelope);
  const statementText = Buffer.from(envelope.payload, 'base64').toString('utf8');
  const withStatement = (edit: (s: Record<string, unknown>) => void): string => {
    const s = JSON.parse(statementText) as Record<string, unknown>;
    edit(s);
    return encode({ ...envelope, payload: Buffer.from(JSON.stringify(s)).toString('base64') });
  };

  it.each([
    ['not JSON', '{"payload":', /^r\.json is not valid JSON/],
    ['a plain report', `${JSON.stringify(report)}`, /^r\.json: an unsigned report \(no DSSE envelope\)/],
    ['another JSON document', '{"a":1}', /^r\.json: \/payloadType is missing/],
    [
      'no payload',
      encode({ ...envelope, payload: undefined as unknown as string }),
      /^r\.json: \/payload is missing or not base64$/,
    ],
    [
      'a payload that is not base64',
      encode({ ...envelope, payload: 'not base64!' }),
      /^r\.json: \/payload is missing or not base64$/,
    ],
    [
      'no signatures array',
      JSON.stringify({ ...envelope, signatures: {} }),
      /^r\.json: \/signatures is missing or not an array$/,
    ],
    [
      'a signature without sig',
      JSON.stringify({ ...envelope, signatures: [{ keyid: 'k' }] }),
      /^r\.json: \/signatures\/0\/sig is missing or not base64$/,
    ],
    [
      'another payloadType',
      encode({ ...envelope, payloadType: 'text/plain' }),
      /^r\.json: \/payloadType is "text\/plain", expected application\/vnd\.in-toto\+json$/,
    ],
    [
      'a payload that is not JSON',
      encode({ ...envelope, payload: Buffer.from('{').toString('base64') }),
      /^r\.json: \/payload is not valid JSON/,
    ],
    [
      'another statement type',
      withStatement((s) => (s._type = 'https://in-toto.io/Statement/v0.1')),
      /^r\.json: \/payload \/_type is "https:\/\/in-toto\.io\/Statement\/v0\.1"/,
    ],
    [
      'another predicate type',
      withStatement((s) => (s.predicateType = 'https://slsa.dev/provenance/v1')),
      /^r\.json: \/payload \/predicateType is "https:\/\/slsa\.dev\/provenance\/v1"/,
    ],
    [
      'no subject',
      withStatement((s) => (s.subject = [])),
      /^r\.json: \/payload \/subject is missing or empty$/,
    ],
    [
      'a subject without sha256',
      withStatement((s) => (s.subject = [{ name: 'x', digest: { sha512: 'ab' } }])),
      /^r\.json: \/payload \/subject\/0\/digest\/sha256 is missing/,
    ],
    [
      'a report without verdict',
      withStatement((s) => delete (s.predicate as Record<string, unknown>).verdict),
      /^r\.json: payload\.predicate\.verdict: is required$/,
    ],
    [
      'a report with a bad verdict',
      withStatement((s) => ((s.predicate as Record<string, unknown>).verdict = 'fine')),
      /^r\.json: payload\.predicate\.verdict: must be one of "compliant", /,
    ],
  ])('throws an InputError naming the file and field for %s', (_title, text, message) => {
    let error: unknown;
    try {
      readSignedReport(text, 'r.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
