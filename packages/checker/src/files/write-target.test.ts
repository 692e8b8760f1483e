import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTarget } from './write-target.js';

const work = mkdtempSync(join(tmpdir(), 'havenkit-write-target-'));
const at = (name: string) => join(work, name);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code;
  }
};

describe('writeTarget', () => {
  it('is the path itself for a new file and for a regular file', () => {
    writeFileSync(at('old.json'), '{}');
    expect(writeTarget(at('new.json'))).toBe(at('new.json'));
    expect(writeTarget(at('old.json'))).toBe(at('old.json'));
  });

  it('is the file a symbolic link points to, so the link stays', () => {
    writeFileSync(at('real.json'), '{}');
    symlinkSync('real.json', at('link.json'));
    expect(writeTarget(at('link.json'))).toBe(at('real.json'));
  });

  it('is the missing file a dangling link points to', () => {
    mkdirSync(at('sub'));
    symlinkSync('sub/later.json', at('dangling.json'));
    expect(writeTarget(at('dangling.json'))).toBe(at('sub/later.json'));
  });

  it('refuses a FIFO, which a rename would replace', () => {
    execFileSync('mkfifo', [at('fifo')]);
    expect(codeOf(() => writeTarget(at('fifo')))).toBe('ENOTREG');
  });

  it('refuses a device', () => {
    expect(codeOf(() => writeTarget('/dev/null'))).toBe('ENOTREG');
  });

  it('refuses a directory, also behind a link', () => {
    symlinkSync('sub', at('dir-link'));
    expect(codeOf(() => writeTarget(at('sub')))).toBe('EISDIR');
    expect(codeOf(() => writeTarget(at('dir-link')))).toBe('EISDIR');
  });

  it('refuses a loop of links', () => {
    symlinkSync('loop-b', at('loop-a'));
    symlinkSync('loop-a', at('loop-b'));
    expect(codeOf(() => writeTarget(at('loop-a')))).toBe('ELOOP');
  });
});
