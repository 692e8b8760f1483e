import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './binaries.js';
import { PID_FILE, isAlive } from './process.js';

const OWNER_FILE = 'owner';

/** Where every test run keeps its PKI, etcd data, logs and pid file: `<cache>/runs/<id>`. */
export function runsRoot(): string {
  return join(cacheDir(), 'runs');
}

/** Creates this run's directory, owned by the current process. */
export function createRunDir(): string {
  const dir = join(runsRoot(), `${Date.now()}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`);
  writeFileSync(join(dir, PID_FILE), '');
  return dir;
}

/**
 * Kills the processes left behind by earlier runs whose owner has died (a crash, a killed vitest) and removes
 * their run dirs. Runs whose owner is still alive, such as a colleague's run in the same checkout, are left
 * alone. A PID is only killed while its command line is still the binary that was recorded for it, so a PID the
 * OS has since reused for something else survives. Returns the PIDs killed.
 */
export function reapStaleRuns(): number[] {
  const root = runsRoot();
  if (!existsSync(root)) return [];
  const killed: number[] = [];
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const owner = Number(readText(join(dir, OWNER_FILE)).trim());
    if (owner && owner !== process.pid && isAlive(owner)) continue;
    for (const line of readText(join(dir, PID_FILE)).split('\n')) {
      const [pidText, binary] = line.split(' ');
      const pid = Number(pidText);
      if (!pid || !binary || !isAlive(pid)) continue;
      if (!readText(`/proc/${pid}/cmdline`).startsWith(binary)) continue;
      try {
        process.kill(pid, 'SIGKILL');
        killed.push(pid);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return killed;
}

/** Kills every still-running process listed in a run dir's pid file (workers' API servers included). */
export function killRecorded(runDir: string): void {
  for (const line of readText(join(runDir, PID_FILE)).split('\n')) {
    const [pidText, binary] = line.split(' ');
    const pid = Number(pidText);
    if (!pid || !binary || !isAlive(pid)) continue;
    if (!readText(`/proc/${pid}/cmdline`).startsWith(binary)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
