/**
 * The fleet overview: many clusters' reports (every report of every cluster found in a directory)
 * reduced to one model that the renderers turn into a page. Pure: the files are read by walk.ts,
 * the clock is the caller's.
 */
import type {
  ComplianceReport,
  Outcome,
  ReportResult,
  ReportSummary,
  Verdict,
  VerdictWithWaivers,
} from '@havenkit/model';

/** The verdict a cluster is judged by: with waivers when the report has it, else the checks' own. */
export type FleetVerdict = Verdict | VerdictWithWaivers;

/**
 * What is known of a report's signature: no envelope; an envelope whose signature was not checked
 * (no --key); an envelope that verifies with the key given. A signature that does not verify never
 * gets here: that file is Not read.
 */
export type SignatureState = 'unsigned' | 'signed' | 'verified';

/** One report file that was read: its path relative to the directory, with `/` between parts. */
export interface FleetFile {
  readonly path: string;
  readonly report: ComplianceReport;
  readonly signature: SignatureState;
  /** The key the signature verified with (signature verified). */
  readonly keyId?: string;
}

/** Why a file (or a directory) was not read. */
export type NotReadProblem =
  | 'unreadable'
  | 'too-large'
  | 'not-json'
  | 'not-a-report'
  | 'invalid-report'
  | 'bad-signature'
  | 'symlinked-directory'
  | 'too-deep';

export interface NotRead {
  readonly path: string;
  readonly problem: NotReadProblem;
  /** The particulars, from the file system or a parser (English, one line), if any. */
  readonly detail?: string;
}

/** A cell of the matrix: a check's outcome as the report says, waived for a waived failure. */
export type Cell = Outcome | 'waived' | 'absent';

/** A column of the matrix. */
export interface FleetCheck {
  readonly name: string;
  readonly label: string;
  readonly category: string;
  readonly mandatory: boolean;
}

/** One report of a cluster, as the trend shows it. */
export interface FleetRun {
  readonly path: string;
  readonly collectedAt: string;
  readonly verdict: FleetVerdict;
  readonly summary: ReportSummary;
  readonly signature: SignatureState;
  readonly keyId?: string;
}

/** A check whose cell changed between the last two reports in another way than below. */
export interface FleetCheckChange {
  readonly check: string;
  readonly from: Cell;
  readonly to: Cell;
}

/** What changed between a cluster's last two reports. */
export interface FleetChanges {
  /** When the report before the latest was collected. */
  readonly since: string;
  /** Failing now (not waived), not failing before. */
  readonly newlyFailing: readonly string[];
  /** Failing before (not waived), passed or skipped now. */
  readonly fixed: readonly string[];
  /** Every other change of a check present in both reports (e.g. pass → unknown, fail → waived). */
  readonly changed: readonly FleetCheckChange[];
}

/** How a cluster was recognised across files, best first. */
export type IdentitySource = 'clusterId' | 'context' | 'server' | 'directory';

export interface FleetCluster {
  /** The identity the reports of this cluster share, e.g. `clusterId:<uid>`. */
  readonly key: string;
  readonly recognisedBy: IdentitySource;
  /** What to call it: the context, else its directory, else the server, else the cluster id. */
  readonly name: string;
  readonly clusterId?: string;
  readonly context?: string;
  readonly server?: string;
  readonly havenVersion: string;
  /** The latest report (the last of runs). */
  readonly latest: FleetRun;
  /** The latest report's cell per check of the matrix (FleetOverview.checks). */
  readonly cells: Readonly<Record<string, Cell>>;
  /** Every report of the cluster, oldest first. */
  readonly runs: readonly FleetRun[];
  /** Between the last two runs; absent with one run. */
  readonly changes?: FleetChanges;
}

export interface FleetOverview {
  readonly apiVersion: 'havenkit.dev/v1alpha1';
  readonly kind: 'FleetOverview';
  /** When the overview was made (the caller's clock), if given. */
  readonly generatedAt?: string;
  /** The key id signatures were verified with (--key), if any. */
  readonly verifiedWith?: string;
  readonly summary: {
    readonly clusters: number;
    /** Clusters by their latest verdict, every verdict counted (0 too). */
    readonly verdicts: Readonly<Record<FleetVerdict, number>>;
  };
  /** The matrix's columns: mandatory checks, then suggested ones that some cluster ran. */
  readonly checks: readonly FleetCheck[];
  /** Worst first: not compliant, inconclusive, …, compliant; ties by name. */
  readonly clusters: readonly FleetCluster[];
  readonly notRead: readonly NotRead[];
  /** Files in the official Haven JSON format, passed over (see walk.ts). */
  readonly skipped: readonly string[];
  /** havenkit's other documents (snapshots, registers), passed over. */
  readonly passedOver: readonly string[];
}

/** Worst first: the order of the clusters, and of the summary line. */
export const VERDICT_ORDER: readonly FleetVerdict[] = [
  'not-compliant',
  'inconclusive',
  // Not a Haven verdict (a run limited by --only): never above a real compliance.
  'selected-passed-with-waivers',
  'selected-passed',
  'compliant-with-waivers',
  'compliant',
];

const rank = (v: FleetVerdict): number => VERDICT_ORDER.indexOf(v);

export function fleetVerdictOf(report: ComplianceReport): FleetVerdict {
  return report.verdictWithWaivers ?? report.verdict;
}

export function cellOf(result: ReportResult): Cell {
  return result.waived ? 'waived' : result.outcome;
}

function cellsOf(report: ComplianceReport): Map<string, Cell> {
  return new Map([...report.results, ...report.suggested].map((r) => [r.name, cellOf(r)]));
}

/** Where a file lies: its directory relative to DIR, or the file's name without .json at the top. */
function directoryOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? path.replace(/\.json$/i, '') : path.slice(0, at);
}

/**
 * The identity a report carries: the cluster id (kube-system's uid: the same however the cluster is
 * reached), else the context and server (how this kubeconfig reached it), else the directory the
 * file lies in (`check --out-dir` writes one per cluster).
 */
export function identityOf(file: FleetFile): { key: string; by: IdentitySource } {
  const { clusterId, context, server } = file.report.metadata.snapshot;
  if (clusterId) return { key: `clusterId:${clusterId}`, by: 'clusterId' };
  if (context || server) {
    return { key: `context:${context ?? ''}@${server ?? ''}`, by: context ? 'context' : 'server' };
  }
  return { key: `directory:${directoryOf(file.path)}`, by: 'directory' };
}

/** Oldest first; reports of the same moment by path, so the order never depends on the disk. */
function byTime(a: FleetFile, b: FleetFile): number {
  const ta = Date.parse(a.report.metadata.snapshot.collectedAt);
  const tb = Date.parse(b.report.metadata.snapshot.collectedAt);
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function runOf(file: FleetFile): FleetRun {
  return {
    path: file.path,
    collectedAt: file.report.metadata.snapshot.collectedAt,
    verdict: fleetVerdictOf(file.report),
    summary: file.report.summary,
    signature: file.signature,
    ...(file.keyId !== undefined ? { keyId: file.keyId } : {}),
  };
}

const failing = (cell: Cell | undefined): boolean => cell === 'fail';

/** What changed from one report to the next, check by check (in the later report's order). */
export function changesBetween(before: ComplianceReport, after: ComplianceReport): FleetChanges {
  const old = cellsOf(before);
  const now = cellsOf(after);
  const newlyFailing: string[] = [];
  const fixed: string[] = [];
  const changed: FleetCheckChange[] = [];
  const names = [...new Set([...now.keys(), ...old.keys()])];
  for (const check of names) {
    const from = old.get(check) ?? 'absent';
    const to = now.get(check) ?? 'absent';
    if (from === to) continue;
    if (failing(to)) newlyFailing.push(check);
    else if (failing(from) && (to === 'pass' || to === 'skip')) fixed.push(check);
    // A check that came or went with another catalogue is `havenkit diff`'s business.
    else if (from !== 'absent' && to !== 'absent') changed.push({ check, from, to });
  }
  return { since: before.metadata.snapshot.collectedAt, newlyFailing, fixed, changed };
}

function clusterOf(key: string, by: IdentitySource, files: FleetFile[]): FleetCluster {
  const sorted = [...files].sort(byTime);
  const last = sorted.at(-1)!;
  const { clusterId, context, server } = last.report.metadata.snapshot;
  const directory = last.path.includes('/') ? directoryOf(last.path) : undefined;
  const name = context || directory || server || clusterId || directoryOf(last.path);
  const previous = sorted.at(-2);
  return {
    key,
    recognisedBy: by,
    name,
    ...(clusterId ? { clusterId } : {}),
    ...(context ? { context } : {}),
    ...(server ? { server } : {}),
    havenVersion: last.report.metadata.havenVersion,
    latest: runOf(last),
    cells: {},
    runs: sorted.map(runOf),
    ...(previous ? { changes: changesBetween(previous.report, last.report) } : {}),
  };
}

/** The matrix's columns, in the order the reports list them (the catalogue's). */
function columnsOf(latest: readonly ComplianceReport[]): FleetCheck[] {
  const columns = new Map<string, FleetCheck>();
  const add = (r: ReportResult) => {
    if (!columns.has(r.name)) {
      columns.set(r.name, { name: r.name, label: r.label, category: r.category, mandatory: r.mandatory });
    }
  };
  for (const report of latest) report.results.forEach(add);
  // Suggested checks are opt-in: a column only when some cluster ran one.
  for (const report of latest) report.suggested.filter((r) => r.outcome !== 'skip').forEach(add);
  return [...columns.values()];
}

export interface FleetOptions {
  readonly notRead?: readonly NotRead[];
  readonly skipped?: readonly string[];
  readonly passedOver?: readonly string[];
  readonly generatedAt?: string;
  readonly verifiedWith?: string;
}

/**
 * The overview of these report files: one cluster per identity (identityOf), its reports oldest
 * first, the matrix of the latest reports, worst cluster first; ties by name, then identity.
 */
export function fleetOverview(files: readonly FleetFile[], options: FleetOptions = {}): FleetOverview {
  const groups = new Map<string, { by: IdentitySource; files: FleetFile[] }>();
  for (const file of files) {
    const { key, by } = identityOf(file);
    const group = groups.get(key);
    if (group) group.files.push(file);
    else groups.set(key, { by, files: [file] });
  }
  const unsorted = [...groups].map(([key, g]) => ({
    cluster: clusterOf(key, g.by, g.files),
    report: [...g.files].sort(byTime).at(-1)!.report,
  }));
  unsorted.sort(
    (a, b) =>
      rank(a.cluster.latest.verdict) - rank(b.cluster.latest.verdict) ||
      a.cluster.name.localeCompare(b.cluster.name, 'en') ||
      (a.cluster.key < b.cluster.key ? -1 : a.cluster.key > b.cluster.key ? 1 : 0),
  );
  const checks = columnsOf(unsorted.map((u) => u.report));
  const clusters = unsorted.map(({ cluster, report }): FleetCluster => {
    const cells = cellsOf(report);
    return {
      ...cluster,
      cells: Object.fromEntries(checks.map((c) => [c.name, cells.get(c.name) ?? 'absent'])),
    };
  });
  const verdicts = Object.fromEntries(VERDICT_ORDER.map((v) => [v, 0])) as Record<FleetVerdict, number>;
  for (const c of clusters) verdicts[c.latest.verdict] += 1;
  const byPath = (a: NotRead, b: NotRead) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'FleetOverview',
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    ...(options.verifiedWith !== undefined ? { verifiedWith: options.verifiedWith } : {}),
    summary: { clusters: clusters.length, verdicts },
    checks,
    clusters,
    notRead: [...(options.notRead ?? [])].sort(byPath),
    skipped: [...(options.skipped ?? [])].sort(),
    passedOver: [...(options.passedOver ?? [])].sort(),
  };
}
