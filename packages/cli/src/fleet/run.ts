/**
 * Runs one child process per cluster, at most `concurrency` at a time, each within a hard deadline:
 * a child that exceeds it is stopped (SIGTERM to its process group, SIGKILL after a grace period)
 * and counts as timed out. SIGINT/SIGTERM to this process are forwarded to the running children,
 * which clean up (their probes) and exit; no new child starts, and the run waits for them.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `havenkit` entry point of this installation, run with this Node (process.execPath). */
export const CLI_ENTRY = fileURLToPath(new URL('../../bin/run.js', import.meta.url));

/** Set in every child's environment: a child never starts a fleet of its own. */
export const FLEET_CHILD_ENV = 'HAVENKIT_FLEET_CHILD';

/** How long a stopped child has between SIGTERM and SIGKILL. */
export const DEFAULT_GRACE_MS = 5_000;

/** What stderr of a child is kept (its end: the error line is the last). */
const STDERR_LIMIT = 64 * 1024;

/** How one child ended. */
export interface ChildRun {
  /** The exit code; null when a signal ended it or it never ran. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The end of its stderr (at most 64 KiB). */
  readonly stderr: string;
  /** It exceeded the deadline and was stopped. */
  readonly timedOut: boolean;
  /** The run was interrupted (SIGINT/SIGTERM) while this child ran, or before it started. */
  readonly interrupted?: NodeJS.Signals;
  /** It never started: the run was interrupted first. */
  readonly notStarted?: boolean;
  /** It could not be started (spawn failed). */
  readonly spawnError?: string;
}

export interface BoundedRun<T> {
  readonly jobs: readonly T[];
  /** The arguments of the child for a job (after the command's own arguments). */
  readonly argsOf: (job: T) => readonly string[];
  readonly concurrency: number;
  /** Each child's hard deadline, from its start. */
  readonly deadlineMs: number;
  /** @default DEFAULT_GRACE_MS */
  readonly graceMs?: number;
  /** @default { file: process.execPath, args: [CLI_ENTRY] } */
  readonly command?: { readonly file: string; readonly args: readonly string[] };
  /** @default process.env, with FLEET_CHILD_ENV set */
  readonly env?: NodeJS.ProcessEnv;
  /** Called as each child ends (progress). */
  readonly onDone?: (job: T, run: ChildRun) => void;
}

export interface BoundedResult {
  /** One per job, in the order of the jobs. */
  readonly runs: ChildRun[];
  /** The signal that interrupted the run, if one did. */
  readonly interrupted?: NodeJS.Signals;
}

interface Running {
  readonly pid: number | undefined;
  stop(signal: NodeJS.Signals): void;
}

/** Sends a signal to the child's process group (it leads one: spawned detached), else to the child. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}

/** Runs the jobs' children, bounded; never rejects (every failure is in its ChildRun). */
export async function runBounded<T>(options: BoundedRun<T>): Promise<BoundedResult> {
  const command = options.command ?? { file: process.execPath, args: [CLI_ENTRY] };
  const env = options.env ?? { ...process.env, [FLEET_CHILD_ENV]: '1' };
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const runs: ChildRun[] = new Array<ChildRun>(options.jobs.length);
  const running = new Set<Running>();
  let interrupted: NodeJS.Signals | undefined;
  let signals = 0;

  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    interrupted ??= signal;
    // The first signal asks the children to finish (they remove their probes); a second one ends them.
    for (const child of running) child.stop(signals > 1 ? 'SIGKILL' : signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const runOne = (job: T): Promise<ChildRun> =>
    new Promise<ChildRun>((resolveRun) => {
      let stderr = '';
      let timedOut = false;
      let seenInterrupt: NodeJS.Signals | undefined;
      let settled = false;
      const child = spawn(command.file, [...command.args, ...options.argsOf(job)], {
        env,
        // Its own process group: a terminal's Ctrl-C reaches this process only, which forwards it.
        detached: process.platform !== 'win32',
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const entry: Running = {
        pid: child.pid,
        stop: (signal) => {
          seenInterrupt ??= interrupted;
          signalGroup(child.pid, signal);
        },
      };
      running.add(entry);
      let killTimer: NodeJS.Timeout | undefined;
      let closeTimer: NodeJS.Timeout | undefined;
      const deadline = setTimeout(() => {
        timedOut = true;
        signalGroup(child.pid, 'SIGTERM');
        killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
      }, options.deadlineMs);
      const finish = (run: ChildRun): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        clearTimeout(killTimer);
        clearTimeout(closeTimer);
        running.delete(entry);
        resolveRun(run);
      };
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.length > 2 * STDERR_LIMIT) stderr = stderr.slice(-STDERR_LIMIT);
      });
      child.on('error', (err) =>
        finish({ exitCode: null, signal: null, stderr, timedOut: false, spawnError: err.message }),
      );
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      const done = (): void => {
        if (exit === undefined) return;
        // Whatever the child left in its group (an exec credential plugin) goes with it.
        signalGroup(child.pid, 'SIGKILL');
        finish({
          exitCode: exit.code,
          signal: exit.signal,
          stderr: stderr.slice(-STDERR_LIMIT),
          timedOut,
          ...(seenInterrupt !== undefined ? { interrupted: seenInterrupt } : {}),
        });
      };
      child.on('exit', (code, signal) => {
        exit = { code, signal };
        // A grandchild may hold stderr open: do not wait for it long.
        closeTimer = setTimeout(done, 1_000);
      });
      child.on('close', () => done());
    });

  const next = { index: 0 };
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next.index;
      if (i >= options.jobs.length) return;
      next.index += 1;
      const job = options.jobs[i]!;
      const run: ChildRun =
        interrupted !== undefined
          ? { exitCode: null, signal: null, stderr: '', timedOut: false, interrupted, notStarted: true }
          : await runOne(job);
      runs[i] = run;
      options.onDone?.(job, run);
    }
  };
  try {
    const workers = Math.max(1, Math.min(options.concurrency, options.jobs.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return { runs, ...(interrupted !== undefined ? { interrupted } : {}) };
}
