import { describe, expect, it } from 'vitest';
import type { ComplianceReport, Waiver } from '@havenkit/model';
import { validate } from '../schema.js';
import { DEMO_CLUSTER_ID, WAIVERS_SHA256, demoReport, demoWaiver, waiverList } from '../testing/reports.js';
import { applyWaivers } from './apply.js';
import { checkWaiverNames, parseWaivers } from './read.js';
import { loadCatalogue } from '../catalogue/load.js';

// The demo: collected 2026-11-01, cluster DEMO_CLUSTER_ID, privatenetworking fails on haven-worker-3
// (the check marks that node's evidence offending).
const SHA = WAIVERS_SHA256;
const waiver = demoWaiver;
const file = waiverList;
const check = (report: ComplianceReport, name: string) => report.results.find((r) => r.name === name)!;

describe('applyWaivers', () => {
  it('marks a covered failure as waived and gives the verdict compliant-with-waivers, never compliant', () => {
    const report = applyWaivers(demoReport(), file(waiver()), SHA);
    expect(check(report, 'privatenetworking')).toMatchObject({
      outcome: 'fail',
      waived: {
        index: 0,
        owner: 'platform-team@gemeente-voorbeeld.nl',
        ticket: 'GEM-1234',
        expires: '2026-12-31',
      },
    });
    expect(report.verdict).toBe('not-compliant');
    expect(report.verdictWithWaivers).toBe('compliant-with-waivers');
  });

  it('counts waived failures apart and keeps them in the failed count', () => {
    const report = applyWaivers(demoReport(), file(waiver()), SHA);
    expect(report.summary).toMatchObject({ failed: 1, waived: 1 });
  });

  it('gives an expired waiver no effect and lists it as expired', () => {
    const report = applyWaivers(demoReport(), file(waiver({ expires: '2026-10-31' })), SHA);
    expect(check(report, 'privatenetworking').waived).toBeUndefined();
    expect(report.verdictWithWaivers).toBe('not-compliant');
    expect(report.waivers!.waivers[0]).toMatchObject({ status: 'expired' });
    expect(report.waivers!.asOf).toBe('2026-11-01');
  });

  it('keeps a waiver active on its expiry day (inclusive)', () => {
    const report = applyWaivers(demoReport(), file(waiver({ expires: '2026-11-01' })), SHA);
    expect(report.waivers!.waivers[0]!.status).toBe('applied');
  });

  it('gives a waiver for another cluster no effect (out of scope)', () => {
    const report = applyWaivers(demoReport(), file(waiver({ scope: { clusterId: 'another-cluster' } })), SHA);
    expect(report.waivers!.waivers[0]).toMatchObject({ status: 'out-of-scope' });
    expect(report.verdictWithWaivers).toBe('not-compliant');
  });

  it('applies a node-scoped waiver when it covers every offending node', () => {
    const report = applyWaivers(
      demoReport(),
      file(waiver({ scope: { clusterId: DEMO_CLUSTER_ID, nodes: ['haven-worker-*'] } })),
      SHA,
    );
    expect(report.waivers!.waivers[0]!.status).toBe('applied');
  });

  it('gives a node-scoped waiver no effect when an offending node is not covered', () => {
    const report = applyWaivers(
      demoReport(),
      file(waiver({ scope: { clusterId: DEMO_CLUSTER_ID, nodes: ['haven-worker-1'] } })),
      SHA,
    );
    expect(report.waivers!.waivers[0]).toMatchObject({
      status: 'out-of-scope',
      detail: { en: 'does not cover Node haven-worker-3' },
    });
  });

  it('lists a waiver for a check that passed as not needed', () => {
    const report = applyWaivers(demoReport(), file(waiver({ check: 'multiaz' })), SHA);
    expect(report.waivers!.waivers[0]!.status).toBe('not-needed');
    expect(check(report, 'multiaz').waived).toBeUndefined();
  });

  it('leaves the verdict inconclusive when a waived failure sits next to an unknown check', () => {
    const base = demoReport();
    const withUnknown: ComplianceReport = {
      ...base,
      summary: { ...base.summary, unknown: 1 },
      results: base.results.map((r) =>
        r.name === 'multiaz' ? { ...r, outcome: 'unknown', cause: 'forbidden' } : r,
      ),
    };
    expect(applyWaivers(withUnknown, file(waiver()), SHA).verdictWithWaivers).toBe('inconclusive');
  });

  it('uses the first applicable waiver of a check and lists the second as not needed', () => {
    const report = applyWaivers(demoReport(), file(waiver(), waiver({ ticket: 'GEM-9' })), SHA);
    expect(report.waivers!.waivers.map((w) => w.status)).toEqual(['applied', 'not-needed']);
  });

  it('gives a report that is valid against the report schema', () => {
    expect(
      validate('report', applyWaivers(demoReport(), file(waiver(), waiver({ check: 'rbac' })), SHA)),
    ).toBeUndefined();
  });
});

describe('parseWaivers', () => {
  it('accepts a valid waivers file', () => {
    expect(parseWaivers(file(waiver()), 'w.yaml').waivers).toHaveLength(1);
  });

  it.each([
    [
      'a waiver without an owner',
      { ...waiver(), owner: undefined },
      /w\.yaml: waivers\[0\]\.owner: is required/,
    ],
    [
      'a waiver without a cluster id',
      { ...waiver(), scope: {} },
      /waivers\[0\]\.scope\.clusterId: is required/,
    ],
    [
      'an expiry that is not a date',
      waiver({ expires: 'next year' }),
      /waivers\[0\]\.expires: must match the pattern/,
    ],
    [
      'an expiry that is not a calendar date',
      waiver({ expires: '2026-02-30' }),
      /waivers\[0\]\.expires: 2026-02-30 is not a calendar date/,
    ],
    ['an unknown field', { ...waiver(), approvedBy: 'x' }, /waivers\[0\]\.approvedBy: is not a known field/],
  ])('rejects %s with one line naming the field', (_, bad, message) => {
    expect(() => parseWaivers(file(bad as Waiver), 'w.yaml')).toThrow(message);
  });
});

describe('checkWaiverNames', () => {
  const catalogue = loadCatalogue();

  it('accepts waivers that name checks of the catalogue', () => {
    expect(() => checkWaiverNames(file(waiver()), catalogue, 'w.yaml')).not.toThrow();
  });

  it('rejects a misspelt check name in one line naming the field', () => {
    expect(() =>
      checkWaiverNames(file(waiver(), waiver({ check: 'privatenetwork' })), catalogue, 'w.yaml'),
    ).toThrow(
      /^w\.yaml: waivers\[1\]\.check: privatenetwork is not a Haven check; known checks: autocerts, /,
    );
  });
});
