import { describe, expect, it } from 'vitest';
import { runBounded } from './run.js';

/** A Node child running this script (real processes: the deadline and the kill are what is tested). */
const node = (script: string) => ({ file: process.execPath, args: ['-e', script] });

describe('running the children', () => {
  it('stops a child that exceeds its deadline, also when it ignores SIGTERM, and does not wait for it', async () => {
    const started = Date.now();
    const { runs } = await runBounded({
      jobs: ['hang', 'quick'],
      concurrency: 2,
      deadlineMs: 500,
      graceMs: 300,
      command: node(
        "if (process.argv[1] === 'hang') { process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); } else { process.stderr.write('havenkit: error: done\\n'); process.exit(4); }",
      ),
      argsOf: (job) => [job],
    });
    expect(runs[0]).toMatchObject({ timedOut: true, signal: 'SIGKILL', exitCode: null });
    expect(runs[1]).toMatchObject({ timedOut: false, exitCode: 4, stderr: 'havenkit: error: done\n' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs at most --concurrency children at a time', async () => {
    // Each child holds a lock file while it runs; a second holder at the same time fails to create it.
    const { runs } = await runBounded({
      jobs: [1, 2, 3, 4],
      concurrency: 1,
      deadlineMs: 20_000,
      command: node(
        "const fs = require('node:fs'); const lock = require('node:path').join(require('node:os').tmpdir(), 'havenkit-fleet-run-' + process.ppid); try { fs.writeFileSync(lock, '', { flag: 'wx' }); } catch { process.exit(9); } setTimeout(() => { fs.rmSync(lock); process.exit(0); }, 100);",
      ),
      argsOf: () => [],
    });
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0]);
  });
});
