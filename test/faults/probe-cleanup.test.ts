/**
 * Probe cleanup never stops at the first failed delete: a 403 on one kind does not keep the namespace, a namespace
 * that could not be deleted is named on stderr (kind/namespace/name), and an interrupt while the namespace is being
 * created still removes it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeLeftovers, runCli, startCli } from '../checker/helpers.js';
import { controlPlane } from '../controlplane/index.js';
import { RestClient } from '../controlplane/rest.js';
import { useFaultProxy } from './proxy.js';
import type { FaultProxy } from './proxy.js';

let proxy: FaultProxy;
let kubeconfig: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-faults-probes-'));
const created = new Set<string>();

useFaultProxy(work, (p, k) => {
  proxy = p;
  kubeconfig = k;
});
afterAll(async () => {
  // A namespace a test made the checker leave behind is removed here, as the admin.
  const admin = await RestClient.fromKubeconfig(controlPlane().kubeconfig);
  for (const name of created)
    await admin.request('DELETE', `/api/v1/namespaces/${name}`).catch(() => undefined);
});

const PROBE_NAMESPACE = /^\/api\/v1\/namespaces\/havenkit-probe-[0-9a-f]+$/;
const probeRun = (out: string): string[] => [
  'snapshot',
  '--kubeconfig',
  kubeconfig,
  '--only',
  'rwxvolumes',
  '--probe',
  'rwx',
  '--probe-timeout',
  '2',
  '--out',
  join(work, out),
];

/** The probe namespace the run names on stderr. */
function namespaceOf(stderr: string): string {
  const name = /(havenkit-probe-[0-9a-f]+)/.exec(stderr)?.[1];
  expect(name).toBeDefined();
  created.add(name as string);
  return name as string;
}

async function leftover(name: string) {
  return (await probeLeftovers(controlPlane().kubeconfig)).find((ns) => ns.name === name);
}

describe('probe cleanup', () => {
  it('deletes the namespace although deleting its pods was forbidden (403)', async () => {
    proxy.faults([
      {
        method: 'DELETE',
        path: /^\/api\/v1\/namespaces\/havenkit-probe-[0-9a-f]+\/pods$/,
        action: {
          respond: {
            status: 403,
            body: { kind: 'Status', status: 'Failure', reason: 'Forbidden', code: 403 },
          },
        },
      },
    ]);
    const run = await runCli(probeRun('pods-forbidden.json'));
    expect(run.code).toBe(0);
    const name = namespaceOf(run.stderr);
    expect(
      proxy.requests.filter((r) => r.method === 'DELETE' && PROBE_NAMESPACE.test(r.url.split('?')[0] ?? '')),
    ).toHaveLength(1);
    expect(run.stderr).not.toMatch(/could not delete/);
    expect(await leftover(name)).toMatchObject({ terminating: true, pods: 0 });
  });

  it('names what it left behind, in one line, when the namespace itself may not be deleted', async () => {
    proxy.faults([
      {
        method: 'DELETE',
        path: PROBE_NAMESPACE,
        action: {
          respond: {
            status: 403,
            body: {
              kind: 'Status',
              status: 'Failure',
              reason: 'Forbidden',
              code: 403,
              message: 'namespaces is forbidden',
            },
          },
        },
      },
    ]);
    const run = await runCli(probeRun('namespace-forbidden.json'));
    const name = namespaceOf(run.stderr);
    const lines = run.stderr.split('\n').filter((l) => l.includes('left behind'));
    expect(lines).toEqual([
      `havenkit: could not delete probe namespace ${name} (403 Forbidden: namespaces is forbidden); left behind: namespace/${name}; delete it with: kubectl delete namespace ${name}`,
    ]);
    // Its children were deleted all the same.
    expect(proxy.requests.filter((r) => r.method === 'DELETE').map((r) => r.url.split('?')[0])).toEqual([
      `/api/v1/namespaces/${name}/pods`,
      `/api/v1/namespaces/${name}/persistentvolumeclaims`,
      `/api/v1/namespaces/${name}`,
    ]);
    expect(await leftover(name)).toMatchObject({ terminating: false });
  });

  it('removes the namespace when Ctrl-C comes while it is being created', async () => {
    proxy.faults([{ method: 'POST', path: '/api/v1/namespaces', action: { delayMs: 1500 } }]);
    const { child, done } = startCli(probeRun('interrupted.json'));
    for (
      let i = 0;
      i < 200 && !proxy.requests.some((r) => r.method === 'POST' && r.url === '/api/v1/namespaces');
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    const name = namespaceOf(run.stderr);
    expect(run.stderr).toMatch(
      new RegExp(`interrupted by SIGINT while probing; deleted probe namespace ${name}`),
    );
    expect(await leftover(name)).toMatchObject({ terminating: true });
  });
});
