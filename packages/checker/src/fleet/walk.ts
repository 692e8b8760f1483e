/**
 * The one part of the fleet overview that touches the disk: finding and reading the report files
 * under a directory. Bounded: a fixed depth, symbolic links to directories not followed (no loops,
 * no escape from the directory), every file read by readInputFile (regular files only, up to the
 * size limit). Whatever cannot be read is listed with its reason, never thrown.
 */
import type { KeyObject } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '@havenkit/model';
import { INPUT_LIMITS, inputErrorReason, readInputFile } from '../files/read-input.js';
import type { FleetFile, NotRead } from './model.js';
import { readFleetFile } from './read.js';

/** How many directories below DIR are searched: DIR/a/b/c/d/e/f/report.json is the deepest read. */
export const FLEET_MAX_DEPTH = 6;

export interface FleetScanOptions {
  /** The size limit of one file (default: the limit for reports). */
  readonly maxBytes?: number;
  readonly maxDepth?: number;
  /** Verify signed reports with this public key. */
  readonly key?: KeyObject;
}

export interface FleetScan {
  readonly files: FleetFile[];
  readonly notRead: NotRead[];
  /** Official-format files passed over (readFleetFile: haven-json). */
  readonly skipped: string[];
  /** havenkit's other documents beside the reports (snapshots, registers), passed over. */
  readonly passedOver: string[];
}

/** Only JSON files can be reports; the other formats a check writes (html, md, xml…) are not looked at. */
const isCandidate = (name: string): boolean => /\.json$/i.test(name);

/**
 * Finds every report under `dir` (see the module comment). Paths in the result are relative to
 * `dir`, with `/` between parts, in name order.
 * @throws InputError when `dir` does not exist or is not a directory.
 */
export function scanFleetDirectory(dir: string, options: FleetScanOptions = {}): FleetScan {
  const maxBytes = options.maxBytes ?? INPUT_LIMITS.snapshot;
  const maxDepth = options.maxDepth ?? FLEET_MAX_DEPTH;
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`${dir} is not a directory`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${dir}: ${inputErrorReason(error, 'no such directory')}`);
  }
  const scan: FleetScan = { files: [], notRead: [], skipped: [], passedOver: [] };
  const readFile = (path: string, relative: string) => {
    let text: string;
    try {
      text = readInputFile(path, maxBytes).toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      scan.notRead.push({
        path: relative,
        problem: code === 'EFBIG' ? 'too-large' : 'unreadable',
        detail: inputErrorReason(error),
      });
      return;
    }
    const read = readFleetFile(text, relative, options.key);
    if (read.kind === 'report') {
      const { report, signature } = read;
      scan.files.push({ path: relative, report, signature, ...(read.keyId ? { keyId: read.keyId } : {}) });
    } else if (read.kind === 'haven-json') {
      scan.skipped.push(relative);
    } else if (read.kind === 'havenkit-document') {
      scan.passedOver.push(relative);
    } else {
      const { problem, detail } = read;
      scan.notRead.push({ path: relative, problem, ...(detail !== undefined ? { detail } : {}) });
    }
  };
  const visit = (path: string, relative: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      scan.notRead.push({ path: relative, problem: 'unreadable', detail: inputErrorReason(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(path, entry.name);
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (depth >= maxDepth)
          scan.notRead.push({ path: `${rel}/`, problem: 'too-deep', detail: `depth > ${maxDepth}` });
        else visit(full, rel, depth + 1);
      } else if (entry.isSymbolicLink()) {
        // A link is followed to a file (as every command reads files), never to a directory.
        let target: ReturnType<typeof statSync> | undefined;
        try {
          target = statSync(full);
        } catch {
          target = undefined;
        }
        if (target?.isDirectory()) scan.notRead.push({ path: `${rel}/`, problem: 'symlinked-directory' });
        else if (isCandidate(entry.name)) readFile(full, rel);
      } else if (isCandidate(entry.name)) {
        readFile(full, rel);
      }
    }
  };
  visit(dir, '', 0);
  return scan;
}
