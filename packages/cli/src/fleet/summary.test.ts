import { join } from 'node:path';
import { complianceDir, evaluate, readSnapshotFile } from '@havenkit/checker';
import type { ComplianceReport } from '@havenkit/checker';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../exit-codes.js';
import type { ChildRun } from './run.js';
import {
  FLEET_EXIT_ORDER,
  clusterOutcome,
  errorLine,
  fleetJson,
  renderFleetTable,
  worstExitCode,
  worstFirst,
} from './summary.js';
import type { ClusterOutcome, OutcomeInput } from './summary.js';

/** The bundled demo cluster: privatenetworking fails on one node, so it is not compliant. */
const demo: ComplianceReport = evaluate(
  readSnapshotFile(join(complianceDir(), '..', 'examples', 'snapshots', 'demo.json')).snapshot,
  {},
);

const deadline = { ms: 33_000, timeoutMs: 3_000, marginMs: 30_000 };

function outcome(name: string, run: Partial<ChildRun>, report?: ComplianceReport): ClusterOutcome {
  const input: OutcomeInput = {
    name,
    context: name,
    directory: name,
    run: { exitCode: null, signal: null, stderr: '', timedOut: false, ...run },
    readReport: () => {
      if (report === undefined) throw new Error('no such file');
      return report;
    },
    deadline,
  };
  return clusterOutcome(input);
}

describe('the exit code of a fleet', () => {
  it('ranks every exit code of check once, a cluster not checked before any verdict', () => {
    expect(FLEET_EXIT_ORDER).toEqual([4, 3, 12, 1, 2, 5, 7, 6, 0]);
  });

  it.each([
    [[0, 0], 0],
    [[0, 6, 7], 7],
    [[6, 5], 5],
    [[5, 2, 0], 2],
    [[2, 1], 1],
    [[1, 3], 3],
    [[3, 4, 1], 4],
    [[0, 99], 3],
  ])('is the worst of %j: %i', (codes, worst) => {
    expect(worstExitCode(codes)).toBe(worst);
  });

  it('is 0 for a fleet of compliant clusters only', () => {
    expect(worstExitCode([ExitCode.Ok, ExitCode.Ok, ExitCode.Ok])).toBe(ExitCode.Ok);
  });
});

describe('what a child’s end means', () => {
  it('a child stopped at its deadline is a timeout (exit 4), its error naming --timeout and the margin', () => {
    const o = outcome('slow', { timedOut: true, signal: 'SIGTERM' });
    expect(o).toMatchObject({ status: 'timeout', exitCode: 4 });
    expect(o.error).toBe('no result within 33s (--timeout 3s + 30s): the check was stopped');
  });

  it('exit 4 is unreachable, with the child’s own error line', () => {
    const stderr =
      'havenkit: warning: x\nhavenkit: error: cannot reach the API server https://a (context "a")\n';
    expect(outcome('a', { exitCode: 4, stderr })).toMatchObject({
      status: 'unreachable',
      exitCode: 4,
      error: 'cannot reach the API server https://a (context "a")',
    });
  });

  it('exit 3 is bad input (a broken kubeconfig entry)', () => {
    const stderr = 'havenkit: error: context "b" refers to cluster "x", which kubeconfig k does not define\n';
    expect(outcome('b', { exitCode: 3, stderr })).toMatchObject({ status: 'bad-input', exitCode: 3 });
  });

  it('a verdict exit without a readable report is a failure (exit 3), never a verdict', () => {
    expect(outcome('c', { exitCode: 0 })).toMatchObject({
      status: 'failed',
      exitCode: 3,
      error: 'no report: no such file',
    });
  });

  it('a verdict exit with its report is checked, with the child’s exit code', () => {
    expect(outcome('d', { exitCode: 1 }, demo)).toMatchObject({
      status: 'checked',
      exitCode: 1,
      reportPath: 'd/report.json',
    });
  });

  it('takes the last error line and escapes it', () => {
    expect(errorLine('havenkit: error: one\nhavenkit: error: two \u001b[2J\n')).toBe('two \\x1b[2J');
  });
});

describe('the fleet table', () => {
  const hostile = outcome('a\u001b[31mred', { exitCode: 1 }, demo);
  const unreachable = outcome('down', {
    exitCode: 4,
    stderr: 'havenkit: error: cannot reach the API server https://127.0.0.1:1 (context "down")\n',
  });
  const table = renderFleetTable([hostile, unreachable], { language: 'en', outDir: 'fleet', exitCode: 4 });

  it('escapes control characters in a context name, never sending them to the terminal', () => {
    expect(table).not.toContain('\u001b');
    expect(table).toContain('a\\x1b[31mred');
  });

  it('has a header with the cluster, every check of the reports and the verdict', () => {
    const header = table.split('\n')[0]!.split(/ +/);
    expect(header[0]).toBe('Cluster');
    expect(header.at(-1)).toBe('Verdict');
    expect(header.slice(1, -1)).toEqual(demo.results.map((r) => r.name));
  });

  it('lists the clusters worst first, an unchecked one with its error in place of the cells', () => {
    const rows = table.split('\n').slice(1, 3);
    expect(rows[0]).toMatch(/^down +unreachable: cannot reach the API server https:\/\/127\.0\.0\.1:1/);
    expect(rows[1]).toMatch(/^a\\x1b\[31mred +pass .* FAIL .*NOT Haven compliant$/);
  });

  it('aligns every check column under its header', () => {
    const [header, , row] = table.split('\n');
    const column = header!.indexOf('privatenetworking');
    expect(row!.slice(column, column + 'privatenetworking'.length).trim()).toBe('FAIL');
  });

  it('says the exit code and where fleet.json is', () => {
    expect(table).toContain('\nExit code 4: the worst result of 2 clusters.\n');
    expect(table).toContain('\n  fleet/fleet.json\n');
  });

  it('speaks Dutch with --lang nl: header words, verdicts and the error label', () => {
    const nl = renderFleetTable([hostile, unreachable], { language: 'nl', outDir: 'fleet', exitCode: 4 });
    expect(nl.split('\n')[0]).toMatch(/^Cluster +clusteradmin .* Oordeel$/);
    expect(nl).toContain('NIET Haven-compliant');
    expect(nl).toMatch(/\ndown +onbereikbaar: /);
  });

  it('sorts by rank then by name', () => {
    const names = worstFirst([
      outcome('z', { exitCode: 1 }, demo),
      outcome('b', { exitCode: 4 }),
      outcome('a', { exitCode: 1 }, demo),
    ]).map((o) => o.name);
    expect(names).toEqual(['b', 'a', 'z']);
  });
});

describe('fleet.json', () => {
  it('has every cluster with its verdict, exit code, counts, checks, report path and error', () => {
    const json = fleetJson(
      [
        outcome('ok', { exitCode: 1 }, demo),
        outcome('down', { exitCode: 4, stderr: 'havenkit: error: gone\n' }),
      ],
      { generatedAt: '2026-01-01T00:00:00Z', exitCode: 4 },
    );
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({
      kind: 'FleetSummary',
      exitCode: 4,
      clusters: [
        {
          name: 'ok',
          verdict: 'not-compliant',
          exitCode: 1,
          report: 'ok/report.json',
          error: null,
          summary: demo.summary,
          checks: { privatenetworking: 'fail', multiaz: 'pass' },
        },
        { name: 'down', status: 'unreachable', verdict: null, report: null, error: 'gone', summary: null },
      ],
    });
  });
});
