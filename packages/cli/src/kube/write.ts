import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { UserError } from '../errors.js';
import { fileErrorReason } from '../files.js';

const tempOf = (path: string) =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

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
  // A rename onto a directory is the one failure that could strike after some renames: rule it out first.
  for (const { path } of files) {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UserError(`cannot write ${path} (${flag}): it is a directory`, ExitCode.BadInput);
    }
  }
  const temps: string[] = [];
  const cleanUp = () => temps.forEach((t) => rmSync(t, { force: true }));
  for (const { path, text } of files) {
    const temp = tempOf(path);
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
      renameSync(temps[i]!, path);
    } catch (err) {
      cleanUp();
      throw new UserError(
        `cannot write ${path} (${flag}): ${fileErrorReason(err, 'no such directory')}`,
        ExitCode.BadInput,
      );
    }
  });
}
