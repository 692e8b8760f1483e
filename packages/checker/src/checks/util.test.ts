import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@havenkit/model';
import { evaluate } from '../evaluate.js';
import { makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { labelsOf } from './util.js';

describe('labelsOf', () => {
  it('reads the labels map, keeping only string values', () => {
    const object = { metadata: { name: 'a', labels: { zone: 'z1', count: 3 } } } as unknown as KubeObject;
    expect(labelsOf(object)).toEqual({ zone: 'z1' });
  });

  it('gives no labels, never an exception, when a snapshot carries something else there', () => {
    for (const labels of ['InternalIP', 7, null, ['a']]) {
      expect(labelsOf({ metadata: { name: 'a', labels } } as unknown as KubeObject)).toEqual({});
    }
  });

  it('keeps the node checks deciding on a node whose labels are a string (found by the property suite)', () => {
    const odd = { ...node('a'), metadata: { name: 'a', labels: 'InternalIP' } } as unknown as KubeObject;
    const report = evaluate(makeSnapshot({ resources: { nodes: nodes(odd) } }), {
      only: ['hamasters', 'haworkers', 'cncf'],
    });
    for (const r of report.results) expect(r.reason.en).not.toMatch(/could not evaluate the snapshot/);
  });
});
