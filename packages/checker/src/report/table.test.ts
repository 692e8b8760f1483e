import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { applyWaivers } from '../waivers/apply.js';
import { renderTable, summaryLine } from './table.js';

const snapshot = makeSnapshot({
  resources: { nodes: nodes(node('a', { zone: 'z1' }), node('b', { zone: 'z1' })) },
});

describe('renderTable', () => {
  it('ends with the official summary line for a non-compliant cluster', () => {
    const report = evaluate(snapshot, { only: ['multiaz', 'haworkers', 'privatenetworking'] });
    expect(summaryLine(report)).toBe(
      'Results: 1 out of 3 checks passed, 0 checks skipped, 0 checks unknown. This is NOT a Haven Compliant cluster.',
    );
    expect(renderTable(report).trimEnd().split('\n').at(-1)).toBe(summaryLine(report));
  });

  it('uses the compliant wording when compliant', () => {
    const report = evaluate(snapshot, { only: ['privatenetworking', 'havenversion'] });
    expect(summaryLine(report)).toBe(
      'Results: 1 out of 2 checks passed, 1 checks skipped, 0 checks unknown. This is a Haven Compliant cluster.',
    );
  });

  it('groups by category and prints the reason of every non-pass', () => {
    const table = renderTable(evaluate(snapshot, { only: ['multiaz', 'rbac'] }));
    expect(table).toContain('\nInfrastructure\n  FAIL     multiaz  Multiple availability zones in use\n');
    expect(table).toContain('All 2 nodes are in 1 availability zone (z1); at least 2 zones are required.');
    expect(table).toMatch(
      /\nCluster\n {2}UNKNOWN {2}rbac {5}Role Based Access Control is enabled\n.*\(not collected\)\n/,
    );
  });

  it('prints the rationale only when asked, in the chosen language', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    expect(renderTable(report)).not.toContain('beschikbaarheidszones');
    expect(renderTable(report, { rationale: true, language: 'nl' })).toContain('beschikbaarheidszones');
  });

  it('speaks Dutch with language nl: outcomes, reasons, verdict; labels and the summary line stay official', () => {
    const table = renderTable(evaluate(snapshot, { only: ['multiaz'] }), { language: 'nl' });
    expect(table).toContain('VOLDOET NIET  multiaz  Multiple availability zones in use');
    expect(table).toContain('Oordeel: NIET Haven-compliant');
    expect(table.trimEnd().split('\n').at(-1)).toMatch(
      /^Results: .* This is NOT a Haven Compliant cluster\.$/,
    );
  });

  it('shows a waived failure as WAIVED with its owner, and the verdict with waivers apart', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    const waived = applyWaivers(
      {
        ...report,
        metadata: { ...report.metadata, snapshot: { ...report.metadata.snapshot, clusterId: 'c1' } },
      },
      {
        apiVersion: 'havenkit.dev/v1alpha1',
        kind: 'WaiverList',
        waivers: [
          {
            check: 'multiaz',
            scope: { clusterId: 'c1' },
            reason: 'one zone',
            owner: 'ops',
            ticket: 'T-1',
            expires: '2027-01-01',
          },
        ],
      },
      'a'.repeat(64),
    );
    const table = renderTable(waived);
    expect(table).toContain('WAIVED   multiaz');
    expect(table).toContain('Waived: one zone (ops, T-1, expires 2027-01-01)');
    expect(table).toContain('Verdict: NOT Haven compliant');
    expect(table).toContain('Verdict with waivers: Compliant only with waivers');
  });

  it('has no colour unless asked', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    expect(renderTable(report)).not.toContain('\u001b[');
    expect(renderTable(report, { color: true })).toContain('\u001b[31mFAIL');
  });
});
