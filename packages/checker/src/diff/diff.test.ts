import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledData } from '../data/load.js';
import { evaluate } from '../evaluate.js';
import { complianceDir } from '../paths.js';
import type { ComplianceReport, ReportResult } from '@havenkit/model';
import { readSnapshotFile } from '../snapshot/read.js';
import { diffEvidence, diffReports } from './diff.js';
import { renderDiff } from './render.js';

const { snapshot } = readSnapshotFile(join(complianceDir(), '..', 'examples', 'snapshots', 'demo.json'));
const demo = evaluate(snapshot, { integrity: { status: 'verified', manifest: 'm', files: 1 } });
const all = (r: ComplianceReport) => [...r.results, ...r.suggested];

function withResult(report: ComplianceReport, name: string, change: Partial<ReportResult>): ComplianceReport {
  return { ...report, results: report.results.map((r) => (r.name === name ? { ...r, ...change } : r)) };
}

describe('diffReports', () => {
  it('finds nothing between a report and itself', () => {
    const diff = diffReports(demo, demo);
    expect(diff).toMatchObject({
      verdictChanged: false,
      added: [],
      removed: [],
      changed: [],
      regressed: false,
    });
  });

  it('reports a check that went from pass to fail as a regression', () => {
    const worse = withResult(demo, 'multiaz', { outcome: 'fail' });
    const diff = diffReports(demo, worse);
    expect(diff.changed).toEqual([
      expect.objectContaining({ name: 'multiaz', old: { outcome: 'pass', waived: false }, regressed: true }),
    ]);
    expect(diff.regressed).toBe(true);
  });

  it('reports a fixed check as an improvement, not a regression', () => {
    const fixed = withResult(demo, 'privatenetworking', { outcome: 'pass' });
    const diff = diffReports(demo, { ...fixed, verdict: 'compliant' });
    expect(diff.changed[0]).toMatchObject({ name: 'privatenetworking', improved: true, regressed: false });
    expect(diff).toMatchObject({ verdictChanged: true, regressed: false });
  });

  it('counts a failure that lost its waiver as a regression', () => {
    const waived = withResult(demo, 'privatenetworking', {
      waived: { index: 0, owner: 'o', ticket: 't', expires: '2026-12-31', reason: 'r' },
    });
    expect(diffReports(waived, demo).regressed).toBe(true);
    expect(diffReports(demo, waived).regressed).toBe(false);
  });

  it('lists checks added and removed between catalogue versions', () => {
    const older = { ...demo, results: demo.results.filter((r) => r.name !== 'logs') };
    const diff = diffReports(older, demo);
    expect(diff.added).toEqual([{ name: 'logs', label: expect.any(String), outcome: 'pass' }]);
    expect(diffReports(demo, older).removed.map((c) => c.name)).toEqual(['logs']);
  });

  it('lists changed evidence of a check whose outcome stayed the same', () => {
    const pn = demo.results.find((r) => r.name === 'privatenetworking')!;
    const evidence = pn.evidence.map((e) =>
      e.name === 'haven-worker-3'
        ? { ...e, fields: { ...e.fields, 'status.addresses.ExternalIP': '51.68.142.38' } }
        : e,
    );
    const diff = diffReports(demo, withResult(demo, 'privatenetworking', { evidence }));
    expect(diff.changed[0]!.evidence).toEqual([
      {
        change: 'changed',
        object: 'Node haven-worker-3',
        fields: { 'status.addresses.ExternalIP': ['51.68.142.37', '51.68.142.38'] },
      },
    ]);
    expect(diff.regressed).toBe(false);
  });

  it('says when two reports are of different clusters', () => {
    const other = {
      ...demo,
      metadata: { ...demo.metadata, snapshot: { ...demo.metadata.snapshot, clusterId: 'x' } },
    };
    expect(diffReports(demo, other).differentClusters).toBe(true);
  });
});

describe('diffEvidence', () => {
  it('names objects that appeared and disappeared', () => {
    const a = [{ kind: 'Node', name: 'n1', fields: {} }];
    const b = [{ kind: 'Node', name: 'n2', fields: {} }];
    expect(diffEvidence(a, b)).toEqual([
      { change: 'removed', object: 'Node n1' },
      { change: 'added', object: 'Node n2' },
    ]);
  });
});

describe('renderDiff', () => {
  const worse = withResult(demo, 'multiaz', { outcome: 'fail' });

  it('marks a regression in English', () => {
    expect(renderDiff(diffReports(demo, worse), 'en')).toMatch(/multiaz: pass → fail REGRESSED/);
  });

  it('speaks Dutch with --lang nl', () => {
    const text = renderDiff(diffReports(demo, worse), 'nl');
    expect(text).toMatch(/multiaz: voldoet → voldoet niet ACHTERUITGANG/);
    expect(text).toMatch(/Uitkomst: er is iets achteruitgegaan\./);
  });

  it('writes the dates in the Dutch form in Dutch', () => {
    const text = renderDiff(diffReports(demo, worse), 'nl');
    expect(text).toMatch(/^Vergelijking van 1 november 2026 om 09:00:00 UTC \(Haven /);
  });
});

describe('diffReports, regressions within a failing check', () => {
  const pn = demo.results.find((r) => r.name === 'privatenetworking')!;

  it('counts a new offending object of a check that failed before too as a regression', () => {
    const evidence = pn.evidence.map((e) => (e.name === 'haven-worker-2' ? { ...e, offending: true } : e));
    const diff = diffReports(demo, withResult(demo, 'privatenetworking', { evidence }));
    expect(diff.changed[0]).toMatchObject({ regressed: true, newlyOffending: ['Node haven-worker-2'] });
    expect(diff.changed[0]!.evidence).toEqual([
      { change: 'changed', object: 'Node haven-worker-2', fields: { '(offending)': [undefined, true] } },
    ]);
    expect(diff.regressed).toBe(true);
  });

  it('counts a mandatory check of the same catalogue that is no longer evaluated as a regression', () => {
    const fewer = { ...demo, results: demo.results.filter((r) => r.name !== 'privatenetworking') };
    expect(diffReports(demo, fewer).regressed).toBe(true);
  });

  it('names the evaluation settings that differ', () => {
    const other = {
      ...demo,
      metadata: { ...demo.metadata, evaluation: { ...demo.metadata.evaluation, only: ['rbac'] } },
    };
    expect(diffReports(demo, other).settingsChanged).toEqual(['only']);
  });
});

describe('diffReports, dates of the data a report was judged against', () => {
  const bundled = loadBundledData();
  const releases = [{ version: 'v12.0.0', date: '2024-06-01' }];
  const judged = (collectedAt: string, cncfAsOf: string) =>
    evaluate(
      { ...snapshot, metadata: { ...snapshot.metadata, collectedAt } },
      {
        integrity: { status: 'verified', manifest: 'm', files: 1 },
        havenReleases: releases,
        data: { ...bundled, cncfPlatforms: { ...bundled.cncfPlatforms, asOf: cncfAsOf } },
      },
    );
  const before = judged('2026-11-01T09:00:00Z', '2026-11');
  const after = judged('2026-11-02T09:00:00Z', '2027-01');
  const evidenceOf = (r: ComplianceReport) => JSON.stringify(all(r).map((c) => c.evidence));

  it('finds no change between reports that differ only in those dates', () => {
    // The evidence does differ, in dataAsOf, asOf and "bundled release table as of …".
    expect(evidenceOf(before)).not.toBe(evidenceOf(after));
    expect(evidenceOf(before)).toMatch(/"dataAsOf":"2026-11"/);
    expect(evidenceOf(after)).toMatch(/bundled release table as of 2026-11-02/);
    expect(diffReports(before, after)).toMatchObject({
      changed: [],
      verdictChanged: false,
      regressed: false,
    });
  });

  it('still shows a real evidence change of a check whose dates changed too', () => {
    const pn = after.results.find((r) => r.name === 'privatenetworking')!;
    const evidence = pn.evidence.map((e) =>
      e.name === 'haven-worker-3'
        ? { ...e, fields: { ...e.fields, 'status.addresses.ExternalIP': '51.68.142.38' } }
        : e,
    );
    const diff = diffReports(before, withResult(after, 'privatenetworking', { evidence }));
    expect(diff.changed.map((c) => c.name)).toEqual(['privatenetworking']);
    expect(diff.changed[0]!.evidence).toEqual([
      {
        change: 'changed',
        object: 'Node haven-worker-3',
        fields: { 'status.addresses.ExternalIP': ['51.68.142.37', '51.68.142.38'] },
      },
    ]);
  });
});

describe('diffEvidence, dates', () => {
  it('never compares a field named asOf or …AsOf', () => {
    const a = [{ kind: 'Conformance', name: 'talos', fields: { minor: '1.35', dataAsOf: '2026-11' } }];
    const b = [{ kind: 'Conformance', name: 'talos', fields: { minor: '1.36', dataAsOf: '2027-01' } }];
    expect(diffEvidence(a, b)).toEqual([
      { change: 'changed', object: 'Conformance talos', fields: { minor: ['1.35', '1.36'] } },
    ]);
    expect(diffEvidence(a, [{ ...a[0]!, fields: { minor: '1.35', dataAsOf: '2027-01' } }])).toEqual([]);
  });

  it('compares a text that says "as of <date>" without the date, and shows it as it was', () => {
    const source = (value: string) => [{ kind: 'Version', name: 'server', fields: { source: value } }];
    const old = source('bundled release table as of 2026-11-01');
    expect(diffEvidence(old, source('bundled release table as of 2026-12-01'))).toEqual([]);
    expect(diffEvidence(old, source('override (--latest-kubernetes)'))).toEqual([
      {
        change: 'changed',
        object: 'Version server',
        fields: { source: ['bundled release table as of 2026-11-01', 'override (--latest-kubernetes)'] },
      },
    ]);
  });

  it('compares a note without the date it is as of', () => {
    const noted = (en: string) => [{ kind: 'Node', name: 'n1', fields: {}, note: { en, nl: en } }];
    expect(diffEvidence(noted('data as of 2026-11'), noted('data as of 2027-01'))).toEqual([]);
    expect(diffEvidence(noted('data as of 2026-11'), noted('no data'))).toHaveLength(1);
  });
});
