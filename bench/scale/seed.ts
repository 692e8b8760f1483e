import { setTimeout as sleep } from 'node:timers/promises';
import type { Manifest } from '../../test/controlplane/rest.js';
import type { ApiClient } from './http.js';
import { runPool } from './http.js';
import {
  APP_NAMESPACES,
  CERT_MANAGER_NAMESPACE,
  CONTROL_PLANE_NODES,
  LOGGING_NAMESPACE,
  appPod,
  certManagerCrds,
  certManagerPod,
  fluentBitPod,
  namespaceObject,
  podMix,
  scaleNode,
  storageClasses,
} from './objects.js';
import type { ScaleSize } from './options.js';

/** What a cluster holds so far; seedTo grows it. */
export interface SeedState {
  base: boolean;
  nodes: number;
  certManager: number;
  fluentBit: number;
  app: number;
}

export const emptyState = (): SeedState => ({ base: false, nodes: 0, certManager: 0, fluentBit: 0, app: 0 });

export interface SeedResult {
  readonly seconds: number;
  /** Objects created in this call (status writes not counted). */
  readonly created: number;
  /** Requests sent (creates plus status patches). */
  readonly requests: number;
}

const pathOf = (m: Manifest): string =>
  m.kind === 'Pod'
    ? `/api/v1/namespaces/${m.metadata.namespace}/pods`
    : m.kind === 'Node'
      ? '/api/v1/nodes'
      : m.kind === 'Namespace'
        ? '/api/v1/namespaces'
        : m.kind === 'StorageClass'
          ? '/apis/storage.k8s.io/v1/storageclasses'
          : m.kind === 'CustomResourceDefinition'
            ? '/apis/apiextensions.k8s.io/v1/customresourcedefinitions'
            : (() => {
                throw new Error(`seed: no path for ${m.kind}`);
              })();

/**
 * Creates `manifest` without status (as `creator`), then writes the status through the status subresource
 * (as `kubelet`), the way a controller and a kubelet would. Returns the number of requests.
 */
async function createWithStatus(api: ApiClient, manifest: Manifest, creator: string): Promise<number> {
  const { status, ...object } = manifest;
  const collection = pathOf(manifest);
  await api.post(collection, object, creator);
  if (status === undefined) return 1;
  await api.patch(`${collection}/${manifest.metadata.name}/status`, { status }, 'kubelet');
  return 2;
}

/**
 * Grows the cluster to `target` with `concurrency` requests in flight: the namespaces, cert-manager CRDs and
 * StorageClasses once, then the missing nodes, then the missing pods (cert-manager, one fluent-bit per node,
 * application pods over the workers). Logs progress about every 10 s.
 */
export async function seedTo(
  api: ApiClient,
  state: SeedState,
  target: ScaleSize,
  serverVersion: string,
  concurrency: number,
  log: (msg: string) => void,
): Promise<SeedResult> {
  const started = Date.now();
  let requests = 0;
  let created = 0;
  const stage = async (
    what: string,
    count: number,
    make: (i: number) => [Manifest, string],
  ): Promise<void> => {
    if (count <= 0) return;
    const t0 = Date.now();
    let lastLog = t0;
    await runPool(
      count,
      concurrency,
      async (i) => {
        const [manifest, creator] = make(i);
        const sent = await createWithStatus(api, manifest, creator);
        requests += sent;
      },
      (done) => {
        if (Date.now() - lastLog >= 10_000) {
          lastLog = Date.now();
          log(`  ${what}: ${done}/${count} (${Math.round(done / ((lastLog - t0) / 1000))}/s)`);
        }
      },
    );
    created += count;
    const s = (Date.now() - t0) / 1000;
    log(`  ${what}: ${count} in ${s.toFixed(1)} s (${Math.round(count / Math.max(s, 0.001))}/s)`);
  };

  if (!state.base) {
    const namespaces = [...APP_NAMESPACES, LOGGING_NAMESPACE, CERT_MANAGER_NAMESPACE].map(namespaceObject);
    const base = [...namespaces, ...certManagerCrds(), ...storageClasses()];
    await stage('namespaces, CRDs, StorageClasses', base.length, (i) => [base[i] as Manifest, 'helm']);
    await waitEstablished(
      api,
      certManagerCrds().map((c) => c.metadata.name),
    );
    state.base = true;
  }

  const workers = target.nodes - CONTROL_PLANE_NODES;
  const fromNode = state.nodes;
  await stage('nodes', target.nodes - fromNode, (i) => [scaleNode(fromNode + i, serverVersion), 'kubelet']);
  state.nodes = target.nodes;

  const mix = podMix(target.nodes, target.pods);
  const fromCm = state.certManager;
  await stage('cert-manager pods', mix.certManager - fromCm, (i) => [
    certManagerPod(fromCm + i, workers),
    'kube-controller-manager',
  ]);
  state.certManager = Math.max(state.certManager, mix.certManager);
  const fromFb = state.fluentBit;
  await stage('fluent-bit pods', mix.fluentBit - fromFb, (i) => [
    fluentBitPod(fromFb + i),
    'kube-controller-manager',
  ]);
  state.fluentBit = Math.max(state.fluentBit, mix.fluentBit);
  const fromApp = state.app;
  await stage('application pods', mix.app - fromApp, (i) => [
    appPod(fromApp + i, workers),
    'kube-controller-manager',
  ]);
  state.app = Math.max(state.app, mix.app);

  return { seconds: (Date.now() - started) / 1000, created, requests };
}

async function waitEstablished(api: ApiClient, names: readonly string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const name of names) {
    for (;;) {
      const crd = JSON.parse(
        await api.get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`),
      ) as {
        status?: { conditions?: { type: string; status: string }[] };
      };
      if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new Error(`CRD ${name} not Established within 60 s`);
      await sleep(100);
    }
  }
}

/** Mean size in bytes of one item, as the API serves it as JSON (managedFields included), over `limit` items. */
export async function meanItemBytes(api: ApiClient, path: string, limit = 200): Promise<number> {
  const list = JSON.parse(await api.get(`${path}?limit=${limit}`)) as { items: unknown[] };
  if (list.items.length === 0) return 0;
  const total = list.items.reduce<number>((sum, item) => sum + Buffer.byteLength(JSON.stringify(item)), 0);
  return Math.round(total / list.items.length);
}
