import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { makeSnapshot, resourceError } from '../testing/fixtures.js';
import { kubernetesversion } from './kubernetesversion.js';

const at = (gitVersion: string, collectedAt = '2026-11-01T00:00:00Z') =>
  makeSnapshot({
    version: { gitVersion },
    metadata: { collectedAt, collector: { name: 't', version: '0' } },
  });

const cases: CheckCase[] = [
  {
    spec: 'passes at most 3 minors behind the latest release as of collectedAt (1.34 vs 1.37)',
    snapshot: at('v1.34.1'),
    outcome: 'pass',
    reason: '3 minor version(s) behind the latest (1.37)',
    evidence: (r) =>
      expect(r.evidence[0]?.fields).toMatchObject({ latest: '1.37', minorsBehind: 3, approximate: true }),
  },
  {
    spec: 'fails 4 minors behind (1.33 vs 1.37)',
    snapshot: at('v1.33.5'),
    outcome: 'fail',
    reason: '4 minor versions behind',
  },
  {
    spec: 'takes "latest" as of collectedAt, not today (1.32 passed when 1.35 was latest)',
    snapshot: at('v1.32.9-eks-ecaa3a6', '2026-01-15T12:00:00Z'),
    outcome: 'pass',
    reason: '(1.35)',
  },
  {
    spec: 'honours the latestKubernetes override',
    snapshot: at('v1.34.1'),
    context: { latestKubernetes: '1.38' },
    outcome: 'fail',
    evidence: (r) => expect(r.evidence[0]?.fields.source).toBe('override (--latest-kubernetes)'),
  },
  {
    spec: 'passes on the latest minor',
    snapshot: at('v1.37.0+k3s1'),
    outcome: 'pass',
    reason: 'is the latest stable minor',
  },
  {
    spec: 'is unknown (forbidden) when /version could not be read',
    snapshot: makeSnapshot({ version: resourceError(403, 'Forbidden') }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown, never a pass, when gitVersion has a major other than 1 (v2.0.0)',
    snapshot: at('v2.0.0'),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'The server reports major version 2 ("v2.0.0"), and every Kubernetes release is 1.x.',
  },
  {
    spec: 'is unknown when /version reports a major other than 1 beside a 1.x gitVersion',
    snapshot: makeSnapshot({ version: { major: '2', minor: '35', gitVersion: 'v1.35.2' } }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    evidence: (r) => expect(r.evidence[0]?.fields).toEqual({ gitVersion: 'v1.35.2', major: '2' }),
  },
  {
    spec: 'accepts the major "1+" that some managed platforms report',
    snapshot: makeSnapshot({ version: { major: '1+', minor: '35+', gitVersion: 'v1.35.2-eks-1a2b3c4' } }),
    outcome: 'pass',
  },
  {
    spec: 'is unknown when the version cannot be parsed',
    snapshot: at('devel'),
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
];

describe('kubernetesversion', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(kubernetesversion, c);
  });
});
