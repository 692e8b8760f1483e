import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { readSnapshotFile } from './read.js';
import fc from 'fast-check';
import { demoSnapshot } from '../testing/reports.js';
import type { ClusterSnapshot } from '@havenkit/model';
import { canonicalJson, sortKeysDeep } from './canonical.js';
import { serializeSnapshot, stripManagedFields, writeSnapshotFile } from './write.js';

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
    expect(writeSnapshotFile(join(dir, 'c.json'), shuffled)).toEqual(a);
    const text = readFileSync(join(dir, 'b.json'), 'utf8');
    expect(text.indexOf('"apiVersion"')).toBeLessThan(text.indexOf('"kind"'));
  });

  it('writes YAML for a .yaml path', () => {
    const path = join(dir, 'd.yaml');
    writeSnapshotFile(path, withManaged());
    expect(readFileSync(path, 'utf8')).toMatch(/^apiVersion: havenkit\.dev\/v1alpha1\n/);
    expect(readSnapshotFile(path).snapshot.kind).toBe('ClusterSnapshot');
  });

  it('returns the sha256 and size of the bytes written, as readSnapshotFile computes them', () => {
    const path = join(dir, 'f.json');
    const written = writeSnapshotFile(path, withManaged());
    expect(written).toEqual({ sha256: readSnapshotFile(path).sha256, bytes: readFileSync(path).length });
  });

  /** What a snapshot's text must be: its value with sorted keys, without managedFields, each item one line. */
  const expectSnapshotText = (text: string, snapshot: ClusterSnapshot) => {
    const expected = sortKeysDeep(stripManagedFields(snapshot)) as ClusterSnapshot;
    expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(expected));
    expect(text.endsWith('}\n')).toBe(true);
    const lines = new Set(text.split('\n').map((l) => l.trim().replace(/,$/, '')));
    for (const entry of Object.values(expected.resources)) {
      if ('error' in entry) continue;
      for (const item of entry.items) expect(lines.has(JSON.stringify(item))).toBe(true);
    }
    // Outside the items, 2-space indentation as canonicalJson writes it.
    const outside = { ...expected, resources: {} };
    expect(text).toContain(canonicalJson(outside).split('\n').slice(1, 4).join('\n'));
  };

  it('writes sorted keys, 2-space indentation and each item of a list on one line, without managedFields', () => {
    const { snapshot: demo } = demoSnapshot();
    for (const snapshot of [demo, withManaged(), makeSnapshot({ resources: {} })]) {
      const path = join(dir, 'g.json');
      writeSnapshotFile(path, snapshot);
      expectSnapshotText(readFileSync(path, 'utf8'), snapshot);
    }
  });

  it('serialises any JSON value in the snapshot losslessly (deep, empty, odd keys, unicode)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const snapshot = {
          ...withManaged(),
          probes: { a, b } as never,
          resources: { x: { apiVersion: 'v1', kind: 'XList', items: [{ a } as never, { b } as never] } },
        };
        expectSnapshotText(serializeSnapshot(snapshot), snapshot);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no temporary file behind', () => {
    writeSnapshotFile(join(dir, 'e.json'), withManaged());
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
