import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ClusterSnapshot, CollectedResource, KubeObject } from '@havenkit/model';
import { writeTarget } from '../files/write-target.js';
import { dumpYaml } from '../yaml.js';
import { canonicalKeyOrder, sortKeysDeep } from './canonical.js';

/** A copy of the object without metadata.managedFields (noise that can be megabytes); the object itself when it has none. */
export function withoutManagedFields(item: KubeObject): KubeObject {
  if (!item.metadata || !('managedFields' in item.metadata)) return item;
  const { managedFields: _dropped, ...metadata } = item.metadata;
  return { ...item, metadata };
}

/** A copy of the snapshot without metadata.managedFields on any collected item. */
export function stripManagedFields(snapshot: ClusterSnapshot): ClusterSnapshot {
  const resources: Record<string, CollectedResource> = {};
  for (const [key, entry] of Object.entries(snapshot.resources)) {
    resources[key] = 'error' in entry ? entry : { ...entry, items: entry.items.map(withoutManagedFields) };
  }
  return { ...snapshot, resources };
}

/** Below this depth (an item of resources.<key>.items) a value is serialised in one piece. */
const ITEM_DEPTH = 4;

/**
 * The JSON of a snapshot (sorted keys, 2-space indentation, each item of a list on one line, a
 * final newline, no managedFields) in pieces, one item of a list at a time. No piece is larger than one object, so a snapshot of any size can be written:
 * the whole text of a 50,000-pod snapshot would pass V8's string limit (~512 MiB), and building
 * it took three copies of the snapshot.
 */
export function* snapshotJsonChunks(snapshot: ClusterSnapshot): Generator<string> {
  yield* chunksOf(snapshot, '', []);
  yield '\n';
}

function isItemPath(path: readonly string[]): boolean {
  return path.length === 3 && path[0] === 'resources' && path[2] === 'items';
}

function* chunksOf(value: unknown, indent: string, path: readonly string[]): Generator<string> {
  if (path.length >= ITEM_DEPTH || value === null || typeof value !== 'object') {
    // An item of a list is one line: a 50,000-pod snapshot is a third smaller and reads ~15 % faster
    // than indented, and a diff of two snapshots still shows one changed object per line.
    if (path.length === ITEM_DEPTH && isItemPath(path.slice(0, -1))) {
      yield JSON.stringify(sortKeysDeep(value));
      return;
    }
    // JSON.stringify escapes every newline inside strings, so each '\n' here is indentation's.
    const text = JSON.stringify(sortKeysDeep(value), null, 2);
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    const items = isItemPath(path);
    yield '[\n';
    for (const [index, raw] of value.entries()) {
      const element: unknown = items ? withoutManagedFields(raw as KubeObject) : raw;
      yield inner;
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') yield 'null';
      else yield* chunksOf(element, inner, [...path, String(index)]);
      yield index < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = canonicalKeyOrder(Object.keys(record)).filter((key) => {
    const v = record[key];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (const [index, key] of keys.entries()) {
    yield `${inner}${JSON.stringify(key)}: `;
    yield* chunksOf(record[key], inner, [...path, key]);
    yield index < keys.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

/** The bytes writeSnapshotFile writes: sorted keys, managedFields stripped; YAML for .yaml/.yml, else JSON. */
export function serializeSnapshot(snapshot: ClusterSnapshot, format: 'json' | 'yaml' = 'json'): string {
  if (format === 'yaml') return dumpYaml(sortKeysDeep(stripManagedFields(snapshot)));
  return [...snapshotJsonChunks(snapshot)].join('');
}

/** What writeSnapshotFile wrote. */
export interface WrittenSnapshot {
  /** sha256 (hex) of the bytes written, as readSnapshotFile computes it. */
  readonly sha256: string;
  readonly bytes: number;
}

/** Pieces are gathered to about this size before each write. */
const WRITE_BUFFER = 1 << 20;

/**
 * Writes a snapshot atomically (a temporary file in the same directory, then rename), with a
 * stable key order and without metadata.managedFields; through a symbolic link, never onto a
 * device or FIFO (writeTarget). JSON is written piece by piece (snapshotJsonChunks), so the
 * memory it needs is that of the largest object, whatever the size of the snapshot; YAML (for
 * .yaml/.yml, meant for small snapshots a person reads) is written in one piece. A failed write
 * leaves nothing behind.
 */
export function writeSnapshotFile(path: string, snapshot: ClusterSnapshot): WrittenSnapshot {
  const ext = extname(path).toLowerCase();
  const chunks: Iterable<string> =
    ext === '.yaml' || ext === '.yml' ? [serializeSnapshot(snapshot, 'yaml')] : snapshotJsonChunks(snapshot);
  const target = writeTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    let pending = '';
    const flush = (): void => {
      const buffer = Buffer.from(pending, 'utf8');
      pending = '';
      hash.update(buffer);
      bytes += buffer.length;
      for (let at = 0; at < buffer.length;) at += writeSync(fd!, buffer, at);
    };
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= WRITE_BUFFER) flush();
    }
    flush();
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  return { sha256: hash.digest('hex'), bytes };
}
