/**
 * The scale benchmark (bench/scale/README.md): seeds a real kube-apiserver + etcd with realistic clusters
 * and times havenkit against raw-transfer floors, whole processes under GNU time. A vitest file only to run
 * the TypeScript control-plane modules of test/controlplane; it asserts nothing and never runs with the tests.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject, test } from 'vitest';
import { ensureBinaries, VERSIONS } from '../../test/controlplane/binaries.js';
import { killRecorded } from '../../test/controlplane/run-dir.js';
import type { ScaleCluster } from './cluster.js';
import { startScaleCluster } from './cluster.js';
import { ApiClient } from './http.js';
import type { Timed } from './measure.js';
import { GNU_TIME, countDelta, killRunning, median, requestCounts, settle, tail, timed } from './measure.js';
import type { RunOptions, Settled } from './measure.js';
import type { ScaleOptions, ScaleSize } from './options.js';
import type { Column, SizeResult } from './report.js';
import { COLUMN_TITLES, bytes, markdownTable, mib, seedTable, size } from './report.js';
import type { SeedState } from './seed.js';
import { emptyState, seedTo } from './seed.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floor.mjs', import.meta.url));
const BUILD_KUBECTL = fileURLToPath(new URL('../../test/controlplane/build-binaries.sh', import.meta.url));
/** Exit codes of `havenkit check` that are verdicts (compliant, not compliant, inconclusive, waivers, --only). */
const VERDICT_CODES = [0, 1, 2, 5, 6, 7];
const VERDICTS: Record<number, string> = {
  0: 'compliant',
  1: 'not compliant',
  2: 'inconclusive',
  5: 'compliant with waivers',
  6: 'no verdict (--only)',
  7: 'no verdict (--only, waivers)',
};

const log = (msg: string): void => void process.stdout.write(`[scale] ${msg}\n`);

/** Why a havenkit run's output says it did not do its work although the exit code is fine. */
function havenkitProblem(stdoutFile: string, stderrFile: string, needStdout: boolean): string | undefined {
  const err = readFileSync(stderrFile, 'utf8');
  if (/havenkit: error:/.test(err))
    return `error: ${err.split('\n').find((l) => l.includes('havenkit: error:'))}`;
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(err)) return 'stack trace on stderr';
  if (needStdout && statSync(stdoutFile).size === 0) return 'no report on stdout';
  return undefined;
}

/** Why a `check` run's report does not count: havenkitProblem, or a check unknown because time ran out. */
function reportProblem(f: { stdoutFile: string; stderrFile: string }): string | undefined {
  return (
    havenkitProblem(f.stdoutFile, f.stderrFile, true) ??
    (/the run deadline|did not answer in time/.test(readFileSync(f.stdoutFile, 'utf8'))
      ? 'a check is unknown with cause timeout (the report says so)'
      : undefined)
  );
}

/** Whether a file contains `needle`, read in chunks (snapshots are hundreds of MiB: too long for one string). */
function fileContains(file: string, needle: string): boolean {
  const wanted = Buffer.from(needle);
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    let carry = Buffer.alloc(0);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return false;
      const window = Buffer.concat([carry, chunk.subarray(0, n)]);
      if (window.includes(wanted)) return true;
      carry = window.subarray(Math.max(0, window.length - wanted.length + 1));
    }
  } finally {
    closeSync(fd);
  }
}

function procRssKiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function etcdDbBytes(cluster: ScaleCluster): Promise<number | undefined> {
  const endpoint = (cluster.etcd as unknown as { endpoint?: string }).endpoint;
  if (endpoint === undefined) return undefined;
  try {
    const text = await (await fetch(`${endpoint}/metrics`)).text();
    const m = /^etcd_mvcc_db_total_size_in_bytes\s+([0-9.eE+]+)$/m.exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Builds kubectl when missing (test/controlplane/build-binaries.sh kubectl); its path, or why there is none. */
function ensureKubectl(): { path: string } | { skipped: string } {
  log(`kubectl: bash ${BUILD_KUBECTL} kubectl (cold: several minutes)`);
  const res = spawnSync('bash', [BUILD_KUBECTL, 'kubectl'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const path = /^KUBECTL=(.+)$/m.exec(res.stdout ?? '')?.[1];
  if (res.status !== 0 || path === undefined || !existsSync(path)) {
    return {
      skipped: `build-binaries.sh kubectl failed (exit ${res.status ?? res.signal}); the kubectl column is skipped`,
    };
  }
  return { path };
}

const canGrow = (from: ScaleSize, to: ScaleSize): boolean => to.nodes >= from.nodes && to.pods >= from.pods;

interface Context {
  readonly options: ScaleOptions;
  readonly runDir: string;
  readonly kubectl: { path: string } | { skipped: string } | undefined;
  /** packages/cli/bin/run.js of the measured checkout. */
  readonly cli: string;
}

/** Every command of one size, `options.runs` times, interleaved (each run is one of every command). */
async function measureSize(
  ctx: Context,
  cluster: ScaleCluster,
  target: ScaleSize,
  result: SizeResult,
): Promise<void> {
  const { pki, apiserver } = cluster;
  const kubeconfig = apiserver.kubeconfig;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', KUBECONFIG: '' };
  delete env.HAVENKIT_DEBUG;
  const add = (column: Column, run: Timed): void => {
    (result.runs[column] ??= []).push(run);
    const what = `${COLUMN_TITLES[column]}: ${run.seconds.toFixed(2)} s, ${mib(run.rssKiB)}`;
    if (run.failure === undefined) log(`  ${what}`);
    else {
      log(`  ${what} — FAILED: ${run.failure}`);
      log(`    command: ${run.command.join(' ')}`);
      for (const line of tail(run.stderrFile, 8).split('\n')) log(`    stderr: ${line}`);
    }
  };
  // Each command starts when the control plane has gone quiet (measure.ts settle): what the API
  // server still does after the previous command's lists is not the next command's time.
  const controlPlane = [apiserver.process.pid, cluster.etcd.pid];
  const quietly = async (opts: RunOptions): Promise<Timed> => {
    const settled = await settle(controlPlane);
    const load = `${(settled.load * 100).toFixed(0)} % of a core`;
    log(
      settled.quiet
        ? `  (${opts.label}: control plane quiet after ${settled.waited.toFixed(1)} s, ${load})`
        : `  (${opts.label}: control plane still at ${load} after ${settled.waited.toFixed(0)} s; measured anyway)`,
    );
    if (!settled.quiet) result.notes.push(`${opts.label}: started with the control plane still at ${load}`);
    waits.push(settled);
    return timed(opts);
  };
  const waits: Settled[] = [];
  const floorArgs = [
    '--server',
    apiserver.server,
    '--ca',
    pki.caCert,
    '--cert',
    pki.adminCert,
    '--key',
    pki.adminKey,
  ];
  for (let r = 1; r <= ctx.options.runs; r++) {
    const dir = join(cluster.dir, `${target.nodes}x${target.pods}`, `run-${r}`);
    mkdirSync(dir, { recursive: true });
    const files = (name: string): { stdoutFile: string; stderrFile: string } => ({
      stdoutFile: join(dir, `${name}.out`),
      stderrFile: join(dir, `${name}.err`),
    });
    log(`${size(target)} run ${r}/${ctx.options.runs}`);

    for (const [column, mode] of [
      ['floorDiscard', 'discard'],
      ['floorParse', 'parse'],
    ] as const) {
      const f = files(`floor-${mode}`);
      const run = await quietly({
        label: column,
        command: [process.execPath, FLOOR, ...floorArgs, '--mode', mode],
        ...f,
        env,
        validate: () => {
          try {
            const out = JSON.parse(readFileSync(f.stdoutFile, 'utf8')) as { requests: number };
            return out.requests > 0 ? undefined : 'no requests made';
          } catch {
            return 'no result on stdout';
          }
        },
      });
      add(column, run);
      if (run.failure === undefined && r === 1) {
        const out = JSON.parse(readFileSync(f.stdoutFile, 'utf8')) as {
          requests: number;
          wireBytes: number;
          jsonBytes: number;
          items: Record<string, number>;
          jsonBytesByList: Record<string, number>;
        };
        if (mode === 'parse') {
          const per = (name: string): number =>
            Math.round((out.jsonBytesByList[name] ?? 0) / (out.items[name] || 1));
          Object.assign(result.seed, { podBytes: per('pods'), nodeBytes: per('nodes') });
          result.notes.push(
            `floor: ${out.requests} list requests, ${bytes(out.wireBytes)} on the wire (gzip), ${bytes(out.jsonBytes)} of JSON; ` +
              `items: ${Object.entries(out.items)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`,
          );
        }
      }
    }

    const snapshotFile = join(dir, 'snapshot.json');
    const snap = files('snapshot');
    const snapshotRun = await quietly({
      label: 'snapshot',
      command: [process.execPath, ctx.cli, 'snapshot', '--kubeconfig', kubeconfig, '--out', snapshotFile],
      ...snap,
      env,
      validate: () =>
        havenkitProblem(snap.stdoutFile, snap.stderrFile, false) ??
        (!existsSync(snapshotFile)
          ? 'no snapshot file written'
          : fileContains(snapshotFile, '"reason":"Timeout"')
            ? 'the snapshot records a Timeout (the --timeout deadline passed)'
            : undefined),
    });
    add('snapshot', snapshotRun);
    if (snapshotRun.failure === undefined) result.snapshotBytes.push(statSync(snapshotFile).size);

    const live = files('check-live');
    const before = await requestCounts(cluster.admin);
    const liveRun = await quietly({
      label: 'live',
      command: [process.execPath, ctx.cli, 'check', '--kubeconfig', kubeconfig],
      ...live,
      env,
      okExitCodes: VERDICT_CODES,
      validate: () => reportProblem(live),
    });
    const after = await requestCounts(cluster.admin);
    add('live', liveRun);
    const delta = countDelta(before, after);
    if (liveRun.failure === undefined) result.requests.push(delta.total);
    if (r === 1 && liveRun.failure === undefined) {
      const list = (m: Map<string, number>): string =>
        [...m.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
      const resourceCount = [...delta.resources.values()].reduce((a, b) => a + b, 0);
      result.notes.push(
        `live check: ${delta.total} requests, ${resourceCount} of them on resources (${list(delta.resources)}), ` +
          `${delta.total - resourceCount} version/discovery; left out: the API server's own ${list(delta.background) || 'none'}`,
      );
      const summaryLine = readFileSync(live.stdoutFile, 'utf8').match(/^Summary: .*$/m)?.[0];
      if (summaryLine !== undefined) result.notes.push(`live check report: ${summaryLine}`);
    }
    if (liveRun.exitCode !== undefined && VERDICT_CODES.includes(liveRun.exitCode) && r === 1) {
      result.notes.push(`live check exit ${liveRun.exitCode} (${VERDICTS[liveRun.exitCode]})`);
    }

    const offline = files('check-snapshot');
    if (existsSync(snapshotFile)) {
      add(
        'fromSnapshot',
        await quietly({
          label: 'fromSnapshot',
          command: [process.execPath, ctx.cli, 'check', '--snapshot', snapshotFile],
          ...offline,
          env,
          okExitCodes: VERDICT_CODES,
          validate: () => reportProblem(offline),
        }),
      );
    } else {
      log('  check --snapshot: not run, the snapshot run wrote no file');
    }

    if (ctx.kubectl !== undefined && 'path' in ctx.kubectl) {
      const k = files('kubectl');
      add(
        'kubectl',
        await quietly({
          label: 'kubectl',
          command: [
            ctx.kubectl.path,
            '--kubeconfig',
            kubeconfig,
            // A fresh discovery cache each run: havenkit discovers every run too.
            '--cache-dir',
            join(dir, 'kubectl-cache'),
            'get',
            'nodes,pods,customresourcedefinitions,apiservices,storageclasses,persistentvolumes',
            '-A',
            '-o',
            'json',
          ],
          stdoutFile: '/dev/null',
          stderrFile: k.stderrFile,
          env,
        }),
      );
    }
  }
  if (waits.length > 0) {
    const most = (pick: (s: Settled) => number): number => Math.max(...waits.map(pick));
    result.notes.push(
      `each command started once the API server and etcd used under 10 % of a core for 1 s: ` +
        `${waits.filter((w) => w.quiet).length} of ${waits.length} did, after at most ${most((w) => w.waited).toFixed(1)} s ` +
        `(at most ${(most((w) => w.load) * 100).toFixed(0)} % of a core in the last second before a command)`,
    );
  }
}

function summary(ctx: Context, results: readonly SizeResult[], started: number, versions: string): string {
  const failures = results.flatMap((r) =>
    Object.values(r.runs)
      .flat()
      .filter((t): t is Timed => t !== undefined && t.failure !== undefined)
      .map((t) =>
        [
          `- ${size(r.size)}, ${COLUMN_TITLES[t.label as Column]}: **${t.failure}**`,
          `  - command: \`${t.command.join(' ')}\``,
          ...tail(t.stderrFile, 12)
            .split('\n')
            .map((l) => `  - stderr: ${l}`),
        ].join('\n'),
      ),
  );
  const skipped =
    ctx.kubectl !== undefined && 'skipped' in ctx.kubectl ? [`kubectl: ${ctx.kubectl.skipped}`] : [];
  return [
    `## havenkit scale benchmark`,
    '',
    versions,
    '',
    markdownTable(results, ctx.options.runs),
    '',
    '### Seeding',
    '',
    seedTable(results),
    '',
    '### Notes',
    '',
    ...results.flatMap((r) => r.notes.map((n) => `- ${size(r.size)}: ${n}`)),
    ...skipped.map((s) => `- ${s}`),
    `- whole benchmark: ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ...(failures.length > 0 ? ['', '### FAILED runs (not in the medians)', '', ...failures] : []),
    '',
  ].join('\n');
}

test('havenkit at scale', async () => {
  const options = JSON.parse(process.env.HAVENKIT_SCALE_OPTIONS ?? 'null') as ScaleOptions | null;
  if (options === null) throw new Error('run through `pnpm bench:scale` (HAVENKIT_SCALE_OPTIONS is not set)');
  const runDir = inject('havenkitScaleRunDir');
  const started = Date.now();
  const onSignal = (signal: NodeJS.Signals): void => {
    killRunning();
    killRecorded(runDir);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const onExit = (): void => {
    killRunning();
    killRecorded(runDir);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);

  if (!existsSync(GNU_TIME)) throw new Error(`needs GNU time at ${GNU_TIME} (Debian: apt-get install time)`);
  const root = options.root ?? ROOT;
  if (!existsSync(join(root, 'packages/cli/dist/commands/check.js'))) {
    throw new Error(`the CLI of ${root} is not built: run \`pnpm build\` there first`);
  }
  const cli = join(root, 'packages/cli/bin/run.js');
  const cliVersion = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
  const binaries = await ensureBinaries();
  const ctx: Context = { options, runDir, cli, kubectl: options.kubectl ? ensureKubectl() : undefined };
  if (ctx.kubectl !== undefined && 'skipped' in ctx.kubectl) log(ctx.kubectl.skipped);
  const versions =
    `havenkit ${cliVersion.stdout.trim() || `(--version failed: ${cliVersion.stderr.trim()})`} (${root}), ` +
    `kube-apiserver ${VERSIONS.kubernetes}, etcd ${VERSIONS.etcd}, Node.js ${process.version}, ` +
    `${new Date().toISOString().slice(0, 10)}, run dir ${runDir}`;
  log(versions);
  log(`sizes ${options.sizes.map((s) => `${s.nodes}x${s.pods}`).join(', ')}, ${options.runs} run(s) each`);

  const results: SizeResult[] = [];
  let cluster: ScaleCluster | undefined;
  let api: ApiClient | undefined;
  let state: SeedState = emptyState();
  let current: ScaleSize | undefined;
  try {
    for (const [i, target] of options.sizes.entries()) {
      const grow =
        !options.fresh && cluster !== undefined && current !== undefined && canGrow(current, target);
      if (!grow) {
        api?.close();
        await cluster?.stop();
        log(`starting etcd + kube-apiserver for ${size(target)}`);
        cluster = await startScaleCluster(runDir, binaries, `cluster-${i + 1}`);
        api = new ApiClient(cluster.admin, 16);
        state = emptyState();
        log(`  ${cluster.apiserver.server} (${cluster.version})`);
      }
      if (cluster === undefined || api === undefined) throw new Error('no cluster');
      log(`seeding ${size(target)}${grow ? ` (growing from ${size(current as ScaleSize)})` : ''}`);
      const seeded = await seedTo(api, state, target, cluster.version, options.seedConcurrency, log);
      log(
        `seeded ${seeded.created} objects with ${seeded.requests} requests in ${seeded.seconds.toFixed(1)} s`,
      );
      current = target;
      const result: SizeResult = {
        size: target,
        seed: {
          size: target,
          mode: grow ? 'grown' : 'fresh',
          created: seeded.created,
          requests: seeded.requests,
          seconds: seeded.seconds,
          podBytes: NaN,
          nodeBytes: NaN,
          ...(await etcdDbBytes(cluster).then((b) => (b !== undefined ? { etcdDbBytes: b } : {}))),
          ...(procRssKiB(cluster.apiserver.process.pid) !== undefined
            ? { apiserverRssKiB: procRssKiB(cluster.apiserver.process.pid) }
            : {}),
          ...(procRssKiB(cluster.etcd.pid) !== undefined ? { etcdRssKiB: procRssKiB(cluster.etcd.pid) } : {}),
        },
        runs: {},
        requests: [],
        snapshotBytes: [],
        notes: [],
        ...(ctx.kubectl !== undefined && 'skipped' in ctx.kubectl
          ? { kubectlSkipped: ctx.kubectl.skipped }
          : {}),
      };
      results.push(result);
      await measureSize(ctx, cluster, target, result);
      log(`done ${size(target)}: requests ${median(result.requests)}`);
      process.stdout.write(`\n${markdownTable(results, options.runs)}\n\n`);
    }
  } finally {
    api?.close();
    await cluster?.stop().catch(() => undefined);
    killRunning();
    killRecorded(runDir);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
    if (results.length > 0) {
      const text = summary(ctx, results, started, versions);
      process.stdout.write(`\n${text}\n`);
      if (options.out !== undefined) {
        writeFileSync(options.out, text);
        log(`wrote ${options.out}`);
      }
    }
  }
  // Shown above; failing the vitest run too makes `pnpm bench:scale` exit non-zero.
  const failed = results.flatMap((r) => Object.values(r.runs).flat()).filter((t) => t?.failure !== undefined);
  if (failed.length > 0) {
    throw new Error(
      `${failed.length} run(s) FAILED (see "FAILED runs" above); their figures are not in the table`,
    );
  }
});
