import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ComplianceReport } from '../../packages/checker/src/index.js';
import { RestClient } from '../controlplane/rest.js';

/** The built CLI (`pnpm build` first; the test line builds before it runs vitest). */
export const CLI = fileURLToPath(new URL('../../packages/cli/bin/run.js', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns `havenkit <args>`; stderr is a pipe (not a TTY), so no spinner. */
export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    // English unless a test asks otherwise: the report language follows the locale.
    env: {
      ...process.env,
      NO_COLOR: '1',
      HAVENKIT_DEBUG: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return startCli(args, env).done;
}

/**
 * A report without what legitimately differs between two runs on the same cluster: the collection
 * time, the snapshot file's hash, and the random name of the made-up user of the rbac check.
 */
export function comparable(report: ComplianceReport): unknown {
  const { collectedAt: _collectedAt, sha256: _sha256, ...snapshot } = report.metadata.snapshot;
  const text = JSON.stringify({ ...report, metadata: { ...report.metadata, snapshot } });
  return JSON.parse(text.replace(/havenkit:rbac-probe:[0-9a-f]+/g, 'havenkit:rbac-probe:<random>'));
}

/** Outcome per check name. */
export function outcomes(report: ComplianceReport): Record<string, string> {
  return Object.fromEntries([...report.results, ...report.suggested].map((r) => [r.name, r.outcome]));
}

/** Resources whose objects must not change while the checker runs (leases excluded: the API server renews its own). */
const WATCHED = [
  '/api/v1/namespaces',
  '/api/v1/nodes',
  '/api/v1/pods',
  '/api/v1/configmaps',
  '/api/v1/serviceaccounts',
  '/api/v1/services',
  '/api/v1/persistentvolumes',
  '/api/v1/persistentvolumeclaims',
  '/apis/storage.k8s.io/v1/storageclasses',
  '/apis/rbac.authorization.k8s.io/v1/clusterroles',
  '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
  '/apis/rbac.authorization.k8s.io/v1/roles',
  '/apis/rbac.authorization.k8s.io/v1/rolebindings',
  '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
  '/apis/apps/v1/deployments',
  '/apis/apps/v1/daemonsets',
];

/** Every watched object of a cluster as "path namespace/name@resourceVersion", sorted. */
export async function clusterState(kubeconfig: string): Promise<string[]> {
  const api = await RestClient.fromKubeconfig(kubeconfig);
  const lists = await Promise.all(
    WATCHED.map(async (path) => {
      const list = await api.request<{
        items: { metadata: { namespace?: string; name: string; resourceVersion: string } }[];
      }>('GET', path);
      return list.items.map(
        (i) => `${path} ${i.metadata.namespace ?? ''}/${i.metadata.name}@${i.metadata.resourceVersion}`,
      );
    }),
  );
  return lists.flat().sort();
}

interface ProbeNamespace {
  metadata: { name: string; deletionTimestamp?: string; labels?: Record<string, string> };
  status?: { phase?: string };
}

/** The probe namespaces (labelled managed-by=havenkit) and what is left in each. */
export async function probeLeftovers(
  kubeconfig: string,
): Promise<{ name: string; terminating: boolean; pods: number; livePvcs: number }[]> {
  const api = await RestClient.fromKubeconfig(kubeconfig);
  const namespaces = await api.request<{ items: ProbeNamespace[] }>(
    'GET',
    '/api/v1/namespaces?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dhavenkit',
  );
  return Promise.all(
    namespaces.items.map(async (ns) => {
      const pods = await api.request<{ items: unknown[] }>(
        'GET',
        `/api/v1/namespaces/${ns.metadata.name}/pods`,
      );
      const pvcs = await api.request<{ items: { metadata: { deletionTimestamp?: string } }[] }>(
        'GET',
        `/api/v1/namespaces/${ns.metadata.name}/persistentvolumeclaims`,
      );
      return {
        name: ns.metadata.name,
        terminating: ns.metadata.deletionTimestamp !== undefined,
        pods: pods.items.length,
        livePvcs: pvcs.items.filter((p) => p.metadata.deletionTimestamp === undefined).length,
      };
    }),
  );
}
