import { describe, it } from 'vitest';
import type { SnapshotAccess } from '@havenkit/model';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { DEFAULT_GROUP_VERSIONS, makeSnapshot, resourceError } from '../testing/fixtures.js';
import { rbac } from './rbac.js';

const review = (allowed: boolean): SnapshotAccess => ({
  unprivileged: [
    {
      user: 'havenkit-unprivileged-x',
      groups: ['system:authenticated'],
      verb: 'list',
      group: '',
      resource: 'secrets',
      allowed,
    },
  ],
});

const cases: CheckCase[] = [
  {
    spec: 'passes when the RBAC API is served and an unprivileged user may not list secrets',
    snapshot: makeSnapshot({ access: review(false) }),
    outcome: 'pass',
  },
  {
    spec: 'fails when an unprivileged user may list secrets cluster-wide (AlwaysAllow)',
    snapshot: makeSnapshot({ access: review(true) }),
    outcome: 'fail',
    reason: 'not enforced',
  },
  {
    spec: 'fails when rbac.authorization.k8s.io/v1 is not served',
    snapshot: makeSnapshot({
      discovery: { groupVersions: DEFAULT_GROUP_VERSIONS.filter((g) => !g.startsWith('rbac')) },
      access: review(false),
    }),
    outcome: 'fail',
    reason: 'not served',
  },
  {
    spec: 'is unknown (not-collected) when no access review was collected',
    snapshot: makeSnapshot(),
    outcome: 'unknown',
    cause: 'not-collected',
  },
  {
    spec: 'is unknown (forbidden) when the review could not be made',
    snapshot: makeSnapshot({ access: { unprivileged: resourceError(403, 'Forbidden') } }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown when discovery failed',
    snapshot: makeSnapshot({ discovery: resourceError(503, 'ServiceUnavailable'), access: review(false) }),
    outcome: 'unknown',
    cause: 'api-error',
  },
];

describe('rbac', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(rbac, c);
  });
});
