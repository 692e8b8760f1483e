import { createHash } from 'node:crypto';
import type {
  Log,
  LogicalLocation,
  PhysicalLocation,
  ReportingDescriptor,
  Result,
  Run,
  Suppression,
} from 'sarif';
import {
  displayDate,
  CAUSE_TEXT,
  TEXT,
  WAIVER_STATUS_TEXT,
  localize,
  type Evidence,
  type WaiverReport,
  type ComplianceReport,
  type Language,
  type ReportResult,
} from '@havenkit/model';
import type { RenderContext } from './context.js';
import { escapeMarkdown, remediationMarkdown } from './markdown.js';
import { remediationPlainText } from '../remediation-text.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_TOOL_NAME = 'havenkit';
export const SARIF_INFORMATION_URI = 'https://havenkit.dev';

/** At most this many evidence objects become a result's logical locations; the JSON report has all. */
export const SARIF_MAX_LOCATIONS = 20;

/**
 * Where every result of a cluster is located physically: a stable, relative artifact URI (not a
 * file of the repository) under this root, named after the cluster. GitHub code scanning needs a
 * physicalLocation with an artifact URI on every result, relative (an absolute URI with another
 * scheme than the checkout's is rejected) and the same in every run (else each run opens new alerts).
 */
export const SARIF_ARTIFACT_ROOT = 'havenkit/clusters';

export type SarifContext = Pick<RenderContext, 'language' | 'startTs' | 'stopTs' | 'sarifIncludePasses'>;

/**
 * SARIF 2.1.0 (one run) for code-scanning dashboards and security tooling. Every check is a rule
 * (id = the check's name); each check that ran is a result:
 *
 *   fail     level "error"                      (kind "fail"); a suggested check's failure is level
 *                                                "warning": suggested checks never decide the verdict
 *   waived   the failure's level, with an "external", "accepted" suppression that carries the waiver
 *   unknown  level "warning"                    (kind "fail": SARIF's kind "open" would force level
 *                                                "none", and then most viewers hide it)
 *   skip     kind "notApplicable", level "none"
 *   pass     kind "pass", level "none"          only with `sarifIncludePasses`
 *
 * A waived failure is a suppressed result, SARIF's own notion of an accepted finding: viewers show
 * it as suppressed (GitHub as dismissed), never as a pass, and the justification says who accepted
 * it, under which ticket and until when. A Kubernetes object is no file: each result has one
 * location, whose physical location is the cluster (SARIF_ARTIFACT_ROOT/<cluster>, line 1) and
 * whose logical locations are the offending evidence objects (else all evidence), as
 * "Kind/namespace/name", or the cluster when there is no evidence. partialFingerprints identify
 * the result across runs by cluster and check, so that GitHub keeps one alert per check.
 *
 * With a waivers file, `runs[0].properties.waivers` lists every waiver with its status and why
 * (`statusText` and `detail` in the report language): an expired or out-of-scope waiver has no effect
 * and is listed as such. `index` is the waiver's index in the file, as in a suppression's `waiver`.
 */
export function renderSarif(report: ComplianceReport, context: SarifContext): string {
  return `${JSON.stringify(toSarif(report, context), null, 2)}\n`;
}

/** The SARIF log as an object (renderSarif serializes it). Not exported: @types/sarif is a dev dependency. */
function toSarif(report: ComplianceReport, context: SarifContext): Log {
  const language = context.language;
  const all = [...report.results, ...report.suggested];
  const rules = all.map((r) => rule(r, language));
  const index = new Map(all.map((r, i) => [r.name, i]));
  const results = all
    .filter((r) => r.outcome !== 'pass' || context.sarifIncludePasses === true)
    .map((r) => result(r, index.get(r.name) ?? -1, report, language));
  const { snapshot, havenVersion, checker } = report.metadata;
  const times = {
    ...(isTimestamp(context.startTs) ? { startTimeUtc: context.startTs } : {}),
    ...(isTimestamp(context.stopTs) ? { endTimeUtc: context.stopTs } : {}),
  };
  const run: Run = {
    tool: {
      driver: {
        name: SARIF_TOOL_NAME,
        fullName: `${checker.name} ${checker.version}`,
        version: checker.version,
        semanticVersion: checker.version,
        informationUri: SARIF_INFORMATION_URI,
        rules,
        properties: { havenVersion },
      },
    },
    language,
    invocations: [{ executionSuccessful: true, ...times }],
    results,
    properties: {
      verdict: report.verdict,
      ...(report.verdictWithWaivers !== undefined ? { verdictWithWaivers: report.verdictWithWaivers } : {}),
      summary: { ...report.summary },
      havenVersion,
      snapshot: { ...snapshot },
      ...(report.waivers !== undefined
        ? {
            waiversSha256: report.waivers.sha256,
            waiversAsOf: report.waivers.asOf,
            waivers: waiverList(report.waivers, language),
          }
        : {}),
    },
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/** Every waiver of the waivers file, with what became of it. */
function waiverList(waivers: WaiverReport, language: Language): Record<string, unknown>[] {
  return waivers.waivers.map((o, index) => ({
    index,
    check: o.waiver.check,
    status: o.status,
    statusText: WAIVER_STATUS_TEXT[o.status][language],
    detail: localize(o.detail, language),
    owner: o.waiver.owner,
    ticket: o.waiver.ticket,
    expires: o.waiver.expires,
    reason: o.waiver.reason,
    scope: o.waiver.scope,
  }));
}

/** A failure's level: "error" for a mandatory check, "warning" for a suggested one (never scored). */
function failureLevel(r: Pick<ReportResult, 'mandatory'>): 'error' | 'warning' {
  return r.mandatory ? 'error' : 'warning';
}

function rule(r: ReportResult, language: Language): ReportingDescriptor {
  const rationale = r.rationale[language];
  return {
    id: r.name,
    name: pascalCase(r.label),
    shortDescription: { text: r.label },
    fullDescription: { text: rationale },
    help: help(r, language),
    defaultConfiguration: { level: failureLevel(r) },
    properties: {
      category: r.category,
      mandatory: r.mandatory,
      tags: ['haven', r.category, r.mandatory ? 'mandatory' : 'suggested'],
    },
  };
}

/**
 * A rule's help: the rationale and, for a check that did not pass, what to do about it, as text and
 * as Markdown (code scanning shows the help beside each alert). One run has one result per rule,
 * so the rule can carry the remediation of that result, with its cause-specific ClusterRole.
 */
function help(r: ReportResult, language: Language): { text: string; markdown?: string } {
  const rationale = r.rationale[language];
  if (r.remediation === undefined) return { text: rationale };
  const remediation = r.remediation[language];
  const heading = TEXT.whatToDo[language];
  return {
    text: `${rationale}\n\n${heading}:\n${remediationPlainText(remediation)}`,
    markdown: `${escapeMarkdown(rationale)}\n\n**${heading}**\n\n${remediationMarkdown(remediation)}`,
  };
}

function result(r: ReportResult, ruleIndex: number, report: ComplianceReport, language: Language): Result {
  const reason = localize(r.reason, language);
  const cause = r.cause ? ` (${TEXT.cause[language].toLowerCase()}: ${CAUSE_TEXT[r.cause][language]})` : '';
  const { locations, omitted } = logicalLocations(r.evidence, report, language);
  const properties = {
    outcome: r.outcome,
    category: r.category,
    mandatory: r.mandatory,
    ...(r.cause ? { cause: r.cause } : {}),
    ...(r.waived ? { waived: true } : {}),
    evidenceCount: r.evidence.length,
    ...(omitted > 0 ? { locationsOmitted: omitted } : {}),
  };
  const base: Result = {
    ruleId: r.name,
    ruleIndex,
    message: { text: `${reason}${cause}` },
    locations: [{ physicalLocation: clusterArtifact(report), logicalLocations: locations }],
    partialFingerprints: fingerprints(report, r.name),
    properties,
  };
  switch (r.outcome) {
    case 'fail':
      return {
        ...base,
        kind: 'fail',
        level: failureLevel(r),
        ...(r.waived ? { suppressions: [suppression(r.waived, language)] } : {}),
      };
    case 'unknown':
      return { ...base, kind: 'fail', level: 'warning' };
    case 'skip':
      return { ...base, kind: 'notApplicable', level: 'none' };
    case 'pass':
      return { ...base, kind: 'pass', level: 'none' };
  }
}

function suppression(w: NonNullable<ReportResult['waived']>, language: Language): Suppression {
  const t = (key: 'owner' | 'ticket' | 'expires') => TEXT[key][language].toLowerCase();
  return {
    kind: 'external',
    status: 'accepted',
    justification: `${w.reason} (${t('owner')}: ${w.owner}; ${t('ticket')}: ${w.ticket}; ${t('expires')}: ${displayDate(w.expires, language)})`,
    properties: { owner: w.owner, ticket: w.ticket, expires: w.expires, waiver: w.index },
  };
}

/** "Node/haven-worker-3", "Pod/kube-system/coredns-1", "Version". */
export function fullyQualifiedName(e: Pick<Evidence, 'kind' | 'namespace' | 'name'>): string {
  return [e.kind, e.namespace, e.name].filter((part) => part !== undefined && part !== '').join('/');
}

/** The cluster's name in reports: its id, else the kubeconfig context, else the API server. */
function clusterName(report: ComplianceReport): string | undefined {
  const { clusterId, context, server } = report.metadata.snapshot;
  return clusterId ?? context ?? server;
}

/**
 * The cluster as an artifact: a relative URI that is the same in every run of the cluster. There
 * are no lines, but GitHub requires a region: the artifact's first position.
 */
function clusterArtifact(report: ComplianceReport): PhysicalLocation {
  return {
    artifactLocation: {
      uri: `${SARIF_ARTIFACT_ROOT}/${encodeURIComponent(clusterName(report) ?? 'cluster')}`,
    },
    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
  };
}

/**
 * GitHub matches results across runs by `primaryLocationLineHash`, the only fingerprint it reads.
 * There is no line to hash, so it hashes what the result is about: this check on this cluster.
 */
function fingerprints(report: ComplianceReport, check: string): Record<string, string> {
  const identity = JSON.stringify([clusterName(report) ?? null, check]);
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  return { primaryLocationLineHash: `${hash}:1` };
}

function logicalLocations(
  evidence: readonly Evidence[],
  report: ComplianceReport,
  language: Language,
): { locations: LogicalLocation[]; omitted: number } {
  const offending = evidence.filter((e) => e.offending === true);
  const chosen = offending.length > 0 ? offending : evidence;
  if (chosen.length === 0) {
    const name = clusterName(report);
    const cluster: LogicalLocation = {
      kind: 'resource',
      name: name ?? 'cluster',
      fullyQualifiedName: name !== undefined ? `Cluster/${name}` : 'Cluster',
    };
    return { locations: [cluster], omitted: 0 };
  }
  const locations = chosen.slice(0, SARIF_MAX_LOCATIONS).map((e): LogicalLocation => ({
    kind: 'resource',
    name: e.name ?? e.kind,
    fullyQualifiedName: fullyQualifiedName(e),
    properties: {
      kubernetesKind: e.kind,
      ...(e.namespace !== undefined ? { namespace: e.namespace } : {}),
      fields: { ...e.fields },
      ...(e.offending ? { offending: true } : {}),
      ...(e.inferred ? { inferred: true } : {}),
      ...(e.note !== undefined ? { note: localize(e.note, language) } : {}),
    },
  }));
  return { locations, omitted: chosen.length - locations.length };
}

/** "Private networking topology" -> "PrivateNetworkingTopology" (SARIF's advice for rule names). */
function pascalCase(label: string): string {
  return label
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function isTimestamp(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
