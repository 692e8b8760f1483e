/**
 * The opt-in probes are the only writes: in a namespace of their own that is removed on success,
 * failure, abort, SIGINT and SIGTERM. The test control plane has no kubelet, scheduler or
 * controller-manager: probe pods stay Pending and claims never bind (so both probes time out to
 * pending/error), and no namespace controller finishes a deletion. "Removed" is therefore checked
 * as: deletion requested (deletionTimestamp set), no pod left, every claim deleted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadCatalogue } from '../../packages/checker/src/index.js';
import { CollectAbortedError, collectSnapshot } from '../../packages/collect/src/index.js';
import { seedScenario, startApiServer } from '../controlplane/index.js';
import type { ExtraApiServer } from '../controlplane/index.js';
import { probeLeftovers, startCli } from './helpers.js';

let server: ExtraApiServer | undefined;
let kubeconfig: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-probes-'));
const seen = new Set<string>();

beforeAll(async () => {
  server = await startApiServer();
  kubeconfig = server.kubeconfig;
  await seedScenario(kubeconfig, 'single-node');
});
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Probe namespaces that appeared since the last call. */
async function newProbeNamespaces(): Promise<Awaited<ReturnType<typeof probeLeftovers>>> {
  const fresh = (await probeLeftovers(kubeconfig)).filter((ns) => !seen.has(ns.name));
  return fresh;
}

function forget(names: readonly { name: string }[]): void {
  for (const n of names) seen.add(n.name);
}

/** Waits until a probe namespace with at least one pod exists (the probe is mid-flight). */
async function untilProbing(): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if ((await newProbeNamespaces()).some((ns) => ns.pods > 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no probe pod appeared within 30 s');
}

describe('active probes on a cluster without kubelet', () => {
  it('time out cleanly (rwx pending, node-lsm error per node) and remove their namespace', async () => {
    const catalogue = loadCatalogue();
    const messages: string[] = [];
    const started = Date.now();
    const snapshot = await collectSnapshot({
      kubeconfigPath: kubeconfig,
      catalogue,
      only: ['rwxvolumes', 'nodehardening'],
      probes: ['rwx', 'node-lsm'],
      probeOptions: { timeoutMs: 3000, pollIntervalMs: 200, cleanupWaitMs: 500 },
      onProgress: (p) => {
        if (p.phase === 'probes') messages.push(p.message);
      },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(snapshot.probes?.rwx).toMatchObject({
      outcome: 'pending',
      message: 'no ReadWriteMany claim bound within 3 s (StorageClasses tried: (default))',
    });
    expect(snapshot.probes?.nodeLsm).toEqual({
      nodes: { 'node-1': { lsms: [], error: 'timed out after 3 s (pod Pending)' } },
    });
    const leftovers = await newProbeNamespaces();
    forget(leftovers);
    expect(leftovers).toEqual([
      {
        name: expect.stringMatching(/^havenkit-probe-[0-9a-f]{8}$/),
        terminating: true,
        pods: 0,
        livePvcs: 0,
      },
    ]);
    expect(messages).toEqual([
      'running probes: node-lsm, rwx',
      `created probe namespace ${leftovers[0]?.name}`,
      `deleted probe namespace ${leftovers[0]?.name} (the cluster is still finalizing it)`,
    ]);
    // A probe that could not conclude is never a pass on its own.
    const report = evaluate(snapshot, { catalogue, only: ['rwxvolumes'] });
    expect(report.results[0]?.outcome).toBe('fail');
  });

  it('try every RWX-capable and default StorageClass (a consumer pod for WaitForFirstConsumer)', async () => {
    const other = await startApiServer();
    try {
      await seedScenario(other.kubeconfig, 'compliant');
      await seedScenario(other.kubeconfig, 'managed-kapsule');
      const snapshot = await collectSnapshot({
        kubeconfigPath: other.kubeconfig,
        catalogue: loadCatalogue(),
        only: ['rwxvolumes'],
        probes: ['rwx'],
        probeOptions: { timeoutMs: 1500, pollIntervalMs: 200, cleanupWaitMs: 200 },
      });
      expect(snapshot.probes?.rwx).toMatchObject({
        outcome: 'pending',
        message:
          'no ReadWriteMany claim bound within 2 s (StorageClasses tried: nfs-rwx, scw-bssd, standard)',
      });
      const leftovers = await probeLeftovers(other.kubeconfig);
      expect(leftovers).toEqual([{ name: expect.any(String), terminating: true, pods: 0, livePvcs: 0 }]);
    } finally {
      await other.stop();
    }
  }, 180_000); // starts an API server of its own: slow on a loaded 2-core machine

  it('remove their namespace when the caller aborts', async () => {
    const controller = new AbortController();
    const collecting = collectSnapshot({
      kubeconfigPath: kubeconfig,
      catalogue: loadCatalogue(),
      only: ['nodehardening'],
      probes: ['node-lsm'],
      probeOptions: { timeoutMs: 60_000, pollIntervalMs: 200, cleanupWaitMs: 500 },
      signal: controller.signal,
    });
    await untilProbing();
    controller.abort();
    await expect(collecting).rejects.toBeInstanceOf(CollectAbortedError);
    const leftovers = await newProbeNamespaces();
    forget(leftovers);
    expect(leftovers).toEqual([{ name: expect.any(String), terminating: true, pods: 0, livePvcs: 0 }]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('remove their namespace when the CLI gets %s, and write no snapshot', async (signal, code) => {
    const out = join(work, `${signal}.json`);
    const { child, done } = startCli([
      'snapshot',
      '--kubeconfig',
      kubeconfig,
      '--out',
      out,
      '--probe',
      'rwx,node-lsm',
      '--probe-timeout',
      '60',
    ]);
    await untilProbing();
    child.kill(signal);
    const run = await done;
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(
      new RegExp(
        `^havenkit: running probes: node-lsm, rwx\\nhavenkit: created probe namespace (havenkit-probe-[0-9a-f]+)\\nhavenkit: deleted probe namespace \\1 \\(the cluster is still finalizing it\\)\\nhavenkit: error: interrupted by ${signal} while probing; deleted probe namespace \\1 \\(the cluster is still finalizing it\\)\\n$`,
      ),
    );
    expect(existsSync(out)).toBe(false);
    const leftovers = await newProbeNamespaces();
    forget(leftovers);
    expect(leftovers).toEqual([{ name: expect.any(String), terminating: true, pods: 0, livePvcs: 0 }]);
  });
});
