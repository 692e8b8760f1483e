/**
 * `havenkit check` over a fleet: one child `havenkit check` per cluster (isolated, each with a hard
 * deadline), the reports in a sub-directory of --out-dir per cluster, fleet.json next to them, and
 * one cluster × check table on stdout. The exit code is the worst of the clusters' (summary.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FORMATS, readReportFile } from '@havenkit/checker';
import type { Language, ReportFormat } from '@havenkit/checker';
import { UserError, oneLine } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { DEFAULT_RUN_TIMEOUT_MS } from '../kube/flags.js';
import { expandTime } from '../kube/time-placeholder.js';
import { makeOutputDirectory, writeFileAtomic } from '../kube/write.js';
import { clusterDirectories, contextsOfFlag, selectClusters } from './clusters.js';
import type { FleetCluster } from './clusters.js';
import { FLEET_CHILD_ENV, runBounded } from './run.js';
import type { ChildRun } from './run.js';
import { cellText, clusterOutcome, fleetJson, renderFleetTable, worstExitCode } from './summary.js';
import type { ClusterOutcome } from './summary.js';

/** What each cluster gets on top of --timeout before it is stopped: evaluating and writing, a slow start. */
export const FLEET_MARGIN_MS = 30_000;

/** --concurrency: the default and the bounds. */
export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 64;

/** The flags of `check` a fleet run reads (check.ts's parsed flags fit). */
export interface FleetFlags {
  readonly context?: readonly string[];
  readonly kubeconfig?: string;
  readonly 'all-contexts'?: boolean;
  readonly 'kubeconfig-dir'?: string;
  readonly concurrency?: number;
  readonly 'out-dir'?: string;
  readonly out?: string;
  readonly sign?: string;
  readonly 'save-snapshot'?: string;
  readonly snapshot?: string;
  readonly only?: string;
  readonly cis?: boolean;
  readonly kubescape?: boolean;
  readonly 'latest-kubernetes'?: string;
  readonly 'haven-releases'?: string;
  readonly waivers?: string;
  readonly timeout?: number;
  readonly probe?: readonly string[];
  readonly 'probe-namespace'?: string;
  readonly 'probe-timeout'?: number;
  readonly rationale?: boolean;
  readonly 'failed-only'?: boolean;
  readonly verbose?: boolean;
  readonly width?: number;
  readonly 'sarif-passes'?: boolean;
  readonly openreports?: boolean;
  readonly 'max-input-size'?: number;
  readonly publish?: readonly string[];
  readonly 'publish-name'?: string;
  readonly 'publish-namespace'?: string;
  readonly 'verdict-exit-code'?: boolean;
}

/** What the validated inputs give the fleet (check.ts's readInputs). */
export interface FleetInputs {
  readonly formats: readonly ReportFormat[];
  readonly language: Language;
}

/** What `check` returns for a fleet (for programmatic use). */
export interface FleetCheckResult {
  readonly exitCode: number;
  readonly clusters: readonly ClusterOutcome[];
}

/**
 * Whether this is a fleet run, and if not the one context of today's run: --all-contexts and
 * --kubeconfig-dir always are (fleet output whatever the count), --context when it names more
 * than one context.
 */
export async function fleetTarget(
  flags: FleetFlags,
): Promise<{ fleet: true; contexts?: string[] } | { fleet: false; context: string | undefined }> {
  if (flags['all-contexts'] === true || flags['kubeconfig-dir'] !== undefined) return { fleet: true };
  const target = await contextsOfFlag(flags.context, flags.kubeconfig);
  return 'several' in target
    ? { fleet: true, contexts: target.several }
    : { fleet: false, context: target.single };
}

/** Refuses what a fleet run cannot do, in one line, before anything is read (exit 3). */
export function refuseInFleet(flags: FleetFlags): void {
  const refuse = (message: string): never => {
    throw new UserError(message, ExitCode.BadInput);
  };
  if (process.env[FLEET_CHILD_ENV]) refuse('a fleet check never starts another fleet: give one --context');
  if (flags.out !== undefined) refuse('--out writes one report: with several clusters give --out-dir DIR');
  if (flags.sign !== undefined)
    refuse('--sign signs the report of one cluster: check each cluster on its own');
  if (flags['save-snapshot'] !== undefined) {
    refuse('--save-snapshot saves the snapshot of one cluster: check each cluster on its own');
  }
  if (flags['out-dir'] === undefined) {
    refuse(
      'several clusters write a report each: give --out-dir DIR (a sub-directory per cluster, and fleet.json)',
    );
  }
}

/** The arguments of the child `havenkit check` of one cluster. */
export function childArgs(
  flags: FleetFlags,
  cluster: FleetCluster,
  outDir: string,
  inputs: FleetInputs,
): string[] {
  const formats = inputs.formats.map((f) => f.id);
  if (!formats.includes('json')) formats.push('json');
  // --flag=value: a context that starts with "-" stays a value.
  const args = ['check', `--context=${cluster.context}`];
  if (cluster.kubeconfig !== undefined) args.push(`--kubeconfig=${cluster.kubeconfig}`);
  args.push(`--output=${formats.join(',')}`, `--out-dir=${outDir}`, `--lang=${inputs.language}`);
  const value = (name: keyof FleetFlags & string, v: string | number | undefined): void => {
    if (v !== undefined) args.push(`--${name}=${v}`);
  };
  const flag = (name: keyof FleetFlags & string, on: boolean | undefined): void => {
    if (on === true) args.push(`--${name}`);
  };
  value('only', flags.only);
  flag('cis', flags.cis);
  flag('kubescape', flags.kubescape);
  value('latest-kubernetes', flags['latest-kubernetes']);
  value('haven-releases', flags['haven-releases']);
  value('waivers', flags.waivers);
  value('timeout', flags.timeout !== undefined ? `${Math.ceil(flags.timeout / 1000)}s` : undefined);
  for (const probe of flags.probe ?? []) args.push(`--probe=${probe}`);
  value('probe-namespace', flags['probe-namespace']);
  value('probe-timeout', flags['probe-timeout']);
  flag('rationale', flags.rationale);
  flag('failed-only', flags['failed-only']);
  flag('verbose', flags.verbose);
  value('width', flags.width);
  flag('sarif-passes', flags['sarif-passes']);
  flag('openreports', flags.openreports);
  value('max-input-size', flags['max-input-size'] !== undefined ? `${flags['max-input-size']}b` : undefined);
  for (const target of flags.publish ?? []) args.push(`--publish=${target}`);
  value('publish-name', flags['publish-name']);
  value('publish-namespace', flags['publish-namespace']);
  return args;
}

/** The report files a cluster's directory may hold from an earlier run; removed before its check. */
function removeEarlierReports(dir: string): void {
  for (const format of REPORT_FORMATS) {
    try {
      rmSync(join(dir, format.fileName), { force: true });
    } catch {
      // Not a directory (yet): the child says so when it writes.
    }
  }
}

/**
 * Checks every selected cluster: validates the flags and inputs, selects the clusters, runs the
 * children, writes fleet.json and prints the table. Sets process.exitCode (the worst cluster's, or
 * 128+n when SIGINT/SIGTERM interrupted the run).
 */
export async function checkFleet(
  flags: FleetFlags,
  contexts: readonly string[] | undefined,
  readInputs: () => FleetInputs,
): Promise<FleetCheckResult> {
  refuseInFleet(flags);
  // {time} expanded once, here: every cluster's directory is under the same run directory.
  const outDir = expandTime(flags['out-dir']!, new Date());
  const inputs = readInputs();
  const { clusters, skipped } = await selectClusters({
    ...(contexts !== undefined ? { contexts } : {}),
    ...(flags['all-contexts'] === true ? { allContexts: true } : {}),
    ...(flags['kubeconfig-dir'] !== undefined ? { kubeconfigDir: flags['kubeconfig-dir'] } : {}),
    ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
  });
  for (const s of skipped)
    process.stderr.write(`havenkit: warning: skipped ${oneLine(s.file)}: ${s.reason}\n`);
  const directories = clusterDirectories(clusters.map((c) => c.name));
  makeOutputDirectory(outDir);

  const timeoutMs = flags.timeout ?? DEFAULT_RUN_TIMEOUT_MS;
  const deadline = { ms: timeoutMs + FLEET_MARGIN_MS, timeoutMs, marginMs: FLEET_MARGIN_MS };
  const jobs = clusters.map((cluster, i) => ({ cluster, directory: directories[i]! }));
  const runnable = jobs.filter((j) => j.cluster.error === undefined);
  let finished = 0;
  const { runs, interrupted } = await runBounded({
    jobs: runnable,
    concurrency: flags.concurrency ?? DEFAULT_CONCURRENCY,
    deadlineMs: deadline.ms,
    argsOf: ({ cluster, directory }) => {
      const dir = join(outDir, directory);
      removeEarlierReports(dir);
      return childArgs(flags, cluster, dir, inputs);
    },
    onDone: ({ cluster }) => {
      finished += 1;
      if (process.stderr.isTTY) {
        process.stderr.write(
          `\r\u001b[2Khavenkit: ${finished}/${runnable.length} checked (${cellText(cluster.name).slice(0, 60)})`,
        );
        if (finished === runnable.length) process.stderr.write('\r\u001b[2K');
      }
    },
  });
  const runOf = new Map<(typeof jobs)[number], ChildRun>(runnable.map((j, i) => [j, runs[i]!]));
  const outcomes = jobs.map((job) => {
    const { cluster, directory } = job;
    const run = runOf.get(job);
    return clusterOutcome({
      name: cluster.name,
      context: cluster.context,
      ...(cluster.kubeconfig !== undefined ? { kubeconfig: cluster.kubeconfig } : {}),
      directory,
      ...(run !== undefined ? { run } : {}),
      ...(cluster.error !== undefined ? { entryError: cluster.error } : {}),
      readReport: (path) => readReportFile(join(outDir, path)),
      deadline,
    });
  });

  const worst = worstExitCode(outcomes.map((o) => o.exitCode));
  const verdictCodes: readonly number[] = [1, 2, 5, 6, 7];
  const fleetCode =
    flags['verdict-exit-code'] === false && verdictCodes.includes(worst) ? ExitCode.Ok : worst;
  const exitCode = interrupted !== undefined ? 128 + (interrupted === 'SIGINT' ? 2 : 15) : fleetCode;
  const summary = fleetJson(outcomes, {
    generatedAt: new Date().toISOString(),
    exitCode,
    ...(interrupted !== undefined ? { interrupted } : {}),
    skipped,
  });
  writeFileAtomic(join(outDir, 'fleet.json'), `${JSON.stringify(summary, null, 2)}\n`, '--out-dir');
  process.stdout.write(
    renderFleetTable(outcomes, {
      language: inputs.language,
      suggested: [...(flags.cis === true ? ['cis'] : []), ...(flags.kubescape === true ? ['kubescape'] : [])],
      outDir,
      exitCode,
    }),
  );
  process.exitCode = exitCode;
  return { exitCode, clusters: outcomes };
}
