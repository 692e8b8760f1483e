/**
 * A signed audit of a live cluster, end to end: `keys generate`, a live `check --save-snapshot --sign`
 * against the real control plane, `verify` of the result, and an independent check of the signature
 * with OpenSSL — DSSE's pre-authentication encoding rebuilt here from the spec, not from havenkit.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../checker/helpers.js';
import { controlPlane } from '../controlplane/index.js';

const work = mkdtempSync(join(tmpdir(), 'havenkit-audit-'));
const key = join(work, 'auditor');
const snapshot = join(work, 'snapshot.json');
const out = join(work, 'audit');
let checkCode: number | null = null;
let checkStderr = '';

interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

beforeAll(async () => {
  const keys = await runCli(['keys', 'generate', '--out', key]);
  if (keys.code !== 0) throw new Error(`keys generate failed: ${keys.stderr}`);
  const run = await runCli([
    'check',
    '--kubeconfig',
    controlPlane().kubeconfig,
    '--save-snapshot',
    snapshot,
    '--sign',
    `${key}.key`,
    '--output',
    'json,html',
    '--out-dir',
    out,
  ]);
  checkCode = run.code;
  checkStderr = run.stderr;
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const envelope = (): Envelope => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Envelope;

describe('a signed audit of a live cluster', () => {
  it('ends with a verdict exit code, not an error', () => {
    expect(checkStderr).toBe('');
    expect([0, 1, 2]).toContain(checkCode);
  });

  it('names the saved snapshot by its sha256 as the statement subject', () => {
    const statement = JSON.parse(Buffer.from(envelope().payload, 'base64').toString('utf8')) as {
      subject: { name: string; digest: { sha256: string } }[];
    };
    const digest = createHash('sha256').update(readFileSync(snapshot)).digest('hex');
    expect(statement.subject).toEqual([{ name: 'snapshot.json', digest: { sha256: digest } }]);
  });

  it('verifies with havenkit verify against the saved snapshot', async () => {
    const run = await runCli([
      'verify',
      join(out, 'report.json'),
      '--key',
      `${key}.pub`,
      '--snapshot',
      snapshot,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/all match/);
  });

  it('carries an ed25519 signature over the DSSE v1 encoding that OpenSSL verifies', () => {
    const { payloadType, payload, signatures } = envelope();
    const body = Buffer.from(payload, 'base64');
    // DSSE v1 PAE: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal bytes.
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${body.length} `),
      body,
    ]);
    writeFileSync(join(work, 'pae.bin'), pae);
    writeFileSync(join(work, 'sig.bin'), Buffer.from(signatures[0]!.sig, 'base64'));
    const openssl = execFileSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        `${key}.pub`,
        '-rawin',
        '-in',
        join(work, 'pae.bin'),
        '-sigfile',
        join(work, 'sig.bin'),
      ],
      { encoding: 'utf8' },
    );
    expect(openssl).toMatch(/Signature Verified Successfully/);
  });

  it('names in the HTML report the key the JSON report is signed with', () => {
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(envelope().signatures[0]!.keyid);
  });

  it('rejects the saved snapshot once its content is changed, exit 3', async () => {
    const tampered = join(work, 'tampered.json');
    const value = JSON.parse(readFileSync(snapshot, 'utf8')) as { metadata: { context?: string } };
    value.metadata.context = 'another-context';
    writeFileSync(tampered, JSON.stringify(value));
    const run = await runCli([
      'verify',
      join(out, 'report.json'),
      '--key',
      `${key}.pub`,
      '--snapshot',
      tampered,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^havenkit: error: [^\n]+\n$/);
    expect(run.stderr).toMatch(/snapshot/);
  });
});
