import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A control-plane process we started: its output goes to `logFile`, `stop()` ends it by PID. */
export interface ManagedProcess {
  readonly pid: number;
  readonly logFile: string;
  /** Set once the process has exited (with its exit code or signal). */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

/** Name of the file, inside a run dir, listing `<pid> <binary>` of every process the run started. */
export const PID_FILE = 'pids';

/**
 * Starts `binary args…` with stdout and stderr appended to `logFile`, and records its PID in the run dir's
 * pid file so that a crashed run's leftovers can be killed at the next start (see reapStaleRuns).
 */
export function startProcess(
  runDir: string,
  binary: string,
  args: readonly string[],
  logFile: string,
): ManagedProcess {
  const fd = openSync(logFile, 'a');
  const child = spawn(binary, args, { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${binary} (see ${logFile})`);
  appendFileSync(join(runDir, PID_FILE), `${pid} ${binary}\n`);
  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolve(signal ? `signal ${signal}` : `code ${code}`);
    });
  });
  return {
    pid,
    logFile,
    exited,
    hasExited: () => done,
    async stop() {
      if (done) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** The last `lines` lines of a log file, for error messages. */
export function tailLog(logFile: string, lines = 40): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${logFile})`;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True if a process with this PID exists (signal 0 probes without killing). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
