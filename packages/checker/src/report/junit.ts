import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import type { XMLBuilder as XmlBuilder } from 'fast-xml-parser';

// Required on first use, and as its one-file CommonJS build: its ES modules cost several times
// more to load, and only the junit format needs it.
const require = createRequire(import.meta.url);
const xmlBuilderClass = (): typeof XmlBuilder =>
  (require('fast-xml-parser') as typeof FastXmlParser).XMLBuilder;
import {
  displayDate,
  CAUSE_TEXT,
  TEXT,
  VERDICT_TEXT,
  WAIVED_TEXT,
  WAIVER_STATUS_TEXT,
  localize,
  type Evidence,
  type ComplianceReport,
  type Language,
  type ReportResult,
} from '@havenkit/model';
import type { RenderContext } from './context.js';
import { remediationPlainText } from '../remediation-text.js';

/**
 * JUnit XML for CI test reports (GitLab `artifacts:reports:junit`, GitHub test-report actions,
 * Jenkins). One <testsuite> per category, mandatory checks first and suggested checks in suites of
 * their own; one <testcase> per check:
 *
 *   pass     <testcase/>
 *   fail     <failure message=REASON type="fail">reason, rationale, evidence, what to do</failure>
 *   waived   <failure message="WAIVED (...): REASON" type="waived">... and the waiver</failure>
 *   skip     <skipped message=REASON/>
 *   unknown  <error message=REASON type=CAUSE>cause, rationale, evidence, what to do</error>
 *
 * A waived failure stays a <failure>. It is still a failure: the report never changes a check's
 * outcome, the verdict without waivers stays "not-compliant" and `havenkit check --waivers` exits
 * 5, never 0. Showing it as <skipped> would hide it among the checks that did not apply (an
 * offline havenversion, cis, kubescape), and GitLab's merge-request widget would not list it at
 * all. As a <failure> of type "waived" whose message starts with the waiver, it is listed with the
 * failures and reads as accepted at a glance. Whether CI passes with waivers is decided by the exit
 * code (a pipeline that accepts waivers allows exit code 5), not by this file: GitLab never fails a
 * job over its JUnit report.
 *
 * With a waivers file, every waiver is listed, whether it applied or not (an expired or out-of-scope
 * waiver has no effect, and is listed as such): a property `waiver.N` (N its index in the waivers
 * file) reads "check: status (detail) — owner, ticket, expiry" in the report language. It sits on the
 * suite that holds the waiver's check, or on every suite when that check did not run. Properties
 * change no counts.
 */
export function renderJunit(
  report: ComplianceReport,
  context: Pick<RenderContext, 'language' | 'startTs' | 'stopTs'>,
): string {
  const language = context.language;
  const suites: Suite[] = [
    ...groupByCategory(report.results).map((results) => suite(results, false, report, context)),
    ...groupByCategory(report.suggested).map((results) => suite(results, true, report, context)),
  ];
  const total = (key: keyof Counts) => suites.reduce((n, s) => n + s.counts[key], 0);
  const seconds = durationSeconds(context.startTs, context.stopTs);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': attribute(
        `havenkit: Haven ${report.metadata.havenVersion} (${VERDICT_TEXT[report.verdict][language]})`,
      ),
      '@_tests': total('tests'),
      '@_failures': total('failures'),
      '@_errors': total('errors'),
      '@_skipped': total('skipped'),
      ...(seconds !== undefined ? { '@_time': seconds } : {}),
      testsuite: suites.map((s) => s.node),
    },
  };
  return `${(builder().build(document) as string).trimEnd()}\n`;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

interface Suite {
  counts: Counts;
  node: Record<string, unknown>;
}

function builder(): XmlBuilder {
  const XMLBuilder = xmlBuilderClass();
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    indentBy: '  ',
    // Without these, an attribute whose value is "true" is written bare (not XML), and a <testcase>
    // without children is written <testcase ...></testcase> instead of self-closed.
    suppressBooleanAttributes: false,
    suppressEmptyNode: true,
    // Escapes & < > " ' in text and attributes.
    processEntities: true,
  });
}

function groupByCategory(results: readonly ReportResult[]): ReportResult[][] {
  const groups = new Map<string, ReportResult[]>();
  for (const r of results) groups.set(r.category, [...(groups.get(r.category) ?? []), r]);
  return [...groups.values()];
}

function suite(
  results: readonly ReportResult[],
  suggested: boolean,
  report: ComplianceReport,
  context: Pick<RenderContext, 'language' | 'startTs'>,
): Suite {
  const language = context.language;
  const category = results[0]?.category ?? '';
  const counts: Counts = {
    tests: results.length,
    failures: results.filter((r) => r.outcome === 'fail').length,
    errors: results.filter((r) => r.outcome === 'unknown').length,
    skipped: results.filter((r) => r.outcome === 'skip').length,
  };
  const { snapshot, havenVersion, checker } = report.metadata;
  const properties: [string, string | undefined][] = [
    ['havenkit.checker', `${checker.name} ${checker.version}`],
    ['havenkit.havenVersion', havenVersion],
    ['havenkit.verdict', report.verdict],
    ['havenkit.verdictWithWaivers', report.verdictWithWaivers],
    ['havenkit.language', language],
    ['cluster.server', snapshot.server],
    ['cluster.context', snapshot.context],
    ['cluster.id', snapshot.clusterId],
    ['snapshot.collectedAt', snapshot.collectedAt],
    ['snapshot.sha256', snapshot.sha256],
    ['waivers.sha256', report.waivers?.sha256],
    ['waivers.asOf', report.waivers?.asOf],
    ...waiverProperties(results, report, language),
  ];
  return {
    counts,
    node: {
      '@_name': attribute(suggested ? `${category} (${TEXT.suggestedChecks[language]})` : category),
      '@_tests': counts.tests,
      '@_failures': counts.failures,
      '@_errors': counts.errors,
      '@_skipped': counts.skipped,
      '@_timestamp': attribute(context.startTs),
      properties: {
        property: properties
          .filter((p): p is [string, string] => p[1] !== undefined)
          .map(([name, value]) => ({ '@_name': name, '@_value': attribute(value) })),
      },
      testcase: results.map((r) => testcase(r, suggested, language)),
    },
  };
}

/**
 * The `waiver.N` properties of a suite: the waivers of its checks, and those whose check did not run
 * at all (those go on every suite, so that each suite read on its own still lists them).
 */
function waiverProperties(
  results: readonly ReportResult[],
  report: ComplianceReport,
  language: Language,
): [string, string][] {
  if (report.waivers === undefined) return [];
  const ran = new Set([...report.results, ...report.suggested].map((r) => r.name));
  const here = new Set(results.map((r) => r.name));
  const t = (key: 'owner' | 'ticket' | 'expires') => TEXT[key][language].toLowerCase();
  return report.waivers.waivers.flatMap((o, i): [string, string][] => {
    if (ran.has(o.waiver.check) && !here.has(o.waiver.check)) return [];
    const { check, owner, ticket, expires } = o.waiver;
    const status = WAIVER_STATUS_TEXT[o.status][language];
    return [
      [
        `waiver.${i}`,
        `${check}: ${status} (${localize(o.detail, language)}) — ${t('owner')} ${owner}, ${t('ticket')} ${ticket}, ${t('expires')} ${displayDate(expires, language)}`,
      ],
    ];
  });
}

/** The classname GitLab shows as the test's suite: stable, never translated. */
export function junitClassname(result: Pick<ReportResult, 'category'>, suggested: boolean): string {
  return suggested ? `haven.suggested.${result.category}` : `haven.${result.category}`;
}

/** The test name: the check's name and its official (never translated) label. */
export function junitTestName(result: Pick<ReportResult, 'name' | 'label'>): string {
  return `${result.name}: ${result.label}`;
}

function testcase(r: ReportResult, suggested: boolean, language: Language): Record<string, unknown> {
  const reason = localize(r.reason, language);
  const node: Record<string, unknown> = {
    '@_name': attribute(junitTestName(r)),
    '@_classname': attribute(junitClassname(r, suggested)),
  };
  switch (r.outcome) {
    case 'pass':
      return node;
    case 'skip':
      return { ...node, skipped: { '@_message': attribute(reason) } };
    case 'unknown': {
      const cause = r.cause ?? 'insufficient-data';
      return {
        ...node,
        error: {
          '@_message': attribute(reason),
          '@_type': cause,
          '#text': text(body(r, language)),
        },
      };
    }
    case 'fail': {
      const w = r.waived;
      const message = w
        ? `${WAIVED_TEXT[language].toUpperCase()} (${w.ticket}, ${TEXT.expires[language].toLowerCase()} ${displayDate(w.expires, language)}): ${reason}`
        : reason;
      return {
        ...node,
        failure: {
          '@_message': attribute(message),
          '@_type': w ? 'waived' : 'fail',
          '#text': text(body(r, language)),
        },
      };
    }
  }
}

/** The body of a <failure> or <error>: what a reader needs to act on it. */
function body(r: ReportResult, language: Language): string {
  const lines = [localize(r.reason, language)];
  if (r.cause) lines.push(`${TEXT.cause[language]}: ${CAUSE_TEXT[r.cause][language]}`);
  if (r.waived) {
    const w = r.waived;
    lines.push(
      `${TEXT.waivedBy[language]}: ${w.reason} (${TEXT.owner[language].toLowerCase()} ${w.owner}, ${TEXT.ticket[language].toLowerCase()} ${w.ticket}, ${TEXT.expires[language].toLowerCase()} ${displayDate(w.expires, language)})`,
    );
  }
  lines.push(`${TEXT.rationale[language]}: ${r.rationale[language]}`);
  if (r.evidence.length === 0) {
    lines.push(TEXT.noEvidence[language]);
  } else {
    lines.push(`${TEXT.evidence[language]}:`);
    for (const e of r.evidence) lines.push(`  - ${evidenceLine(e, language)}`);
  }
  if (r.remediation !== undefined) {
    lines.push('', `${TEXT.whatToDo[language]}:`, remediationPlainText(r.remediation[language]));
  }
  return lines.join('\n');
}

function evidenceLine(e: Evidence, language: Language): string {
  const object = [e.kind, [e.namespace, e.name].filter(Boolean).join('/')].filter(Boolean).join(' ');
  const flags = [e.offending ? TEXT.offending[language] : '', e.inferred ? TEXT.inferred[language] : '']
    .filter(Boolean)
    .map((f) => ` [${f}]`)
    .join('');
  const fields = Object.entries(e.fields)
    .map(([k, v]) => `${k}=${v === null ? 'null' : String(v)}`)
    .join(', ');
  const note = e.note !== undefined ? ` (${localize(e.note, language)})` : '';
  return `${object}${flags}${fields ? `: ${fields}` : ''}${note}`;
}

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element text: any string from the cluster, without the characters XML cannot carry. */
function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD');
}

/** An attribute value: one line (XML parsers turn line breaks in attributes into spaces anyway). */
function attribute(value: string): string {
  return text(value).replace(/\s*[\r\n]+\s*/g, ' ');
}

function durationSeconds(start: string, stop: string): string | undefined {
  const ms = Date.parse(stop) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? (ms / 1000).toFixed(3) : undefined;
}
