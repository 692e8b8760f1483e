import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { InputError, type Outcome, type ComplianceReport, type ReportResult } from '@havenkit/model';
import { evaluate, summarize } from '../evaluate.js';
import { makeSnapshot } from '../testing/fixtures.js';
import {
  WAIVERS_SHA256,
  demoReport as makeDemoReport,
  demoSnapshot,
  demoWaiver,
  waiverList,
  waivedDemoReport,
} from '../testing/reports.js';
import { applyWaivers } from '../waivers/apply.js';
import { reportFormat } from './formats.js';
import {
  OPEN_REPORTS_API_VERSION,
  OPEN_REPORTS_KIND,
  POLICY_REPORT_API_VERSION,
  POLICY_REPORT_KIND,
  policyReportName,
  policyResultOf,
  renderPolicyReport,
  toPolicyReport,
  toTimestamp,
  type PolicyResultValue,
} from './policyreport.js';
import { remediationPlainText } from '../remediation-text.js';

const context = { language: 'en', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:04Z' } as const;
const STOP_SECONDS = Date.parse('2026-11-01T09:00:04Z') / 1000;

const demoReport = makeDemoReport({ unverifiedToolkit: true });

function result(overrides: Partial<ReportResult> = {}): ReportResult {
  return {
    name: 'multiaz',
    label: 'Multiple availability zones in use',
    category: 'Infrastructure',
    mandatory: true,
    rationale: { en: 'Rationale.', nl: 'Onderbouwing.' },
    outcome: 'pass',
    reason: { en: 'An English reason.', nl: 'Een Nederlandse reden.' },
    evidence: [],
    ...overrides,
  };
}

/** A real report (metadata, verdict) with the given results in place of its own. */
function reportWith(results: ReportResult[], suggested: ReportResult[] = []): ComplianceReport {
  const base = evaluate(makeSnapshot(), { only: ['multiaz'] });
  return { ...base, results, suggested, summary: summarize(results) };
}

describe('toPolicyReport', () => {
  const MAPPING: [Outcome, boolean, PolicyResultValue][] = [
    ['pass', true, 'pass'],
    ['fail', true, 'fail'],
    ['skip', true, 'skip'],
    ['unknown', true, 'error'],
    ['pass', false, 'pass'],
    ['fail', false, 'warn'],
    ['skip', false, 'skip'],
    ['unknown', false, 'error'],
  ];

  it.each(MAPPING)('maps outcome %s (mandatory %s) to result %s', (outcome, mandatory, expected) => {
    const r = result({ outcome, mandatory, ...(outcome === 'unknown' ? { cause: 'forbidden' } : {}) });
    const report = mandatory ? reportWith([r]) : reportWith([], [r]);
    const [written] = toPolicyReport(report, context).results;
    expect(policyResultOf(r)).toBe(expected);
    expect(written).toMatchObject({
      source: 'havenkit',
      policy: 'haven-v12.8.0',
      rule: 'multiaz',
      category: 'Infrastructure',
      result: expected,
      scored: mandatory,
      severity: mandatory ? 'high' : 'medium',
      message: 'An English reason.',
      timestamp: { seconds: STOP_SECONDS, nanos: 0 },
      properties: { label: 'Multiple availability zones in use', mandatory: String(mandatory), outcome },
    });
    expect(written?.properties.cause).toBe(outcome === 'unknown' ? 'forbidden' : undefined);
  });

  it('writes a ClusterPolicyReport named after the Haven major, managed by havenkit, without scope', () => {
    const out = toPolicyReport(demoReport, context);
    expect(out.apiVersion).toBe(POLICY_REPORT_API_VERSION);
    expect(out.kind).toBe(POLICY_REPORT_KIND);
    expect(out.metadata.name).toBe('havenkit-haven-v12');
    expect(out.metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'havenkit',
      'havenkit.dev/verdict': 'not-compliant',
    });
    expect(out.metadata.annotations).toMatchObject({
      'havenkit.dev/haven-version': 'v12.8.0',
      'havenkit.dev/verdict': 'not-compliant',
      'havenkit.dev/snapshot-sha256': demoSnapshot().sha256,
      'havenkit.dev/cluster-id': demoReport.metadata.snapshot.clusterId,
      'havenkit.dev/started-at': context.startTs,
      'havenkit.dev/stopped-at': context.stopTs,
    });
    expect(out).not.toHaveProperty('scope');
    expect(out).not.toHaveProperty('source');
    expect(out.results.map((r) => r.rule)).toEqual(
      [...demoReport.results, ...demoReport.suggested].map((r) => r.name),
    );
    for (const r of out.results) {
      expect(r.properties.snapshotSha256).toBe(demoSnapshot().sha256);
      for (const value of Object.values(r.properties)) expect(typeof value).toBe('string');
    }
  });

  it("counts the mandatory results exactly as the report's summary, and the suggested ones on top", () => {
    const out = toPolicyReport(demoReport, context);
    const { passed, failed, skipped, unknown } = demoReport.summary;
    const suggested = (value: PolicyResultValue) =>
      demoReport.suggested.filter((r) => policyResultOf(r) === value).length;
    expect(out.summary).toEqual({
      pass: passed + suggested('pass'),
      fail: failed,
      warn: suggested('warn'),
      error: unknown + suggested('error'),
      skip: skipped + suggested('skip'),
    });
    const mandatoryOnly = toPolicyReport({ ...demoReport, suggested: [] }, context);
    expect(mandatoryOnly.summary).toEqual({
      pass: passed,
      fail: failed,
      warn: 0,
      error: unknown,
      skip: skipped,
    });
    const tally = (value: PolicyResultValue) => out.results.filter((r) => r.result === value).length;
    expect(out.summary).toEqual({
      pass: tally('pass'),
      fail: tally('fail'),
      warn: tally('warn'),
      error: tally('error'),
      skip: tally('skip'),
    });
  });

  it('keeps a waived failure a fail, with the waiver in the properties', () => {
    const waived = applyWaivers(
      demoReport,
      waiverList(
        demoWaiver({
          reason: 'Public IP until the NAT gateway migration',
          owner: 'platform-team',
          ticket: 'OPS-1234',
        }),
      ),
      WAIVERS_SHA256,
    );
    const out = toPolicyReport(waived, context);
    const privatenetworking = out.results.find((r) => r.rule === 'privatenetworking');
    expect(privatenetworking?.result).toBe('fail');
    expect(privatenetworking?.properties).toMatchObject({
      outcome: 'fail',
      waived: 'true',
      waiverOwner: 'platform-team',
      waiverTicket: 'OPS-1234',
      waiverExpires: '2026-12-31',
      waiverReason: 'Public IP until the NAT gateway migration',
    });
    expect(out.summary.fail).toBe(waived.summary.failed);
    expect(out.metadata.labels['havenkit.dev/verdict']).toBe('not-compliant');
    expect(out.metadata.annotations).toMatchObject({
      'havenkit.dev/verdict-with-waivers': 'inconclusive',
      'havenkit.dev/waivers-sha256': 'a'.repeat(64),
    });
    expect(out.results.filter((r) => r.properties.waived !== undefined)).toHaveLength(1);
  });

  it('references the offending API objects and names the pseudo-kinds in the properties only', () => {
    const r = result({
      outcome: 'fail',
      evidence: [
        { kind: 'Node', name: 'worker-1', fields: { 'status.addresses.InternalIP': '10.0.0.1' } },
        {
          kind: 'Node',
          name: 'worker-3',
          fields: { 'status.addresses.ExternalIP': '51.68.142.37' },
          offending: true,
        },
        { kind: 'Pod', name: 'p', namespace: 'logging', fields: { ready: false }, offending: true },
        { kind: 'Version', name: 'server', fields: { minor: '1.30' }, offending: true },
      ],
    });
    const [written] = toPolicyReport(reportWith([r]), context).results;
    expect(written?.resources).toEqual([
      { apiVersion: 'v1', kind: 'Node', name: 'worker-3' },
      { apiVersion: 'v1', kind: 'Pod', name: 'p', namespace: 'logging' },
    ]);
    expect(written?.properties).toMatchObject({
      evidenceCount: '4',
      offending:
        'Node worker-3 (status.addresses.ExternalIP=51.68.142.37); Pod logging/p (ready=false); Version server (minor=1.30)',
    });
    const [clean] = toPolicyReport(reportWith([result()]), context).results;
    expect(clean).not.toHaveProperty('resources');
    expect(clean?.properties).not.toHaveProperty('offending');
  });

  it('writes the messages in Dutch with language nl', () => {
    const report = reportWith([result({ outcome: 'fail' })], [result({ name: 'cis', mandatory: false })]);
    const out = toPolicyReport(report, { ...context, language: 'nl' });
    expect(out.results.map((r) => r.message)).toEqual(['Een Nederlandse reden.', 'Een Nederlandse reden.']);
    const demoNl = toPolicyReport(demoReport, { ...context, language: 'nl' });
    expect(demoNl.results.map((r) => r.message)).toEqual(
      [...demoReport.results, ...demoReport.suggested].map((r) => r.reason.nl),
    );
  });

  it('puts what to do about the failed and the unknown check in their properties, as plain text', () => {
    const out = toPolicyReport(demoReport, context);
    const all = [...demoReport.results, ...demoReport.suggested];
    expect(out.results.map((written) => [written.rule, written.properties.remediation])).toEqual(
      all.map((r) => [
        r.name,
        r.remediation === undefined ? undefined : remediationPlainText(r.remediation.en),
      ]),
    );
    const failed = out.results.find((r) => r.rule === 'privatenetworking');
    expect(failed?.properties.remediation).toMatch(
      /^Give the nodes named in the evidence private addresses only/,
    );
    expect(failed?.properties.remediation).toContain('\n\n    kubectl get nodes -o wide');
    expect(out.results.find((r) => r.rule === 'shavalidation')?.properties.remediation).toMatch(
      /^The evaluation was given no integrity result/,
    );
    expect(out.results.filter((r) => r.properties.remediation !== undefined).map((r) => r.rule)).toEqual([
      'privatenetworking',
      'shavalidation',
    ]);
  });

  it('writes what to do in Dutch with language nl, and keeps the message the short reason', () => {
    const out = toPolicyReport(demoReport, { ...context, language: 'nl' });
    const failed = out.results.find((r) => r.rule === 'privatenetworking');
    expect(failed?.properties.remediation).toMatch(
      /^Geef de nodes die het bewijs noemt alleen privé-adressen/,
    );
    expect(failed?.message).toBe(demoReport.results.find((r) => r.name === 'privatenetworking')?.reason.nl);
  });

  it('writes the OpenReports ClusterReport with the same content', () => {
    const wg = toPolicyReport(demoReport, context);
    const open = toPolicyReport(demoReport, { ...context, openReports: true });
    expect(open.apiVersion).toBe(OPEN_REPORTS_API_VERSION);
    expect(open.apiVersion).toBe('openreports.io/v1alpha1');
    expect(open.kind).toBe(OPEN_REPORTS_KIND);
    expect(open.kind).toBe('ClusterReport');
    expect(open.source).toBe('havenkit');
    const { apiVersion: _a, kind: _k, source: _s, ...openRest } = open;
    const { apiVersion: _wa, kind: _wk, ...wgRest } = wg;
    expect(openRest).toEqual(wgRest);
  });

  it('rejects a stop time that is not RFC 3339', () => {
    expect(() => toPolicyReport(demoReport, { ...context, stopTs: 'yesterday' })).toThrow(InputError);
  });
});

describe('toTimestamp', () => {
  it.each([
    ['2026-11-01T09:00:04Z', STOP_SECONDS, 0],
    ['2026-11-01T09:00:04.5Z', STOP_SECONDS, 500_000_000],
    ['2026-11-01T09:00:04.123456789Z', STOP_SECONDS, 123_456_789],
    ['2026-11-01T09:00:04.1234567891Z', STOP_SECONDS, 123_456_789],
    ['2026-11-01T10:00:04+01:00', STOP_SECONDS, 0],
    ['2026-11-01t09:00:04.250z', STOP_SECONDS, 250_000_000],
  ])('%s → %d s %d ns', (ts, seconds, nanos) => {
    expect(toTimestamp(ts)).toEqual({ seconds, nanos });
  });

  it.each(['2026-11-01', '2026-11-01 09:00:04Z', '2026-13-01T09:00:04Z', ''])('rejects %j', (ts) => {
    expect(() => toTimestamp(ts)).toThrow(/not an RFC 3339 timestamp/);
  });
});

describe('policyReportName', () => {
  it.each([
    ['v12.8.0', 'havenkit-haven-v12'],
    ['12.1', 'havenkit-haven-v12'],
    ['v13', 'havenkit-haven-v13'],
    ['Next_Release!', 'havenkit-haven-next-release'],
    ['', 'havenkit-haven-unknown'],
  ])('%j → %s', (version, name) => {
    expect(policyReportName(version)).toBe(name);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});

describe('renderPolicyReport', () => {
  it('is deterministic: the same report and context give the same bytes', () => {
    const first = renderPolicyReport(demoReport, context);
    expect(renderPolicyReport(structuredClone(demoReport), { ...context })).toBe(first);
    expect(first).toMatch(/^apiVersion: wgpolicyk8s\.io\/v1alpha2\nkind: ClusterPolicyReport\nmetadata:\n/);
    expect(renderPolicyReport(demoReport, { ...context, stopTs: '2026-11-01T09:00:05Z' })).not.toBe(first);
  });

  it('is YAML that reads back (YAML 1.1 dates and booleans quoted) as the object', () => {
    const r = result({
      outcome: 'fail',
      waived: { index: 0, owner: 'yes', ticket: 'true', expires: '2026-12-31', reason: '1.30' },
    });
    const report = reportWith([r]);
    const text = renderPolicyReport(report, context);
    expect(yaml.load(text)).toEqual(toPolicyReport(report, context));
    expect(text).toContain("waiverExpires: '2026-12-31'");
    expect(text).toContain("waiverOwner: 'yes'");
    expect(text).toContain("waiverTicket: 'true'");
    expect(yaml.load(renderPolicyReport(demoReport, context))).toEqual(toPolicyReport(demoReport, context));
  });

  it('is registered as the policyreport format, honouring openReports', () => {
    const format = reportFormat('policyreport');
    expect(format?.fileName).toBe('policyreport.yaml');
    expect(format?.render(demoReport, context)).toBe(renderPolicyReport(demoReport, context));
    expect(format?.render(demoReport, { ...context, openReports: true })).toBe(
      renderPolicyReport(demoReport, { ...context, openReports: true }),
    );
    expect(format?.render(demoReport, { ...context, openReports: true })).toMatch(
      /^apiVersion: openreports\.io\/v1alpha1\nkind: ClusterReport\n/,
    );
  });
});

// Appended apart from the fixtures above (which are being moved to the shared ones): a namespace
// import, so that these tests name nothing the header imports or declares.

describe('toPolicyReport: every waiver is listed, inactive ones as such', () => {
  const ctx = { language: 'en', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:04Z' } as const;
  const expired = demoWaiver({ ticket: 'GEM-1100', expires: '2026-06-30' });
  const otherCluster = demoWaiver({
    ticket: 'GEM-1200',
    scope: { clusterId: 'another-cluster' },
  });

  it('summarizes an expired and an out-of-scope waiver in an annotation and marks the check', () => {
    const report = waivedDemoReport(
      expired,
      otherCluster,
      demoWaiver({ check: 'multiaz', ticket: 'GEM-1300' }),
    );
    const out = toPolicyReport(report, ctx);
    expect(out.metadata.annotations['havenkit.dev/waivers']).toBe(
      'privatenetworking: expired (GEM-1100, 2026-06-30); privatenetworking: out-of-scope (GEM-1200, 2026-12-31); multiaz: not-needed (GEM-1300, 2026-12-31)',
    );
    const privatenetworking = out.results.find((r) => r.rule === 'privatenetworking');
    expect(privatenetworking?.result).toBe('fail');
    expect(privatenetworking?.properties.waiverStatus).toBe('expired, out-of-scope');
    expect(privatenetworking?.properties).not.toHaveProperty('waived');
    // A waiver that is not needed (multiaz passed) marks nothing; nor does a check without waivers.
    expect(out.results.filter((r) => r.properties.waiverStatus !== undefined).map((r) => r.rule)).toEqual([
      'privatenetworking',
    ]);
  });

  it('gives each inactive status on its own, and none next to an applied waiver', () => {
    const expiredOnly = toPolicyReport(waivedDemoReport(expired), ctx);
    expect(expiredOnly.results.find((r) => r.rule === 'privatenetworking')?.properties.waiverStatus).toBe(
      'expired',
    );
    const outOfScopeOnly = toPolicyReport(waivedDemoReport(otherCluster), ctx);
    expect(outOfScopeOnly.metadata.annotations['havenkit.dev/waivers']).toBe(
      'privatenetworking: out-of-scope (GEM-1200, 2026-12-31)',
    );
    expect(outOfScopeOnly.results.find((r) => r.rule === 'privatenetworking')?.properties.waiverStatus).toBe(
      'out-of-scope',
    );
    const applied = toPolicyReport(waivedDemoReport(expired, demoWaiver()), ctx);
    expect(applied.metadata.annotations['havenkit.dev/waivers']).toBe(
      'privatenetworking: expired (GEM-1100, 2026-06-30); privatenetworking: applied (GEM-1234, 2026-12-31)',
    );
    const waivedResult = applied.results.find((r) => r.rule === 'privatenetworking');
    expect(waivedResult?.properties).toMatchObject({ waived: 'true', waiverTicket: 'GEM-1234' });
    expect(waivedResult?.properties).not.toHaveProperty('waiverStatus');
  });

  it('writes no waivers annotation without a waivers file, and the same counts with one', () => {
    const plain = toPolicyReport(makeDemoReport(), ctx);
    expect(plain.metadata.annotations).not.toHaveProperty('havenkit.dev/waivers');
    const listed = toPolicyReport(waivedDemoReport(expired, otherCluster), ctx);
    expect(listed.summary).toEqual(plain.summary);
  });

  it('keeps the annotation and properties strings in the YAML', () => {
    const text = renderPolicyReport(waivedDemoReport(expired, otherCluster), ctx);
    const back = yaml.load(text) as {
      metadata: { annotations: Record<string, unknown> };
      results: { rule: string; properties: Record<string, unknown> }[];
    };
    expect(back.metadata.annotations['havenkit.dev/waivers']).toBe(
      'privatenetworking: expired (GEM-1100, 2026-06-30); privatenetworking: out-of-scope (GEM-1200, 2026-12-31)',
    );
    for (const value of Object.values(back.metadata.annotations)) expect(typeof value).toBe('string');
    expect(back.results.find((r) => r.rule === 'privatenetworking')?.properties.waiverStatus).toBe(
      'expired, out-of-scope',
    );
  });
});
