import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { UserError } from '../errors.js';

/** Writes a file atomically (temporary file in the same directory, then rename): never half-written. */
export function writeFileAtomic(path: string, text: string, flag: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot write ${path} (${flag}): ${code ?? (err as Error).message}`,
      ExitCode.BadInput,
    );
  }
}
