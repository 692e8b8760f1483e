import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  WAIVERS_SHA256,
  demoReport,
  demoWaiver,
  waiverList,
  waivedDemoReport,
  DEMO_CLUSTER_ID,
} from '../testing/reports.js';
import { applyWaivers } from '../waivers/apply.js';
import { reportFormat } from './formats.js';
import { junitClassname, junitTestName, renderJunit } from './junit.js';
import { remediationPlainText } from '../remediation-text.js';
import type { ComplianceReport, ReportResult } from '@havenkit/model';

const context = {
  language: 'en',
  startTs: '2026-11-01T09:00:00Z',
  stopTs: '2026-11-01T09:00:02.5Z',
} as const;

/** The demo: privatenetworking fails, shavalidation is unknown, havenversion, cis and kubescape skip. */
const demo = demoReport({ unverifiedToolkit: true });
const waived = applyWaivers(
  demo,
  waiverList(
    demoWaiver({ reason: 'Bastion node, replaced by a VPN', owner: 'platform-team', ticket: 'OPS-1234' }),
  ),
  WAIVERS_SHA256,
);

interface Testcase {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '@_type': string; '#text'?: string };
  error?: { '@_message': string; '@_type': string; '#text'?: string };
  skipped?: { '@_message': string };
}
interface Testsuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: Testcase[];
}
interface Junit {
  testsuites: {
    '@_name': string;
    '@_tests': string;
    '@_failures': string;
    '@_errors': string;
    '@_skipped': string;
    '@_time'?: string;
    testsuite: Testsuite[];
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property',
});
const parse = (xml: string) => parser.parse(xml) as Junit;
const testcases = (junit: Junit) => junit.testsuites.testsuite.flatMap((s) => s.testcase);
const checks = (report: ComplianceReport) => [...report.results, ...report.suggested];
const testcaseOf = (junit: Junit, name: string) =>
  testcases(junit).find((t) => t['@_name'].startsWith(`${name}: `));

/** The demo report with one result replaced. */
function withResult(name: string, change: Partial<ReportResult>): ComplianceReport {
  return { ...demo, results: demo.results.map((r) => (r.name === name ? { ...r, ...change } : r)) };
}

describe('renderJunit', () => {
  it('is well-formed XML with a declaration and one <testsuites> root', () => {
    const xml = renderJunit(demo, context);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });

  it('has one testcase per check, mandatory and suggested', () => {
    const junit = parse(renderJunit(demo, context));
    expect(testcases(junit)).toHaveLength(checks(demo).length);
    expect(testcases(junit).map((t) => t['@_name'].split(':')[0])).toEqual(checks(demo).map((r) => r.name));
  });

  it('has a testsuite per category, the suggested checks in suites of their own', () => {
    const junit = parse(renderJunit(demo, context));
    expect(junit.testsuites.testsuite.map((s) => s['@_name'])).toEqual([
      'Fundamental',
      'Infrastructure',
      'Cluster',
      'External',
      'Haven+',
      'Validation',
      'External (Suggested checks)',
    ]);
  });

  it('names a testcase after the check and its label and its class after the category', () => {
    const junit = parse(renderJunit(demo, context));
    for (const r of demo.results) {
      const testcase = testcaseOf(junit, r.name);
      expect(testcase?.['@_name']).toBe(`${r.name}: ${r.label}`);
      expect(testcase?.['@_classname']).toBe(`haven.${r.category}`);
    }
    expect(testcaseOf(junit, 'cis')?.['@_classname']).toBe('haven.suggested.External');
    expect(junitTestName({ name: 'multiaz', label: 'Multiple availability zones in use' })).toBe(
      'multiaz: Multiple availability zones in use',
    );
    expect(junitClassname({ category: 'Haven+' }, false)).toBe('haven.Haven+');
  });

  it('counts tests, failures, errors and skipped as the outcomes are, on the root and every suite', () => {
    const junit = parse(renderJunit(demo, context));
    const all = checks(demo);
    const count = (outcome: string) => String(all.filter((r) => r.outcome === outcome).length);
    expect(junit.testsuites).toMatchObject({
      '@_tests': String(all.length),
      '@_failures': count('fail'),
      '@_errors': count('unknown'),
      '@_skipped': count('skip'),
    });
    expect([
      junit.testsuites['@_failures'],
      junit.testsuites['@_errors'],
      junit.testsuites['@_skipped'],
    ]).toEqual(['1', '1', '3']);
    for (const suite of junit.testsuites.testsuite) {
      const cases = suite.testcase;
      expect(suite['@_tests']).toBe(String(cases.length));
      expect(suite['@_failures']).toBe(String(cases.filter((t) => t.failure).length));
      expect(suite['@_errors']).toBe(String(cases.filter((t) => t.error).length));
      expect(suite['@_skipped']).toBe(String(cases.filter((t) => t.skipped).length));
    }
  });

  it('gives the run time in seconds from the context timestamps', () => {
    expect(parse(renderJunit(demo, context)).testsuites['@_time']).toBe('2.500');
  });

  it('writes a passed check as a testcase without children', () => {
    expect(renderJunit(demo, context)).toContain(
      '<testcase name="multiaz: Multiple availability zones in use" classname="haven.Infrastructure"/>',
    );
  });

  it('writes a failed check as <failure> with the reason as message and the evidence in the body', () => {
    const failure = testcaseOf(parse(renderJunit(demo, context)), 'privatenetworking')?.failure;
    expect(failure?.['@_message']).toBe('1 node(s) have a globally routable address: haven-worker-3.');
    expect(failure?.['@_type']).toBe('fail');
    expect(failure?.['#text']).toContain('Rationale: Nodes should only have private addresses');
    expect(failure?.['#text']).toContain('Evidence:\n');
    expect(failure?.['#text']).toMatch(
      / {2}- Node haven-worker-3.*status\.addresses\.ExternalIP=51\.68\.142\.37/,
    );
  });

  it('ends the body of a failure and of an error with what to do, as plain text', () => {
    const junit = parse(renderJunit(demo, context));
    const failure = testcaseOf(junit, 'privatenetworking')?.failure?.['#text'] ?? '';
    const error = testcaseOf(junit, 'shavalidation')?.error?.['#text'] ?? '';
    const remediation = (name: string) => checks(demo).find((r) => r.name === name)?.remediation?.en ?? '';
    expect(failure).toContain(`\n\nWhat to do:\n${remediationPlainText(remediation('privatenetworking'))}`);
    expect(failure).toMatch(/What to do:\nGive the nodes named in the evidence private addresses only/);
    expect(failure.endsWith('\n    kubectl get nodes -o wide')).toBe(true);
    expect(error).toContain(`\n\nWhat to do:\n${remediationPlainText(remediation('shavalidation'))}`);
    expect(JSON.stringify(testcaseOf(junit, 'havenversion'))).not.toContain('What to do');
  });

  it('writes a skipped check as <skipped> with the reason as message', () => {
    const testcase = testcaseOf(parse(renderJunit(demo, context)), 'havenversion');
    expect(testcase?.skipped?.['@_message']).toMatch(/^offline: no Haven releases list was given/);
    expect(testcase?.failure).toBeUndefined();
  });

  it('writes an unknown check as <error> whose type is the cause', () => {
    const error = testcaseOf(parse(renderJunit(demo, context)), 'shavalidation')?.error;
    expect(error?.['@_type']).toBe('not-collected');
    expect(error?.['@_message']).toBe(
      "The toolkit's own files were not verified (no integrity result was given).",
    );
    expect(error?.['#text']).toContain('Cause: not collected');
  });

  it('keeps a waived failure a <failure> of type "waived" whose message and body name the waiver', () => {
    const junit = parse(renderJunit(waived, context));
    const failure = testcaseOf(junit, 'privatenetworking')?.failure;
    expect(failure?.['@_type']).toBe('waived');
    expect(failure?.['@_message']).toBe(
      'WAIVED (OPS-1234, expires 2026-12-31): 1 node(s) have a globally routable address: haven-worker-3.',
    );
    expect(failure?.['#text']).toContain(
      'Waived: Bastion node, replaced by a VPN (owner platform-team, ticket OPS-1234, expires 2026-12-31)',
    );
    expect(junit.testsuites['@_failures']).toBe('1');
  });

  it('round-trips < & " \' > in a reason through the message attribute and the body', () => {
    const reason = `a <b> & "c" 'd' ]]> </failure>`;
    const xml = renderJunit(withResult('privatenetworking', { reason: { en: reason, nl: reason } }), context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const failure = testcaseOf(parse(xml), 'privatenetworking')?.failure;
    expect(failure?.['@_message']).toBe(reason);
    expect(failure?.['#text']?.split('\n')[0]).toBe(reason);
  });

  it('replaces characters XML cannot carry and keeps attributes on one line', () => {
    const reason = 'bell\u0007 and\nnewline';
    const xml = renderJunit(withResult('privatenetworking', { reason: { en: reason, nl: reason } }), context);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(testcaseOf(parse(xml), 'privatenetworking')?.failure?.['@_message']).toBe(
      'bell\uFFFD and newline',
    );
  });

  it('writes the texts in Dutch when the language is nl', () => {
    const xml = renderJunit(waived, { ...context, language: 'nl' });
    const junit = parse(xml);
    expect(junit.testsuites['@_name']).toBe('havenkit: Haven v12.8.0 (NIET Haven-compliant)');
    expect(junit.testsuites.testsuite.at(-1)?.['@_name']).toBe('External (Aanbevolen controles)');
    expect(testcaseOf(junit, 'privatenetworking')?.failure?.['@_message']).toMatch(
      /^UITGEZONDERD \(OPS-1234, verloopt 31 december 2026\): /,
    );
    expect(testcaseOf(junit, 'shavalidation')?.error?.['#text']).toContain('Oorzaak: niet verzameld');
    expect(testcaseOf(junit, 'shavalidation')?.error?.['#text']).toContain(
      'Wat te doen:\nDe evaluatie heeft geen integriteitsresultaat gekregen',
    );
  });

  it('is registered as the junit format, written to report.junit.xml', () => {
    const format = reportFormat('junit');
    expect(format?.fileName).toBe('report.junit.xml');
    expect(format?.render(demo, context)).toBe(renderJunit(demo, context));
  });
});

// Appended apart from the fixtures above (which are being moved to the shared ones): a namespace
// import, so that these tests name nothing the header imports or declares.

describe('renderJunit: every waiver is listed, inactive ones as such', () => {
  const ctx = { language: 'en', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:02Z' } as const;
  /** waiver.0 expired, waiver.1 for another cluster (both privatenetworking), waiver.2 not needed (cis). */
  const report = waivedDemoReport(
    demoWaiver({ ticket: 'GEM-1100', expires: '2026-06-30' }),
    demoWaiver({ ticket: 'GEM-1200', scope: { clusterId: 'another-cluster' } }),
    demoWaiver({ check: 'cis', ticket: 'GEM-1300' }),
  );
  const xmlParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property',
  });
  interface Suite {
    '@_name': string;
    '@_failures': string;
    properties: { property: { '@_name': string; '@_value': string }[] };
    testcase: { '@_name': string; failure?: { '@_type': string } }[];
  }
  const suitesOf = (xml: string) =>
    (xmlParser.parse(xml) as { testsuites: { '@_failures': string; testsuite: Suite[] } }).testsuites;
  const waiverProps = (suite: Suite | undefined) =>
    Object.fromEntries(
      (suite?.properties.property ?? [])
        .filter((p) => p['@_name'].startsWith('waiver'))
        .map((p) => [p['@_name'], p['@_value']]),
    );

  it('puts an expired and an out-of-scope waiver on the suite of their check, with status and detail', () => {
    expect(report.verdictWithWaivers).toBe('not-compliant');
    expect(report.waivers?.waivers.map((o) => o.status)).toEqual(['expired', 'out-of-scope', 'not-needed']);
    const xml = renderJunit(report, ctx);
    expect(XMLValidator.validate(xml)).toBe(true);
    const infrastructure = suitesOf(xml).testsuite.find((s) => s['@_name'] === 'Infrastructure');
    expect(waiverProps(infrastructure)).toEqual({
      'waivers.sha256': 'a'.repeat(64),
      'waivers.asOf': '2026-11-01',
      'waiver.0':
        'privatenetworking: expired, no effect (expired on 2026-06-30, before the snapshot of 2026-11-01) — owner platform-team@gemeente-voorbeeld.nl, ticket GEM-1100, expires 2026-06-30',
      'waiver.1': `privatenetworking: out of scope, no effect (for cluster another-cluster; this is ${DEMO_CLUSTER_ID}) — owner platform-team@gemeente-voorbeeld.nl, ticket GEM-1200, expires 2026-12-31`,
    });
    const suggested = suitesOf(xml).testsuite.find((s) => s['@_name'] === 'External (Suggested checks)');
    expect(waiverProps(suggested)['waiver.2']).toMatch(/^cis: not needed, no effect \(cis did not fail/);
    const fundamental = suitesOf(xml).testsuite.find((s) => s['@_name'] === 'Fundamental');
    expect(Object.keys(waiverProps(fundamental))).toEqual(['waivers.sha256', 'waivers.asOf']);
  });

  it('changes no counts and leaves the failure a plain failure when no waiver applied', () => {
    const plain = suitesOf(renderJunit(demoReport(), ctx));
    const listed = suitesOf(renderJunit(report, ctx));
    expect(listed['@_failures']).toBe(plain['@_failures']);
    expect(listed.testsuite.map((s) => [s['@_name'], s['@_failures']])).toEqual(
      plain.testsuite.map((s) => [s['@_name'], s['@_failures']]),
    );
    const failure = listed.testsuite
      .flatMap((s) => s.testcase)
      .find((t) => t['@_name'].startsWith('privatenetworking: '))?.failure;
    expect(failure?.['@_type']).toBe('fail');
  });

  it('lists a waiver whose check did not run on every suite', () => {
    const withoutMultiaz = {
      ...report,
      results: report.results.filter((r) => r.name !== 'multiaz'),
      waivers: {
        ...report.waivers!,
        waivers: [
          ...report.waivers!.waivers,
          {
            waiver: demoWaiver({ check: 'multiaz', ticket: 'GEM-1400' }),
            status: 'not-needed' as const,
            detail: { en: 'multiaz did not run', nl: 'multiaz is niet uitgevoerd' },
          },
        ],
      },
    };
    const suites = suitesOf(renderJunit(withoutMultiaz, ctx)).testsuite;
    expect(suites.length).toBeGreaterThan(1);
    for (const suite of suites) {
      expect(waiverProps(suite)['waiver.3']).toBe(
        'multiaz: not needed, no effect (multiaz did not run) — owner platform-team@gemeente-voorbeeld.nl, ticket GEM-1400, expires 2026-12-31',
      );
    }
  });

  it('writes the waivers in Dutch when the language is nl', () => {
    const suites = suitesOf(renderJunit(report, { ...ctx, language: 'nl' })).testsuite;
    const props = waiverProps(suites.find((s) => s['@_name'] === 'Infrastructure'));
    expect(props['waiver.0']).toBe(
      'privatenetworking: verlopen, geen effect (verlopen op 30 juni 2026, vóór de snapshot van 1 november 2026) — eigenaar platform-team@gemeente-voorbeeld.nl, ticket GEM-1100, verloopt 30 juni 2026',
    );
    expect(props['waiver.1']).toMatch(
      /^privatenetworking: buiten bereik, geen effect \(voor cluster another-cluster; /,
    );
  });

  it('escapes waiver text from the waivers file and keeps the XML valid', () => {
    const hostile = waivedDemoReport(
      demoWaiver({ owner: 'a <b> & "c"\nd', ticket: "T-1 ' ]]>", expires: '2026-06-30' }),
    );
    const xml = renderJunit(hostile, ctx);
    expect(XMLValidator.validate(xml)).toBe(true);
    const props = waiverProps(suitesOf(xml).testsuite.find((s) => s['@_name'] === 'Infrastructure'));
    expect(props['waiver.0']).toMatch(/owner a <b> & "c" d, ticket T-1 ' \]\]>, expires 2026-06-30$/);
  });
});
