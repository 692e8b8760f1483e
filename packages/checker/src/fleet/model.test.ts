import { describe, expect, it } from 'vitest';
import { changesBetween, fleetOverview, identityOf, type FleetFile } from './model.js';
import { clusterReport, fleetFile } from './testing.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const D = 'dddddddd-0000-4000-8000-000000000004';
const E = 'eeeeeeee-0000-4000-8000-000000000005';

/**
 * Five clusters. gemeente-a was compliant twice, then its worker got a public address (a
 * regression); alpha fails as well (a tie on the verdict, broken by name); gemeente-c cannot
 * verify its toolkit (inconclusive); gemeente-d's failure is waived; gemeente-b is compliant.
 * Given out of order, as a disk lists them.
 */
const files: FleetFile[] = [
  fleetFile('gemeente-b/report.json', {
    clusterId: B,
    context: 'gemeente-b',
    collectedAt: '2026-11-02T08:00:00Z',
    publicAddress: false,
  }),
  fleetFile('gemeente-a/2026-11/report.json', {
    clusterId: A,
    context: 'gemeente-a',
    collectedAt: '2026-11-01T06:00:00Z',
  }),
  fleetFile('gemeente-a/2026-09/report.json', {
    clusterId: A,
    context: 'gemeente-a',
    collectedAt: '2026-09-01T06:00:00Z',
    publicAddress: false,
  }),
  fleetFile('gemeente-a/2026-10/report.json', {
    clusterId: A,
    context: 'gemeente-a',
    collectedAt: '2026-10-01T06:00:00Z',
    publicAddress: false,
  }),
  fleetFile('gemeente-d/report.json', {
    clusterId: D,
    context: 'gemeente-d',
    collectedAt: '2026-11-03T08:00:00Z',
    waived: true,
  }),
  fleetFile('gemeente-c/report.json', {
    clusterId: C,
    context: 'gemeente-c',
    collectedAt: '2026-11-03T08:00:00Z',
    publicAddress: false,
    unverifiedToolkit: true,
  }),
  fleetFile('alpha/report.json', { clusterId: E, context: 'alpha', collectedAt: '2026-11-04T08:00:00Z' }),
];
const overview = fleetOverview(files);
const cluster = (name: string) => overview.clusters.find((c) => c.name === name)!;

describe('fleetOverview', () => {
  it('puts the worst cluster first: not compliant, inconclusive, compliant with waivers, compliant; ties by name', () => {
    expect(overview.clusters.map((c) => [c.name, c.latest.verdict])).toEqual([
      ['alpha', 'not-compliant'],
      ['gemeente-a', 'not-compliant'],
      ['gemeente-c', 'inconclusive'],
      ['gemeente-d', 'compliant-with-waivers'],
      ['gemeente-b', 'compliant'],
    ]);
  });

  it('counts the clusters by their latest verdict', () => {
    expect(overview.summary).toEqual({
      clusters: 5,
      verdicts: {
        'not-compliant': 2,
        inconclusive: 1,
        'selected-passed-with-waivers': 0,
        'selected-passed': 0,
        'compliant-with-waivers': 1,
        compliant: 1,
      },
    });
  });

  it('has a column per mandatory check in catalogue order, and leaves out suggested checks no cluster ran', () => {
    expect(overview.checks.map((c) => c.name)).toEqual(files[0]!.report.results.map((r) => r.name));
    expect(overview.checks.every((c) => c.mandatory)).toBe(true);
  });

  it('fills each cell with the latest report’s outcome, waived for a waived failure', () => {
    expect(cluster('gemeente-a').cells.privatenetworking).toBe('fail');
    expect(cluster('gemeente-d').cells.privatenetworking).toBe('waived');
    expect(cluster('gemeente-c').cells.shavalidation).toBe('unknown');
    expect(cluster('gemeente-b').cells.havenversion).toBe('skip');
    expect(cluster('gemeente-b').cells.privatenetworking).toBe('pass');
  });

  it('groups every report of a cluster into its trend, oldest first', () => {
    expect(cluster('gemeente-a').runs.map((r) => [r.collectedAt, r.verdict])).toEqual([
      ['2026-09-01T06:00:00Z', 'compliant'],
      ['2026-10-01T06:00:00Z', 'compliant'],
      ['2026-11-01T06:00:00Z', 'not-compliant'],
    ]);
    expect(cluster('gemeente-a').latest.path).toBe('gemeente-a/2026-11/report.json');
  });

  it('names what failed anew since the report before the latest', () => {
    expect(cluster('gemeente-a').changes).toEqual({
      since: '2026-10-01T06:00:00Z',
      newlyFailing: ['privatenetworking'],
      fixed: [],
      changed: [],
    });
  });

  it('has no changes for a cluster with one report', () => {
    expect(cluster('gemeente-b').changes).toBeUndefined();
  });

  it('lists the files not read by path', () => {
    const withUnread = fleetOverview(files.slice(0, 1), {
      notRead: [
        { path: 'z.json', problem: 'not-json', detail: 'Unexpected end of JSON input' },
        { path: 'a.json', problem: 'not-a-report', detail: 'no kind' },
      ],
    });
    expect(withUnread.notRead.map((n) => n.path)).toEqual(['a.json', 'z.json']);
  });
});

describe('changesBetween', () => {
  it('names a failure that passes now as fixed', () => {
    const before = clusterReport({ collectedAt: '2026-10-01T00:00:00Z' });
    const after = clusterReport({ collectedAt: '2026-11-01T00:00:00Z', publicAddress: false });
    expect(changesBetween(before, after)).toMatchObject({ newlyFailing: [], fixed: ['privatenetworking'] });
  });

  it('names a failure that is waived now as changed, not as fixed', () => {
    const before = clusterReport({ collectedAt: '2026-10-01T00:00:00Z' });
    const after = clusterReport({ collectedAt: '2026-11-01T00:00:00Z', waived: true });
    expect(changesBetween(before, after)).toMatchObject({
      fixed: [],
      changed: [{ check: 'privatenetworking', from: 'fail', to: 'waived' }],
    });
  });
});

describe('identityOf', () => {
  const at = (path: string, variant: Parameters<typeof clusterReport>[0]): FleetFile => ({
    path,
    report: clusterReport(variant),
    signature: 'unsigned',
  });

  it('recognises a cluster by its cluster id, whatever context or directory its reports have', () => {
    const laptop = at('laptop/report.json', {
      clusterId: A,
      context: 'prod',
      collectedAt: '2026-10-01T00:00:00Z',
    });
    const cron = at('cron/report.json', { clusterId: A, context: null, collectedAt: '2026-11-01T00:00:00Z' });
    expect(identityOf(laptop)).toEqual(identityOf(cron));
    expect(fleetOverview([laptop, cron]).clusters).toHaveLength(1);
  });

  it('falls back to the context and server, then to the directory', () => {
    const byContext = at('x/report.json', { clusterId: null, collectedAt: '2026-10-01T00:00:00Z' });
    expect(identityOf(byContext)).toEqual({
      key: 'context:admin@haven-demo@https://haven-demo.gemeente-voorbeeld.nl:6443',
      by: 'context',
    });
    const bare = at('gemeente-x/2026-11/report.json', {
      clusterId: null,
      context: null,
      server: null,
      collectedAt: '2026-10-01T00:00:00Z',
    });
    expect(identityOf(bare)).toEqual({ key: 'directory:gemeente-x/2026-11', by: 'directory' });
    expect(fleetOverview([bare]).clusters[0]!.name).toBe('gemeente-x/2026-11');
  });
});
