import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SnapshotError, type ClusterSnapshot } from '@havenkit/model';
import { loadCatalogue } from '../catalogue/load.js';
import { evaluate } from '../evaluate.js';
import { fieldsByResource, projectSnapshot } from '../projection.js';
import { registerReaders } from '../sovereignty/functions.js';
import { damagedText } from '../properties/bad-input.js';
import { list, makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { demoSnapshot } from '../testing/reports.js';
import { readSnapshotFile, snapshotSha256 } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-stream-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const catalogue = loadCatalogue();
// What a streamed read keeps: the union of what the checks and the register's functions read.
const fields = fieldsByResource([...catalogue.checks, ...registerReaders()]);
const { snapshot: demo } = demoSnapshot();
let files = 0;
const file = (text: string, ext = '.json'): string => {
  const path = join(dir, `s${files++}${ext}`);
  writeFileSync(path, text);
  return path;
};
/** Read as a stream whatever the size. */
const streamed = (path: string) => readSnapshotFile(path, 1 << 30, { streamAbove: 0 });
const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

/** The results of evaluating what `read` gives, or "refused" for a SnapshotError. */
const outcome = (read: () => ClusterSnapshot): unknown => {
  try {
    return evaluate(read(), { catalogue }).results;
  } catch (error) {
    if (error instanceof SnapshotError) return 'refused';
    throw error;
  }
};

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'shop',
    uid: `uid-${name}`,
    managedFields: [{ manager: 'kubelet' }],
    labels: { a: 'b' },
  },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }] }], volumes: [] },
  status: { phase: 'Running', podIP: '10.0.0.1' },
});

describe('a snapshot read as a stream', () => {
  it('holds what the whole file cut down to the checks’ and the register’s fields holds, with the sha256 of its bytes', () => {
    const text = `${JSON.stringify(demo, null, 2)}\n`;
    const read = streamed(file(text));
    expect(read.sha256).toBe(snapshotSha256(text));
    expect(read.snapshot).toEqual(projectSnapshot(demo, fields));
  });

  it('gives the same report as the whole file', () => {
    const read = streamed(file(JSON.stringify(demo)));
    expect(evaluate(read.snapshot, { catalogue }).results).toEqual(evaluate(demo, { catalogue }).results);
  });

  it('keeps only the fields the checks and the register read of each pod: no managedFields or env', () => {
    const snapshot = makeSnapshot({ resources: { pods: list('Pod', [pod('a'), pod('b')]) } });
    const read = streamed(file(JSON.stringify(snapshot)));
    const pods = read.snapshot.resources['pods'];
    expect(pods && 'items' in pods ? pods.items : undefined).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'a', namespace: 'shop', uid: 'uid-a', labels: { a: 'b' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], volumes: [] },
        status: { phase: 'Running' },
      },
      expect.objectContaining({
        metadata: { name: 'b', namespace: 'shop', uid: 'uid-b', labels: { a: 'b' } },
      }),
    ]);
    expect(pods).toHaveProperty('fields', fields.get('pods'));
  });

  it('keeps only the identity of items of a resource nothing reads', () => {
    const snapshot = makeSnapshot({
      resources: {
        configmaps: list('ConfigMap', [{ metadata: { name: 'd', uid: '1' }, data: { key: 'value' } }]),
      },
    });
    const read = streamed(file(JSON.stringify(snapshot)));
    expect(read.snapshot.resources['configmaps']).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: { resourceVersion: '1' },
      fields: [],
      items: [{ metadata: { name: 'd', uid: '1' } }],
    });
  });

  it('keeps the record of a list collected with fewer fields than the checks read, so its checks stay not collected', () => {
    const thin = { ...nodes(node('a'), node('b'), node('c')), fields: ['metadata.labels'] };
    const read = streamed(file(JSON.stringify(makeSnapshot({ resources: { nodes: thin } }))));
    expect(read.snapshot.resources['nodes']).toHaveProperty('fields', ['metadata.labels']);
    const result = evaluate(read.snapshot, { catalogue }).results.find((r) => r.name === 'privatenetworking');
    expect(result).toMatchObject({ outcome: 'unknown', cause: 'not-collected' });
  });

  it('validates what it read as any snapshot is validated, naming the field', () => {
    const repeated = makeSnapshot({ resources: { nodes: nodes(node('a'), node('a')) } });
    expect(errorOf(() => streamed(file(JSON.stringify(repeated)))).message).toMatch(
      /resources\.nodes\.items\[1\]\.metadata\.uid: "uid-a" repeats items\[0\]$/,
    );
  });

  it('refuses a cut-off file in one line, exit 3', () => {
    const error = errorOf(() => streamed(file(JSON.stringify(demo).slice(0, 5000))));
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).exitCode).toBe(3);
    expect(error.message).toMatch(/\.json: not valid JSON: /);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a large YAML file, saying that large snapshots are read as JSON', () => {
    const path = file('apiVersion: havenkit.dev/v1alpha1\n', '.yaml');
    expect(errorOf(() => streamed(path)).message).toMatch(
      /\.yaml: 34 bytes of YAML is more than havenkit reads as YAML \(0 bytes\); a snapshot this large is read as JSON only/,
    );
  });

  it('accepts and refuses what the whole-file reader accepts and refuses, with the same report (damaged text)', () => {
    const valid = JSON.stringify(demo);
    fc.assert(
      fc.property(damagedText(valid), (text) => {
        const path = file(text);
        expect(outcome(() => streamed(path).snapshot)).toEqual(
          outcome(() => readSnapshotFile(path).snapshot),
        );
      }),
      { numRuns: 200 },
    );
  });
});
