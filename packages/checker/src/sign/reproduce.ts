import type {
  Catalogue,
  BundledData,
  IntegrityResult,
  ComplianceReport,
  ReportResult,
  ClusterSnapshot,
  WaiverFile,
} from '@havenkit/model';
import { evaluate } from '../evaluate.js';
import { sortKeysDeep } from '../snapshot/canonical.js';
import { CHECKER_NAME, CHECKER_VERSION } from '../version.js';
import { applyWaivers } from '../waivers/apply.js';

export interface ReproduceOptions {
  /** The result of verifying this toolkit's files (shavalidation); absent: that check is unknown. */
  readonly integrity?: IntegrityResult;
  /** @default the bundled catalogue */
  readonly catalogue?: Catalogue;
  /** @default the bundled data */
  readonly data?: BundledData;
}

/** One difference between the report as signed and the report recomputed from the snapshot. */
export interface Mismatch {
  /** The check's name, or "(report)" for the report as a whole (checker version, verdict, summary). */
  check: string;
  /** Where they differ, e.g. "outcome", "evidence[2].fields.address", "verdict", "checker.version". */
  field: string;
  /** The reported value as JSON ("(absent)" when missing), shortened to 120 characters. */
  reported: string;
  /** The recomputed value, likewise. */
  recomputed: string;
}

/** The name Mismatch.check gives to report-wide fields. */
export const REPORT_WIDE = '(report)';

const MAX_VALUE = 120;

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(sortKeysDeep(value));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The first place two JSON values differ, as a path ("evidence[1].fields.zone"), or undefined when equal. */
export function firstDifference(
  a: unknown,
  b: unknown,
  path = '',
): { path: string; a: unknown; b: unknown } | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference(a[key], b[key], path === '' ? key : `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : { path, a, b };
}

function compare(
  out: Mismatch[],
  check: string,
  field: string,
  reported: unknown,
  recomputed: unknown,
): void {
  const d = firstDifference(reported, recomputed);
  if (!d) return;
  const where = d.path === '' ? field : d.path.startsWith('[') ? field + d.path : `${field}.${d.path}`;
  out.push({ check, field: where, reported: show(d.a), recomputed: show(d.b) });
}

/** What of a check's result a re-evaluation must reproduce, in the order they are compared. */
const DECISIVE = [
  'outcome',
  'cause',
  'reason',
  'evidence',
  'waived',
] as const satisfies readonly (keyof ReportResult)[];

/** The waivers file a report's waivers section was made from. */
function waiverFileOf(report: ComplianceReport): WaiverFile | undefined {
  if (report.waivers === undefined) return undefined;
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'WaiverList',
    waivers: report.waivers.waivers.map((o) => o.waiver),
  };
}

/** Re-evaluates the snapshot with the settings and waivers the report records. */
export function recompute(
  report: ComplianceReport,
  snapshot: ClusterSnapshot,
  options: ReproduceOptions = {},
): ComplianceReport {
  const { only, latestKubernetes, suggested, havenReleases } = report.metadata.evaluation;
  const evaluated = evaluate(snapshot, {
    ...(options.catalogue !== undefined ? { catalogue: options.catalogue } : {}),
    ...(options.data !== undefined ? { data: options.data } : {}),
    ...(only !== undefined ? { only } : {}),
    ...(latestKubernetes !== undefined ? { latestKubernetes } : {}),
    ...(havenReleases !== undefined ? { havenReleases } : {}),
    suggested,
    ...(options.integrity !== undefined ? { integrity: options.integrity } : {}),
    ...(report.metadata.snapshot.sha256 !== undefined
      ? { snapshotSha256: report.metadata.snapshot.sha256 }
      : {}),
  });
  const file = waiverFileOf(report);
  return file && report.waivers ? applyWaivers(evaluated, file, report.waivers.sha256) : evaluated;
}

/**
 * Re-evaluates the snapshot exactly as the report says it was evaluated (its metadata.evaluation:
 * only, latestKubernetes, suggested, havenReleases; and the waivers it records, with the same
 * sha256) and compares: the checker (name and version: another version may decide differently,
 * so a different one is a mismatch, never a silent pass), the Haven version, the snapshot's
 * metadata, every check's outcome, cause, reason, evidence and waiver, the checks that ran, the
 * summary, the verdict and the verdict with waivers.
 * The snapshot's sha256 is not compared here: the caller checks the snapshot file against the
 * signed subject.
 * @returns the mismatches, in report order; empty when the report is reproduced.
 * @throws InputError when the recorded settings are invalid (an unknown check in `only`).
 */
export function reproduce(
  report: ComplianceReport,
  snapshot: ClusterSnapshot,
  options: ReproduceOptions = {},
): Mismatch[] {
  const out: Mismatch[] = [];
  compare(out, REPORT_WIDE, 'checker', report.metadata.checker, {
    name: CHECKER_NAME,
    version: CHECKER_VERSION,
  });
  const again = recompute(report, snapshot, options);
  compare(out, REPORT_WIDE, 'havenVersion', report.metadata.havenVersion, again.metadata.havenVersion);
  compare(out, REPORT_WIDE, 'snapshot', report.metadata.snapshot, again.metadata.snapshot);
  const reported = [...report.results, ...report.suggested];
  const recomputed = [...again.results, ...again.suggested];
  const names = [...new Set([...reported, ...recomputed].map((r) => r.name))];
  for (const name of names) {
    const a = reported.find((r) => r.name === name);
    const b = recomputed.find((r) => r.name === name);
    if (a === undefined || b === undefined) {
      out.push({
        check: name,
        field: 'ran',
        reported: a === undefined ? 'not run' : 'run',
        recomputed: b === undefined ? 'not run' : 'run',
      });
      continue;
    }
    for (const field of DECISIVE) compare(out, name, field, a[field], b[field]);
  }
  compare(out, REPORT_WIDE, 'summary', report.summary, again.summary);
  compare(out, REPORT_WIDE, 'waivers', report.waivers?.waivers, again.waivers?.waivers);
  compare(out, REPORT_WIDE, 'verdict', report.verdict, again.verdict);
  compare(out, REPORT_WIDE, 'verdictWithWaivers', report.verdictWithWaivers, again.verdictWithWaivers);
  return out;
}
