/**
 * The Haven checks on real clusters: each scenario runs on its own API server (an isolated etcd
 * prefix, since nodes are cluster-scoped), seeded from test/scenarios/*.yaml. For each: the live
 * verdicts, the same report from `havenkit snapshot` + `havenkit check --snapshot`, and a cluster
 * that the checker left untouched.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../packages/checker/src/index.js';
import type {
  ClusterSnapshot,
  ComplianceReport,
  Outcome,
  Verdict,
} from '../../packages/checker/src/index.js';
import { mintIdentity, seedScenario, startApiServer } from '../controlplane/index.js';
import type { AuthorizationMode, ExtraApiServer } from '../controlplane/index.js';
import { clusterState, comparable, outcomes, runCli } from './helpers.js';

interface Case {
  /** Scenario files seeded in order (test/scenarios/<name>.yaml). */
  readonly scenarios: readonly string[];
  /** @default 'RBAC' */
  readonly authorizationMode?: AuthorizationMode;
  /** Run the checker as this user (a client certificate, no groups) instead of the admin. */
  readonly identity?: string;
  /** Expected outcome per check; checks not listed are not asserted. */
  readonly expected: Readonly<Record<string, Outcome>>;
  readonly verdict: Verdict;
}

const EXIT: Record<Verdict, number> = {
  compliant: 0,
  'not-compliant': 1,
  inconclusive: 2,
  'selected-passed': 6,
};

/**
 * Every mandatory check but shavalidation, which verifies the installed toolkit rather than the
 * cluster (its result depends on the build, and is tested with the integrity manifest).
 */
const CLUSTER_CHECKS = loadCatalogue()
  .checks.filter((c) => c.mandatory && c.name !== 'shavalidation')
  .map((c) => c.name)
  .join(',');

const CASES: Record<string, Case> = {
  'fully compliant 3+3 nodes in 3 zones': {
    scenarios: ['compliant'],
    expected: {
      clusteradmin: 'pass',
      havenversion: 'skip',
      multiaz: 'pass',
      hamasters: 'pass',
      haworkers: 'pass',
      nodehardening: 'pass',
      privatenetworking: 'pass',
      kubernetesversion: 'pass',
      rbac: 'pass',
      rwxvolumes: 'pass',
      cncf: 'skip',
      autocerts: 'pass',
      logs: 'pass',
      metrics: 'pass',
    },
    verdict: 'selected-passed',
  },
  'single-node dev cluster': {
    scenarios: ['single-node'],
    expected: {
      clusteradmin: 'pass',
      multiaz: 'fail',
      hamasters: 'fail',
      haworkers: 'fail',
      nodehardening: 'pass',
      privatenetworking: 'pass',
      rbac: 'pass',
      rwxvolumes: 'fail',
      autocerts: 'fail',
      logs: 'fail',
      metrics: 'fail',
    },
    verdict: 'not-compliant',
  },
  'managed cluster with a hidden control plane (Scaleway Kapsule)': {
    scenarios: ['managed-kapsule'],
    expected: {
      multiaz: 'pass',
      hamasters: 'pass',
      haworkers: 'pass',
      nodehardening: 'pass',
      privatenetworking: 'pass',
      rbac: 'pass',
      rwxvolumes: 'fail',
    },
    verdict: 'not-compliant',
  },
  'nodes with public IP addresses': {
    scenarios: ['public-node-ips'],
    expected: {
      multiaz: 'pass',
      hamasters: 'pass',
      haworkers: 'pass',
      nodehardening: 'pass',
      privatenetworking: 'fail',
    },
    verdict: 'not-compliant',
  },
  'RBAC not enforced (AlwaysAllow)': {
    scenarios: ['compliant'],
    authorizationMode: 'AlwaysAllow',
    expected: { rbac: 'fail', multiaz: 'pass', clusteradmin: 'pass' },
    verdict: 'not-compliant',
  },
  'a limited identity that may not list pods': {
    scenarios: ['compliant', 'auditor-without-pods'],
    identity: 'havenkit-auditor',
    expected: {
      multiaz: 'pass',
      hamasters: 'pass',
      rbac: 'pass',
      rwxvolumes: 'pass',
      metrics: 'pass',
      // The pods are there (the admin run passes), but this identity cannot see them: never a pass.
      logs: 'unknown',
      autocerts: 'unknown',
      // Missing permissions make the run inconclusive, never a failure of the cluster.
      clusteradmin: 'unknown',
    },
    verdict: 'inconclusive',
  },
};

const work = mkdtempSync(join(tmpdir(), 'havenkit-scenarios-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(Object.entries(CASES))('%s', (title, c) => {
  let server: ExtraApiServer | undefined;
  let kubeconfig: string;
  let live: ComplianceReport;
  let liveCode: number | null;

  beforeAll(async () => {
    server = await startApiServer({ authorizationMode: c.authorizationMode ?? 'RBAC' });
    for (const s of c.scenarios) await seedScenario(server.kubeconfig, s);
    kubeconfig = c.identity ? mintIdentity({ user: c.identity, server: server.server }) : server.kubeconfig;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('gives the expected verdict per check, live, without changing the cluster', async () => {
    const admin = server?.kubeconfig ?? '';
    const before = await clusterState(admin);
    const run = await runCli([
      'check',
      '--kubeconfig',
      kubeconfig,
      '--output',
      'json',
      '--only',
      CLUSTER_CHECKS,
    ]);
    const after = await clusterState(admin);
    expect(run.stderr).toBe('');
    live = JSON.parse(run.stdout) as ComplianceReport;
    liveCode = run.code;
    const actual = outcomes(live);
    expect(Object.fromEntries(Object.keys(c.expected).map((name) => [name, actual[name]]))).toEqual(
      c.expected,
    );
    expect(live.verdict).toBe(c.verdict);
    expect(run.code).toBe(EXIT[c.verdict]);
    // Read-only: no object created, changed or deleted (the access reviews persist nothing).
    expect(after).toEqual(before);
  });

  it('gives the same report from `havenkit snapshot` + `check --snapshot`', async () => {
    const file = join(work, `${title.replace(/[^a-z0-9]+/gi, '-')}.json`);
    const snap = await runCli(['snapshot', '--kubeconfig', kubeconfig, '--out', file]);
    expect(snap.stderr).toBe('');
    expect(snap.code).toBe(0);
    // Only what the checks and the register read is kept of each pod and node
    // (needs.resources[].fields, compliance/register/functions.yaml), and said so.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ClusterSnapshot;
    for (const key of ['pods', 'nodes']) {
      const entry = saved.resources[key];
      if (entry === undefined || 'error' in entry) continue;
      expect(entry.fields).toEqual(
        expect.arrayContaining([key === 'pods' ? 'status.phase' : 'metadata.labels']),
      );
      for (const item of entry.items) {
        // Of a container's status only its name and its digest (the register's imageID).
        for (const status of (item.status as { containerStatuses?: object[] } | undefined)
          ?.containerStatuses ?? []) {
          expect(Object.keys(status).every((k) => k === 'name' || k === 'imageID')).toBe(true);
        }
        // Of its owners only what says which workload it belongs to.
        for (const owner of (item.metadata as { ownerReferences?: object[] } | undefined)?.ownerReferences ??
          []) {
          expect(Object.keys(owner).every((k) => ['kind', 'name', 'controller'].includes(k))).toBe(true);
        }
        expect(item).not.toHaveProperty('metadata.annotations');
      }
    }
    const offline = await runCli(['check', '--snapshot', file, '--output', 'json', '--only', CLUSTER_CHECKS]);
    expect(offline.stderr).toBe('');
    const report = JSON.parse(offline.stdout) as ComplianceReport;
    expect(comparable(report)).toEqual(comparable(live));
    expect(offline.code).toBe(liveCode);
  });
});

describe('a limited identity', () => {
  it('is told which permissions it lacks (clusteradmin), and pod-based checks say forbidden', async () => {
    const server = await startApiServer();
    try {
      await seedScenario(server.kubeconfig, 'compliant');
      await seedScenario(server.kubeconfig, 'auditor-without-pods');
      const kubeconfig = mintIdentity({ user: 'havenkit-auditor', server: server.server });
      const run = await runCli([
        'check',
        '--kubeconfig',
        kubeconfig,
        '--output',
        'json',
        '--only',
        'clusteradmin,logs',
      ]);
      const report = JSON.parse(run.stdout) as ComplianceReport;
      const byName = Object.fromEntries(report.results.map((r) => [r.name, r]));
      expect(byName.clusteradmin).toMatchObject({ outcome: 'unknown', cause: 'forbidden' });
      expect(byName.clusteradmin?.reason.en).toMatch(/list pods/);
      expect(byName.logs).toMatchObject({ outcome: 'unknown', cause: 'forbidden' });
    } finally {
      await server.stop();
    }
  }, 180_000); // starts an API server of its own: slow on a loaded 2-core machine
});
