import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { UserError } from '../errors.js';

/** A readable reason for a failed write: "no such directory" rather than ENOENT. */
function why(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (err as Error).message;
  }
}

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
      throw new UserError(`cannot write ${path} (${flag}): ${why(err)}`, ExitCode.BadInput);
    }
  }
  files.forEach(({ path }, i) => {
    try {
      renameSync(temps[i]!, path);
    } catch (err) {
      cleanUp();
      throw new UserError(`cannot write ${path} (${flag}): ${why(err)}`, ExitCode.BadInput);
    }
  });
}
