import yaml from 'js-yaml';
import {
  InputError,
  type Evidence,
  type Outcome,
  type WaiverReport,
  type ComplianceReport,
  type Language,
  type ReportResult,
} from '@havenkit/model';
import { remediationPlainText } from '../remediation-text.js';

/**
 * The `policyreport` format: the report as a Kubernetes object that `kubectl apply` can store in the
 * cluster it is about, for policy dashboards (Policy Reporter, Kyverno, OpenReports consumers).
 *
 * Default: a `ClusterPolicyReport` of `wgpolicyk8s.io/v1alpha2` (kubernetes-sigs/wg-policy-prototypes).
 * With `openReports`: a `ClusterReport` of `openreports.io/v1alpha1` (openreports/reports-api), the same
 * content in that schema (which adds a report-level `source`).
 *
 * Mapping, one result per check (mandatory checks, then suggested ones, in report order):
 * - `policy` `haven-<havenVersion>`, `rule` the check name, `category` the check category.
 * - `result`: pass → pass, fail → fail, skip → skip, unknown → error ("the policy could not be
 *   evaluated" is exactly what unknown means). A failed *suggested* check is `warn`: the CRD defines warn
 *   as "requirements not met and the policy is not scored", and suggested checks never count towards the
 *   verdict (`scored: false`; mandatory checks are `scored: true`).
 * - A waived failure stays `fail` (a waiver never changes an outcome); `properties.waived` is "true" and
 *   the waiver's owner, ticket, expiry and reason are in `properties`.
 * - Every waiver is listed, applied or not (an expired or out-of-scope waiver has no effect and is listed
 *   as such): the annotation `havenkit.dev/waivers` reads "check: status (ticket, expires); …" in file
 *   order, and a check that a waiver names but that no waiver waives, because it expired or is out of
 *   scope, has `properties.waiverStatus` ("expired", "out-of-scope" or both, comma-separated).
 * - `severity`: mandatory → high (a failure makes the cluster not compliant), suggested → medium.
 * - `message`: the reason in the report language; `source`: havenkit; `timestamp`: the run's stop time.
 * - `properties.remediation`: for a check that did not pass, what to do, as plain text in the report
 *   language (with the commands and manifests, e.g. the ClusterRole of a forbidden check).
 * - `resources`: the offending evidence objects of kinds the API serves (Node, Pod, StorageClass, ...);
 *   pseudo-kinds (Version, Discovery, Probe, ...) are named in `properties.offending` only.
 * - `summary` counts the results written (so with suggested checks it exceeds the native summary, which
 *   counts mandatory checks only); no `scope`: a cluster-scoped report without scope covers the cluster.
 */

export const POLICY_REPORT_API_VERSION = 'wgpolicyk8s.io/v1alpha2';
export const POLICY_REPORT_KIND = 'ClusterPolicyReport';
export const OPEN_REPORTS_API_VERSION = 'openreports.io/v1alpha1';
export const OPEN_REPORTS_KIND = 'ClusterReport';
/** The `source` of every result: the engine that manages the report. */
export const POLICY_REPORT_SOURCE = 'havenkit';

/** The CRDs' result enum. */
export type PolicyResultValue = 'pass' | 'fail' | 'warn' | 'error' | 'skip';
/** The severities havenkit writes (a subset of every CRD version's enum). */
export type PolicyResultSeverity = 'high' | 'medium';

/** A corev1.ObjectReference, as far as evidence fills it. */
export interface PolicyObjectReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface PolicyReportResult {
  source: string;
  policy: string;
  rule: string;
  category: string;
  severity: PolicyResultSeverity;
  scored: boolean;
  result: PolicyResultValue;
  message: string;
  /** A metav1.Timestamp: seconds since the epoch (int64) and nanoseconds (int32). */
  timestamp: { seconds: number; nanos: number };
  /** Additional information; the CRDs allow string values only. */
  properties: Record<string, string>;
  resources?: PolicyObjectReference[];
}

export interface PolicyReportSummary {
  pass: number;
  fail: number;
  warn: number;
  error: number;
  skip: number;
}

/** A wgpolicyk8s.io ClusterPolicyReport or an openreports.io ClusterReport. */
export interface PolicyReport {
  apiVersion: typeof POLICY_REPORT_API_VERSION | typeof OPEN_REPORTS_API_VERSION;
  kind: typeof POLICY_REPORT_KIND | typeof OPEN_REPORTS_KIND;
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  /** OpenReports only: the engine that produced every result. */
  source?: string;
  summary: PolicyReportSummary;
  results: PolicyReportResult[];
}

/** What the renderer uses besides the report (a RenderContext satisfies it). */
export interface PolicyReportOptions {
  readonly language: Language;
  /** When the run stopped (RFC 3339); the caller's clock. Every result's timestamp. */
  readonly stopTs: string;
  /** When the run started (RFC 3339); recorded in an annotation when given. */
  readonly startTs?: string;
  /** Write an openreports.io/v1alpha1 ClusterReport instead. */
  readonly openReports?: boolean;
}

const RESULT: Record<Outcome, PolicyResultValue> = {
  pass: 'pass',
  fail: 'fail',
  skip: 'skip',
  unknown: 'error',
};

/** The result value of a check: the outcome mapped, with a failed suggested (unscored) check as warn. */
export function policyResultOf(result: Pick<ReportResult, 'outcome' | 'mandatory'>): PolicyResultValue {
  return result.outcome === 'fail' && !result.mandatory ? 'warn' : RESULT[result.outcome];
}

/** The apiVersion of the evidence kinds that are real API objects; other kinds are pseudo-kinds. */
const API_VERSION_OF_KIND: Readonly<Record<string, string>> = {
  Node: 'v1',
  Pod: 'v1',
  Namespace: 'v1',
  Service: 'v1',
  Endpoints: 'v1',
  PersistentVolume: 'v1',
  PersistentVolumeClaim: 'v1',
  StorageClass: 'storage.k8s.io/v1',
  CSIDriver: 'storage.k8s.io/v1',
  APIService: 'apiregistration.k8s.io/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
  Deployment: 'apps/v1',
  DaemonSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
  MutatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
};

/**
 * The report object's name: `havenkit-haven-v<major>` (e.g. havenkit-haven-v12), a DNS-1123 subdomain.
 * One object per Haven major, so that each run replaces the previous one on `kubectl apply`.
 */
export function policyReportName(havenVersion: string): string {
  const major = /^v?(\d+)(?:\.|$)/.exec(havenVersion)?.[1];
  const version =
    major !== undefined
      ? `v${major}`
      : havenVersion
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '');
  return `havenkit-haven-${version || 'unknown'}`.slice(0, 63).replace(/-+$/, '');
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 time as a metav1.Timestamp (nanosecond precision kept; finer digits truncated). */
export function toTimestamp(rfc3339: string): { seconds: number; nanos: number } {
  const match = RFC3339.exec(rfc3339.toUpperCase());
  const ms = match ? Date.parse(`${match[1]}${match[3]}`) : NaN;
  if (!match || Number.isNaN(ms)) {
    throw new InputError(`policyreport: the stop time "${rfc3339}" is not an RFC 3339 timestamp`);
  }
  return { seconds: ms / 1000, nanos: Number((match[2] ?? '').slice(0, 9).padEnd(9, '0')) };
}

function objectName(e: Evidence): string {
  return `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name ?? ''}`.trimEnd();
}

function describeOffending(e: Evidence): string {
  const fields = Object.entries(e.fields).map(([k, v]) => `${k}=${String(v)}`);
  return fields.length > 0 ? `${objectName(e)} (${fields.join(', ')})` : objectName(e);
}

function references(offending: readonly Evidence[]): PolicyObjectReference[] {
  const refs: PolicyObjectReference[] = [];
  for (const e of offending) {
    const apiVersion = API_VERSION_OF_KIND[e.kind];
    if (apiVersion === undefined || !e.name) continue;
    refs.push({ apiVersion, kind: e.kind, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) });
  }
  return refs;
}

/** The statuses of the expired or out-of-scope waivers of a check, comma-separated (none: undefined). */
function inactiveWaiverStatus(report: ComplianceReport, check: string): string | undefined {
  const statuses = (report.waivers?.waivers ?? [])
    .filter((o) => o.waiver.check === check && (o.status === 'expired' || o.status === 'out-of-scope'))
    .map((o) => o.status);
  return statuses.length > 0 ? [...new Set(statuses)].join(', ') : undefined;
}

/** Every waiver in file order: "privatenetworking: expired (GEM-1100, 2026-06-30); …". */
function waiversSummary(waivers: WaiverReport): string {
  return waivers.waivers
    .map((o) => `${o.waiver.check}: ${o.status} (${o.waiver.ticket}, ${o.waiver.expires})`)
    .join('; ');
}

function toResult(
  report: ComplianceReport,
  r: ReportResult,
  language: Language,
  timestamp: { seconds: number; nanos: number },
): PolicyReportResult {
  const offending = r.evidence.filter((e) => e.offending === true);
  const properties: Record<string, string> = {
    label: r.label,
    mandatory: String(r.mandatory),
    outcome: r.outcome,
    evidenceCount: String(r.evidence.length),
  };
  if (r.cause !== undefined) properties.cause = r.cause;
  // `message` is "a short user friendly message" (the CRDs); the longer what-to-do is a property.
  if (r.remediation !== undefined) properties.remediation = remediationPlainText(r.remediation[language]);
  if (offending.length > 0) properties.offending = offending.map(describeOffending).join('; ');
  const sha256 = report.metadata.snapshot.sha256;
  if (sha256 !== undefined) properties.snapshotSha256 = sha256;
  if (r.waived) {
    properties.waived = 'true';
    properties.waiverOwner = r.waived.owner;
    properties.waiverTicket = r.waived.ticket;
    properties.waiverExpires = r.waived.expires;
    properties.waiverReason = r.waived.reason;
  } else {
    const status = inactiveWaiverStatus(report, r.name);
    if (status !== undefined) properties.waiverStatus = status;
  }
  const resources = references(offending);
  return {
    source: POLICY_REPORT_SOURCE,
    policy: `haven-${report.metadata.havenVersion}`,
    rule: r.name,
    category: r.category,
    severity: r.mandatory ? 'high' : 'medium',
    scored: r.mandatory,
    result: policyResultOf(r),
    message: r.reason[language],
    timestamp: { ...timestamp },
    properties,
    ...(resources.length > 0 ? { resources } : {}),
  };
}

function annotations(report: ComplianceReport, options: PolicyReportOptions): Record<string, string> {
  const { havenVersion, checker, snapshot } = report.metadata;
  const a: Record<string, string> = {
    'havenkit.dev/haven-version': havenVersion,
    'havenkit.dev/checker': `${checker.name} ${checker.version}`,
    'havenkit.dev/verdict': report.verdict,
    'havenkit.dev/snapshot-collected-at': snapshot.collectedAt,
    'havenkit.dev/stopped-at': options.stopTs,
  };
  if (options.startTs !== undefined) a['havenkit.dev/started-at'] = options.startTs;
  if (report.verdictWithWaivers !== undefined) {
    a['havenkit.dev/verdict-with-waivers'] = report.verdictWithWaivers;
  }
  if (snapshot.sha256 !== undefined) a['havenkit.dev/snapshot-sha256'] = snapshot.sha256;
  if (snapshot.clusterId !== undefined) a['havenkit.dev/cluster-id'] = snapshot.clusterId;
  if (snapshot.server !== undefined) a['havenkit.dev/server'] = snapshot.server;
  if (snapshot.context !== undefined) a['havenkit.dev/context'] = snapshot.context;
  if (report.waivers !== undefined) {
    a['havenkit.dev/waivers-sha256'] = report.waivers.sha256;
    a['havenkit.dev/waivers'] = waiversSummary(report.waivers);
  }
  return a;
}

/** Converts the native report to a ClusterPolicyReport (or, with openReports, a ClusterReport). */
export function toPolicyReport(report: ComplianceReport, options: PolicyReportOptions): PolicyReport {
  const timestamp = toTimestamp(options.stopTs);
  const results = [...report.results, ...report.suggested].map((r) =>
    toResult(report, r, options.language, timestamp),
  );
  const count = (value: PolicyResultValue) => results.filter((r) => r.result === value).length;
  const open = options.openReports === true;
  return {
    apiVersion: open ? OPEN_REPORTS_API_VERSION : POLICY_REPORT_API_VERSION,
    kind: open ? OPEN_REPORTS_KIND : POLICY_REPORT_KIND,
    metadata: {
      name: policyReportName(report.metadata.havenVersion),
      labels: { 'app.kubernetes.io/managed-by': 'havenkit', 'havenkit.dev/verdict': report.verdict },
      annotations: annotations(report, options),
    },
    ...(open ? { source: POLICY_REPORT_SOURCE } : {}),
    summary: {
      pass: count('pass'),
      fail: count('fail'),
      warn: count('warn'),
      error: count('error'),
      skip: count('skip'),
    },
    results,
  };
}

/**
 * The policy report as YAML, for `kubectl apply -f`. Keys are sorted (reproducible output). The default
 * schema is used on purpose: strings that a YAML 1.1 reader would take for a date, boolean or number
 * (2026-12-31, "true", "yes") are quoted.
 */
export function renderPolicyReport(report: ComplianceReport, options: PolicyReportOptions): string {
  return yaml.dump(toPolicyReport(report, options), { sortKeys: true, lineWidth: -1, noRefs: true });
}
