import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { renderHavenJson, toHavenJson } from './haven-json.js';

const times = { startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:04Z' };
const snapshot = makeSnapshot({
  resources: { nodes: nodes(node('a', { zone: 'z1' }), node('b', { zone: 'z2' })) },
});

describe('renderHavenJson', () => {
  it('uses the official shape, key order and Result values', () => {
    const report = evaluate(snapshot, { only: ['multiaz', 'rbac', 'havenversion', 'cis', 'kubescape'] });
    const parsed = JSON.parse(renderHavenJson(report, times)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'Version',
      'HavenCompliant',
      'StartTS',
      'StopTS',
      'Config',
      'CompliancyChecks',
      'SuggestedChecks',
    ]);
    expect(parsed).toMatchObject({
      Version: 'Haven v12.8.0',
      HavenCompliant: false,
      StartTS: times.startTs,
      StopTS: times.stopTs,
      Config: { CNCF: false, CIS: false, KESC: false },
      CompliancyChecks: {
        Results: [
          { Name: 'havenversion', Category: 'Fundamental', Result: 'SKIPPED' },
          {
            Name: 'multiaz',
            Label: 'Multiple availability zones in use',
            Category: 'Infrastructure',
            Result: 'YES',
          },
          { Name: 'rbac', Category: 'Cluster', Result: 'UNKNOWN' },
        ],
        Summary: { Total: 3, Unknown: 1, Skipped: 1, Failed: 0, Passed: 1 },
      },
      SuggestedChecks: {
        Results: [
          { Name: 'cis', Result: 'SKIPPED' },
          { Name: 'kubescape', Result: 'SKIPPED' },
        ],
      },
    });
  });

  it('maps fail to NO and sets HavenCompliant only when compliant', () => {
    const failing = toHavenJson(
      evaluate(makeSnapshot({ resources: { nodes: nodes(node('a')) } }), { only: ['multiaz'] }),
      times,
    );
    expect(failing.CompliancyChecks.Results[0]?.Result).toBe('NO');
    const compliant = { ...evaluate(snapshot, { only: ['multiaz'] }), verdict: 'compliant' as const };
    expect(toHavenJson(compliant, times).HavenCompliant).toBe(true);
  });

  it('never sets HavenCompliant for a run limited by --only, even when the selected checks passed', () => {
    const partial = evaluate(snapshot, { only: ['multiaz'] });
    expect(partial.verdict).toBe('selected-passed');
    expect(toHavenJson(partial, times).HavenCompliant).toBe(false);
  });

  it('reports CIS and Kubescape as configured when opted in, and CNCF when it ran', () => {
    const report = evaluate(snapshot, {
      only: ['cncf', 'cis', 'kubescape'],
      suggested: { cis: true, kubescape: true },
    });
    expect(toHavenJson(report, times).Config).toEqual({ CNCF: true, CIS: true, KESC: true });
  });

  it('uses the English rationale', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    expect(toHavenJson(report, times).CompliancyChecks.Results[0]?.Rationale).toMatch(
      /^Nodes spread over at least two availability zones/,
    );
  });
});
