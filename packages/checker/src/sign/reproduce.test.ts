import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { complianceDir } from '../paths.js';
import type { ComplianceReport, ClusterSnapshot, WaiverFile } from '@havenkit/model';
import { parseSnapshotText } from '../snapshot/read.js';
import { applyWaivers } from '../waivers/apply.js';
import { firstDifference, REPORT_WIDE, reproduce } from './reproduce.js';

const demoText = readFileSync(join(complianceDir(), '..', 'examples', 'snapshots', 'demo.json'), 'utf8');
const snapshot = parseSnapshotText(demoText, 'demo.json');
const integrity = { status: 'verified', manifest: 'm', files: 1 } as const;
const SHA = 'b'.repeat(64);

/** A report as it travels: through JSON (undefined fields dropped). */
const roundTrip = (report: ComplianceReport): ComplianceReport =>
  JSON.parse(JSON.stringify(report)) as ComplianceReport;

/** The demo snapshot with a worker's InternalIP changed (a copy: the demo stays as it is). */
function editedSnapshot(): ClusterSnapshot {
  return parseSnapshotText(demoText.replace('"10.20.1.21"', '"10.20.1.99"'), 'edited.json');
}

describe('reproduce', () => {
  it('finds no mismatch for the demo report re-evaluated from the demo snapshot', () => {
    const report = roundTrip(evaluate(snapshot, { integrity, snapshotSha256: SHA }));
    expect(reproduce(report, snapshot, { integrity })).toEqual([]);
  });

  it('re-runs with the recorded settings (only, latestKubernetes, suggested, havenReleases)', () => {
    const report = roundTrip(
      evaluate(snapshot, {
        integrity,
        only: ['kubernetesversion', 'havenversion', 'cis', 'multiaz'],
        latestKubernetes: '1.45',
        suggested: { cis: true, kubescape: false },
        havenReleases: [{ version: 'v12.8.0', date: '2026-09-01' }],
      }),
    );
    expect(report.results.find((r) => r.name === 'kubernetesversion')?.outcome).toBe('fail');
    expect(reproduce(report, snapshot, { integrity })).toEqual([]);
  });

  it('re-applies the recorded waivers', () => {
    const file: WaiverFile = {
      apiVersion: 'havenkit.dev/v1alpha1',
      kind: 'WaiverList',
      waivers: [
        {
          check: 'privatenetworking',
          scope: { clusterId: snapshot.metadata.clusterId ?? '' },
          reason: 'Bastion node until the VPN is in place',
          owner: 'platform@gemeente-voorbeeld.nl',
          ticket: 'GEM-1234',
          expires: '2027-01-31',
        },
      ],
    };
    const report = roundTrip(applyWaivers(evaluate(snapshot, { integrity }), file, SHA));
    expect(report.waivers?.waivers[0]?.status).toBe('applied');
    expect(reproduce(report, snapshot, { integrity })).toEqual([]);
    // A report claiming a waived failure without the waiver is caught.
    const { waivers: _waivers, verdictWithWaivers: _v, ...unwaived } = report;
    expect(reproduce(unwaived, snapshot, { integrity }).map((m) => m.field)).toContain('waived');
  });

  it('lists the mismatches with an edited snapshot', () => {
    const report = roundTrip(evaluate(snapshot, { integrity }));
    const mismatches = reproduce(report, editedSnapshot(), { integrity });
    expect(mismatches.length).toBeGreaterThan(0);
    expect(mismatches).toContainEqual(
      expect.objectContaining({
        check: 'privatenetworking',
        reported: '"10.20.1.21"',
        recomputed: '"10.20.1.99"',
      }),
    );
    expect(mismatches.every((m) => m.field !== '' && m.reported !== m.recomputed)).toBe(true);
  });

  it('lists a changed outcome and verdict when the report was edited', () => {
    const report = roundTrip(evaluate(snapshot, { integrity }));
    const edited: ComplianceReport = {
      ...report,
      verdict: 'compliant',
      results: report.results.map((r) => (r.name === 'privatenetworking' ? { ...r, outcome: 'pass' } : r)),
    };
    expect(reproduce(edited, snapshot, { integrity })).toEqual([
      { check: 'privatenetworking', field: 'outcome', reported: '"pass"', recomputed: '"fail"' },
      { check: REPORT_WIDE, field: 'verdict', reported: '"compliant"', recomputed: '"not-compliant"' },
    ]);
  });

  it('never passes silently when another checker version made the report', () => {
    const report = roundTrip(evaluate(snapshot, { integrity }));
    const older = {
      ...report,
      metadata: { ...report.metadata, checker: { ...report.metadata.checker, version: '0.0.9' } },
    };
    expect(reproduce(older, snapshot, { integrity })).toEqual([
      {
        check: REPORT_WIDE,
        field: 'checker.version',
        reported: '"0.0.9"',
        recomputed: expect.stringMatching(/^"\d/) as string,
      },
    ]);
  });

  it('notices when the integrity of the toolkit differs (shavalidation)', () => {
    const report = roundTrip(evaluate(snapshot, { integrity }));
    const mismatches = reproduce(report, snapshot, {});
    expect(mismatches.some((m) => m.check === 'shavalidation' && m.field === 'outcome')).toBe(true);
  });
});

describe('firstDifference', () => {
  it('names the path of the first differing leaf', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toEqual({
      path: 'a[1].b',
      a: 2,
      b: 3,
    });
    expect(firstDifference({ a: 1 }, { a: 1, b: undefined })).toBeUndefined();
    expect(firstDifference([1], [1, 2])).toEqual({ path: '[1]', a: undefined, b: 2 });
  });
});
