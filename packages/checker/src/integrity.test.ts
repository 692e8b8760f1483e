import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyIntegrity } from './integrity.js';

const root = mkdtempSync(join(tmpdir(), 'havenkit-integrity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
mkdirSync(join(root, 'dist'));
writeFileSync(join(root, 'dist', 'a.js'), 'export const a = 1;\n');
const manifest = (files: Record<string, string>) => {
  const path = join(
    root,
    `manifest-${Object.keys(files).length}-${Math.random().toString(36).slice(2)}.json`,
  );
  writeFileSync(path, JSON.stringify({ algorithm: 'sha256', files }));
  return path;
};

describe('verifyIntegrity', () => {
  it('verifies files that match the manifest, naming the manifest relative to the root', () => {
    const path = manifest({ 'dist/a.js': sha('export const a = 1;\n') });
    expect(verifyIntegrity(path, root)).toEqual({
      status: 'verified',
      manifest: basename(path),
      files: 1,
    });
  });

  it('reports changed and missing files', () => {
    const path = manifest({ 'dist/a.js': sha('tampered'), 'dist/gone.js': sha('x') });
    expect(verifyIntegrity(path, root)).toMatchObject({
      status: 'mismatch',
      files: 2,
      mismatches: [
        { path: 'dist/a.js', expected: sha('tampered'), actual: sha('export const a = 1;\n') },
        { path: 'dist/gone.js', expected: sha('x'), actual: null },
      ],
    });
  });

  it('rejects paths outside the root', () => {
    const path = manifest({ '../etc/passwd': sha('x') });
    expect(verifyIntegrity(path, root)).toMatchObject({
      status: 'mismatch',
      mismatches: [{ path: '../etc/passwd', actual: null }],
    });
  });

  it('is unavailable without a manifest', () => {
    expect(verifyIntegrity(join(root, 'none.json'), root)).toMatchObject({ status: 'unavailable' });
  });
});
