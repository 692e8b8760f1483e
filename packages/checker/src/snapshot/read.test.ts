import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SnapshotError } from '@havenkit/model';
import { list, makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { dumpYaml } from '../yaml.js';
import { parseSnapshot, readSnapshotFile, snapshotSha256 } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const errorOf = (fn: () => unknown): SnapshotError => {
  try {
    fn();
  } catch (e) {
    return e as SnapshotError;
  }
  throw new Error('expected an error');
};
const valid = makeSnapshot({ resources: { nodes: nodes(node('a')) } });

describe('readSnapshotFile', () => {
  it('reads a valid JSON snapshot and returns the sha256 of its bytes', () => {
    const text = JSON.stringify(valid);
    const { snapshot, sha256 } = readSnapshotFile(file('ok.json', text));
    expect(snapshot).toEqual(valid);
    expect(sha256).toBe(snapshotSha256(text));
  });

  it('reads YAML and keeps RFC 3339 timestamps as strings', () => {
    const { snapshot } = readSnapshotFile(file('ok.yaml', dumpYaml(valid).replace(/'(2026-[^']+)'/, '$1')));
    expect(snapshot.metadata.collectedAt).toBe('2026-11-01T00:00:00Z');
  });

  it('names the file and the first bad field in one line, with exit code 3', () => {
    const bad = { ...valid, metadata: { ...valid.metadata, collectedAt: 'yesterday' } };
    const error = errorOf(() => readSnapshotFile(file('snapshot.json', JSON.stringify(bad))));
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.message).toBe(
      `${join(dir, 'snapshot.json')}: metadata.collectedAt: must be an RFC 3339 date-time like 2026-01-31T09:00:00Z (got "yesterday")`,
    );
    expect(error.exitCode).toBe(3);
  });

  it('names an unexpected top-level field', () => {
    expect(errorOf(() => parseSnapshot({ ...valid, secrets: {} }, 's.json')).message).toBe(
      's.json: secrets: is not a known field',
    );
  });

  it('names a missing required field', () => {
    const { discovery: _d, ...rest } = valid;
    expect(errorOf(() => parseSnapshot(rest, 's.json')).message).toBe('s.json: discovery: is required');
  });

  it('names a malformed resource error', () => {
    const bad = { ...valid, resources: { nodes: { error: { code: 403, reason: 'Forbidden' } } } };
    expect(errorOf(() => parseSnapshot(bad, 's.json')).message).toBe(
      's.json: resources.nodes.error.message: is required',
    );
  });

  it('rejects items that still carry managedFields', () => {
    const item = { ...node('a'), metadata: { name: 'a', managedFields: [] } };
    const bad = { ...valid, resources: { nodes: nodes(item) } };
    expect(errorOf(() => parseSnapshot(bad, 's.json')).message).toMatch(
      /^s\.json: resources\.nodes\.items\[0\]\.metadata\.managedFields: is not allowed$/,
    );
  });

  it('refuses a node list that holds the same node name twice, naming the repeat', () => {
    const twice = { ...node('a'), metadata: { ...node('a').metadata, uid: 'uid-other' } };
    const bad = { ...valid, resources: { nodes: nodes(node('a'), node('b'), twice) } };
    const error = errorOf(() => parseSnapshot(bad, 's.json'));
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.message).toBe('s.json: resources.nodes.items[2].metadata.name: "a" repeats items[0]');
    expect(error.exitCode).toBe(3);
  });

  it('refuses a node list that holds the same uid under two names', () => {
    const renamed = { ...node('a'), metadata: { ...node('a').metadata, name: 'a-copy' } };
    const bad = { ...valid, resources: { nodes: nodes(node('a'), renamed) } };
    expect(errorOf(() => parseSnapshot(bad, 's.json')).message).toBe(
      's.json: resources.nodes.items[1].metadata.uid: "uid-a" repeats items[0]',
    );
  });

  it('refuses a repeated namespace and name in a namespaced list, and accepts one name in two namespaces', () => {
    const pod = (namespace: string, uid: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace, uid },
    });
    const twoNamespaces = { ...valid, resources: { pods: list('Pod', [pod('a', '1'), pod('b', '2')]) } };
    expect(parseSnapshot(twoNamespaces, 's.json')).toBe(twoNamespaces);
    const repeated = { ...valid, resources: { pods: list('Pod', [pod('a', '1'), pod('a', '2')]) } };
    expect(errorOf(() => parseSnapshot(repeated, 's.json')).message).toBe(
      's.json: resources.pods.items[1].metadata.name: "a"/"web" repeats items[0]',
    );
  });

  it('names a repeated item under a dotted resource key as the schema errors do', () => {
    const item = { metadata: { name: 'kubernetes', namespace: 'default', uid: '1' } };
    const slices = {
      ...valid,
      resources: {
        'endpointslices.discovery.k8s.io': list('X', [
          item,
          { ...item, metadata: { ...item.metadata, name: 'other' } },
        ]),
      },
    };
    expect(errorOf(() => parseSnapshot(slices, 's.json')).message).toBe(
      's.json: resources["endpointslices.discovery.k8s.io"].items[1].metadata.uid: "1" repeats items[0]',
    );
  });

  it('reports invalid JSON in one line', () => {
    const error = errorOf(() => readSnapshotFile(file('broken.json', '{"apiVersion": ')));
    expect(error.message).toMatch(/broken\.json: not valid JSON: /);
    expect(error.message).not.toContain('\n');
  });

  it('reports invalid JSON whose quoted text holds a carriage return in one line', () => {
    const error = errorOf(() => readSnapshotFile(file('cr.json', '\r\u0000')));
    expect(error.message).toMatch(/cr\.json: not valid JSON: /);
    expect(error.message).not.toMatch(/[\r\n\u2028\u2029]/);
  });

  it('reports a missing file', () => {
    expect(errorOf(() => readSnapshotFile(join(dir, 'nope.json'))).message).toBe(
      `${join(dir, 'nope.json')}: cannot read the snapshot (no such file)`,
    );
  });
});
