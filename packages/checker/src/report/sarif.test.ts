import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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
import { SARIF_ARTIFACT_ROOT, SARIF_MAX_LOCATIONS, renderSarif, type SarifContext } from './sarif.js';
import { escapeMarkdown, remediationMarkdown } from './markdown.js';
import { remediationPlainText } from '../remediation-text.js';

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
      properties: { category: 'Infrastructure', mandatory: true },
    });
  });

  it('gives the rule of a passed check its rationale as help, and no what to do', () => {
    const rule = run(sarif(demo)).tool.driver.rules?.find((r) => r.id === 'multiaz');
    const check = demo.results.find((r) => r.name === 'multiaz')!;
    expect(rule?.help).toEqual({ text: check.rationale.en });
  });

  it.each([
    ['failed', 'privatenetworking'],
    ['was unknown', 'shavalidation'],
  ])('gives the rule of a check that %s (%s) what to do, in help.text and help.markdown', (_, name) => {
    const rule = run(sarif(demo)).tool.driver.rules?.find((r) => r.id === name);
    const check = checks(demo).find((r) => r.name === name)!;
    const remediation = check.remediation?.en ?? '';
    expect(remediation).not.toBe('');
    expect(rule?.help).toEqual({
      text: `${check.rationale.en}\n\nWhat to do:\n${remediationPlainText(remediation)}`,
      markdown: `${escapeMarkdown(check.rationale.en)}\n\n**What to do**\n\n${remediationMarkdown(remediation)}`,
    });
  });

  it('writes what to do in Dutch when the language is nl', () => {
    const rule = run(sarif(demo, { language: 'nl' })).tool.driver.rules?.find(
      (r) => r.id === 'privatenetworking',
    );
    expect(rule?.help?.markdown).toContain('**Wat te doen**\n\nGeef de nodes die het bewijs noemt');
    expect(rule?.help?.markdown).toContain('\n```\nkubectl get nodes -o wide\n```');
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
    expect(resultOf(log, 'privatenetworking')?.locations?.map((l) => l.logicalLocations)).toEqual([
      [
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
    expect(resultOf(sarif(demo), 'shavalidation')?.locations?.map((l) => l.logicalLocations)).toEqual([
      [{ kind: 'resource', name: CLUSTER_ID, fullyQualifiedName: `Cluster/${CLUSTER_ID}` }],
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
      'Bastion node, replaced by a VPN (eigenaar: platform-team; ticket: OPS-1234; verloopt: 31 december 2026)',
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
      detail: 'verlopen op 30 juni 2026, vóór de snapshot van 1 november 2026',
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

// GitHub code scanning's documented requirements for an uploaded SARIF file: "SARIF support for
// code scanning" (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning;
// github/docs content/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning.md
// and its limits table data/reusables/code-scanning/sarif-limits.md, read 2026-12-01). "You must
// supply an explicit value for any property marked as required. The empty string is not supported."
const GITHUB = {
  maxGzipBytes: 10 * 1024 * 1024, // "a maximum size of 10 MB" per gzip-compressed file
  maxRuns: 20,
  maxRules: 25_000,
  shownResults: 5_000, // 25,000 are accepted, "only the top 5,000 results will be included"
  maxLocations: 10, // result.locations: "up to a maximum of 10"; GitHub uses only the first
  maxTags: 20, // tags per rule (10 are shown)
  maxRuleName: 255,
  maxDescription: 1024, // shortDescription.text and fullDescription.text
  levels: ['note', 'warning', 'error'], // defaultConfiguration.level
};

/** What a SARIF file breaks of GitHub's requirements, as "where: what"; empty when it fits. */
function githubProblems(text: string): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, where: string, what: string) => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  const filled = (v: unknown) => typeof v === 'string' && v.length > 0;
  const log = JSON.parse(text) as Log;
  need(gzipSync(text).length <= GITHUB.maxGzipBytes, 'file', 'over 10 MB gzip-compressed');
  need(filled(log.$schema), '$schema', 'required');
  need(log.version === '2.1.0', 'version', 'must be 2.1.0');
  need(Array.isArray(log.runs) && log.runs.length >= 1, 'runs', 'one or more required');
  need((log.runs ?? []).length <= GITHUB.maxRuns, 'runs', `more than ${GITHUB.maxRuns}`);
  (log.runs ?? []).forEach((run, i) => {
    const at = `runs[${i}]`;
    const driver = run.tool?.driver;
    need(filled(driver?.name), `${at}.tool.driver.name`, 'required');
    const rules = driver?.rules;
    need(Array.isArray(rules), `${at}.tool.driver.rules`, 'required');
    need((rules ?? []).length <= GITHUB.maxRules, `${at}.tool.driver.rules`, 'too many');
    (rules ?? []).forEach((rule, j) => {
      const r = `${at}.tool.driver.rules[${j}]`;
      need(filled(rule.id), `${r}.id`, 'required');
      need(rule.name === undefined || rule.name.length <= GITHUB.maxRuleName, `${r}.name`, 'too long');
      for (const key of ['shortDescription', 'fullDescription'] as const) {
        const t = rule[key]?.text;
        need(filled(t), `${r}.${key}.text`, 'required');
        need((t ?? '').length <= GITHUB.maxDescription, `${r}.${key}.text`, 'over 1024 characters');
      }
      need(filled(rule.help?.text), `${r}.help.text`, 'required');
      const level = rule.defaultConfiguration?.level;
      need(
        level === undefined || GITHUB.levels.includes(level),
        `${r}.defaultConfiguration.level`,
        'invalid',
      );
      const tags = (rule.properties?.tags ?? []) as unknown[];
      need(tags.length <= GITHUB.maxTags, `${r}.properties.tags`, 'more than 20');
    });
    const ids = (rules ?? []).map((rule) => rule.id);
    need(new Set(ids).size === ids.length, `${at}.tool.driver.rules`, 'ids not unique');
    need(Array.isArray(run.results), `${at}.results`, 'required');
    need((run.results ?? []).length <= GITHUB.shownResults, `${at}.results`, 'more than GitHub shows');
    (run.results ?? []).forEach((result, j) => {
      const r = `${at}.results[${j}]`;
      need(ids.includes(result.ruleId ?? ''), `${r}.ruleId`, 'names no rule');
      if (result.ruleIndex !== undefined) {
        need(ids[result.ruleIndex] === result.ruleId, `${r}.ruleIndex`, 'points at another rule');
      }
      need(filled(result.message?.text), `${r}.message.text`, 'required');
      const locations = result.locations ?? [];
      need(locations.length >= 1, `${r}.locations`, 'at least one required');
      need(locations.length <= GITHUB.maxLocations, `${r}.locations`, 'more than 10');
      locations.forEach((location, k) => {
        const l = `${r}.locations[${k}].physicalLocation`;
        const uri = location.physicalLocation?.artifactLocation?.uri;
        need(filled(uri), `${l}.artifactLocation.uri`, 'required');
        // An absolute URI must have the scheme of the checkout root (file://), else the upload is rejected.
        need(!/^[a-z][a-z0-9+.-]*:/i.test(uri ?? ''), `${l}.artifactLocation.uri`, 'not relative');
        const region = location.physicalLocation?.region as Record<string, unknown> | undefined;
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
          const v = region?.[key];
          need(Number.isInteger(v) && (v as number) >= 1, `${l}.region.${key}`, 'required');
        }
      });
      need(
        filled(result.partialFingerprints?.primaryLocationLineHash),
        `${r}.partialFingerprints`,
        'required',
      );
    });
  });
  return problems;
}

describe('renderSarif for GitHub code scanning', () => {
  const fingerprintsOf = (log: Log) =>
    Object.fromEntries(
      (run(log).results ?? []).map((r) => [r.ruleId, r.partialFingerprints?.primaryLocationLineHash]),
    );

  it.each([
    ['the demo report', () => renderSarif(demo, context)],
    ['a report with a waived failure', () => renderSarif(waived, context)],
    [
      'an inconclusive report, passes included',
      () => renderSarif(inconclusive, { ...context, sarifIncludePasses: true }),
    ],
    ['a report in Dutch', () => renderSarif(waived, { ...context, language: 'nl' })],
  ])('meets GitHub code scanning’s documented requirements for %s', (_name, render) => {
    expect(githubProblems(render())).toEqual([]);
  });

  it('the requirements check finds a result without a physical location, fingerprint or message', () => {
    const log = sarif(demo);
    const [first, second, third] = run(log).results!;
    delete first!.locations![0]!.physicalLocation;
    delete second!.partialFingerprints;
    third!.message = { text: '' };
    third!.locations = Array.from({ length: 11 }, () => third!.locations![0]!);
    run(log).tool.driver.rules![0]!.shortDescription = { text: '' };
    expect(githubProblems(JSON.stringify(log))).toEqual(
      expect.arrayContaining([
        'runs[0].tool.driver.rules[0].shortDescription.text: required',
        'runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri: required',
        'runs[0].results[0].locations[0].physicalLocation.region.startLine: required',
        'runs[0].results[1].partialFingerprints: required',
        'runs[0].results[2].message.text: required',
        'runs[0].results[2].locations: more than 10',
      ]),
    );
  });

  it('locates every result at the cluster, as a relative artifact on line 1, with its objects', () => {
    for (const result of run(sarif(demo, { sarifIncludePasses: true })).results ?? []) {
      expect(result.locations).toHaveLength(1);
      expect(result.locations![0]!.physicalLocation).toEqual({
        artifactLocation: { uri: `${SARIF_ARTIFACT_ROOT}/${CLUSTER_ID}` },
        region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      });
      expect(result.locations![0]!.logicalLocations?.length).toBeGreaterThan(0);
    }
  });

  it('names a cluster without an id by its API server, encoded as one path segment', () => {
    const { clusterId: _id, context: _context, ...rest } = demo.metadata.snapshot;
    const report = {
      ...demo,
      metadata: { ...demo.metadata, snapshot: { ...rest, server: 'https://10.0.0.1:6443' } },
    };
    const text = renderSarif(report, context);
    expectValidSarif(text);
    expect(githubProblems(text)).toEqual([]);
    expect(
      resultOf(JSON.parse(text) as Log, 'privatenetworking')?.locations?.[0]?.physicalLocation
        ?.artifactLocation?.uri,
    ).toBe(`${SARIF_ARTIFACT_ROOT}/https%3A%2F%2F10.0.0.1%3A6443`);
  });

  it('keeps a check’s location and fingerprint across runs of the same cluster', () => {
    const later: ComplianceReport = {
      ...withResult('privatenetworking', { evidence: [] }),
      metadata: {
        ...demo.metadata,
        snapshot: { ...demo.metadata.snapshot, collectedAt: '2026-12-01T09:00:00Z' },
      },
    };
    const a = sarif(demo);
    const b = sarif(later);
    expect(fingerprintsOf(b)).toEqual(fingerprintsOf(a));
    expect(resultOf(b, 'privatenetworking')?.locations?.[0]?.physicalLocation).toEqual(
      resultOf(a, 'privatenetworking')?.locations?.[0]?.physicalLocation,
    );
  });

  it('gives every check its own fingerprint, and the same check on another cluster another one', () => {
    const own = Object.values(fingerprintsOf(sarif(demo, { sarifIncludePasses: true })));
    expect(new Set(own).size).toBe(own.length);
    for (const value of own) expect(value).toMatch(/^[0-9a-f]{16}:1$/);
    const other = {
      ...demo,
      metadata: { ...demo.metadata, snapshot: { ...demo.metadata.snapshot, clusterId: 'other' } },
    };
    const theirs = fingerprintsOf(sarif(other));
    for (const [check, value] of Object.entries(fingerprintsOf(sarif(demo))))
      expect(theirs[check]).not.toBe(value);
  });
});
