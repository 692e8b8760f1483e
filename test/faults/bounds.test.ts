/**
 * Never hang: a list whose continue token repeats ends with an error of that resource, and the whole run has a
 * deadline (--timeout) after which it reports what it has, the rest unknown with cause timeout.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, ComplianceReport } from '../../packages/checker/src/index.js';
import { runCli } from '../checker/helpers.js';
import { useFaultProxy } from './proxy.js';
import type { FaultProxy } from './proxy.js';

let proxy: FaultProxy;
let kubeconfig: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-faults-bounds-'));

useFaultProxy(work, (p, k) => {
  proxy = p;
  kubeconfig = k;
});

const nodeRequests = (): number => proxy.requests.filter((r) => r.url.startsWith('/api/v1/nodes?')).length;
const multiaz = (report: ComplianceReport) => report.results.find((r) => r.name === 'multiaz');

describe('a list whose continue token repeats', () => {
  it('stops at the repeat: the resource is an error naming the cause, the check unknown (exit 2)', async () => {
    proxy.faults([
      {
        method: 'GET',
        path: '/api/v1/nodes',
        action: {
          respond: {
            status: 200,
            body: { kind: 'NodeList', apiVersion: 'v1', metadata: { continue: 'again' }, items: [] },
          },
        },
      },
    ]);
    const run = await runCli(['check', '--kubeconfig', kubeconfig, '--only', 'multiaz', '-o', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as ComplianceReport;
    expect(multiaz(report)).toMatchObject({ outcome: 'unknown', cause: 'api-error' });
    expect(JSON.stringify(multiaz(report)?.evidence)).toMatch(/the same continue token again after 1 pages/);
    expect(nodeRequests()).toBe(2);
  });
});

describe('the run deadline (--timeout)', () => {
  const slowNodes = { method: 'GET', path: '/api/v1/nodes', action: { delayMs: 30_000 } } as const;

  it('reports what it has when a resource is slower: its checks unknown (timeout), exit 2', async () => {
    proxy.faults([slowNodes]);
    const started = Date.now();
    const run = await runCli([
      'check',
      '--kubeconfig',
      kubeconfig,
      '--only',
      'multiaz,kubernetesversion',
      '--timeout',
      '3s',
      '-o',
      'json',
    ]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'havenkit: the run deadline (--timeout 3s) passed before everything was read; not read (unknown): nodes\n',
    );
    const report = JSON.parse(run.stdout) as ComplianceReport;
    expect(multiaz(report)).toMatchObject({ outcome: 'unknown', cause: 'timeout' });
    expect(JSON.stringify(multiaz(report)?.evidence)).toMatch(/the run deadline \(--timeout 3s\) passed/);
    // What was read in time still counts.
    expect(report.results.find((r) => r.name === 'kubernetesversion')?.outcome).not.toBe('unknown');
  });

  it('in snapshot, writes what was read, the rest a Timeout error that check --snapshot reports unknown', async () => {
    proxy.faults([slowNodes]);
    const out = join(work, 'deadline.json');
    const run = await runCli([
      'snapshot',
      '--kubeconfig',
      kubeconfig,
      '--only',
      'multiaz',
      '--timeout',
      '3s',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/run deadline \(--timeout 3s\) passed/);
    const snapshot = JSON.parse(readFileSync(out, 'utf8')) as ClusterSnapshot;
    expect(snapshot.resources['nodes']).toEqual({
      error: {
        code: 0,
        reason: 'Timeout',
        message: 'the run deadline (--timeout 3s) passed before this was read',
      },
    });
    const offline = await runCli(['check', '--snapshot', out, '--only', 'multiaz', '-o', 'json']);
    expect(offline.code).toBe(2);
    expect(multiaz(JSON.parse(offline.stdout) as ComplianceReport)).toMatchObject({ cause: 'timeout' });
  });

  it('is refused when it is not a duration (exit 3)', async () => {
    const run = await runCli(['check', '--kubeconfig', kubeconfig, '--timeout', 'soon']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/--timeout soon is not a duration like 90s, 10m or 1h/);
  });
});
