import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { readSnapshotFile } from './read.js';
import { writeSnapshotFile } from './write.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withManaged = () => {
  const n = node('a');
  n.metadata = { ...n.metadata, managedFields: [{ manager: 'kubelet' }] };
  return makeSnapshot({ resources: { nodes: nodes(n) } });
};

describe('writeSnapshotFile', () => {
  it('strips metadata.managedFields and round-trips through readSnapshotFile', () => {
    const path = join(dir, 'a.json');
    writeSnapshotFile(path, withManaged());
    const { snapshot } = readSnapshotFile(path);
    const first = snapshot.resources.nodes;
    expect(first && 'items' in first ? first.items[0]?.metadata : undefined).not.toHaveProperty(
      'managedFields',
    );
  });

  it('writes sorted keys, so the same snapshot gives the same bytes', () => {
    const a = writeSnapshotFile(join(dir, 'b.json'), withManaged());
    const shuffled = JSON.parse(JSON.stringify(withManaged()), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as ReturnType<typeof withManaged>;
    expect(writeSnapshotFile(join(dir, 'c.json'), shuffled)).toBe(a);
    expect(a.indexOf('"apiVersion"')).toBeLessThan(a.indexOf('"kind"'));
  });

  it('writes YAML for a .yaml path', () => {
    const path = join(dir, 'd.yaml');
    writeSnapshotFile(path, withManaged());
    expect(readFileSync(path, 'utf8')).toMatch(/^apiVersion: havenkit\.dev\/v1alpha1\n/);
    expect(readSnapshotFile(path).snapshot.kind).toBe('ClusterSnapshot');
  });

  it('leaves no temporary file behind', () => {
    writeSnapshotFile(join(dir, 'e.json'), withManaged());
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
