import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { apiError, apiService, list, withResources } from '../testing/fixtures.js';
import { metrics } from './metrics.js';

const services = (...items: ReturnType<typeof apiService>[]) => ({
  'apiservices.apiregistration.k8s.io': list('APIService', items, 'apiregistration.k8s.io/v1'),
});

const cases: CheckCase[] = [
  {
    spec: 'passes when v1beta1.metrics.k8s.io is Available',
    snapshot: withResources(services(apiService('v1beta1.metrics.k8s.io', 'True'))),
    outcome: 'pass',
  },
  {
    spec: 'fails when v1beta1.metrics.k8s.io is not Available, with its reason',
    snapshot: withResources(services(apiService('v1beta1.metrics.k8s.io', 'False'))),
    outcome: 'fail',
    reason: 'FailedDiscoveryCheck',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.name, e.offending])).toEqual([['v1beta1.metrics.k8s.io', true]]),
  },
  {
    spec: 'fails when v1beta1.metrics.k8s.io is not registered',
    snapshot: withResources(services()),
    outcome: 'fail',
    reason: 'not registered',
  },
  {
    spec: 'is unknown (api-error) when APIServices could not be read',
    snapshot: withResources({ 'apiservices.apiregistration.k8s.io': apiError() }),
    outcome: 'unknown',
    cause: 'api-error',
  },
];

describe('metrics', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(metrics, c);
  });
});
