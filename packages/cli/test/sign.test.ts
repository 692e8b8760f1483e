/**
 * `havenkit keys generate`, `check --sign` and `havenkit verify` as users run them: the built CLI
 * (`pnpm build` first), spawned with node. Failures: exit 3 with one line on stderr.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  keyIdOf,
  readSignedReport,
  readSnapshotFile,
  signReport,
  type ComplianceReport,
  type DsseEnvelope,
} from '../../checker/src/index.js';
import { runCli, type CliRun } from '../../../test/checker/helpers.js';

const demo = fileURLToPath(new URL('../../../examples/snapshots/demo.json', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-sign-'));
const at = (name: string): string => join(work, name);
/** Each run spawns node and loads the CLI: allow for a slow machine. */
const TIMEOUT = 60_000;
/** One line on stderr, "havenkit: error: …". */
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

let keyId: string;
let otherKeyId: string;
/** The signed demo report (`check --snapshot demo.json --sign`). */
let signedText: string;

/** Setup runs the CLI too: a failure there must say what failed. */
function mustSucceed(run: CliRun, code: number, what: string): void {
  if (run.code !== code || run.stderr !== '') {
    throw new Error(`${what}: exit ${run.code}, expected ${code}; stderr: ${run.stderr}`);
  }
}

beforeAll(async () => {
  const generate = await runCli(['keys', 'generate', '--out', at('keys/auditor')]);
  mustSucceed(generate, 0, 'keys generate');
  keyId = /key id ([0-9a-f]{64})/.exec(generate.stdout)![1]!;
  const other = await runCli(['keys', 'generate', '--out', at('other'), '--json']);
  mustSucceed(other, 0, 'keys generate --json');
  otherKeyId = (JSON.parse(other.stdout) as { keyId: string }).keyId;
  const check = await runCli([
    'check',
    '--snapshot',
    demo,
    '--sign',
    at('keys/auditor.key'),
    '-o',
    'json',
    '--out',
    at('report.json'),
  ]);
  // The demo is not compliant (a worker with a public IP): exit 1.
  mustSucceed(check, 1, 'check --sign');
  signedText = readFileSync(at('report.json'), 'utf8');
}, 4 * TIMEOUT);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const envelopeOf = (text: string): DsseEnvelope => JSON.parse(text) as DsseEnvelope;
const write = (name: string, text: string): string => {
  writeFileSync(at(name), text);
  return at(name);
};
const verify = (report: string, ...rest: string[]) =>
  runCli(['verify', report, '--key', at('keys/auditor.pub'), ...rest]);

describe('havenkit keys generate', { timeout: TIMEOUT }, () => {
  it('writes the private key with mode 0600 and the public key, and prints the key id', () => {
    expect(statSync(at('keys/auditor.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(at('keys/auditor.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const pub = readFileSync(at('keys/auditor.pub'), 'utf8');
    expect(pub).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(statSync(at('keys/auditor.pub')).mode & 0o022).toBe(0); // readable, not writable by others
    expect(keyIdOf(pub)).toBe(keyId);
    expect(otherKeyId).not.toBe(keyId);
  });

  it('refuses to replace existing key files, unless --force', async () => {
    const before = readFileSync(at('other.key'), 'utf8');
    const refused = await runCli(['keys', 'generate', '--out', at('other')]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(ONE_LINE_ERROR);
    expect(refused.stderr).toContain(`${at('other.key')} exists; choose another --out or add --force`);
    expect(readFileSync(at('other.key'), 'utf8')).toBe(before);

    const forced = await runCli(['keys', 'generate', '--out', at('other'), '--force', '--json']);
    expect(forced.code).toBe(0);
    const result = JSON.parse(forced.stdout) as { keyId: string; privateKey: string; publicKey: string };
    expect(result).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      privateKey: at('other.key'),
      publicKey: at('other.pub'),
    });
    expect(readFileSync(at('other.key'), 'utf8')).not.toBe(before);
    expect(statSync(at('other.key')).mode & 0o777).toBe(0o600);
    otherKeyId = result.keyId;
  });

  it.each([
    ['no --out', [], /--out PREFIX is required/],
    ['a file name for --out', ['--out', 'x.key'], /--out x\.key is a prefix, not a file name/],
    ['an unknown flag', ['--out', 'x', '--bits', '4096'], /Nonexistent flag: --bits/],
  ])('exit 3 for %s', async (_title, args, message) => {
    const run = await runCli(['keys', 'generate', ...args]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(message);
  });
});

describe('havenkit check --sign', { timeout: TIMEOUT }, () => {
  it('writes a DSSE envelope around an in-toto statement on the snapshot', () => {
    const envelope = envelopeOf(signedText);
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(envelope.signatures.map((s) => s.keyid)).toEqual([keyId]);
    const { subject, report } = readSignedReport(signedText, 'report.json');
    expect(subject).toEqual({ name: 'demo.json', sha256: readSnapshotFile(demo).sha256 });
    expect(report.metadata.snapshot.sha256).toBe(subject.sha256);
    expect(report.verdict).toBe('not-compliant');
  });
});

describe('havenkit verify', { timeout: TIMEOUT }, () => {
  it('exit 0 with a summary when the signature verifies and the snapshot reproduces the report', async () => {
    const run = await verify(at('report.json'), '--snapshot', demo);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${at('report.json')}: signature verified`);
    expect(run.stdout).toContain(`key id   ${keyId}`);
    expect(run.stdout).toMatch(/subject {2}demo\.json \(sha256 [0-9a-f]{64}\)/);
    expect(run.stdout).toContain('verdict  NOT Haven compliant');
    expect(run.stdout).toMatch(/\d+ checks re-evaluated from .*demo\.json, all match/);
  });

  it('speaks Dutch with --lang nl', async () => {
    const run = await verify(at('report.json'), '--snapshot', demo, '--lang', 'nl');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${at('report.json')}: handtekening klopt`);
    expect(run.stdout).toContain(`sleutel-id  ${keyId}`);
    expect(run.stdout).toContain('oordeel     NIET Haven-compliant');
    expect(run.stdout).toMatch(/\d+ controles opnieuw beoordeeld vanuit .*demo\.json, alle komen overeen/);
  });

  it('exit 0 without --snapshot (signature only), and --json for machines', async () => {
    const plain = await verify(at('report.json'));
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('not re-evaluated');
    const json = await verify(at('report.json'), '--snapshot', demo, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      kind: 'report',
      report: at('report.json'),
      keyId,
      subject: { name: 'demo.json', sha256: readSnapshotFile(demo).sha256 },
      verdict: 'not-compliant',
      reproduced: { snapshot: demo, checks: expect.any(Number) as number },
    });
  });

  const tamperedMessage = (file: string) =>
    `${file}: signature does not verify with key ${keyId} (the report was changed after signing, or signed with another key)`;

  it('exit 3 for a report with one character of the payload changed', async () => {
    const envelope = envelopeOf(signedText);
    const i = 400;
    const c = envelope.payload[i] === 'A' ? 'B' : 'A';
    const payload = envelope.payload.slice(0, i) + c + envelope.payload.slice(i + 1);
    const file = write('edited-char.json', JSON.stringify({ ...envelope, payload }));
    const run = await verify(file, '--snapshot', demo);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(tamperedMessage(file));
    expect(run.stdout).toBe('');
  });

  it('exit 3 for a report whose verdict was changed inside the payload and re-encoded', async () => {
    const envelope = envelopeOf(signedText);
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      predicate: ComplianceReport;
    };
    statement.predicate.verdict = 'compliant';
    const payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const file = write('edited-verdict.json', JSON.stringify({ ...envelope, payload }));
    const run = await verify(file);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(tamperedMessage(file));
  });

  it('exit 3 for a snapshot that is not the one the report was made from', async () => {
    const text = readFileSync(demo, 'utf8');
    expect(text).toContain('"10.20.1.21"');
    const copy = write('demo-edited.json', text.replace('"10.20.1.21"', '"10.20.1.99"'));
    const run = await verify(at('report.json'), '--snapshot', copy);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(
      new RegExp(
        `the snapshot does not match the report: sha256 ${readSnapshotFile(copy).sha256}, the report was made from demo\\.json with sha256 ${readSnapshotFile(demo).sha256}`,
      ),
    );
  });

  it('exit 3 listing the mismatches for a correctly signed report the snapshot does not reproduce', async () => {
    // Signed by the key's holder, but not what the snapshot gives: a changed outcome and verdict.
    const { report: honest, subject } = readSignedReport(signedText, 'report.json');
    const forged: ComplianceReport = {
      ...honest,
      verdict: 'compliant',
      results: honest.results.map((r) => (r.name === 'privatenetworking' ? { ...r, outcome: 'pass' } : r)),
    };
    const key = readFileSync(at('keys/auditor.key'), 'utf8');
    const file = write('forged.json', signReport(forged, key, subject).envelope);
    const run = await verify(file, '--snapshot', demo);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(
      `${file}: the report does not reproduce from ${demo}: 2 mismatches: ` +
        'privatenetworking outcome: reported "pass", recomputed "fail"; ' +
        '(report) verdict: reported "compliant", recomputed "not-compliant"',
    );
  });

  it('exit 3 for a report made by another checker version', async () => {
    const { report, subject } = readSignedReport(signedText, 'report.json');
    const older: ComplianceReport = {
      ...report,
      metadata: { ...report.metadata, checker: { ...report.metadata.checker, version: '0.0.1' } },
    };
    const key = readFileSync(at('keys/auditor.key'), 'utf8');
    const file = write('older.json', signReport(older, key, subject).envelope);
    const run = await verify(file, '--snapshot', demo);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(/1 mismatch: \(report\) checker\.version: reported "0\.0\.1", recomputed "\d/);
  });

  it('exit 3 for another key', async () => {
    const run = await runCli(['verify', at('report.json'), '--key', at('other.pub')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(
      `${at('report.json')}: signature does not verify with key ${otherKeyId} (the report was signed with another key: ${keyId})`,
    );
  });

  it.each([
    [
      'a missing report',
      () => ['verify', at('absent.json'), '--key', at('keys/auditor.pub')],
      /cannot read report .*absent\.json: no such file/,
    ],
    [
      'a missing key',
      () => ['verify', at('report.json'), '--key', at('absent.pub')],
      /cannot read key .*absent\.pub: no such file/,
    ],
    [
      'a missing snapshot',
      () => [
        'verify',
        at('report.json'),
        '--key',
        at('keys/auditor.pub'),
        '--snapshot',
        at('absent-snap.json'),
      ],
      /absent-snap\.json: cannot read the snapshot \(no such file\)/,
    ],
    [
      'the private key as --key',
      () => ['verify', at('report.json'), '--key', at('keys/auditor.key')],
      /auditor\.key \(--key\): must be an ed25519 public key .*\(got a private key; verify with the public key\)/,
    ],
    ['no --key', () => ['verify', at('report.json')], /--key PUB is required/],
    ['no report', () => ['verify', '--key', at('keys/auditor.pub')], /Missing 1 required arg/],
    [
      'an unsigned report',
      () => [
        'verify',
        write('plain.json', JSON.stringify(readSignedReport(signedText, 'r').report)),
        '--key',
        at('keys/auditor.pub'),
      ],
      /plain\.json: an unsigned report/,
    ],
    [
      'a malformed envelope',
      () => [
        'verify',
        write(
          'malformed.json',
          JSON.stringify({ ...envelopeOf(signedText), signatures: [{ keyid: keyId }] }),
        ),
        '--key',
        at('keys/auditor.pub'),
      ],
      /malformed\.json: \/signatures\/0\/sig is missing or not base64/,
    ],
    [
      'not JSON',
      () => ['verify', write('garbage.json', 'not json'), '--key', at('keys/auditor.pub')],
      /garbage\.json is not valid JSON/,
    ],
  ])('exit 3 with one line for %s', async (_title, args, message) => {
    const run = await runCli(args());
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(run.stdout).toBe('');
  });

  it.each(['verify', 'keys generate'])('%s --help documents exit codes and examples', async (command) => {
    const run = await runCli([...command.split(' '), '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes/);
    expect(run.stdout).toMatch(/EXAMPLES/);
  });
});

// A copy of the snapshot with identical bytes reproduces too: the digest is of the bytes, not the path.
describe('havenkit verify with a copied snapshot', { timeout: TIMEOUT }, () => {
  it('accepts the same bytes under another name', async () => {
    copyFileSync(demo, at('copy.json'));
    const run = await verify(at('report.json'), '--snapshot', at('copy.json'));
    expect(run.code).toBe(0);
  });
});
