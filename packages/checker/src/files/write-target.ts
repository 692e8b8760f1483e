import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Where an atomic write of `path` (a temporary file beside it, then rename) may rename to: `path`
 * itself, or for a symbolic link the file it points to, so the link stays a link. A path that
 * exists but is not a regular file (a device, a FIFO, a socket, a directory) is refused: a rename
 * onto it would replace it — `--out /dev/null` would delete the device. The temporary file must
 * be made beside the returned path (a rename cannot cross file systems).
 * @throws an Error with code EISDIR (a directory) or ENOTREG (anything else not a regular file)
 */
export function writeTarget(path: string): string {
  let target = path;
  // Follow links one step at a time: the last one may point to a file that does not exist yet.
  for (let hops = 0; lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink(); hops++) {
    if (hops >= 40) throw Object.assign(new Error(`${path}: too many symbolic links`), { code: 'ELOOP' });
    target = resolve(dirname(target), readlinkSync(target));
  }
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat !== undefined && !stat.isFile()) {
    const code = stat.isDirectory() ? 'EISDIR' : 'ENOTREG';
    throw Object.assign(new Error(`${path} is not a regular file`), { code });
  }
  return target;
}
