import { INPUT_LIMITS, inputErrorReason, readInputFile } from '@havenkit/checker/files';
import { ExitCode } from './exit-codes.js';
import { UserError } from './errors.js';

/**
 * A readable reason for a failed file operation ("no such file" rather than ENOENT). `missing` is
 * what ENOENT means here: the file itself when reading, its directory when writing.
 */
export function fileErrorReason(err: unknown, missing = 'no such file'): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return missing;
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENOTREG':
      return 'not a regular file (a device, FIFO or socket)';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ?? (err as Error).message;
  }
}

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
