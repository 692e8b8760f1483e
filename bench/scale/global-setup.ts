import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createRunDir, killRecorded } from '../../test/controlplane/run-dir.js';

declare module 'vitest' {
  export interface ProvidedContext {
    havenkitScaleRunDir: string;
  }
}

/**
 * Runs in vitest's own process: makes the run directory (under ~/.cache/havenkit/runs, owned by this process,
 * so the test suite's reaper leaves it alone while we live) and ends every process recorded in it at teardown,
 * on SIGINT/SIGTERM and at exit, also when the benchmark's worker was killed before it could.
 */
export default function setup(project: TestProject): () => void {
  const runDir = createRunDir();
  const keep = (JSON.parse(process.env.HAVENKIT_SCALE_OPTIONS ?? '{}') as { keep?: boolean }).keep === true;
  const onSignal = (signal: NodeJS.Signals): void => {
    killRecorded(runDir);
    // etcd's data of a large size is gigabytes: do not leave it behind.
    if (!keep) rmSync(runDir, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const onExit = (): void => killRecorded(runDir);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
  project.provide('havenkitScaleRunDir', runDir);
  return () => {
    killRecorded(runDir);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
    if (keep) process.stderr.write(`[scale] kept the run directory ${runDir}\n`);
    else rmSync(runDir, { recursive: true, force: true });
  };
}
