/**
 * The fleet run's results, pure: what each child's exit means, the worst exit code of the fleet,
 * the cluster × check table for stdout and fleet.json.
 */
import {
  OUTCOME_TEXT,
  TEXT,
  VERDICT_TEXT,
  WAIVED_TEXT,
  escapeControl,
  type ComplianceReport,
  type Language,
  type LocalizedText,
  type ReportResult,
  type ReportSummary,
  type Verdict,
  type VerdictWithWaivers,
} from '@havenkit/model';
import { oneLine } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { ChildRun } from './run.js';

/**
 * The exit codes of a fleet, worst first: the fleet exits with the first of these that one of its
 * clusters has. A cluster that was not checked at all (unreachable or stopped at its deadline: 4;
 * a broken kubeconfig entry or another error: 3) outranks a cluster that was checked; a report the
 * cluster did not take (--publish: 12) comes next; then the verdicts, from a failure (1) through
 * inconclusive (2) and the waived and partial verdicts (5, 7, 6) to compliant (0).
 */
export const FLEET_EXIT_ORDER: readonly ExitCode[] = [
  ExitCode.Unreachable,
  ExitCode.BadInput,
  ExitCode.PublishFailed,
  ExitCode.NotCompliant,
  ExitCode.Inconclusive,
  ExitCode.CompliantWithWaivers,
  ExitCode.SelectedPassedWithWaivers,
  ExitCode.SelectedPassed,
  ExitCode.Ok,
];

/** The exit codes a child exits with when it wrote its reports (a verdict, or 12). */
const REPORTED: ReadonlySet<number> = new Set<number>([
  ExitCode.Ok,
  ExitCode.NotCompliant,
  ExitCode.Inconclusive,
  ExitCode.CompliantWithWaivers,
  ExitCode.SelectedPassed,
  ExitCode.SelectedPassedWithWaivers,
  ExitCode.PublishFailed,
]);

/** Position in FLEET_EXIT_ORDER (0 is worst); a code not in it ranks as bad input. */
export function exitCodeRank(code: number): number {
  const rank = FLEET_EXIT_ORDER.indexOf(code as ExitCode);
  return rank >= 0 ? rank : FLEET_EXIT_ORDER.indexOf(ExitCode.BadInput);
}

/** The worst of the clusters' exit codes (FLEET_EXIT_ORDER); 0 for none. */
export function worstExitCode(codes: readonly number[]): ExitCode {
  let worst: ExitCode = ExitCode.Ok;
  for (const code of codes) {
    const known = FLEET_EXIT_ORDER.includes(code as ExitCode) ? (code as ExitCode) : ExitCode.BadInput;
    if (exitCodeRank(known) < exitCodeRank(worst)) worst = known;
  }
  return worst;
}

/** How a cluster of the fleet ended. */
export type ClusterStatus = 'checked' | 'unreachable' | 'bad-input' | 'timeout' | 'interrupted' | 'failed';

/** One cluster's result: its report, or the one line why there is none. */
export interface ClusterOutcome {
  readonly name: string;
  readonly context: string;
  readonly kubeconfig?: string;
  /** Its sub-directory, relative to --out-dir. */
  readonly directory: string;
  readonly status: ClusterStatus;
  readonly exitCode: number;
  readonly report?: ComplianceReport;
  /** The json report, relative to --out-dir. */
  readonly reportPath?: string;
  /** Why there is no report (one line, no control characters). */
  readonly error?: string;
  /** The child's other messages on stderr ("havenkit: …" without the prefix), one line each. */
  readonly messages: readonly string[];
}

const ERROR_PREFIX = 'havenkit: error: ';

/** The child's last "havenkit: error: …" line, without the prefix. */
export function errorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').filter((l) => l.startsWith(ERROR_PREFIX));
  const last = lines.at(-1);
  return last !== undefined ? oneLine(last.slice(ERROR_PREFIX.length)) : undefined;
}

/** The child's other "havenkit: …" lines (warnings, the run deadline), at most 20. */
export function messageLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('havenkit: ') && !l.startsWith(ERROR_PREFIX))
    .slice(0, 20)
    .map((l) => oneLine(l.slice('havenkit: '.length)));
}

/** The seconds of a duration in milliseconds, as --timeout is written: 93000 → "93s". */
const seconds = (ms: number): string => `${Math.round(ms / 1000)}s`;

export interface OutcomeInput {
  readonly name: string;
  readonly context: string;
  readonly kubeconfig?: string;
  readonly directory: string;
  /** The child's end; absent for a cluster that was never run (its kubeconfig entry is broken). */
  readonly run?: ChildRun;
  /** The entry's own error (FleetCluster.error): bad input before any child. */
  readonly entryError?: string;
  /** Reads the json report the child wrote (relative path given); throws when it is missing or bad. */
  readonly readReport: (path: string) => ComplianceReport;
  /** The per-cluster deadline and what it is made of, for the timeout's error line. */
  readonly deadline: { readonly ms: number; readonly timeoutMs: number; readonly marginMs: number };
}

/** What a child's end means for its cluster. */
export function clusterOutcome(input: OutcomeInput): ClusterOutcome {
  const base = {
    name: input.name,
    context: input.context,
    ...(input.kubeconfig !== undefined ? { kubeconfig: input.kubeconfig } : {}),
    directory: input.directory,
  };
  const run = input.run;
  const messages = run !== undefined ? messageLines(run.stderr) : [];
  const failed = (status: ClusterStatus, exitCode: number, error: string): ClusterOutcome => ({
    ...base,
    status,
    exitCode,
    error: oneLine(error),
    messages,
  });
  if (input.entryError !== undefined || run === undefined) {
    return failed('bad-input', ExitCode.BadInput, input.entryError ?? 'not run');
  }
  if (run.timedOut) {
    const { ms, timeoutMs, marginMs } = input.deadline;
    return failed(
      'timeout',
      ExitCode.Unreachable,
      `no result within ${seconds(ms)} (--timeout ${seconds(timeoutMs)} + ${seconds(marginMs)}): the check was stopped`,
    );
  }
  if (run.notStarted === true) {
    return failed('interrupted', 128 + signalNumber(run.interrupted), `not started: ${run.interrupted}`);
  }
  if (run.spawnError !== undefined) {
    return failed('failed', ExitCode.BadInput, `cannot start the check: ${run.spawnError}`);
  }
  const said = errorLine(run.stderr);
  if (run.interrupted !== undefined && (run.exitCode === null || !REPORTED.has(run.exitCode))) {
    return failed(
      'interrupted',
      128 + signalNumber(run.interrupted),
      said ?? `stopped by ${run.interrupted}`,
    );
  }
  if (run.exitCode === null) {
    return failed('failed', ExitCode.BadInput, `the check ended on ${run.signal ?? 'a signal'}`);
  }
  if (run.exitCode === ExitCode.Unreachable) {
    return failed('unreachable', ExitCode.Unreachable, said ?? 'the cluster could not be reached');
  }
  if (!REPORTED.has(run.exitCode)) {
    const status = run.exitCode === ExitCode.BadInput ? 'bad-input' : 'failed';
    return failed(status, ExitCode.BadInput, said ?? `the check exited ${run.exitCode}`);
  }
  const reportPath = `${input.directory}/report.json`;
  try {
    const report = input.readReport(reportPath);
    return { ...base, status: 'checked', exitCode: run.exitCode, report, reportPath, messages };
  } catch (err) {
    return failed('failed', ExitCode.BadInput, `no report: ${(err as Error).message}`);
  }
}

function signalNumber(signal: NodeJS.Signals | undefined): number {
  return signal === 'SIGINT' ? 2 : 15;
}

/** Worst first (FLEET_EXIT_ORDER), then by name. */
export function worstFirst(outcomes: readonly ClusterOutcome[]): ClusterOutcome[] {
  return [...outcomes].sort(
    (a, b) =>
      exitCodeRank(a.exitCode) - exitCodeRank(b.exitCode) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** The word before a cluster's error line in the table. */
const STATUS_TEXT: Readonly<Record<Exclude<ClusterStatus, 'checked'>, LocalizedText>> = {
  unreachable: { en: 'unreachable', nl: 'onbereikbaar' },
  'bad-input': { en: 'bad input', nl: 'ongeldige invoer' },
  timeout: { en: 'timeout', nl: 'time-out' },
  interrupted: { en: 'interrupted', nl: 'onderbroken' },
  failed: { en: 'failed', nl: 'mislukt' },
};

const FLEET_TEXT = {
  worst: {
    en: (code: number, n: number) => `Exit code ${code}: the worst result of ${n} clusters`,
    nl: (code: number, n: number) => `Exitcode ${code}: het slechtste resultaat van ${n} clusters`,
  },
  notes: { en: 'Notes', nl: 'Opmerkingen' },
  perCluster: { en: 'one directory per cluster', nl: 'een map per cluster' },
} as const;

/**
 * Cluster data as one table cell: control characters (also tab and newline) and the Unicode
 * direction overrides as visible escapes, never sent to the terminal.
 */
export function cellText(value: string): string {
  return escapeControl(value)
    .replace(/[\t\n]/g, (c) => (c === '\t' ? '\\t' : '\\n'))
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function cell(result: ReportResult | undefined, language: Language): string {
  if (result === undefined) return '-';
  if (result.outcome === 'fail')
    return result.waived !== undefined ? WAIVED_TEXT[language] : OUTCOME_TEXT.fail[language].toUpperCase();
  return OUTCOME_TEXT[result.outcome][language];
}

function verdictOf(report: ComplianceReport): Verdict | VerdictWithWaivers {
  return report.verdictWithWaivers ?? report.verdict;
}

export interface TableOptions {
  readonly language: Language;
  /** The suggested checks to show (those enabled with --cis, --kubescape). */
  readonly suggested?: readonly string[];
  /** --out-dir, for the closing lines. */
  readonly outDir: string;
  readonly exitCode: number;
}

/**
 * The fleet table: a row per cluster, worst first; a column per check (in the reports' order) and
 * the verdict. A cluster without a report shows its status and error line in place of the cells.
 */
export function renderFleetTable(outcomes: readonly ClusterOutcome[], options: TableOptions): string {
  const { language } = options;
  const suggested = new Set(options.suggested ?? []);
  const checks: string[] = [];
  for (const o of outcomes) {
    const results = [
      ...(o.report?.results ?? []),
      ...(o.report?.suggested ?? []).filter((r) => suggested.has(r.name)),
    ];
    for (const r of results) if (!checks.includes(r.name)) checks.push(r.name);
  }
  const rows = worstFirst(outcomes).map((o) => {
    const name = cellText(o.name);
    if (o.report === undefined) {
      const status = STATUS_TEXT[o.status === 'checked' ? 'failed' : o.status][language];
      return { name, cells: undefined, rest: `${status}: ${cellText(o.error ?? '')}` };
    }
    const byName = new Map([...o.report.results, ...o.report.suggested].map((r) => [r.name, r]));
    return {
      name,
      cells: checks.map((c) => cell(byName.get(c), language)),
      rest: VERDICT_TEXT[verdictOf(o.report)][language],
    };
  });
  const header = { name: TEXT.cluster[language], cells: checks, rest: TEXT.verdict[language] };
  const nameWidth = Math.max(header.name.length, ...rows.map((r) => r.name.length));
  const widths = checks.map((c, i) => Math.max(c.length, ...rows.map((r) => r.cells?.[i]?.length ?? 0)));
  const line = (r: { name: string; cells: readonly string[] | undefined; rest: string }): string =>
    [r.name.padEnd(nameWidth), ...(r.cells?.map((c, i) => c.padEnd(widths[i]!)) ?? []), r.rest]
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...rows.map(line), ''];
  lines.push(`${FLEET_TEXT.worst[language](options.exitCode, outcomes.length)}.`);
  const notes = worstFirst(outcomes).flatMap((o) =>
    o.messages
      .filter((m) => m.startsWith('the run deadline'))
      .map((m) => `  ${cellText(o.name)}: ${cellText(m)}`),
  );
  if (notes.length > 0) lines.push(`${FLEET_TEXT.notes[language]}:`, ...notes);
  lines.push(
    `${TEXT.written[language]}:`,
    `  ${cellText(joinPath(options.outDir, 'fleet.json'))}`,
    `  ${cellText(joinPath(options.outDir, '*'))}/  (${FLEET_TEXT.perCluster[language]})`,
  );
  return `${lines.join('\n')}\n`;
}

const joinPath = (dir: string, name: string): string => `${dir.replace(/\/+$/, '')}/${name}`;

/** One cluster in fleet.json. */
export interface FleetJsonCluster {
  readonly name: string;
  readonly context: string;
  readonly kubeconfig: string | null;
  readonly directory: string;
  readonly status: ClusterStatus;
  readonly exitCode: number;
  readonly verdict: Verdict | null;
  readonly verdictWithWaivers?: VerdictWithWaivers;
  readonly summary: ReportSummary | null;
  /** Outcome per check (mandatory, then the suggested ones that ran); "waived" for a waived failure. */
  readonly checks: Record<string, string>;
  readonly report: string | null;
  readonly error: string | null;
  readonly messages: readonly string[];
}

export interface FleetJson {
  readonly apiVersion: 'havenkit.dev/v1alpha1';
  readonly kind: 'FleetSummary';
  readonly generatedAt: string;
  readonly exitCode: number;
  /** FLEET_EXIT_ORDER: how exitCode was chosen. */
  readonly exitCodeOrder: readonly number[];
  readonly interrupted?: string;
  /** In the order of the selection (by name), not worst first. */
  readonly clusters: readonly FleetJsonCluster[];
  /** --kubeconfig-dir: files that were not kubeconfigs. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

/** fleet.json: every cluster with its verdict, exit code, counts, per-check status, report and error. */
export function fleetJson(
  outcomes: readonly ClusterOutcome[],
  options: {
    readonly generatedAt: string;
    readonly exitCode: number;
    readonly interrupted?: string;
    readonly skipped?: readonly { file: string; reason: string }[];
  },
): FleetJson {
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'FleetSummary',
    generatedAt: options.generatedAt,
    exitCode: options.exitCode,
    exitCodeOrder: FLEET_EXIT_ORDER,
    ...(options.interrupted !== undefined ? { interrupted: options.interrupted } : {}),
    clusters: outcomes.map((o) => ({
      name: o.name,
      context: o.context,
      kubeconfig: o.kubeconfig ?? null,
      directory: o.directory,
      status: o.status,
      exitCode: o.exitCode,
      verdict: o.report?.verdict ?? null,
      ...(o.report?.verdictWithWaivers !== undefined
        ? { verdictWithWaivers: o.report.verdictWithWaivers }
        : {}),
      summary: o.report?.summary ?? null,
      checks: Object.fromEntries(
        [
          ...(o.report?.results ?? []),
          ...(o.report?.suggested ?? []).filter((r) => r.outcome !== 'skip'),
        ].map((r) => [r.name, r.outcome === 'fail' && r.waived !== undefined ? 'waived' : r.outcome]),
      ),
      report: o.reportPath ?? null,
      error: o.error ?? null,
      messages: o.messages,
    })),
    skipped: options.skipped ?? [],
  };
}
