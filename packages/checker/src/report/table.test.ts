import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, KubeObject, ResourceList } from '@havenkit/model';
import { evaluate } from '../evaluate.js';
import { makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { demoReport, demoSnapshot, demoWaiver, WAIVERS_SHA256 } from '../testing/reports.js';
import { applyWaivers } from '../waivers/apply.js';
import { escapeControl } from '@havenkit/model';
import { renderTable, summaryLine } from './table.js';

const snapshot = makeSnapshot({
  resources: { nodes: nodes(node('a', { zone: 'z1' }), node('b', { zone: 'z1' })) },
});

const VERIFIED = { status: 'verified', manifest: 'm', files: 1 } as const;

/** The demo cluster with the public ExternalIP of its worker removed: every mandatory check passes or is skipped. */
function compliantSnapshot(): ClusterSnapshot {
  const demo = demoSnapshot().snapshot;
  const list = demo.resources.nodes as ResourceList;
  const privateNodes = list.items.map((n: KubeObject) => {
    const status = n.status as { addresses: { type: string; address: string }[] };
    return {
      ...n,
      status: { ...status, addresses: status.addresses.filter((a) => a.type !== 'ExternalIP') },
    };
  });
  return { ...demo, resources: { ...demo.resources, nodes: { ...list, items: privateNodes } } };
}

const lines = (table: string) => table.trimEnd().split('\n');

describe('renderTable: the verdict', () => {
  it('comes first, on the first line', () => {
    expect(lines(renderTable(demoReport()))[0]).toBe('Verdict: NOT Haven compliant');
  });

  it('ends with the official summary line when that line states the same verdict (not compliant)', () => {
    const report = demoReport();
    expect(summaryLine(report)).toBe(
      'Results: 13 out of 15 checks passed, 1 checks skipped, 0 checks unknown. This is NOT a Haven Compliant cluster.',
    );
    expect(lines(renderTable(report)).at(-1)).toBe(summaryLine(report));
  });

  it('ends with the official compliant sentence only when every mandatory check ran and none failed', () => {
    const report = evaluate(compliantSnapshot(), { integrity: VERIFIED });
    expect(report.verdict).toBe('compliant');
    const table = renderTable(report);
    expect(lines(table)[0]).toBe('Verdict: Haven compliant');
    expect(lines(table).at(-1)).toMatch(/This is a Haven Compliant cluster\.$/);
  });

  it('says "inconclusive" once and never "NOT a Haven Compliant cluster" when no check failed', () => {
    const report = evaluate(compliantSnapshot());
    expect(report.verdict).toBe('inconclusive');
    const table = renderTable(report);
    expect(summaryLine(report)).toBeUndefined();
    expect(table).not.toMatch(/Haven Compliant cluster/);
    expect(table.match(/Inconclusive/g)).toHaveLength(1);
  });

  it('never claims compliance for a run limited by --only, and names the checks it left out', () => {
    const report = evaluate(compliantSnapshot(), { only: ['multiaz', 'rbac', 'hamasters'] });
    expect(report.verdict).toBe('selected-passed');
    const table = renderTable(report);
    expect(lines(table)[0]).toBe(
      'Verdict: The selected checks passed; no Haven verdict, because not every mandatory check ran',
    );
    expect(table).not.toMatch(/Haven compliant|Haven Compliant cluster/);
    expect(table).toContain('Not evaluated (--only): 12 mandatory checks, clusteradmin, havenversion, ');
  });

  it('counts a waived failure once, so that the counts add up to the total', () => {
    const waived = applyWaivers(
      demoReport(),
      { apiVersion: 'havenkit.dev/v1alpha1', kind: 'WaiverList', waivers: [demoWaiver()] },
      WAIVERS_SHA256,
    );
    const table = renderTable(waived);
    expect(table).toContain('Summary: 13 passed, 0 failed, 1 waived, 1 skipped, 0 unknown, of 15');
    expect(lines(table)[0]).toBe('Verdict: NOT Haven compliant');
    expect(lines(table)[1]).toBe(
      'Verdict with waivers: Compliant only with waivers: every failure is covered by an active waiver',
    );
  });
});

describe('renderTable: the checks', () => {
  it('lists failures and unknowns before passes', () => {
    const table = renderTable(
      evaluate(snapshot, { only: ['haworkers', 'multiaz', 'privatenetworking', 'rbac'] }),
      { width: 200 },
    );
    const order = ['FAIL', 'UNKNOWN', 'PASS'].map((w) => table.search(new RegExp(`^  ${w} `, 'm')));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(table).toMatch(/^ {2}FAIL\s+multiaz\s+Multiple availability zones in use$/m);
    expect(table).toContain('All 2 nodes are in 1 availability zone (z1); at least 2 zones are required.');
  });

  it('leaves out passed and skipped checks with failedOnly, but keeps the whole verdict and counts', () => {
    const table = renderTable(demoReport(), { failedOnly: true });
    expect(table).toMatch(/^ {2}FAIL\s+privatenetworking/m);
    expect(table).not.toMatch(/^ {2}(PASS|SKIPPED)/m);
    expect(table).toContain('Summary: 13 passed, 1 failed, 1 skipped, 0 unknown, of 15');
  });

  it('marks a pass that rests on an inference, and explains the mark', () => {
    const inferred = makeSnapshot({
      resources: { nodes: nodes(node('a', { osImage: 'Ubuntu 24.04.1 LTS' })) },
    });
    const table = renderTable(evaluate(inferred, { only: ['nodehardening'] }));
    expect(table).toMatch(/^ {2}PASS\* +nodehardening/m);
    expect(table).toContain('* passed on an inference, not an observation');
  });

  it('prints the evidence of every check with verbose, inferences marked', () => {
    const inferred = makeSnapshot({
      resources: { nodes: nodes(node('a', { osImage: 'Ubuntu 24.04.1 LTS' })) },
    });
    const report = evaluate(inferred, { only: ['nodehardening'] });
    expect(renderTable(report)).not.toContain('status.nodeInfo.osImage=');
    expect(renderTable(report, { verbose: true, width: 200 })).toMatch(
      /- Node a: status\.nodeInfo\.osImage=Ubuntu 24\.04\.1 LTS, lsm=apparmor — .*\[inferred\]/,
    );
  });

  it('wraps every line to the given width, continuing under the text it wraps', () => {
    const table = renderTable(demoReport(), { width: 60, rationale: true });
    for (const line of lines(table).filter((l) => !l.startsWith('Results: '))) {
      expect(line.length).toBeLessThanOrEqual(60);
    }
    expect(renderTable(demoReport(), { width: 200 })).toMatch(/haven-worker-3\.\n/);
  });

  it('prints the rationale only when asked, in the chosen language', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    expect(renderTable(report)).not.toContain('beschikbaarheidszones');
    expect(renderTable(report, { rationale: true, language: 'nl' })).toContain('beschikbaarheidszones');
  });

  it('shows control characters from cluster data as escapes, never raw', () => {
    const hostile = makeSnapshot({
      resources: { nodes: nodes(node('evil\u001b]0;pwned\u0007', { zone: 'z1' })) },
    });
    const table = renderTable(evaluate(hostile, { only: ['multiaz', 'privatenetworking'] }), {
      verbose: true,
    });
    expect(table.includes('\u001b') || table.includes('\u0007')).toBe(false);
    expect(table).toContain('evil\\x1b]0;pwned\\x07');
    expect(escapeControl('a\tb\nc\u009b')).toBe('a\tb\nc\\x9b');
  });
});

describe('renderTable: Dutch', () => {
  it('speaks Dutch with language nl: outcomes, reasons, verdict; check labels stay official', () => {
    const table = renderTable(evaluate(snapshot, { only: ['multiaz'] }), { language: 'nl' });
    expect(table).toMatch(/^ {2}VOLDOET NIET +multiaz {2}Multiple availability zones in use$/m);
    expect(lines(table)[0]).toBe('Oordeel: NIET Haven-compliant');
  });

  it('writes dates in the Dutch form and numbers waivers from 1', () => {
    const waived = applyWaivers(
      demoReport(),
      { apiVersion: 'havenkit.dev/v1alpha1', kind: 'WaiverList', waivers: [demoWaiver()] },
      WAIVERS_SHA256,
    );
    const table = renderTable(waived, { language: 'nl', width: 200 });
    expect(table).toContain('snapshot verzameld op 1 november 2026 om 09:00:00 UTC');
    expect(table).toContain('verloopt 31 december 2026');
    expect(table).toMatch(/^ {2}1\. privatenetworking: toegepast/m);
  });
});

describe('renderTable: colour', () => {
  it('has no colour unless asked, and then colours the verdict and each outcome', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    expect(renderTable(report)).not.toContain('\u001b[');
    const coloured = renderTable(report, { color: true });
    expect(coloured).toContain('\u001b[31mFAIL');
    expect(coloured.split('\n')[0]).toContain('\u001b[31mVerdict: NOT Haven compliant');
  });
});
