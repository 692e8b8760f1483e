import { describe, expect, it } from 'vitest';
import { loadBundledData } from '../data/load.js';
import type { CollectedResource } from '@havenkit/model';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { forbidden, makeSnapshot, node, nodes, resourceError } from '../testing/fixtures.js';
import { cncf } from './cncf.js';

const kapsule = nodes(
  node('scw-a', {
    providerID: 'scaleway://instance/nl-ams-1/1234',
    labels: { 'k8s.scaleway.com/pool-name': 'default' },
  }),
);
const at = (gitVersion: string, resources: Record<string, CollectedResource> = { nodes: kapsule }) =>
  makeSnapshot({ version: { gitVersion }, resources });

const cases: CheckCase[] = [
  {
    spec: 'passes for a recognised platform with a certified submission for the server minor',
    snapshot: at('v1.35.1'),
    outcome: 'pass',
    reason: 'Scaleway Kubernetes Kapsule has a certified conformance submission for Kubernetes v1.35',
    evidence: (r) =>
      expect(r.evidence[1]?.fields.submission).toBe(
        'https://github.com/cncf/k8s-conformance/tree/master/v1.35/scaleway',
      ),
  },
  {
    spec: 'recognises K3s from the version string',
    snapshot: at('v1.34.6+k3s1', { nodes: nodes(node('a')) }),
    outcome: 'pass',
    reason: 'K3s',
  },
  {
    spec: 'is unknown for a minor below the range the bundled data covers',
    snapshot: at('v1.30.2', { nodes: nodes(node('u', { providerID: 'upcloud:////0123' })) }),
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'is unknown when the bundled data does not cover the minor yet',
    snapshot: at('v1.37.0'),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'does not cover Kubernetes v1.37',
  },
  {
    spec: 'skips an unknown platform (as the official checker does)',
    snapshot: at('v1.35.0', { nodes: nodes(node('plain')) }),
    outcome: 'skip',
  },
  {
    spec: 'skips a recognised platform without bundled conformance data',
    snapshot: at('v1.35.0', { nodes: nodes(node('g', { labels: { 'worker.gardener.cloud/pool': 'p1' } })) }),
    outcome: 'skip',
    reason: 'Gardener',
  },
  {
    spec: 'is unknown when nodes may not be listed and the version names no platform',
    snapshot: at('v1.35.0', { nodes: forbidden() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown when /version could not be read',
    snapshot: makeSnapshot({ version: resourceError(0, 'Timeout'), resources: { nodes: kapsule } }),
    outcome: 'unknown',
    cause: 'timeout',
  },
];

describe('cncf', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(cncf, c);
  });

  it('fails when a recognised platform has no submission for a minor inside its covered range', () => {
    const data = loadBundledData();
    const withGap = {
      ...data,
      cncfPlatforms: {
        ...data.cncfPlatforms,
        platforms: data.cncfPlatforms.platforms.map((p) =>
          p.id === 'scaleway-kapsule' ? { ...p, minors: (p.minors ?? []).filter((m) => m !== '1.30') } : p,
        ),
      },
    };
    expectCase(cncf, {
      spec: 'gap',
      snapshot: at('v1.30.2'),
      context: { data: withGap },
      outcome: 'fail',
      reason: 'no certified',
    });
  });
});
