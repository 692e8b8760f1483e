import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeTarget } from '../files/write-target.js';
import { basename, dirname, extname, join } from 'node:path';
import { dumpYaml } from '../yaml.js';
import { canonicalJson, sortKeysDeep } from './canonical.js';
import type { ClusterSnapshot, CollectedResource } from '@havenkit/model';

/** A copy of the snapshot without metadata.managedFields on any collected item. */
export function stripManagedFields(snapshot: ClusterSnapshot): ClusterSnapshot {
  const resources: Record<string, CollectedResource> = {};
  for (const [key, entry] of Object.entries(snapshot.resources)) {
    if ('error' in entry) {
      resources[key] = entry;
      continue;
    }
    resources[key] = {
      ...entry,
      items: entry.items.map((item) => {
        if (!item.metadata || !('managedFields' in item.metadata)) return item;
        const { managedFields: _dropped, ...metadata } = item.metadata;
        return { ...item, metadata };
      }),
    };
  }
  return { ...snapshot, resources };
}

/** The bytes writeSnapshotFile writes: sorted keys, managedFields stripped; YAML for .yaml/.yml, else JSON. */
export function serializeSnapshot(snapshot: ClusterSnapshot, format: 'json' | 'yaml' = 'json'): string {
  const clean = sortKeysDeep(stripManagedFields(snapshot));
  return format === 'yaml' ? dumpYaml(clean) : canonicalJson(clean);
}

/**
 * Writes a snapshot atomically (a temporary file in the same directory, then rename), with a
 * stable key order and without metadata.managedFields; through a symbolic link, never onto a
 * device or FIFO (writeTarget). Returns the bytes written.
 */
export function writeSnapshotFile(path: string, snapshot: ClusterSnapshot): string {
  const ext = extname(path).toLowerCase();
  const text = serializeSnapshot(snapshot, ext === '.yaml' || ext === '.yml' ? 'yaml' : 'json');
  const target = writeTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', mode: 0o600 });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return text;
}
