/**
 * No silent failures: a body that ends before its Content-Length is a transport error (retried like the others,
 * then recorded), and every run ends with output or with one line on stderr and a documented exit code, never the
 * bare exit 13 of Node's unsettled top-level await.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../packages/checker/src/index.js';
import { runCli } from '../checker/helpers.js';
import { useFaultProxy } from './proxy.js';
import type { FaultProxy } from './proxy.js';

let proxy: FaultProxy;
let kubeconfig: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-faults-silent-'));
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

useFaultProxy(work, (p, k) => {
  proxy = p;
  kubeconfig = k;
});

const nodeRequests = (): number => proxy.requests.filter((r) => r.url.startsWith('/api/v1/nodes?')).length;

describe('a list body cut off before its Content-Length', () => {
  it('is retried: one truncated answer changes nothing', async () => {
    proxy.faults([{ method: 'GET', path: '/api/v1/nodes', times: 1, action: { truncate: {} } }]);
    const run = await runCli(['check', '--kubeconfig', kubeconfig, '--only', 'multiaz', '-o', 'json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as ComplianceReport;
    // The shared cluster has no nodes: multiaz fails on the list it read at the second attempt.
    expect(report.results[0]).toMatchObject({ name: 'multiaz', outcome: 'fail' });
    expect(run.code).toBe(1);
    expect(nodeRequests()).toBe(2);
  });

  it('that stays truncated makes nodes unreadable (unknown, naming the cut-off body), not exit 13', async () => {
    proxy.faults([{ method: 'GET', path: '/api/v1/nodes', action: { truncate: { keepBytes: 20 } } }]);
    const run = await runCli(['check', '--kubeconfig', kubeconfig, '--only', 'multiaz', '-o', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as ComplianceReport;
    expect(report.results[0]).toMatchObject({ name: 'multiaz', outcome: 'unknown' });
    expect(JSON.stringify(report.results[0]?.evidence)).toMatch(/ended after 20 of \d+ bytes/);
    expect(nodeRequests()).toBe(4);
  });

  it('on /version ends the run with one line and exit 4', async () => {
    proxy.faults([{ method: 'GET', path: '/version', action: { truncate: {} } }]);
    const out = join(work, 'truncated-version.json');
    const run = await runCli(['snapshot', '--kubeconfig', kubeconfig, '--out', out]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(/\/version: the answer ended after \d+ of \d+ bytes/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a command that can never finish', () => {
  it('says so in one line with exit 3 (an app module whose top-level await never settles)', async () => {
    const app = join(work, 'never.mjs');
    writeFileSync(app, 'await new Promise(() => {});\nexport default { name: "never", components: [] };\n');
    const run = await runCli(['synth', '--app', app, '--provider', 'scaleway']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(/never finished/);
    expect(run.stdout).toBe('');
  });
});
