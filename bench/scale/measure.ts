import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import type { AdminCredentials } from './cluster.js';
import { ApiClient } from './http.js';

export const GNU_TIME = '/usr/bin/time';

/** One whole process, timed by GNU time. */
export interface Timed {
  readonly label: string;
  readonly command: readonly string[];
  /** Wall seconds (%e). */
  readonly seconds: number;
  /** Peak RSS in KiB (%M). */
  readonly rssKiB: number;
  /** The command's exit code; undefined when a signal ended it. */
  readonly exitCode: number | undefined;
  readonly signal?: string;
  readonly stdoutFile: string;
  readonly stderrFile: string;
  /** Set when the run does not count: a bad exit code, a signal, or a failed `validate`. */
  readonly failure?: string;
}

/** Process groups of the commands running now, ended on SIGINT/SIGTERM/exit (see killRunning). */
const running = new Set<number>();

/** Ends every timed command still running (its whole process group: GNU time and the command). */
export function killRunning(): void {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  running.clear();
}

export interface RunOptions {
  readonly label: string;
  readonly command: readonly string[];
  /** Files for the command's stdout and stderr; the GNU time report goes to `<stderrFile>.time`. */
  readonly stdoutFile: string;
  readonly stderrFile: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Exit codes that mean the command did its work. @default [0] */
  readonly okExitCodes?: readonly number[];
  /** Further proof that it worked; returns why not. */
  readonly validate?: () => string | undefined;
  /** @default 60 minutes */
  readonly timeoutMs?: number;
}

/**
 * Runs `command` under `/usr/bin/time -f '%e %M'` in a process group of its own (so a timeout or Ctrl-C
 * ends all of it). A run whose exit code is not in `okExitCodes`, that a signal ended (GNU time then writes
 * "Command terminated by signal N"), that timed out, or that `validate` rejects gets a `failure`.
 */
export async function timed(opts: RunOptions): Promise<Timed> {
  const timeFile = `${opts.stderrFile}.time`;
  const out = openSync(opts.stdoutFile, 'w');
  const err = openSync(opts.stderrFile, 'w');
  const [cmd, ...args] = opts.command;
  if (cmd === undefined) throw new Error('timed: empty command');
  const child = spawn(GNU_TIME, ['-f', '%e %M', '-o', timeFile, cmd, ...args], {
    stdio: ['ignore', out, err],
    detached: true,
    env: opts.env ?? process.env,
  });
  closeSync(out);
  closeSync(err);
  if (child.pid !== undefined) running.add(child.pid);
  let timedOut = false;
  const timeoutMs = opts.timeoutMs ?? 60 * 60_000;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve({ code, signal }));
    },
  );
  clearTimeout(timer);
  if (child.pid !== undefined) running.delete(child.pid);

  const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n') : [];
  const last = report.at(-1) ?? '';
  const m = /^([\d.]+) (\d+)$/.exec(last);
  const seconds = m ? Number(m[1]) : NaN;
  const rssKiB = m ? Number(m[2]) : NaN;
  const killedBy = report
    .map((l) => /Command terminated by signal (\d+)/.exec(l)?.[1])
    .find((s) => s !== undefined);
  const exitCode = killedBy !== undefined || status.signal !== null ? undefined : (status.code ?? undefined);
  const signal =
    killedBy !== undefined ? `signal ${killedBy}` : status.signal !== null ? status.signal : undefined;
  let failure: string | undefined;
  if (timedOut) failure = `timed out after ${timeoutMs / 1000} s`;
  else if (signal !== undefined) failure = `ended by ${signal}`;
  else if (!m) failure = `no GNU time report (${report.join(' | ') || 'none'})`;
  else if (!(opts.okExitCodes ?? [0]).includes(exitCode ?? -1)) failure = `exit ${exitCode}`;
  else failure = opts.validate?.();
  return {
    label: opts.label,
    command: opts.command,
    seconds,
    rssKiB,
    exitCode,
    ...(signal !== undefined ? { signal } : {}),
    stdoutFile: opts.stdoutFile,
    stderrFile: opts.stderrFile,
    ...(failure !== undefined ? { failure } : {}),
  };
}

/** The last `lines` lines of a file, for failure reports. */
export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/**
 * One sample of the API server's request counters: apiserver_request_total by "VERB resource[/subresource]"
 * (resource requests only: /version, discovery and /metrics are not in it), and every request APF
 * dispatched (apiserver_flowcontrol_dispatched_requests_total, all flow schemas: discovery and scrapes too).
 */
export interface RequestCounts {
  readonly byKind: ReadonlyMap<string, number>;
  readonly dispatched: number;
}

const REQUEST_LINE = /^apiserver_request_total\{([^}]*)\}\s+([0-9.eE+-]+)$/;
const DISPATCHED_LINE = /^apiserver_flowcontrol_dispatched_requests_total\{[^}]*\}\s+([0-9.eE+-]+)$/;

/** GET /metrics as admin. */
export async function requestCounts(admin: AdminCredentials): Promise<RequestCounts> {
  const client = new ApiClient(admin, 1);
  let text: string;
  try {
    text = await client.get('/metrics');
  } finally {
    client.close();
  }
  let dispatched = 0;
  const byKind = new Map<string, number>();
  for (const line of text.split('\n')) {
    const d = DISPATCHED_LINE.exec(line);
    if (d) dispatched += Number(d[1]);
    const m = REQUEST_LINE.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries(
      [...(m[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1] as string, l[2] as string]),
    );
    // Non-resource requests in it are few (the API server's own OpenAPI reads): resource "", subresource the path.
    const resource = labels.resource
      ? `${labels.resource}${labels.subresource ? `/${labels.subresource}` : ''}`
      : `${labels.subresource ?? ''} (non-resource)`;
    const kind = `${labels.verb} ${resource}`;
    byKind.set(kind, (byKind.get(kind) ?? 0) + Number(m[2]));
  }
  return { byKind, dispatched };
}

/**
 * What the API server does by itself while idle (lease renewals every 10 s, its OpenAPI aggregation, the
 * watches of its loopback informers): never havenkit, which only lists, gets and posts access reviews.
 */
export const isBackground = (kind: string): boolean => / leases(\/|$)|openapi|^WATCH /.test(kind);

export interface RequestDelta {
  /** Every request between the scrapes (APF dispatched), less the first scrape and the background ones. */
  readonly total: number;
  /** Resource requests by kind (background left out). */
  readonly resources: Map<string, number>;
  /** Background requests left out, by kind. */
  readonly background: Map<string, number>;
}

/**
 * The requests between two scrapes. APF counts a request when it dispatches it, so exactly one scrape (the
 * first or the second) falls between the two samples and is taken off.
 */
export function countDelta(before: RequestCounts, after: RequestCounts): RequestDelta {
  const resources = new Map<string, number>();
  const background = new Map<string, number>();
  for (const [kind, n] of after.byKind) {
    const d = n - (before.byKind.get(kind) ?? 0);
    if (d !== 0) (isBackground(kind) ? background : resources).set(kind, d);
  }
  const noise = [...background.values()].reduce((a, b) => a + b, 0);
  return { total: after.dispatched - before.dispatched - 1 - noise, resources, background };
}

export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/** USER_HZ, the unit of utime/stime in /proc/<pid>/stat: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat fields 14 and 15); undefined when it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface Settled {
  /** Seconds waited. */
  readonly waited: number;
  /** Cores the processes used in the last window. */
  readonly load: number;
  /** False when `maxSeconds` passed before a quiet window. */
  readonly quiet: boolean;
}

/**
 * Waits until the given processes (the API server and etcd) use less than `threshold` cores over one
 * `windowSeconds` window, for at most `maxSeconds`. After serving 50,000 pods the API server (or etcd)
 * sometimes stays busy for up to half a minute; on a 2-core machine a command started then measures
 * that work as much as its own. Every timed command waits for this first, so each one starts on a quiet machine.
 */
export async function settle(
  pids: readonly number[],
  { threshold = 0.1, windowSeconds = 1, maxSeconds = 60 } = {},
): Promise<Settled> {
  const started = performance.now();
  const total = (): number => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  let load = NaN;
  for (;;) {
    const before = total();
    const from = performance.now();
    await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
    load = (total() - before) / ((performance.now() - from) / 1000);
    const waited = (performance.now() - started) / 1000;
    if (load < threshold) return { waited, load, quiet: true };
    if (waited >= maxSeconds) return { waited, load, quiet: false };
  }
}
