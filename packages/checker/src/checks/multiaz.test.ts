import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { forbidden, node, nodes, withResources } from '../testing/fixtures.js';
import { multiaz } from './multiaz.js';

const cases: CheckCase[] = [
  {
    spec: 'passes when nodes carry at least 2 distinct topology.kubernetes.io/zone values',
    snapshot: withResources({
      nodes: nodes(node('a', { zone: 'nl-ams-1' }), node('b', { zone: 'nl-ams-2' })),
    }),
    outcome: 'pass',
    reason: 'nl-ams-1, nl-ams-2',
  },
  {
    spec: 'falls back to failure-domain.beta.kubernetes.io/zone',
    snapshot: withResources({ nodes: nodes(node('a', { betaZone: 'z1' }), node('b', { betaZone: 'z2' })) }),
    outcome: 'pass',
    evidence: (r) =>
      expect(r.evidence[0]?.fields).toEqual({ 'labels.failure-domain.beta.kubernetes.io/zone': 'z1' }),
  },
  {
    spec: 'fails when every node is in one zone',
    snapshot: withResources({ nodes: nodes(node('a', { zone: 'z1' }), node('b', { zone: 'z1' })) }),
    outcome: 'fail',
    reason: '1 availability zone (z1)',
  },
  {
    spec: 'fails when no node has a zone label',
    snapshot: withResources({ nodes: nodes(node('a'), node('b')) }),
    outcome: 'fail',
    evidence: (r) =>
      expect(r.evidence.map((e) => e.fields['labels.topology.kubernetes.io/zone'])).toEqual([null, null]),
  },
  {
    spec: 'counts a zone value the API server would refuse as a label value as no zone',
    snapshot: withResources({
      nodes: nodes(node('a', { zone: 'nl-ams-1' }), node('b', { zone: 'nl ams 2; rm -rf' })),
    }),
    outcome: 'fail',
    reason: '1 availability zone (nl-ams-1)',
    evidence: (r) =>
      expect(r.evidence[1]).toMatchObject({
        fields: { 'labels.topology.kubernetes.io/zone': 'nl ams 2; rm -rf' },
        note: { en: expect.stringContaining('not a zone') },
      }),
  },
  {
    spec: 'counts a zone value longer than 63 characters as no zone',
    snapshot: withResources({
      nodes: nodes(node('a', { zone: 'z1' }), node('b', { zone: `z${'a'.repeat(63)}` })),
    }),
    outcome: 'fail',
  },
  {
    spec: 'falls back to the beta zone label when the GA label holds a refused value',
    snapshot: withResources({
      nodes: nodes(node('a', { zone: 'z1' }), node('b', { zone: '-z2-', betaZone: 'z2' })),
    }),
    outcome: 'pass',
    reason: 'z1, z2',
  },
  {
    spec: 'accepts zone values of exactly 63 characters with dots, dashes and underscores inside',
    snapshot: withResources({
      nodes: nodes(node('a', { zone: 'Z1' }), node('b', { zone: `a.b-c_${'d'.repeat(57)}` })),
    }),
    outcome: 'pass',
  },
  {
    spec: 'is unknown (forbidden) when nodes may not be listed',
    snapshot: withResources({ nodes: forbidden() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown (api-error), not failed, when a Status was recorded as the node list',
    snapshot: withResources({ nodes: { apiVersion: 'v1', kind: 'Status', metadata: {}, items: [] } }),
    outcome: 'unknown',
    cause: 'api-error',
    evidence: (r) => expect(r.evidence[0]?.fields).toMatchObject({ reason: 'MalformedResponse' }),
  },
  {
    spec: 'is unknown (not-collected) when nodes were not collected',
    snapshot: withResources({}),
    outcome: 'unknown',
    cause: 'not-collected',
  },
];

describe('multiaz', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(multiaz, c);
  });
});
