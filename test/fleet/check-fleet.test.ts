/**
 * `havenkit check` over a fleet, as a user runs it: one kubeconfig with a compliant cluster, an
 * empty AlwaysAllow cluster, a closed port, a blackhole (accepts, never answers) and a limited
 * identity; every cluster gets its row and its report (or its error line), the slow and dead ones
 * never hide the others, and the exit code is the worst of them.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../packages/checker/src/index.js';
import type { FleetJson } from '../../packages/cli/src/fleet/summary.js';
import { runCli } from '../checker/helpers.js';
import type { CliRun } from '../checker/helpers.js';
import { mintIdentity, seedScenario, startApiServer } from '../controlplane/index.js';
import type { ExtraApiServer } from '../controlplane/index.js';
import { freePort } from '../controlplane/ports.js';

interface KubeconfigDoc {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
}

const CONTEXTS = ['blackhole', 'compliant', 'limited', 'open', 'unreachable'] as const;
/** Short, so that the blackhole costs little; long enough for a real API server under load. */
const TIMEOUT = '6s';

const work = mkdtempSync(join(tmpdir(), 'havenkit-fleet-'));
const servers: ExtraApiServer[] = [];
let blackhole: Server | undefined;
const held = new Set<Socket>();
let fleetKubeconfig: string;
const perContextDir = join(work, 'kubeconfigs');

/** The cluster and user of a one-context kubeconfig (as the control plane writes them). */
function entryOf(file: string): { cluster: Record<string, unknown>; user: Record<string, unknown> } {
  const doc = load(readFileSync(file, 'utf8')) as KubeconfigDoc;
  return { cluster: doc.clusters[0]!.cluster, user: doc.users[0]!.user };
}

function kubeconfigOf(
  entries: Record<string, { cluster: Record<string, unknown>; user: Record<string, unknown> }>,
) {
  const names = Object.keys(entries);
  return dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: names.map((n) => ({ name: n, cluster: entries[n]!.cluster })),
    users: names.map((n) => ({ name: n, user: entries[n]!.user })),
    contexts: names.map((n) => ({ name: n, context: { cluster: n, user: n } })),
    'current-context': names[0],
  });
}

beforeAll(async () => {
  const rbac = await startApiServer();
  servers.push(rbac);
  await seedScenario(rbac.kubeconfig, 'compliant');
  await seedScenario(rbac.kubeconfig, 'auditor-without-pods');
  const open = await startApiServer({ authorizationMode: 'AlwaysAllow' });
  servers.push(open);
  const limited = mintIdentity({ user: 'havenkit-auditor', server: rbac.server });

  blackhole = createServer((socket) => {
    held.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => held.delete(socket));
  });
  await new Promise<void>((resolve) => blackhole!.listen(0, '127.0.0.1', resolve));
  const blackholePort = (blackhole.address() as { port: number }).port;
  const closedPort = await freePort();

  const admin = entryOf(rbac.kubeconfig);
  const at = (port: number) => ({
    ...admin,
    cluster: { ...admin.cluster, server: `https://127.0.0.1:${port}` },
  });
  const entries = {
    blackhole: at(blackholePort),
    compliant: admin,
    limited: entryOf(limited),
    open: entryOf(open.kubeconfig),
    unreachable: at(closedPort),
  };
  fleetKubeconfig = join(work, 'fleet.kubeconfig');
  writeFileSync(fleetKubeconfig, kubeconfigOf(entries), { mode: 0o600 });
  mkdirSync(perContextDir);
  for (const [name, entry] of Object.entries(entries)) {
    writeFileSync(join(perContextDir, `${name}.yaml`), kubeconfigOf({ [name]: entry }), { mode: 0o600 });
  }
}, 120_000);

afterAll(async () => {
  for (const socket of held) socket.destroy();
  blackhole?.close();
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(work, { recursive: true, force: true });
});

function fleetOf(outDir: string): FleetJson {
  return JSON.parse(readFileSync(join(outDir, 'fleet.json'), 'utf8')) as FleetJson;
}

/** Per cluster: what the table and fleet.json say, without what differs between two runs. */
function rowsOf(outDir: string): unknown[] {
  return fleetOf(outDir).clusters.map((c) => ({
    name: c.name,
    status: c.status,
    exitCode: c.exitCode,
    verdict: c.verdict,
    checks: c.checks,
  }));
}

const check = (args: readonly string[], outDir: string): Promise<CliRun> =>
  runCli(['check', ...args, '--timeout', TIMEOUT, '--concurrency', '5', '--out-dir', outDir]);

describe('havenkit check over a fleet', () => {
  const byContexts = join(work, 'by-contexts');
  let run: CliRun;
  beforeAll(async () => {
    run = await check(
      [
        '--kubeconfig',
        fleetKubeconfig,
        '--context',
        'compliant,open',
        '--context',
        'unreachable,blackhole,limited',
      ],
      byContexts,
    );
  }, 60_000);

  it('exits with the worst code of its clusters: 4, a cluster that could not be reached', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(4);
    expect(fleetOf(byContexts).exitCode).toBe(4);
  });

  it('gives every cluster its row, worst first, the unreachable one with its error in place of the cells', () => {
    const rows = run.stdout.split('\n').slice(1, 6);
    expect(rows.map((r) => r.split(' ')[0])).toEqual([
      'unreachable',
      'open',
      'blackhole',
      'limited',
      'compliant',
    ]);
    expect(rows[0]).toMatch(
      /^unreachable +unreachable: cannot reach the API server https:\/\/127\.0\.0\.1:\d+/,
    );
    expect(rows[4]).toMatch(/ Haven compliant$/);
    expect(run.stdout.split('\n')[0]).toMatch(/^Cluster +clusteradmin .* Verdict$/);
  });

  it('writes a json report per reachable cluster, each with the verdict of its own cluster', () => {
    const verdicts = Object.fromEntries(
      CONTEXTS.filter((c) => c !== 'unreachable').map((c) => {
        const report = JSON.parse(
          readFileSync(join(byContexts, c, 'report.json'), 'utf8'),
        ) as ComplianceReport;
        return [c, report.verdict];
      }),
    );
    expect(verdicts).toEqual({
      blackhole: 'inconclusive',
      compliant: 'compliant',
      limited: 'inconclusive',
      open: 'not-compliant',
    });
    expect(existsSync(join(byContexts, 'unreachable', 'report.json'))).toBe(false);
  });

  it('lets the blackhole cost only its own --timeout: the others decided every check, its note names the deadline', () => {
    const fleet = fleetOf(byContexts);
    const compliant = fleet.clusters.find((c) => c.name === 'compliant')!;
    expect(Object.values(compliant.checks).filter((s) => s === 'unknown')).toEqual([]);
    const hole = fleet.clusters.find((c) => c.name === 'blackhole')!;
    expect(hole.messages).toContainEqual(
      expect.stringMatching(new RegExp(`^the run deadline \\(--timeout ${TIMEOUT}\\) passed`)),
    );
    expect(run.stdout).toMatch(
      new RegExp(`\\n  blackhole: the run deadline \\(--timeout ${TIMEOUT}\\) passed`),
    );
  });

  it('writes fleet.json: every cluster with context, kubeconfig, verdict, exit code, counts, checks, report and error', () => {
    const fleet = fleetOf(byContexts);
    expect(fleet.kind).toBe('FleetSummary');
    expect(fleet.clusters.map((c) => c.name)).toEqual([...CONTEXTS]);
    expect(fleet.clusters.map((c) => [c.context, c.kubeconfig])).toEqual(
      CONTEXTS.map((c) => [c, fleetKubeconfig]),
    );
    const [unreachable, ...checked] = [
      fleet.clusters.find((c) => c.name === 'unreachable')!,
      ...fleet.clusters.filter((c) => c.name !== 'unreachable'),
    ];
    expect(unreachable).toMatchObject({
      status: 'unreachable',
      exitCode: 4,
      verdict: null,
      report: null,
      summary: null,
      error: expect.stringMatching(/^cannot reach the API server/),
    });
    expect(checked.map((c) => [c.status, c.error, c.report, c.summary?.total])).toEqual(
      checked.map((c) => ['checked', null, `${c.name}/report.json`, 15]),
    );
    expect(checked.filter((c) => !existsSync(join(byContexts, c.report!)))).toEqual([]);
    expect(fleet.clusters.find((c) => c.name === 'limited')).toMatchObject({
      exitCode: 2,
      checks: { logs: 'unknown', multiaz: 'pass' },
    });
  });

  it('--all-contexts selects every context of the kubeconfig: the same rows', async () => {
    const outDir = join(work, 'all-contexts');
    const all = await check(['--kubeconfig', fleetKubeconfig, '--all-contexts'], outDir);
    expect(all.code).toBe(4);
    expect(rowsOf(outDir)).toEqual(rowsOf(byContexts));
  }, 60_000);

  it('--kubeconfig-dir with one kubeconfig file per context: the same rows', async () => {
    const outDir = join(work, 'kubeconfig-dir');
    const dir = await check(['--kubeconfig-dir', perContextDir], outDir);
    expect(dir.code).toBe(4);
    expect(rowsOf(outDir)).toEqual(rowsOf(byContexts));
    expect(fleetOf(outDir).clusters.find((c) => c.name === 'open')?.kubeconfig).toBe(
      join(perContextDir, 'open.yaml'),
    );
  }, 60_000);

  it('one --context is the single-cluster run as ever: its own table and exit code', async () => {
    const single = await runCli(['check', '--kubeconfig', fleetKubeconfig, '--context', 'compliant']);
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(/^Verdict: Haven compliant\n/);
  });

  it('refuses several clusters without --out-dir, in one line, exit 3', async () => {
    const refused = await runCli(['check', '--kubeconfig', fleetKubeconfig, '--context', 'compliant,open']);
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toMatch(
      /^havenkit: error: several clusters write a report each: give --out-dir DIR[^\n]*\n$/,
    );
  });
});
