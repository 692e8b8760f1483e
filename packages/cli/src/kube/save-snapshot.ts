import { writeSnapshotFile, type ClusterSnapshot } from '@havenkit/checker';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { fileErrorReason } from '../files.js';

/**
 * Writes a collected snapshot (`snapshot --out`, `--save-snapshot`); returns the sha256 of the bytes
 * written, which a report or register records. Its own module: kube/write.ts serves `synth` too,
 * which must not load the checker.
 */
export function saveSnapshot(path: string, snapshot: ClusterSnapshot, flag = '--save-snapshot'): string {
  try {
    return writeSnapshotFile(path, snapshot).sha256;
  } catch (err) {
    throw new UserError(
      `cannot write ${path} (${flag}): ${fileErrorReason(err, 'no such directory')}`,
      ExitCode.BadInput,
    );
  }
}
