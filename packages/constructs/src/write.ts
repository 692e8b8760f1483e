import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HavenkitInputError } from './errors.js';

/** One file of a synthesis to write: its path (under the output directory) and its text. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Writes a set of files all or nothing; its directories exist. Throws (with an `exitCode`) to
 * refuse or on failure, leaving none of the set written.
 */
export type FileSetWriter = (files: readonly OutputFile[]) => void;

const reason = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;
const failure = (path: string, err: unknown): HavenkitInputError =>
  new HavenkitInputError(`--out: cannot write ${path}: ${reason(err)}`);

/**
 * The library's own writer: every file to a temporary file beside it, then all renamed into
 * place. It replaces only regular files: a rename onto a link, FIFO or device would replace that
 * (the CLI passes a writer that writes through links instead).
 */
export const writeFileSet: FileSetWriter = (files) => {
  for (const { path } of files) {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat !== undefined && !stat.isFile())
      throw new HavenkitInputError(`--out: cannot write ${path}: it exists and is not a regular file`);
  }
  const temps: string[] = [];
  try {
    for (const { path, content } of files) {
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        writeFileSync(temp, content, { encoding: 'utf8', flag: 'wx' });
      } catch (err) {
        throw failure(path, err);
      }
      temps.push(temp);
    }
    files.forEach(({ path }, i) => {
      try {
        renameSync(temps[i]!, path);
      } catch (err) {
        throw failure(path, err);
      }
    });
  } finally {
    temps.forEach((t) => rmSync(t, { force: true }));
  }
};

/** Creates the directories, returning the ones that did not exist (to undo). */
function makeDirectories(dirs: readonly string[]): string[] {
  const created: string[] = [];
  for (const dir of new Set(dirs)) {
    let first: string | undefined;
    try {
      first = mkdirSync(dir, { recursive: true });
    } catch (err) {
      removeDirectories(created);
      throw failure(dir, err);
    }
    // mkdirSync names only the first directory it made; the others lie between it and `dir`.
    for (let d = dir; first !== undefined; d = dirname(d)) {
      created.push(d);
      if (d === first) break;
    }
  }
  return created;
}

/** Removes directories this run created, deepest first; one that is not empty stays. */
function removeDirectories(dirs: readonly string[]): void {
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (someone else wrote there) or gone: leave it.
    }
  }
}

/**
 * Writes files under `outDir` as one set, only after everything was synthesized: `write` puts
 * them all in place or none, and a failure also removes the directories made for them, so a
 * failed write leaves nothing behind.
 * @returns the paths written
 */
export function writeFilesAtomically(
  outDir: string,
  files: ReadonlyArray<{ readonly name: string; readonly content: string }>,
  write: FileSetWriter = writeFileSet,
): string[] {
  const set = files.map((f) => ({ path: join(outDir, f.name), content: f.content }));
  const created = makeDirectories(set.map((f) => dirname(f.path)));
  try {
    write(set);
  } catch (err) {
    removeDirectories(created);
    throw err;
  }
  return set.map((f) => f.path);
}
