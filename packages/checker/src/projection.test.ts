import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue/load.js';
import { evaluate } from './evaluate.js';
import {
  compileProjection,
  fieldsByResource,
  missingFields,
  project,
  projectSnapshot,
  unionFields,
} from './projection.js';
import { list, makeSnapshot, node, nodes } from './testing/fixtures.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'shop', uid: 'u1', labels: { app: 'web' }, annotations: { a: 'b' } },
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1', env: [{ name: 'A', value: '1' }], args: ['-x'] },
      { name: 'side', image: 'envoy:1', resources: { requests: { cpu: '1' } } },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
  status: { phase: 'Running', podIP: '10.0.0.1' },
};

describe('project', () => {
  it('keeps identity and the named fields, every element of an array with []', () => {
    const tree = compileProjection(['spec.containers[].image', 'status.phase']);
    expect(project(pod, tree)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'shop', uid: 'u1' },
      spec: { containers: [{ image: 'nginx:1' }, { image: 'envoy:1' }] },
      status: { phase: 'Running' },
    });
  });

  it('keeps a whole subtree when a path ends on it, and a shorter path wins over a longer one', () => {
    const tree = compileProjection(['metadata.labels', 'spec.containers[].image', 'spec.containers[]']);
    expect(project(pod, tree)).toMatchObject({
      metadata: { labels: { app: 'web' } },
      spec: { containers: pod.spec.containers },
    });
    expect(project(pod, tree)).not.toHaveProperty('metadata.annotations');
  });

  it('keeps a value of the wrong shape as it is, so that a check sees the same malformed data', () => {
    const tree = compileProjection(['spec.containers[].image', 'status.phase']);
    const odd = { metadata: 'x', spec: { containers: { image: 'not-a-list' } }, status: ['Running'] };
    expect(project(odd, tree)).toEqual(odd);
    expect(project({ spec: { containers: [1, null, 'x'] } }, tree)).toEqual({
      spec: { containers: [1, null, 'x'] },
    });
  });

  it('never copies a field that is absent, and never reads inherited properties', () => {
    const tree = compileProjection(['spec.toString', 'status.phase']);
    expect(project({ spec: {}, status: {} }, tree)).toEqual({ spec: {}, status: {} });
  });

  it('refuses a path that is not dot-separated field names', () => {
    expect(() => compileProjection(['spec..x'])).toThrow(/not a field path/);
  });
});

describe('missingFields', () => {
  it('is empty when every needed path is kept, by itself or by a shorter path above it', () => {
    expect(
      missingFields(['metadata.labels', 'spec'], ['metadata.labels', 'spec.providerID', 'metadata.name']),
    ).toEqual([]);
    expect(missingFields(['spec.containers[]'], ['spec.containers[].image'])).toEqual([]);
  });

  it('names the needed paths a projection lacks, and a whole-object need against any projection', () => {
    expect(missingFields(['metadata.labels'], ['metadata.labelsExtra', 'status.phase'])).toEqual([
      'metadata.labelsExtra',
      'status.phase',
    ]);
    expect(missingFields(['status.phase'], undefined)).toEqual(['(the whole object)']);
    expect(missingFields(undefined, ['status.phase'])).toEqual([]);
  });
});

describe('unionFields', () => {
  it('unites and sorts, and is undefined as soon as one need reads whole objects', () => {
    expect(
      unionFields([
        ['b', 'a'],
        ['a', 'c'],
      ]),
    ).toEqual(['a', 'b', 'c']);
    expect(unionFields([['a'], undefined])).toBeUndefined();
  });
});

describe('evaluation of a projected list', () => {
  const catalogue = loadCatalogue();
  const run = (snapshot: ReturnType<typeof makeSnapshot>) =>
    evaluate(snapshot, { catalogue }).results.find((r) => r.name === 'privatenetworking');

  it('gives the same result as on whole objects when the list kept what the catalogue declares', () => {
    const whole = makeSnapshot({ resources: { nodes: nodes(node('a'), node('b'), node('c')) } });
    const projected = projectSnapshot(whole, fieldsByResource(catalogue.checks));
    expect(projected.resources['nodes']).toHaveProperty('fields');
    expect(run(projected)).toEqual(run(whole));
  });

  it('is unknown, not collected, naming the missing fields, when the list lacks a field the check reads', () => {
    const thin = nodes(node('a'), node('b'), node('c'));
    const snapshot = makeSnapshot({ resources: { nodes: { ...thin, fields: ['metadata.labels'] } } });
    const result = run(snapshot);
    expect(result).toMatchObject({ outcome: 'unknown', cause: 'not-collected' });
    expect(result?.reason.en).toBe(
      'Nodes were collected without fields this check reads (spec.providerID, status.addresses, status.conditions, status.nodeInfo).',
    );
  });

  it('still reads a list whose projection is wider than the check needs', () => {
    const wide = { ...list('Node', [node('a')]), fields: ['metadata', 'spec', 'status'] };
    const result = run(makeSnapshot({ resources: { nodes: wide } }));
    expect(result?.cause).not.toBe('not-collected');
  });
});
