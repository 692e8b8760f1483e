import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@havenkit/model';
import { expectCase, type CheckCase } from '../testing/cases.js';
import {
  forbidden,
  list,
  makeContext,
  notServed,
  resourceError,
  withResources,
} from '../testing/fixtures.js';
import { cis } from './cis.js';

const RESOURCE = 'clustercompliancereports.aquasecurity.github.io';
const report = (id: string, failCount: number): KubeObject => ({
  apiVersion: 'aquasecurity.github.io/v1alpha1',
  kind: 'ClusterComplianceReport',
  metadata: { name: id },
  spec: { compliance: { id } },
  status: { summary: { failCount, passCount: 100 }, updateTimestamp: '2026-10-31T22:00:00Z' },
});
const reports = (...items: KubeObject[]) => ({
  [RESOURCE]: list('ClusterComplianceReport', items, 'aquasecurity.github.io/v1alpha1'),
});
const optIn = { suggested: { cis: true, kubescape: false } };

const cases: CheckCase[] = [
  {
    spec: 'skips unless opted in',
    snapshot: withResources(reports(report('k8s-cis-1.23', 0))),
    outcome: 'skip',
  },
  {
    spec: 'passes when the CIS results report no failed control',
    snapshot: withResources(reports(report('k8s-cis-1.23', 0))),
    context: optIn,
    outcome: 'pass',
  },
  {
    spec: 'fails with the count of failed controls, marking the reports with failures',
    snapshot: withResources(reports(report('k8s-cis-1.23', 7), report('k8s-cis-1.24', 0))),
    context: optIn,
    outcome: 'fail',
    reason: '7 failed',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.name, e.offending === true])).toEqual([
        ['k8s-cis-1.23', true],
        ['k8s-cis-1.24', false],
      ]),
  },
  {
    spec: 'is unknown, never a pass, when a CIS report has no readable summary',
    snapshot: withResources(reports(report('k8s-cis-1.23', 0), { ...report('k8s-cis-1.24', 0), status: {} })),
    context: optIn,
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'status.summary.failCount',
  },
  {
    spec: 'is unknown when there are no CIS results',
    snapshot: withResources(reports(report('k8s-nsa-1.0', 0))),
    context: optIn,
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'is unknown when the Trivy operator is not installed',
    snapshot: withResources({ [RESOURCE]: notServed() }),
    context: optIn,
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'is unknown (forbidden) when the reports may not be listed',
    snapshot: withResources({ [RESOURCE]: forbidden() }),
    context: optIn,
    outcome: 'unknown',
    cause: 'forbidden',
  },
];

describe('cis', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(cis, c);
  });
});

describe('cis decides on the API error, not on its wording', () => {
  it.each([
    ['a 404 whose message names no status', resourceError(404, 'Gone', 'nothing to see here')],
    ['a NotFound without an HTTP status', resourceError(0, 'NotFound', 'the server has no such thing')],
    ['havenkit’s NotServed', notServed()],
  ])('reads %s as "the Trivy operator is not installed"', (_, error) => {
    const result = cis(withResources({ [RESOURCE]: error }), makeContext(optIn));
    expect([result.outcome, result.cause]).toEqual(['unknown', 'insufficient-data']);
    expect(result.reason.en).toContain('the Trivy operator is not installed');
  });

  it('reads a 500 as an API error, even when its message mentions 404 NotFound', () => {
    const error = resourceError(500, 'InternalError', 'upstream said 404 NotFound (NotServed)');
    const result = cis(withResources({ [RESOURCE]: error }), makeContext(optIn));
    expect([result.outcome, result.cause]).toEqual(['unknown', 'api-error']);
    expect(result.reason.en).not.toContain('Trivy');
  });
});
