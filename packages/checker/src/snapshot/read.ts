import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { SnapshotError, jsonPath, oneLine, type ClusterSnapshot } from '@havenkit/model';
import { validate } from '../schema.js';
import { parseYaml } from '../yaml.js';
import { INPUT_LIMITS, formatSize, inputErrorReason, readInputFile } from '../files/read-input.js';
import { loadCatalogue } from '../catalogue/load.js';
import { fieldsByResource } from '../projection.js';
import { registerReaders } from '../sovereignty/functions.js';
import { readSnapshotStream } from './stream-read.js';

/** The sha256 (hex) of a snapshot file's bytes, for the report's metadata.snapshot.sha256. */
export function snapshotSha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Validates a parsed snapshot against compliance/schemas/snapshot.schema.json.
 * @param source names the input in the error, e.g. the file path.
 * @throws SnapshotError `<source>: <field>: <problem>` (one line, exitCode 3).
 */
export function parseSnapshot(value: unknown, source: string): ClusterSnapshot {
  const problem = validate('snapshot', value) ?? duplicateItem(value as ClusterSnapshot);
  if (problem) throw new SnapshotError(`${source}: ${problem}`);
  return value as ClusterSnapshot;
}

/**
 * The first item of a list that repeats an earlier one: the same uid, or the same namespace and
 * name. One list from the API server never holds both (a relist after 410 Gone starts over), so a
 * repeat is a crafted or spliced snapshot, and counting it twice would inflate the node counts that
 * hamasters, haworkers and multiaz decide on.
 */
function duplicateItem(snapshot: ClusterSnapshot): string | undefined {
  for (const [key, entry] of Object.entries(snapshot.resources)) {
    if ('error' in entry) continue;
    const at = (index: number, field: string) =>
      jsonPath(`/resources/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/items/${index}/metadata`, field);
    // Names by namespace: no key string is built per item (50,000 pods), and it is exact for any strings.
    const byName = new Map<string, Map<string, number>>();
    const byUid = new Map<string, number>();
    const items = entry.items;
    for (let index = 0; index < items.length; index++) {
      const metadata = items[index]!.metadata;
      if (metadata === undefined || metadata === null) continue;
      const { name, namespace, uid } = metadata;
      if (typeof uid === 'string' && uid !== '') {
        const first = byUid.get(uid);
        if (first !== undefined) return `${at(index, 'uid')}: ${JSON.stringify(uid)} repeats items[${first}]`;
        byUid.set(uid, index);
      }
      if (typeof name === 'string' && name !== '') {
        const ns = typeof namespace === 'string' ? namespace : '';
        let names = byName.get(ns);
        if (names === undefined) {
          names = new Map();
          byName.set(ns, names);
        }
        const first = names.get(name);
        if (first !== undefined) {
          const what = ns ? `${JSON.stringify(ns)}/${JSON.stringify(name)}` : JSON.stringify(name);
          return `${at(index, 'name')}: ${what} repeats items[${first}]`;
        }
        names.set(name, index);
      }
    }
  }
  return undefined;
}

/** Parses snapshot text: JSON for .json, YAML for .yaml/.yml, otherwise JSON then YAML. */
export function parseSnapshotText(text: string, source: string): ClusterSnapshot {
  const ext = extname(source).toLowerCase();
  let value: unknown;
  try {
    if (ext === '.json') value = JSON.parse(text);
    else if (ext === '.yaml' || ext === '.yml') value = parseYaml(text, source);
    else {
      try {
        value = JSON.parse(text);
      } catch {
        value = parseYaml(text, source);
      }
    }
  } catch (error) {
    const kind = ext === '.json' ? 'JSON' : ext === '.yaml' || ext === '.yml' ? 'YAML' : 'JSON or YAML';
    throw new SnapshotError(
      `${source}: not valid ${kind}: ${oneLine((error as Error).message).split(' 1 |')[0]}`,
    );
  }
  return parseSnapshot(value, source);
}

/** What readSnapshotFile returns: the snapshot and the sha256 of the file's bytes. */
export interface SnapshotFile {
  snapshot: ClusterSnapshot;
  sha256: string;
}

/**
 * Above this size a JSON snapshot is read as a stream (stream-read.ts), its items cut down to the
 * fields the checks read: in bounded memory, where the whole text would not even fit in one
 * JavaScript string past ~512 MiB. Smaller files are parsed whole, which is several times faster.
 */
export const STREAM_ABOVE = 128 * 1024 * 1024;

export interface ReadSnapshotOptions {
  /** @default STREAM_ABOVE */
  readonly streamAbove?: number;
  /** What a streamed read keeps of each item, per resource. @default the bundled catalogue's and the register's (fieldsByResource) */
  readonly fields?: ReadonlyMap<string, readonly string[] | undefined>;
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined; // readInputFile names the problem
  }
}

/**
 * Reads, parses (JSON or YAML) and validates a snapshot file: only a regular file, up to
 * `maxBytes` (readInputFile); a JSON file over `streamAbove` as a stream, in bounded memory.
 * @throws SnapshotError one line naming the file and the first bad field (exitCode 3).
 */
export function readSnapshotFile(
  path: string,
  maxBytes: number = INPUT_LIMITS.snapshot,
  options: ReadSnapshotOptions = {},
): SnapshotFile {
  const streamAbove = options.streamAbove ?? STREAM_ABOVE;
  const size = sizeOf(path);
  if (size !== undefined && size > streamAbove && size <= maxBytes) {
    const ext = extname(path).toLowerCase();
    if (ext === '.yaml' || ext === '.yml') {
      throw new SnapshotError(
        `${path}: ${formatSize(size)} of YAML is more than havenkit reads as YAML (${formatSize(streamAbove)}); a snapshot this large is read as JSON only (havenkit snapshot --out FILE.json writes it)`,
      );
    }
    const fields = options.fields ?? fieldsByResource([...loadCatalogue().checks, ...registerReaders()]);
    const { value, sha256 } = readSnapshotStream(path, maxBytes, fields);
    return { snapshot: parseSnapshot(value, path), sha256 };
  }
  let bytes: Buffer | undefined;
  try {
    bytes = readInputFile(path, maxBytes);
  } catch (error) {
    throw new SnapshotError(`${path}: cannot read the snapshot (${inputErrorReason(error)})`);
  }
  const sha256 = snapshotSha256(bytes);
  const text = bytes.toString('utf8');
  // Let go of the bytes before parsing: a Buffer is memory outside V8's heap, and while tens of
  // megabytes of it are alive V8 runs full collections of everything parsed so far to get it
  // back. Dropped first, a 50,000-pod snapshot re-evaluates in 0.8 times the time with 50 MiB
  // less peak memory (bench/README.md).
  bytes = undefined;
  return { snapshot: parseSnapshotText(text, path), sha256 };
}
