import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { complianceDir } from '../paths.js';
import type { Evidence, ComplianceReport, ReportResult } from '@havenkit/model';
import {
  DEMO_CLUSTER_ID,
  WAIVERS_SHA256,
  demoReport,
  demoWaiver,
  waiverList,
  waivedDemoReport,
} from '../testing/reports.js';
import { applyWaivers } from '../waivers/apply.js';
import { reportFormat } from './formats.js';
import { SARIF_MAX_LOCATIONS, renderSarif, type SarifContext } from './sarif.js';

const root = join(complianceDir(), '..');
const CLUSTER_ID = DEMO_CLUSTER_ID;
const context = { language: 'en', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:02Z' } as const;

/** The demo: privatenetworking fails, shavalidation is unknown, havenversion, cis and kubescape skip. */
const demo = demoReport({ unverifiedToolkit: true });
const waived = applyWaivers(
  demo,
  waiverList(
    demoWaiver({ reason: 'Bastion node, replaced by a VPN', owner: 'platform-team', ticket: 'OPS-1234' }),
  ),
  WAIVERS_SHA256,
);
const inconclusive = demoReport({
  unverifiedToolkit: true,
  only: ['multiaz', 'havenversion', 'shavalidation'],
});

// The official schema (test/fixtures/sarif/README.md). Its header names draft 2020-12, but it is
// written in draft-07 (`definitions`), so it is compiled as draft-07 without that header.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const formatsModule = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formatsModule.default ?? formatsModule;
const schemaPath = join(root, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
const { $schema: _header, ...sarifSchema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<
  string,
  unknown
>;
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(text: string): Log {
  const log = JSON.parse(text) as Log;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

const sarif = (report: ComplianceReport, options: Partial<SarifContext> = {}) =>
  JSON.parse(renderSarif(report, { ...context, ...options })) as Log;
const run = (log: Log) => log.runs[0]!;
const resultOf = (log: Log, name: string): Result | undefined =>
  run(log).results?.find((r) => r.ruleId === name);
const checks = (report: ComplianceReport) => [...report.results, ...report.suggested];

/** The demo report with one result replaced. */
function withResult(name: string, change: Partial<ReportResult>): ComplianceReport {
  return { ...demo, results: demo.results.map((r) => (r.name === name ? { ...r, ...change } : r)) };
}

describe('renderSarif', () => {
  it('is valid against the SARIF 2.1.0 schema for the demo report', () => {
    expect(demo.verdict).toBe('not-compliant');
    expectValidSarif(renderSarif(demo, context));
  });

  it('is valid against the SARIF 2.1.0 schema for a report with a waived failure', () => {
    expect(waived.verdictWithWaivers).toBe('inconclusive');
    expectValidSarif(renderSarif(waived, context));
  });

  it('is valid against the SARIF 2.1.0 schema for an inconclusive report, passes included', () => {
    expect(inconclusive.verdict).toBe('inconclusive');
    expectValidSarif(renderSarif(inconclusive, { ...context, sarifIncludePasses: true }));
  });

  it('the schema check rejects a log that breaks SARIF (a result level that does not exist)', () => {
    const log = sarif(demo);
    run(log).results![0]!.level = 'fatal' as Result.level;
    expect(validateSarif(log)).toBe(false);
  });

  it('declares the schema, version 2.1.0 and one run by havenkit with the run times', () => {
    const log = sarif(demo);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run(log).tool.driver).toMatchObject({
      name: 'havenkit',
      version: demo.metadata.checker.version,
      informationUri: 'https://havenkit.dev',
    });
    expect(run(log).invocations).toEqual([
      { executionSuccessful: true, startTimeUtc: context.startTs, endTimeUtc: context.stopTs },
    ]);
    expect(run(log).properties).toMatchObject({ verdict: 'not-compliant', havenVersion: 'v12.8.0' });
  });

  it('has one rule per check whose id is exactly the check name, and results point at their rule', () => {
    const log = sarif(demo);
    const rules = run(log).tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(checks(demo).map((r) => r.name));
    for (const result of run(log).results ?? []) {
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
    }
  });

  it('describes a rule by the label, the rationale in the language and the category', () => {
    const rule = run(sarif(demo)).tool.driver.rules?.find((r) => r.id === 'privatenetworking');
    const check = demo.results.find((r) => r.name === 'privatenetworking')!;
    expect(rule).toMatchObject({
      name: 'PrivateNetworkingTopology',
      shortDescription: { text: 'Private networking topology' },
      fullDescription: { text: check.rationale.en },
      help: { text: check.rationale.en },
      properties: { category: 'Infrastructure', mandatory: true },
    });
  });

  it('reports a failure as level error, an unknown as warning and a skip as notApplicable, level none', () => {
    const log = sarif(demo);
    expect(resultOf(log, 'privatenetworking')).toMatchObject({ kind: 'fail', level: 'error' });
    expect(resultOf(log, 'shavalidation')).toMatchObject({ kind: 'fail', level: 'warning' });
    expect(resultOf(log, 'shavalidation')?.message.text).toMatch(/\(cause: not collected\)$/);
    expect(resultOf(log, 'havenversion')).toMatchObject({ kind: 'notApplicable', level: 'none' });
    expect(resultOf(log, 'cis')).toMatchObject({ kind: 'notApplicable', level: 'none' });
  });

  it('leaves passes out by default', () => {
    const results = run(sarif(demo)).results ?? [];
    expect(results.map((r) => r.ruleId)).toEqual(
      checks(demo)
        .filter((r) => r.outcome !== 'pass')
        .map((r) => r.name),
    );
    expect(results.some((r) => r.kind === 'pass')).toBe(false);
  });

  it('includes passes as kind pass, level none when sarifIncludePasses is true', () => {
    const log = sarif(demo, { sarifIncludePasses: true });
    expect(run(log).results).toHaveLength(checks(demo).length);
    expect(resultOf(log, 'multiaz')).toMatchObject({ kind: 'pass', level: 'none' });
  });

  it('suppresses a waived failure with an accepted external suppression that names the waiver', () => {
    const log = sarif(waived);
    expect(resultOf(log, 'privatenetworking')).toMatchObject({
      kind: 'fail',
      level: 'error',
      suppressions: [
        {
          kind: 'external',
          status: 'accepted',
          justification:
            'Bastion node, replaced by a VPN (owner: platform-team; ticket: OPS-1234; expires: 2026-12-31)',
        },
      ],
    });
    expect(resultOf(sarif(demo), 'privatenetworking')?.suppressions).toBeUndefined();
  });

  it('locates a result at its offending objects as Kind/namespace/name', () => {
    const evidence: Evidence[] = [
      {
        kind: 'Pod',
        namespace: 'web',
        name: 'shop-1',
        fields: { 'spec.hostNetwork': true },
        offending: true,
      },
      { kind: 'Pod', namespace: 'web', name: 'shop-2', fields: { 'spec.hostNetwork': false } },
      {
        kind: 'Node',
        name: 'haven-worker-3',
        fields: {},
        offending: true,
        note: { en: 'public', nl: 'publiek' },
      },
    ];
    const log = sarif(withResult('privatenetworking', { evidence }));
    expect(resultOf(log, 'privatenetworking')?.locations).toEqual([
      {
        logicalLocations: [
          {
            kind: 'resource',
            name: 'shop-1',
            fullyQualifiedName: 'Pod/web/shop-1',
            properties: {
              kubernetesKind: 'Pod',
              namespace: 'web',
              fields: { 'spec.hostNetwork': true },
              offending: true,
            },
          },
          {
            kind: 'resource',
            name: 'haven-worker-3',
            fullyQualifiedName: 'Node/haven-worker-3',
            properties: { kubernetesKind: 'Node', fields: {}, offending: true, note: 'public' },
          },
        ],
      },
    ]);
  });

  it('locates a result at all its evidence when none is offending, at most 20, and counts the rest', () => {
    const evidence: Evidence[] = Array.from({ length: 25 }, (_, i) => ({
      kind: 'Node',
      name: `n${i}`,
      fields: {},
    }));
    const result = resultOf(sarif(withResult('privatenetworking', { evidence })), 'privatenetworking');
    const locations = result?.locations?.[0]?.logicalLocations ?? [];
    expect(locations).toHaveLength(SARIF_MAX_LOCATIONS);
    expect(locations[0]?.fullyQualifiedName).toBe('Node/n0');
    expect(result?.properties).toMatchObject({ evidenceCount: 25, locationsOmitted: 5 });
  });

  it('locates a result without evidence at the cluster', () => {
    expect(resultOf(sarif(demo), 'shavalidation')?.locations).toEqual([
      {
        logicalLocations: [
          { kind: 'resource', name: CLUSTER_ID, fullyQualifiedName: `Cluster/${CLUSTER_ID}` },
        ],
      },
    ]);
  });

  it('writes messages, descriptions and the justification in Dutch when the language is nl', () => {
    const log = sarif(waived, { language: 'nl' });
    const check = demo.results.find((r) => r.name === 'privatenetworking')!;
    expect(run(log).language).toBe('nl');
    expect(run(log).tool.driver.rules?.find((r) => r.id === 'privatenetworking')?.fullDescription?.text).toBe(
      check.rationale.nl,
    );
    expect(resultOf(log, 'shavalidation')?.message.text).toMatch(/\(oorzaak: niet verzameld\)$/);
    expect(resultOf(log, 'privatenetworking')?.suppressions?.[0]?.justification).toBe(
      'Bastion node, replaced by a VPN (eigenaar: platform-team; ticket: OPS-1234; verloopt: 2026-12-31)',
    );
    expectValidSarif(renderSarif(waived, { ...context, language: 'nl' }));
  });

  it('is registered as the sarif format, written to report.sarif, passes only when asked', () => {
    const format = reportFormat('sarif');
    expect(format?.fileName).toBe('report.sarif');
    expect(format?.render(demo, context)).toBe(renderSarif(demo, context));
    const withPasses = JSON.parse(format!.render(demo, { ...context, sarifIncludePasses: true })) as Log;
    expect(run(withPasses).results).toHaveLength(checks(demo).length);
  });
});

// Appended apart from the fixtures above (which are being moved to the shared ones): a namespace
// import, so that these tests name nothing the header imports or declares.

describe('renderSarif: waivers listed, suggested failures as warnings', () => {
  const ctx = { language: 'en', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:02Z' } as const;
  /** 0 expired, 1 for another cluster (both privatenetworking), 2 applied. */
  const report = waivedDemoReport(
    demoWaiver({ ticket: 'GEM-1100', expires: '2026-06-30' }),
    demoWaiver({ ticket: 'GEM-1200', scope: { clusterId: 'another-cluster' } }),
    demoWaiver(),
  );
  const render = (r: ComplianceReport, options: Partial<SarifContext> = {}) =>
    expectValidSarif(renderSarif(r, { ...ctx, ...options }));
  const sarifResult = (log: Log, name: string) => log.runs[0]!.results?.find((r) => r.ruleId === name);

  it('lists every waiver with its status and detail in the run properties', () => {
    const log = render(report);
    expect(log.runs[0]!.properties).toMatchObject({
      waiversSha256: 'a'.repeat(64),
      waiversAsOf: '2026-11-01',
    });
    expect(log.runs[0]!.properties?.waivers).toEqual([
      {
        index: 0,
        check: 'privatenetworking',
        status: 'expired',
        statusText: 'expired, no effect',
        detail: 'expired on 2026-06-30, before the snapshot of 2026-11-01',
        owner: 'platform-team@gemeente-voorbeeld.nl',
        ticket: 'GEM-1100',
        expires: '2026-06-30',
        reason: 'Bastion node keeps its public IP until the VPN is in place',
        scope: { clusterId: DEMO_CLUSTER_ID },
      },
      {
        index: 1,
        check: 'privatenetworking',
        status: 'out-of-scope',
        statusText: 'out of scope, no effect',
        detail: `for cluster another-cluster; this is ${DEMO_CLUSTER_ID}`,
        owner: 'platform-team@gemeente-voorbeeld.nl',
        ticket: 'GEM-1200',
        expires: '2026-12-31',
        reason: 'Bastion node keeps its public IP until the VPN is in place',
        scope: { clusterId: 'another-cluster' },
      },
      expect.objectContaining({ index: 2, status: 'applied', ticket: 'GEM-1234' }),
    ]);
    expect(sarifResult(log, 'privatenetworking')?.suppressions?.[0]?.properties).toMatchObject({ waiver: 2 });
  });

  it('lists inactive waivers when none applied, and leaves the failure unsuppressed', () => {
    const inactive = waivedDemoReport(
      demoWaiver({ ticket: 'GEM-1100', expires: '2026-06-30' }),
      demoWaiver({ ticket: 'GEM-1200', scope: { clusterId: 'another-cluster' } }),
    );
    const log = render(inactive);
    const waivers = log.runs[0]!.properties?.waivers as { status: string; ticket: string }[];
    expect(waivers.map((w) => [w.ticket, w.status])).toEqual([
      ['GEM-1100', 'expired'],
      ['GEM-1200', 'out-of-scope'],
    ]);
    expect(sarifResult(log, 'privatenetworking')?.suppressions).toBeUndefined();
    expect(sarifResult(log, 'privatenetworking')?.level).toBe('error');
  });

  it('writes the waiver status and detail in Dutch when the language is nl', () => {
    const waivers = render(report, { language: 'nl' }).runs[0]!.properties?.waivers as Record<
      string,
      unknown
    >[];
    expect(waivers[0]).toMatchObject({
      status: 'expired',
      statusText: 'verlopen, geen effect',
      detail: 'verlopen op 2026-06-30, vóór de snapshot van 2026-11-01',
    });
    expect(waivers[1]).toMatchObject({ status: 'out-of-scope', statusText: 'buiten bereik, geen effect' });
  });

  it('has no waivers property without a waivers file', () => {
    expect(render(demoReport()).runs[0]!.properties).not.toHaveProperty('waivers');
  });

  it('reports a failed suggested check as a warning, its rule defaulting to warning', () => {
    const base = demoReport();
    const failing = {
      ...base,
      suggested: base.suggested.map((r) =>
        r.name === 'cis'
          ? { ...r, outcome: 'fail' as const, reason: { en: 'CIS fails.', nl: 'CIS voldoet niet.' } }
          : r,
      ),
    };
    const log = render(failing);
    expect(sarifResult(log, 'cis')).toMatchObject({ kind: 'fail', level: 'warning' });
    expect(sarifResult(log, 'privatenetworking')).toMatchObject({ kind: 'fail', level: 'error' });
    const rules = log.runs[0]!.tool.driver.rules ?? [];
    for (const rule of rules) {
      const mandatory = (rule.properties as { mandatory: boolean }).mandatory;
      expect(rule.defaultConfiguration?.level).toBe(mandatory ? 'error' : 'warning');
    }
    expect(rules.find((r) => r.id === 'cis')?.defaultConfiguration?.level).toBe('warning');
    expect(rules.find((r) => r.id === 'privatenetworking')?.defaultConfiguration?.level).toBe('error');
  });

  it('keeps a waived suggested failure a warning, suppressed', () => {
    const base = waivedDemoReport(demoWaiver({ check: 'cis' }));
    const failing = {
      ...base,
      suggested: base.suggested.map((r) =>
        r.name === 'cis'
          ? {
              ...r,
              outcome: 'fail' as const,
              waived: { index: 0, owner: 'o', ticket: 'T-1', expires: '2026-12-31', reason: 'r' },
            }
          : r,
      ),
    };
    expect(sarifResult(render(failing), 'cis')).toMatchObject({
      level: 'warning',
      suppressions: [{ kind: 'external', status: 'accepted' }],
    });
  });
});
