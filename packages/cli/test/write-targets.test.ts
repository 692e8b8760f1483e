/**
 * `synth --out` and `keys generate --out` never damage what is not theirs: a symbolic link is
 * written through (the link stays), a FIFO or device is refused with exit 3 and left as it was,
 * and a refused or failed write leaves nothing behind. In process (@oclif/test), like
 * commands.test.ts: `npx tsc -b packages/cli` first.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@oclif/test';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// Two apps, written as archief.yaml and then meldingen.yaml.
const apps = fileURLToPath(new URL('../../constructs/test/fixtures/apps/ok', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-write-targets-'));
const dir = (name: string): string => {
  const path = join(work, name);
  mkdirSync(path, { recursive: true });
  return path;
};
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function havenkit(...argv: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const result = await runCommand(argv, { root });
  const code = (result.error as { oclif?: { exit?: number } } | undefined)?.oclif?.exit ?? 0;
  return { stdout: result.stdout, stderr: result.stderr, code };
}

const synth = (out: string, ...rest: string[]) =>
  havenkit('synth', '--app', apps, '--provider', 'scaleway', '--out', out, ...rest);

describe('synth --out', () => {
  it('writes through a symbolic link: the link stays a link, its file gets the manifests', async () => {
    const out = dir('synth-link');
    const elsewhere = dir('synth-link-target');
    symlinkSync(join(elsewhere, 'meldingen.yaml'), join(out, 'meldingen.yaml'));
    const run = await synth(out);
    expect(run.code).toBe(0);
    expect(lstatSync(join(out, 'meldingen.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(elsewhere, 'meldingen.yaml'), 'utf8')).toContain('name: meldingen');
  });

  it('refuses a FIFO in place of an app file with exit 3, leaves it, and writes no other app', async () => {
    const out = dir('synth-fifo');
    const fifo = join(out, 'meldingen.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = await synth(out);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `havenkit: error: cannot write ${fifo} (--out): not a regular file (a device, FIFO or socket)\n`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(out)).toEqual(['meldingen.yaml']);
  });

  it('refuses a device behind a link in a helm chart, and leaves the link and the device', async () => {
    const out = dir('synth-helm-device');
    symlinkSync('/dev/null', join(out, 'values.yaml'));
    const run = await synth(out, '-o', 'helm');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^havenkit: error: cannot write .*values\.yaml \(--out\): not a regular file/);
    expect(lstatSync(join(out, 'values.yaml')).isSymbolicLink()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    // Neither the other chart files nor the templates/ directory were left behind.
    expect(readdirSync(out)).toEqual(['values.yaml']);
  });

  it('writes all apps or none: a second app that cannot be written leaves the first unwritten', async () => {
    const out = dir('synth-all-or-nothing');
    mkdirSync(join(out, 'meldingen.yaml'));
    const run = await synth(out);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^havenkit: error: cannot write .*meldingen\.yaml \(--out\): it is a directory\n$/,
    );
    expect(existsSync(join(out, 'archief.yaml'))).toBe(false);
    expect(readdirSync(out)).toEqual(['meldingen.yaml']);
  });

  it('replaces regular files and writes every app', async () => {
    const out = dir('synth-replace');
    writeFileSync(join(out, 'archief.yaml'), 'old\n');
    const run = await synth(out);
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toEqual(['archief.yaml', 'meldingen.yaml']);
    expect(readFileSync(join(out, 'archief.yaml'), 'utf8')).toContain('name: archief');
  });
});

describe('keys generate --out --force', () => {
  it('refuses a FIFO in place of the private key with exit 3, leaves it, and writes no public key', async () => {
    const fifo = join(dir('keys-fifo'), 'auditor.key');
    execFileSync('mkfifo', [fifo]);
    const run = await havenkit('keys', 'generate', '--out', join(work, 'keys-fifo/auditor'), '--force');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `havenkit: error: cannot write ${fifo} (--out): not a regular file (a device, FIFO or socket)\n`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(existsSync(join(work, 'keys-fifo/auditor.pub'))).toBe(false);
  });

  it('refuses a device behind a link in place of the public key, and leaves the link', async () => {
    const prefix = join(dir('keys-device'), 'auditor');
    symlinkSync('/dev/null', `${prefix}.pub`);
    const run = await havenkit('keys', 'generate', '--out', prefix, '--force');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^havenkit: error: cannot write .*auditor\.pub \(--out\): not a regular file/);
    expect(lstatSync(`${prefix}.pub`).isSymbolicLink()).toBe(true);
    expect(existsSync(`${prefix}.key`)).toBe(false);
  });

  it('replaces existing regular key files, the private one with mode 0600', async () => {
    const prefix = join(dir('keys-replace'), 'auditor');
    writeFileSync(`${prefix}.key`, 'old', { mode: 0o644 });
    writeFileSync(`${prefix}.pub`, 'old');
    const run = await havenkit('keys', 'generate', '--out', prefix, '--force');
    expect(run.code).toBe(0);
    expect(statSync(`${prefix}.key`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${prefix}.key`, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(`${prefix}.pub`, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('without --force still refuses an existing key file and writes neither', async () => {
    const prefix = join(dir('keys-keep'), 'auditor');
    writeFileSync(`${prefix}.pub`, 'old');
    const run = await havenkit('keys', 'generate', '--out', prefix);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${prefix}.pub exists; choose another --out or add --force to replace it`);
    expect(readFileSync(`${prefix}.pub`, 'utf8')).toBe('old');
    expect(existsSync(`${prefix}.key`)).toBe(false);
  });
});
