/**
 * The flags of in-cluster runs, in process as `havenkit` runs them: --no-verdict-exit-code, the
 * checks on --publish before anything is read, `{time}` in output paths, and `havenkit rbac
 * --publish`. Publishing itself is tested on a real API server (test/chart/chart.test.ts).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@oclif/test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = fileURLToPath(new URL('../../../examples/snapshots/demo.json', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-publish-flags-'));

async function havenkit(...argv: string[]) {
  const result = await runCommand(argv, { root });
  const exit = (result.error as { oclif?: { exit?: number } } | undefined)?.oclif?.exit;
  const code = exit ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
  return { stdout: result.stdout, stderr: result.stderr + (result.error?.message ?? ''), code };
}

afterEach(() => {
  process.exitCode = undefined;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('check --no-verdict-exit-code', () => {
  it('exits 0 for a cluster that is not compliant, which exits 1 without it', async () => {
    const plain = await havenkit('check', '--snapshot', demo, '-o', 'json');
    const verdict = (JSON.parse(plain.stdout) as { verdict: string }).verdict;
    expect(verdict).toBe('not-compliant');
    expect(plain.code).toBe(1);
    process.exitCode = undefined;
    const scheduled = await havenkit('check', '--snapshot', demo, '-o', 'json', '--no-verdict-exit-code');
    expect(scheduled.code).toBe(0);
    expect(JSON.parse(scheduled.stdout)).toMatchObject({ verdict: 'not-compliant' });
  });

  it('keeps the exit code of bad input', async () => {
    const run = await havenkit('check', '--snapshot', join(work, 'missing.json'), '--no-verdict-exit-code');
    expect(run.code).toBe(3);
  });
});

describe('check --publish', () => {
  it('is refused with --snapshot: it writes to the live cluster the report is about', async () => {
    const run = await havenkit('check', '--snapshot', demo, '--publish', 'configmap');
    expect(run.stderr).toContain('--publish cannot be combined with --snapshot');
    expect(run.code).toBe(3);
  });

  it('refuses a name Kubernetes would refuse before it reads the cluster', async () => {
    const run = await havenkit(
      'check',
      '--kubeconfig',
      join(work, 'no-such-kubeconfig'),
      '--publish',
      'configmap',
      '--publish-name',
      'Havenkit_Report',
    );
    expect(run.stderr).toContain('--publish-name "Havenkit_Report" is not a name for the published objects');
    expect(run.code).toBe(3);
  });

  it('refuses an unknown target, listing the known ones', async () => {
    const run = await havenkit('check', '--publish', 'slack');
    expect(run.stderr).toMatch(/configmap, policyreport/);
    expect(run.code).toBe(3);
  });
});

describe('{time} in --out-dir', () => {
  it('writes the reports of each run to a directory named by its start in UTC', async () => {
    const run = await havenkit(
      'check',
      '--snapshot',
      demo,
      '-o',
      'json,markdown',
      '--out-dir',
      join(work, 'history', '{time}'),
    );
    expect(run.code).toBe(1);
    const runs = readdirSync(join(work, 'history'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(readdirSync(join(work, 'history', runs[0]!)).sort()).toEqual(['report.json', 'report.md']);
  });
});

describe('rbac --publish', () => {
  it('grants update of the report’s ConfigMaps by name in the ServiceAccount’s namespace, and create of ConfigMaps there', async () => {
    const run = await havenkit('rbac', '--sovereignty', '--publish', 'configmap', '-o', 'json');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as {
      items: { kind: string; metadata: { namespace?: string }; rules?: unknown[] }[];
    };
    const role = list.items.find((o) => o.kind === 'Role' && o.metadata.namespace === 'havenkit');
    expect(role?.rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: ['create'] },
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['havenkit-report'],
        verbs: ['get', 'update'],
      },
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['havenkit-sovereignty'],
        verbs: ['get', 'update'],
      },
    ]);
  });

  it('grants the OpenReports ClusterReport with --openreports', async () => {
    const run = await havenkit(
      'rbac',
      '--publish',
      'policyreport',
      '--openreports',
      '--publish-name',
      'scan',
    );
    expect(run.stdout).toContain('resources: [clusterreports]');
    expect(run.stdout).toContain('resourceNames: [scan]');
    expect(run.stdout).not.toContain('clusterpolicyreports');
  });

  it('asks for the namespace of the ConfigMap when it binds a kubeconfig user', async () => {
    const run = await havenkit('rbac', '--user', 'auditor', '--publish', 'configmap');
    expect(run.stderr).toContain('--publish configmap with --user: give --publish-namespace NAMESPACE');
    expect(run.code).toBe(3);
  });
});
