import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeTarget } from '@havenkit/checker/files';
import { basename, dirname, join } from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { UserError } from '../errors.js';
import { fileErrorReason } from '../files.js';

const tempOf = (path: string) =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * The file a write of `path` will replace (writeTarget), checked before any work is done: a
 * directory, device or FIFO is bad input up front, not after a cluster was read.
 */
export function outputTarget(path: string, flag: string): string {
  try {
    return writeTarget(path);
  } catch (err) {
    throw new UserError(`cannot write ${path} (${flag}): ${fileErrorReason(err)}`, ExitCode.BadInput);
  }
}

/** Writes a file atomically (temporary file in the same directory, then rename): never half-written. */
export function writeFileAtomic(path: string, text: string, flag: string): void {
  writeFilesAtomic([{ path, text }], flag);
}

/**
 * Writes several files as one set: every file goes to a temporary file first, and only when all are
 * written are they renamed into place. A failure removes the temporary files, so it never leaves
 * part of the set (a failed rename, rare once the writes succeeded, names the file).
 */
export function writeFilesAtomic(files: readonly { path: string; text: string }[], flag: string): void {
  // Resolve every target first (through links; never a directory, device or FIFO): the one
  // failure that could otherwise strike after some renames.
  const targets = files.map(({ path }) => outputTarget(path, flag));
  const temps: string[] = [];
  const cleanUp = () => temps.forEach((t) => rmSync(t, { force: true }));
  for (const [i, { path, text }] of files.entries()) {
    const temp = tempOf(targets[i]!);
    try {
      writeFileSync(temp, text, 'utf8');
      temps.push(temp);
    } catch (err) {
      cleanUp();
      throw new UserError(
        `cannot write ${path} (${flag}): ${fileErrorReason(err, 'no such directory')}`,
        ExitCode.BadInput,
      );
    }
  }
  files.forEach(({ path }, i) => {
    try {
      renameSync(temps[i]!, targets[i]!);
    } catch (err) {
      cleanUp();
      throw new UserError(
        `cannot write ${path} (${flag}): ${fileErrorReason(err, 'no such directory')}`,
        ExitCode.BadInput,
      );
    }
  });
}

/** Creates an output directory (`--out-dir`) and its parents; a file in the way is bad input. */
export function makeOutputDirectory(dir: string, flag = '--out-dir'): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR' ? 'a file of that name is in the way' : fileErrorReason(err);
    throw new UserError(`cannot create ${dir} (${flag}): ${why}`, ExitCode.BadInput);
  }
}
