import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The default size limits of the files the checker reads (`--max-input-size` raises them). */
export const INPUT_LIMITS = {
  /** Snapshots and reports: the largest clusters' snapshots are hundreds of MiB. */
  snapshot: 1024 * 1024 * 1024,
  /** Waivers, releases, keys, app specs, provider profiles: hand-written files. */
  document: 64 * 1024 * 1024,
} as const;

/** A size for people: "1 GiB", "64 MiB", "512 KiB", "12 bytes". */
export function formatSize(bytes: number): string {
  const units = ['GiB', 'MiB', 'KiB'] as const;
  for (const [i, unit] of units.entries()) {
    const size = 1024 ** (units.length - i);
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/**
 * Parses a size flag: a number of bytes, or a number with KiB/MiB/GiB (also K/M/G, KB/MB/GB: all
 * binary), e.g. "2GiB", "512M". Undefined for anything else.
 */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(|b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(match[1]) * factor);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

function failure(message: string, code: string, limit?: number): Error {
  return Object.assign(new Error(message), { code }, limit !== undefined ? { limit } : {});
}

/**
 * Reads a file the user named, in bounded time and memory: only a regular file (a device such as
 * /dev/zero, a FIFO or a socket is refused at once, before any byte is read; opening does not wait
 * for a FIFO's writer), and only up to `maxBytes` (a larger file is refused by its size, and a file
 * that grows while it is read stops at the limit).
 * @throws an Error with `code`: a file system code (ENOENT, EACCES, …), EISDIR, ENOTREG (not a
 *   regular file) or EFBIG (over the limit; the message gives the size and the limit).
 */
export function readInputFile(path: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  visitInputFile(path, maxBytes, (chunk) => {
    chunks.push(chunk);
    total += chunk.length;
  });
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Reads a file as readInputFile does (a regular file, up to `maxBytes`), handing it to `visit` in
 * pieces instead of keeping it: for files too large to hold as one string. `chunkBytes` bounds
 * each piece; by default the whole file is one piece. Returns the number of bytes read.
 * @throws as readInputFile, and whatever `visit` throws.
 */
export function visitInputFile(
  path: string,
  maxBytes: number,
  visit: (chunk: Buffer) => void,
  chunkBytes?: number,
): number {
  // O_NONBLOCK: open a FIFO without waiting for a writer (it is refused just below).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw failure(`${path} is a directory`, 'EISDIR');
    if (!stat.isFile()) throw failure(`${path} is not a regular file`, 'ENOTREG');
    if (stat.size > maxBytes) {
      throw failure(
        `${path} is ${formatSize(stat.size)}, over the limit of ${formatSize(maxBytes)}`,
        'EFBIG',
        maxBytes,
      );
    }
    // One read for a file that stays as it was; a file that grows is read on, up to the limit.
    const chunkSize = Math.min(chunkBytes ?? Math.max(64 * 1024, stat.size + 1), maxBytes + 1);
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) {
        throw failure(
          `${path} grew past the limit of ${formatSize(maxBytes)} while it was read`,
          'EFBIG',
          maxBytes,
        );
      }
      visit(chunk.subarray(0, read));
    }
    return total;
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a file operation failed, in words ("no such file" rather than ENOENT), for reads and writes
 * alike. `missing` is what ENOENT means here: the file itself when reading, its directory when
 * writing. readInputFile's limit says how to raise it.
 */
export function inputErrorReason(error: unknown, missing = 'no such file'): string {
  const err = error as NodeJS.ErrnoException & { limit?: number };
  if (err.code === 'EFBIG' && err.limit !== undefined) {
    return `${err.message.replace(/^.* (is|grew) /, '$1 ')}; --max-input-size raises the limit`;
  }
  switch (err.code) {
    case 'ENOENT':
      return missing;
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTREG':
      return 'not a regular file (a device, FIFO or socket)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return err.code ?? err.message;
  }
}
