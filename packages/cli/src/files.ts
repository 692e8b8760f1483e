import { INPUT_LIMITS, inputErrorReason, readInputFile } from '@havenkit/checker/files';
import { ExitCode } from './exit-codes.js';
import { UserError } from './errors.js';

/**
 * A readable reason for a failed file operation ("no such file" rather than ENOENT): the checker's
 * one table of them. `missing` is what ENOENT means here: the file when reading, its directory when
 * writing.
 */
export const fileErrorReason = inputErrorReason;

/**
 * Reads a text file the user named: only a regular file, up to `maxBytes` (readInputFile).
 * @throws UserError `cannot read <what>: <reason>` (exit code 3).
 */
export function readTextFile(path: string, what: string, maxBytes: number = INPUT_LIMITS.document): string {
  try {
    return readInputFile(path, maxBytes).toString('utf8');
  } catch (err) {
    throw new UserError(`cannot read ${what}: ${inputErrorReason(err)}`, ExitCode.BadInput);
  }
}
