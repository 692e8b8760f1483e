import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import type { DiscoveryResponder } from './discovery-responder.js';
import { startDiscoveryResponder } from './discovery-responder.js';
import {
  apiServiceManifest,
  backendServiceManifest,
  namespaceManifest,
  nodeManifest,
  persistentVolumeManifest,
  podManifest,
  storageClassManifest,
} from './manifests.js';
import { sleep } from './process.js';
import type { Manifest } from './rest.js';
import { ApiError, RestClient } from './rest.js';
import type { Scenario } from './scenario.js';
import { FIXTURES_DIR, loadScenario, validateScenario } from './scenario.js';

/** What seedScenario created, as the API server returned it (after the status write, where there was one). */
export interface SeededScenario {
  readonly name: string;
  readonly objects: readonly Manifest[];
}

/** Namespaces every API server has from its own bootstrap; never created by the seeder. */
const BUILTIN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/**
 * Creates everything a scenario describes on the cluster of `kubeconfigPath`, in dependency order: CRDs (waiting
 * until Established), namespaces (also those that pods and objects only mention), storage classes, persistent
 * volumes, nodes, APIServices, free-form objects, then pods. Status (nodes, pods, PVs, APIServices, and any
 * `status` given on a free-form object) is written through the status subresource, as a kubelet or controller
 * would. Throws on the first API error, naming the object.
 */
export async function seedScenario(
  kubeconfigPath: string,
  scenario: Scenario | string,
): Promise<SeededScenario> {
  const s = typeof scenario === 'string' ? loadScenario(scenario) : validateScenario(scenario);
  const api = await RestClient.fromKubeconfig(kubeconfigPath);
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const serverVersion = (await api.request<{ gitVersion: string }>('GET', '/version')).gitVersion;
  const created: Manifest[] = [];
  const stage = async (manifests: readonly Manifest[]): Promise<void> => {
    created.push(...(await Promise.all(manifests.map((m) => createWithStatus(api, m)))));
  };

  const crds = (s.crds ?? []).flatMap((c) => readCrdFixture(c.fixture));
  await stage(crds);
  await Promise.all(crds.map((crd) => waitEstablished(api, crd.metadata.name)));
  for (const crd of crds) {
    const spec = crd.spec as { group: string; versions: { name: string }[] };
    for (const v of spec.versions) api.forget(`${spec.group}/${v.name}`);
  }

  const declared = new Set((s.namespaces ?? []).map((n) => n.name));
  const mentioned = [
    ...(s.pods ?? []).map((p) => p.namespace ?? 'default'),
    ...(s.objects ?? []).map((o) => o.metadata.namespace),
    ...(s.apiServices ?? []).map((a) => a.service?.namespace),
  ].filter((n): n is string => !!n && !declared.has(n) && !BUILTIN_NAMESPACES.has(n));
  await stage([
    ...(s.namespaces ?? []).map(namespaceManifest),
    ...[...new Set(mentioned)].map((name) => namespaceManifest({ name })),
  ]);
  await stage((s.storageClasses ?? []).map(storageClassManifest));
  await stage((s.persistentVolumes ?? []).map(persistentVolumeManifest));
  await stage((s.nodes ?? []).map((n, i) => nodeManifest(n, i, serverVersion, now)));
  // An available remote APIService is verified by kube-apiserver itself: give it a backend that passes.
  let responder: DiscoveryResponder | undefined;
  const backed = (s.apiServices ?? []).filter((a) => a.service && (a.available ?? true));
  if (backed.length > 0) {
    responder = await startDiscoveryResponder();
    for (const a of backed) responder.serve(a.group, a.version);
    await stage(backed.map((a) => backendServiceManifest(a, responder!.port)));
  }
  const apiServices = (s.apiServices ?? []).map((a) =>
    apiServiceManifest(a, now, backed.includes(a) ? responder?.port : undefined),
  );
  // A backed one gets no status from us: the controller's own discovery check must set it True ("Passed").
  await stage(
    apiServices.map((a, i) => (backed.includes(s.apiServices![i]!) ? { ...a, status: undefined } : a)),
  );
  await Promise.all(apiServices.map((a) => waitAvailable(api, a)));
  await stage([...(s.objects ?? [])]);

  const findOwner = (kind: string, name: string, namespace: string, apiVersion?: string): Manifest => {
    const owner = created.find(
      (o) =>
        o.kind === kind &&
        o.metadata.name === name &&
        o.metadata.namespace === namespace &&
        (!apiVersion || o.apiVersion === apiVersion),
    );
    if (!owner)
      throw new Error(`scenario ${s.name}: pod owner ${kind} ${namespace}/${name} is not among its objects`);
    return owner;
  };
  await stage(
    (s.pods ?? []).map((p) =>
      podManifest(
        p,
        now,
        p.owner && findOwner(p.owner.kind, p.owner.name, p.namespace ?? 'default', p.owner.apiVersion),
      ),
    ),
  );
  return { name: s.name, objects: created };
}

/** Creates `manifest` without its status, then merge-patches the status subresource if it has one. */
async function createWithStatus(api: RestClient, manifest: Manifest): Promise<Manifest> {
  const { status, ...object } = manifest;
  const { apiVersion, kind, metadata } = manifest;
  const where = `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`;
  try {
    const collection = await api.resourcePath(apiVersion, kind, metadata.namespace);
    const result = await api.request<Manifest>('POST', collection, object);
    if (status === undefined) return result;
    const path = await api.resourcePath(apiVersion, kind, metadata.namespace, metadata.name);
    return await api.request<Manifest>('PATCH', `${path}/status`, { status }, 'application/merge-patch+json');
  } catch (err) {
    if (err instanceof ApiError) throw new Error(`seeding ${where}: ${err.message}`, { cause: err });
    throw err;
  }
}

/** Every CRD in a fixture file or directory (multi-document YAML; comments and empty documents skipped). */
function readCrdFixture(fixture: string): Manifest[] {
  const path = join(FIXTURES_DIR, fixture);
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => join(path, f))
    : [path];
  return files.flatMap((file) =>
    loadAll(readFileSync(file, 'utf8')).filter((doc): doc is Manifest => {
      if (!doc) return false;
      if ((doc as Manifest).kind !== 'CustomResourceDefinition') {
        throw new Error(
          `fixture ${file}: expected only CustomResourceDefinitions, found ${(doc as Manifest).kind}`,
        );
      }
      return true;
    }),
  );
}

/** Polls a CRD until its Established condition is True (its REST endpoints are then being served). */
async function waitEstablished(api: RestClient, name: string, timeoutMs = 30_000): Promise<void> {
  const path = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`;
  const deadline = Date.now() + timeoutMs;
  let conditions: unknown = [];
  while (Date.now() < deadline) {
    const crd = await api.request<{ status?: { conditions?: { type: string; status: string }[] } }>(
      'GET',
      path,
    );
    conditions = crd.status?.conditions ?? [];
    if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return;
    await sleep(100);
  }
  throw new Error(
    `CRD ${name} not Established within ${timeoutMs / 1000}s; conditions: ${JSON.stringify(conditions)}`,
  );
}

/**
 * Waits until kube-apiserver's availability controller agrees with the Available status the scenario wrote (it
 * re-checks every APIService itself), so a test never reads a status that is about to flip.
 */
async function waitAvailable(api: RestClient, apiService: Manifest, timeoutMs = 20_000): Promise<void> {
  const want = (apiService.status as { conditions: { status: string }[] }).conditions[0]?.status;
  const path = `/apis/apiregistration.k8s.io/v1/apiservices/${apiService.metadata.name}`;
  const deadline = Date.now() + timeoutMs;
  let conditions: unknown = [];
  while (Date.now() < deadline) {
    const current = await api.request<{
      status?: { conditions?: { type: string; status: string; reason?: string }[] };
    }>('GET', path);
    conditions = current.status?.conditions ?? [];
    const available = current.status?.conditions?.find((c) => c.type === 'Available');
    // Reason "Passed"/"Local" or any False reason means the controller has looked at it.
    if (
      available?.status === want &&
      (want === 'False' || available?.reason === 'Passed' || available?.reason === 'Local')
    ) {
      return;
    }
    await sleep(200);
  }
  throw new Error(
    `APIService ${apiService.metadata.name} did not settle at Available=${want} within ${timeoutMs / 1000}s; ` +
      `conditions: ${JSON.stringify(conditions)}`,
  );
}
