import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { node, nodes, timedOut, withResources } from '../testing/fixtures.js';
import { haworkers } from './haworkers.js';

const cases: CheckCase[] = [
  {
    spec: 'passes with 3 Ready, schedulable nodes without a control-plane role',
    snapshot: withResources({
      nodes: nodes(node('cp', { roles: ['control-plane'] }), node('w1'), node('w2'), node('w3')),
    }),
    outcome: 'pass',
    reason: '3 Ready, schedulable worker nodes: w1, w2, w3',
  },
  {
    spec: 'does not count NotReady or cordoned nodes',
    snapshot: withResources({
      nodes: nodes(node('w1'), node('w2', { ready: false }), node('w3', { unschedulable: true })),
    }),
    outcome: 'fail',
    reason: 'Only 1',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.note?.en, e.offending === true])).toEqual([
        ['counted', false],
        ['not counted: not Ready', true],
        ['not counted: cordoned (unschedulable)', true],
      ]),
  },
  {
    spec: 'blames no node when there are too few workers, counted or not',
    snapshot: withResources({ nodes: nodes(node('w1'), node('w2', { ready: false })) }),
    outcome: 'fail',
    evidence: (r) => expect(r.evidence.some((e) => e.offending)).toBe(false),
  },
  {
    spec: 'does not count control-plane nodes',
    snapshot: withResources({
      nodes: nodes(...['a', 'b', 'c'].map((n) => node(n, { roles: ['control-plane'] }))),
    }),
    outcome: 'fail',
  },
  {
    spec: 'is unknown (timeout) when listing nodes timed out',
    snapshot: withResources({ nodes: timedOut() }),
    outcome: 'unknown',
    cause: 'timeout',
  },
];

describe('haworkers', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(haworkers, c);
  });
});
