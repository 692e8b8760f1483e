import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSize, inputErrorReason, parseSize, readInputFile } from './read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  return undefined;
};

describe('readInputFile', () => {
  it('reads a regular file whole', () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, '{"a":1}');
    expect(readInputFile(file, 1024).toString()).toBe('{"a":1}');
  });

  it('refuses a device at once, before reading a byte (/dev/zero never ends)', () => {
    expect(codeOf(() => readInputFile('/dev/zero', 1024 ** 3))).toBe('ENOTREG');
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(codeOf(() => readInputFile(fifo, 1024))).toBe('ENOTREG');
  });

  it('refuses a directory, and a file over the limit by its size', () => {
    expect(codeOf(() => readInputFile(dir, 1024))).toBe('EISDIR');
    const big = join(dir, 'big');
    writeFileSync(big, Buffer.alloc(2048));
    expect(codeOf(() => readInputFile(big, 1024))).toBe('EFBIG');
  });

  it('says why in words, and how to raise the limit', () => {
    const big = join(dir, 'big2');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024));
    let error: unknown;
    try {
      readInputFile(big, 1024 * 1024);
    } catch (e) {
      error = e;
    }
    expect(inputErrorReason(error)).toBe(
      'is 3 MiB, over the limit of 1 MiB; --max-input-size raises the limit',
    );
    expect(inputErrorReason(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file');
  });
});

describe('sizes', () => {
  it('parses sizes in bytes and binary units, and nothing else', () => {
    expect(parseSize('2GiB')).toBe(2 * 1024 ** 3);
    expect(parseSize('512M')).toBe(512 * 1024 ** 2);
    expect(parseSize('1.5 kb')).toBe(1536);
    expect(parseSize('100')).toBe(100);
    expect([parseSize('lots'), parseSize('-1G'), parseSize('0')]).toEqual([undefined, undefined, undefined]);
  });

  it('formats sizes for people', () => {
    expect([formatSize(1024 ** 3), formatSize(1536 * 1024), formatSize(12)]).toEqual([
      '1 GiB',
      '1.5 MiB',
      '12 bytes',
    ]);
  });
});
