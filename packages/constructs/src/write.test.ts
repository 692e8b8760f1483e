import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { synthCommand } from './commands.js';
import { HavenkitInputError } from './errors.js';
import { writeFilesAtomically } from './write.js';

const work = mkdtempSync(join(tmpdir(), 'havenkit-constructs-write-'));
const dir = (name: string): string => join(work, name);
afterAll(() => rmSync(work, { recursive: true, force: true }));
// Two apps, written as archief.yaml and then meldingen.yaml.
const apps = fileURLToPath(new URL('../test/fixtures/apps/ok', import.meta.url));

const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
};

describe('writeFilesAtomically', () => {
  it('writes every file, making the directories they need, and returns their paths', () => {
    const out = dir('ok');
    const written = writeFilesAtomically(out, [
      { name: 'Chart.yaml', content: 'a\n' },
      { name: 'templates/manifests.yaml', content: 'b\n' },
    ]);
    expect(written).toEqual([join(out, 'Chart.yaml'), join(out, 'templates/manifests.yaml')]);
    expect(readFileSync(join(out, 'templates/manifests.yaml'), 'utf8')).toBe('b\n');
    expect(readdirSync(out).sort()).toEqual(['Chart.yaml', 'templates']);
  });

  it('replaces a regular file', () => {
    const out = dir('replace');
    mkdirSync(out);
    writeFileSync(join(out, 'a.yaml'), 'old\n');
    writeFilesAtomically(out, [{ name: 'a.yaml', content: 'new\n' }]);
    expect(readFileSync(join(out, 'a.yaml'), 'utf8')).toBe('new\n');
  });

  it('refuses a FIFO with exit code 3, leaves it, and writes none of the set', () => {
    const out = dir('fifo');
    mkdirSync(out);
    execFileSync('mkfifo', [join(out, 'b.yaml')]);
    const err = errorOf(() =>
      writeFilesAtomically(out, [
        { name: 'a.yaml', content: 'a\n' },
        { name: 'b.yaml', content: 'b\n' },
      ]),
    );
    expect(err).toBeInstanceOf(HavenkitInputError);
    expect((err as HavenkitInputError).exitCode).toBe(3);
    expect((err as Error).message).toBe(
      `--out: cannot write ${join(out, 'b.yaml')}: it exists and is not a regular file`,
    );
    expect(lstatSync(join(out, 'b.yaml')).isFIFO()).toBe(true);
    expect(readdirSync(out)).toEqual(['b.yaml']);
  });

  it('refuses a symbolic link rather than replace the link', () => {
    const out = dir('link');
    mkdirSync(out);
    symlinkSync('/dev/null', join(out, 'a.yaml'));
    expect(errorOf(() => writeFilesAtomically(out, [{ name: 'a.yaml', content: 'a\n' }]))).toBeInstanceOf(
      HavenkitInputError,
    );
    expect(lstatSync(join(out, 'a.yaml')).isSymbolicLink()).toBe(true);
  });

  it('removes the directories it made when the set cannot be written', () => {
    const out = dir('undo');
    const err = errorOf(() =>
      writeFilesAtomically(out, [{ name: 'templates/deep/a.yaml', content: 'a\n' }], () => {
        throw new HavenkitInputError('--out: refused');
      }),
    );
    expect((err as Error).message).toBe('--out: refused');
    expect(existsSync(out)).toBe(false);
  });
});

describe('synthCommand --out', () => {
  it('writes all apps or none: a second app that cannot be written leaves the first unwritten', async () => {
    const out = dir('apps');
    mkdirSync(join(out, 'meldingen.yaml'), { recursive: true });
    await expect(synthCommand({ app: apps, provider: 'scaleway', out })).rejects.toThrow(
      /meldingen\.yaml: it exists and is not a regular file/,
    );
    expect(readdirSync(out)).toEqual(['meldingen.yaml']);
  });
});
