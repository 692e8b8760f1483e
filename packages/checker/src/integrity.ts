import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntegrityMismatch, IntegrityResult } from '@havenkit/model';

export type { IntegrityMismatch, IntegrityResult } from '@havenkit/model';

/** The manifest written by scripts/integrity-manifest.mjs at build time. */
export interface IntegrityManifest {
  algorithm: 'sha256';
  /** Repository-relative path (forward slashes) → sha256 hex. */
  files: Record<string, string>;
}

/**
 * Verifies the sha256 of every file listed in the manifest, relative to rootDir. I/O at the edge:
 * the CLI calls this and passes the result to evaluate() as `integrity`; checks never do.
 */
export function verifyIntegrity(manifestFile: string, rootDir: string): IntegrityResult {
  // Reports name the manifest relative to the toolkit root, so that a report made on one machine
  // re-evaluates to the same evidence on another (havenkit verify).
  const fromRoot = relative(rootDir, manifestFile).split(sep).join('/');
  const manifestPath =
    fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot) ? manifestFile : fromRoot;
  if (!existsSync(manifestFile)) {
    return {
      status: 'unavailable',
      manifest: manifestPath,
      message: `no manifest at ${manifestPath} (not a built toolkit?)`,
    };
  }
  let manifest: IntegrityManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as IntegrityManifest;
    if (manifest.algorithm !== 'sha256' || typeof manifest.files !== 'object' || manifest.files === null) {
      throw new Error('expected {"algorithm": "sha256", "files": {...}}');
    }
  } catch (error) {
    return {
      status: 'unavailable',
      manifest: manifestPath,
      message: `unreadable manifest: ${(error as Error).message}`,
    };
  }
  const mismatches: IntegrityMismatch[] = [];
  const paths = Object.keys(manifest.files).sort();
  for (const path of paths) {
    const expected = manifest.files[path] ?? '';
    if (isAbsolute(path) || normalize(path).startsWith('..')) {
      mismatches.push({ path, expected, actual: null });
      continue;
    }
    const file = join(rootDir, path);
    const actual = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
    if (actual !== expected) mismatches.push({ path, expected, actual });
  }
  if (paths.length === 0)
    return { status: 'unavailable', manifest: manifestPath, message: 'the manifest lists no files' };
  return mismatches.length === 0
    ? { status: 'verified', manifest: manifestPath, files: paths.length }
    : { status: 'mismatch', manifest: manifestPath, files: paths.length, mismatches };
}

/** File name of the manifest inside packages/checker/dist/. */
export const INTEGRITY_MANIFEST = 'integrity-manifest.json';

/**
 * Where the installed toolkit's manifest and root are: the manifest next to this module
 * (packages/checker/dist/integrity-manifest.json) and the repository root three levels up.
 * When running from src/ (tests, development) there is no manifest: verifyIntegrity reports
 * "unavailable".
 */
export function defaultIntegrityPaths(): { manifestPath: string; rootDir: string } {
  const moduleDir = new URL('.', import.meta.url);
  return {
    manifestPath: fileURLToPath(new URL(INTEGRITY_MANIFEST, moduleDir)),
    rootDir: fileURLToPath(new URL('../../../', moduleDir)),
  };
}
