import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import type { AccessReviewResult } from '@havenkit/model';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { makeSnapshot, resourceError } from '../testing/fixtures.js';
import { clusteradmin, neededPermissions } from './clusteradmin.js';

const mandatory = loadCatalogue().checks.filter((c) => c.mandatory);
const needed = neededPermissions(mandatory);
const allowAll = (except?: string): AccessReviewResult[] =>
  needed.map((p) => ({ ...p, allowed: p.resource !== except }));

const cases: CheckCase[] = [
  {
    spec: 'passes when every permission the enabled checks need is allowed',
    snapshot: makeSnapshot({ access: { self: allowAll() } }),
    outcome: 'pass',
    reason: `all ${needed.length} permissions`,
  },
  {
    spec: 'accepts a cluster-wide grant for a namespaced need',
    snapshot: makeSnapshot({ access: { self: allowAll().map(({ namespace: _ns, ...r }) => r) } }),
    outcome: 'pass',
  },
  {
    spec: 'is unknown (forbidden), never a failure of the cluster, and names the missing permissions',
    snapshot: makeSnapshot({ access: { self: allowAll('pods') } }),
    outcome: 'unknown',
    cause: 'forbidden',
    reason: 'list pods',
    evidence: (r) =>
      expect(r.evidence.filter((e) => e.fields.allowed === false).map((e) => e.name)).toEqual(['list pods']),
  },
  {
    spec: 'is unknown when a needed permission was not reviewed',
    snapshot: makeSnapshot({ access: { self: allowAll().filter((r) => r.resource !== 'nodes') } }),
    outcome: 'unknown',
    cause: 'not-collected',
  },
  {
    spec: 'is unknown (not-collected) without access reviews',
    snapshot: makeSnapshot(),
    outcome: 'unknown',
    cause: 'not-collected',
  },
  {
    spec: 'is unknown (forbidden) when the reviews failed',
    snapshot: makeSnapshot({ access: { self: resourceError(403, 'Forbidden') } }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
];

describe('clusteradmin', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(clusteradmin, c);
  });

  it('needs only the permissions of the enabled checks', () => {
    const metricsOnly = mandatory.filter((c) => c.name === 'metrics');
    expect(neededPermissions(metricsOnly)).toEqual([
      { verb: 'list', group: 'apiregistration.k8s.io', resource: 'apiservices' },
    ]);
  });
});
