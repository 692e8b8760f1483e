import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@havenkit/model';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { list, makeContext, notServed, resourceError, timedOut, withResources } from '../testing/fixtures.js';
import { kubescape } from './kubescape.js';

const RESOURCE = 'configurationscansummaries.spdx.softwarecomposition.kubescape.io';
const summary = (namespace: string, critical: number): KubeObject => ({
  apiVersion: 'spdx.softwarecomposition.kubescape.io/v1beta1',
  kind: 'ConfigurationScanSummary',
  metadata: { name: namespace, namespace },
  spec: { severities: { critical, high: 2, medium: 5, low: 1, unknown: 0 } },
});
const summaries = (...items: KubeObject[]) => ({
  [RESOURCE]: list('ConfigurationScanSummary', items, 'spdx.softwarecomposition.kubescape.io/v1beta1'),
});
const optIn = { suggested: { cis: false, kubescape: true } };

const cases: CheckCase[] = [
  {
    spec: 'skips unless opted in',
    snapshot: withResources(summaries(summary('default', 0))),
    outcome: 'skip',
  },
  {
    spec: 'passes when the scan summaries report no critical finding',
    snapshot: withResources(summaries(summary('default', 0))),
    context: optIn,
    outcome: 'pass',
  },
  {
    spec: 'fails when the scan summaries report critical findings, marking those summaries',
    snapshot: withResources(summaries(summary('a', 1), summary('b', 2), summary('c', 0))),
    context: optIn,
    outcome: 'fail',
    reason: '3 critical',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.name, e.offending === true])).toEqual([
        ['a', true],
        ['b', true],
        ['c', false],
      ]),
  },
  {
    spec: 'is unknown, never a pass, when a scan summary has no readable critical count',
    snapshot: withResources(summaries(summary('a', 0), { ...summary('b', 0), spec: {} })),
    context: optIn,
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'b',
  },
  {
    spec: 'is unknown when there are no scan summaries',
    snapshot: withResources(summaries()),
    context: optIn,
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'is unknown when the Kubescape operator is not installed',
    snapshot: withResources({ [RESOURCE]: notServed() }),
    context: optIn,
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'is unknown (timeout) when listing timed out',
    snapshot: withResources({ [RESOURCE]: timedOut() }),
    context: optIn,
    outcome: 'unknown',
    cause: 'timeout',
  },
];

describe('kubescape', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(kubescape, c);
  });
});

describe('kubescape decides on the API error, not on its wording', () => {
  it.each([
    ['a 404 whose message names no status', resourceError(404, 'Gone', 'nothing to see here')],
    ['a NotFound without an HTTP status', resourceError(0, 'NotFound', 'the server has no such thing')],
    ['havenkit’s NotServed', notServed()],
  ])('reads %s as "the Kubescape operator is not installed"', (_, error) => {
    const result = kubescape(withResources({ [RESOURCE]: error }), makeContext(optIn));
    expect([result.outcome, result.cause]).toEqual(['unknown', 'insufficient-data']);
    expect(result.reason.en).toContain('the Kubescape operator is not installed');
  });

  it('reads a 500 as an API error, even when its message mentions 404 NotFound', () => {
    const error = resourceError(500, 'InternalError', 'upstream said 404 NotFound (NotServed)');
    const result = kubescape(withResources({ [RESOURCE]: error }), makeContext(optIn));
    expect([result.outcome, result.cause]).toEqual(['unknown', 'api-error']);
    expect(result.reason.en).not.toContain('Kubescape operator');
  });
});
