/**
 * The dependency register (`havenkit sovereignty`) of a real cluster: test/scenarios/sovereignty.yaml, a
 * Scaleway Kapsule cluster, seeded into one API server of its own (nodes, storage classes and APIServices are
 * cluster-wide) that every test of this file shares. The live register is made once, through a recording proxy
 * (test/faults/proxy.ts) that stands in for an audit log, which the test control plane does not keep.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadRegisterFunctions,
  parseImageReference,
  quantityBytes,
  registerReaders,
  validate,
} from '../../packages/checker/src/index.js';
import type {
  ClusterSnapshot,
  DependencyRegister,
  RegisterFunction,
} from '../../packages/checker/src/index.js';
import {
  controlPlane,
  loadScenario,
  mintIdentity,
  seedScenario,
  startApiServer,
} from '../controlplane/index.js';
import type { ExtraApiServer, SeededScenario } from '../controlplane/index.js';
import { ApiError, RestClient } from '../controlplane/rest.js';
import { startFaultProxy } from '../faults/proxy.js';
import type { FaultProxy, RecordedRequest } from '../faults/proxy.js';
import { clusterState, runCli } from './helpers.js';
import type { CliRun } from './helpers.js';

/** The uid the scenario writes in every ownerReference (see its header). */
const PLACEHOLDER_UID = '00000000-0000-0000-0000-000000000000';

/**
 * Gives every ownerReference of the seeded objects its owner's real uid, as the controller that made the
 * object would have written it (the seeder creates all `objects` at once, before any uid is known).
 */
async function linkOwners(kubeconfig: string, seeded: SeededScenario): Promise<void> {
  const api = await RestClient.fromKubeconfig(kubeconfig);
  const byKey = new Map(
    seeded.objects.map((o) => [`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]),
  );
  await Promise.all(
    seeded.objects.map(async (o) => {
      const owners = (o.metadata.ownerReferences ?? []) as { kind: string; name: string; uid: string }[];
      if (!owners.some((r) => r.uid === PLACEHOLDER_UID)) return;
      const ownerReferences = owners.map((r) => {
        const owner = byKey.get(`${r.kind}/${o.metadata.namespace ?? ''}/${r.name}`);
        if (!owner?.metadata.uid)
          throw new Error(`${o.kind} ${o.metadata.name}: owner ${r.kind} ${r.name} not seeded`);
        return { ...r, uid: owner.metadata.uid };
      });
      const path = await api.resourcePath(o.apiVersion, o.kind, o.metadata.namespace, o.metadata.name);
      await api.request('PATCH', path, { metadata: { ownerReferences } }, 'application/merge-patch+json');
    }),
  );
}

/** What the register reads and clusterState does not watch: every object of these must stay as it was too. */
const ALSO_WATCHED = [
  '/apis/apps/v1/replicasets',
  '/apis/apps/v1/statefulsets',
  '/apis/batch/v1/jobs',
  '/apis/batch/v1/cronjobs',
  '/apis/networking.k8s.io/v1/ingresses',
  '/apis/networking.k8s.io/v1/ingressclasses',
  '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations',
  '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
  '/apis/apiregistration.k8s.io/v1/apiservices',
  '/apis/cert-manager.io/v1/clusterissuers',
  '/apis/cert-manager.io/v1/issuers',
  '/apis/cert-manager.io/v1/certificates',
];

async function registerState(kubeconfig: string): Promise<string[]> {
  const api = await RestClient.fromKubeconfig(kubeconfig);
  const lists = await Promise.all(
    ALSO_WATCHED.map(async (path) => {
      const list = await listWhenReady(api, path);
      return list.items.map(
        (i) => `${path} ${i.metadata.namespace ?? ''}/${i.metadata.name}@${i.metadata.resourceVersion}`,
      );
    }),
  );
  return [...(await clusterState(kubeconfig)), ...lists.flat()].sort();
}

/**
 * A list, waiting while the API server answers 429 "storage is (re)initializing": the watch cache of a CRD
 * just made can lag behind its Established condition, which is all the seeder waits for.
 */
async function listWhenReady(
  api: RestClient,
  path: string,
): Promise<{ items: { metadata: { namespace?: string; name: string; resourceVersion: string } }[] }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await api.request('GET', path);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 429) || Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const work = mkdtempSync(join(tmpdir(), 'havenkit-sovereignty-'));
let server: ExtraApiServer | undefined;
let proxy: FaultProxy | undefined;
/** Admin, through the proxy. */
let kubeconfig: string;
let live: {
  run: CliRun;
  register: DependencyRegister;
  before: string[];
  after: string[];
  requests: RecordedRequest[];
};

beforeAll(async () => {
  server = await startApiServer();
  const seeded = await seedScenario(server.kubeconfig, 'sovereignty');
  await linkOwners(server.kubeconfig, seeded);
  proxy = await startFaultProxy(server.server, controlPlane().pki);
  kubeconfig = proxy.kubeconfig(server.kubeconfig, join(work, 'proxy.kubeconfig'));
  proxy.faults([]);
  const before = await registerState(server.kubeconfig);
  const run = await runCli(['sovereignty', '--kubeconfig', kubeconfig, '-o', 'json']);
  const requests = [...proxy.requests];
  const after = await registerState(server.kubeconfig);
  live = { run, register: JSON.parse(run.stdout || '{}') as DependencyRegister, before, after, requests };
});
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const fn = (register: DependencyRegister, id: string): RegisterFunction => {
  const f = register.functions.find((x) => x.id === id);
  if (!f) throw new Error(`no function ${id} in the register`);
  return f;
};

const dependency = (f: RegisterFunction, entity: string | undefined, what?: string) => {
  const d = f.dependencies.find((x) => x.entity === entity && (what === undefined || x.what === what));
  if (!d) throw new Error(`${f.id}: no dependency on ${entity ?? 'an unknown entity'} ${what ?? ''}`);
  return d;
};

/** The register of a snapshot file, as `havenkit sovereignty --snapshot F -o json` makes it. */
async function registerOfSnapshot(file: string): Promise<DependencyRegister> {
  const run = await runCli(['sovereignty', '--snapshot', file, '-o', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as DependencyRegister;
}

describe('havenkit sovereignty on a Scaleway Kapsule cluster', () => {
  it('live `sovereignty -o json` exits 0, validates against the schema and classifies every function', () => {
    const { run, register } = live;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(validate('register', register)).toBeUndefined();
    expect(register.metadata.subject).toMatchObject({ kind: 'cluster', server: proxy?.url });

    const hosting = fn(register, 'hosting');
    expect(hosting.status).toBe('in-use');
    const scaleway = dependency(hosting, 'scaleway');
    expect(scaleway).toMatchObject({
      jurisdiction: 'eu',
      seat: 'FR',
      matchedBy: 'providerID prefix scaleway://',
    });
    expect(scaleway.objects).toBe(3);
    expect(scaleway.evidence.map((e) => [e.kind, e.fields?.country])).toEqual([
      ['Node', 'FR'],
      ['Node', 'FR'],
      ['Node', 'FR'],
    ]);
    expect(scaleway.evidence.map((e) => e.fields?.providerID)).toEqual(
      ['fr-par-1', 'fr-par-2', 'fr-par-3'].map((z) => expect.stringMatching(`^scaleway://instance/${z}/`)),
    );
    expect(register.locations).toEqual([
      { country: 'FR', eea: true, regions: ['fr-par'], nodes: 3, volumes: 1 },
    ]);

    // The volume of postgres-0, by its CSI driver; its StatefulSet is the workload that depends on it.
    const storage = dependency(fn(register, 'storage'), 'scaleway', 'Scaleway Block Storage');
    expect(storage).toMatchObject({ matchedBy: 'CSI provisioner csi.scaleway.com', workloads: 1 });
    expect(storage.evidence).toEqual([
      expect.objectContaining({ kind: 'PersistentVolume', name: 'pvc-43153dbb-3696-4adb-ab06-67a7986682c7' }),
    ]);

    const lb = dependency(fn(register, 'load-balancing'), 'scaleway', 'Scaleway Load Balancer');
    expect(lb.matchedBy).toMatch(/^Service annotation service\.beta\.kubernetes\.io\/scw-loadbalancer-/);
    expect(lb.evidence).toEqual([
      expect.objectContaining({
        kind: 'Service',
        namespace: 'ingress-nginx',
        name: 'ingress-nginx-controller',
      }),
    ]);
    expect(lb.workloads).toBe(1);

    // ingress-nginx is software the operator runs; the web shop is behind it.
    const ingress = dependency(fn(register, 'ingress'), 'self', 'Ingress-NGINX (Kubernetes community)');
    expect(ingress).toMatchObject({
      jurisdiction: 'self',
      matchedBy: 'IngressClass controller k8s.io/ingress-nginx',
    });
    expect(ingress.evidence[0]?.fields).toEqual({ controller: 'k8s.io/ingress-nginx', ingresses: 1 });
    expect(ingress.workloads).toBe(1);

    const images = fn(register, 'images');
    expect(images.status).toBe('in-use');
    expect(dependency(images, 'docker', 'Docker Hub')).toMatchObject({
      role: 'operator',
      jurisdiction: 'non-eu',
      seat: 'US',
      matchedBy: 'registry host docker.io',
    });
    // Behind Docker Hub: AWS (hosting, storage) and Cloudflare (CDN).
    expect(
      images.dependencies
        .filter((d) => d.via === 'Docker Hub')
        .map((d) => `${d.entity}:${d.role}`)
        .sort(),
    ).toEqual(['aws:hosting', 'aws:storage', 'cloudflare:cdn']);
    expect(dependency(images, 'red-hat', 'Quay.io').role).toBe('operator');
    expect(dependency(images, 'github', 'GitHub Container Registry').role).toBe('operator');
    expect(dependency(images, 'kubernetes-project', 'Kubernetes community image registry').role).toBe(
      'operator',
    );
    expect(dependency(images, 'scaleway', 'Scaleway Container Registry')).toMatchObject({
      jurisdiction: 'eu',
      matchedBy: 'registry host pattern rg.*.scw.cloud',
    });

    const certificates = dependency(fn(register, 'certificates'), 'isrg', "Let's Encrypt");
    expect(certificates.matchedBy).toBe('ACME directory https://acme-v02.api.letsencrypt.org/directory');
    expect(certificates.evidence).toEqual([
      {
        kind: 'ClusterIssuer',
        name: 'letsencrypt-prod',
        fields: {
          certificates: 1,
          firstNotAfter: '2026-04-05T10:04:59Z',
          server: 'https://acme-v02.api.letsencrypt.org/directory',
        },
      },
    ]);
    expect(dependency(fn(register, 'dns'), 'cloudflare', 'Cloudflare DNS')).toMatchObject({
      matchedBy: 'DNS01 solver cloudflare',
      jurisdiction: 'non-eu',
    });

    const admission = dependency(fn(register, 'admission'), 'self');
    expect(admission).toMatchObject({
      what: 'a webhook server in the cluster (monitoring/kube-prometheus-stack-operator)',
      matchedBy: 'clientConfig.service',
      workloads: 1,
    });
    expect(admission.evidence[0]).toMatchObject({
      kind: 'ValidatingWebhookConfiguration',
      name: 'kube-prometheus-stack-admission',
    });

    // api.mollie.com is the scenario's; localhost is the ExternalName the seeder points metrics-server at.
    const endpoints = fn(register, 'external-endpoints');
    expect(endpoints.dependencies.map((d) => d.name).sort()).toEqual(['api.mollie.com', 'localhost']);
    expect(dependency(endpoints, undefined).jurisdiction).toBe('unknown');
    expect(dependency(endpoints, undefined).evidence).toEqual([
      { kind: 'Service', namespace: 'shop', name: 'payments', fields: { externalName: 'api.mollie.com' } },
    ]);

    expect(dependency(fn(register, 'aggregated-apis'), 'self')).toMatchObject({
      what: 'an API server in the cluster (kube-system/metrics-server)',
      evidence: [
        {
          kind: 'APIService',
          name: 'v1beta1.metrics.k8s.io',
          fields: { group: 'metrics.k8s.io', service: 'kube-system/metrics-server' },
        },
      ],
    });
    expect(fn(register, 'backup').status).toBe('none');
    expect(fn(register, 'observability').status).toBe('none');

    // Every image, pinned or not, with the digest its pods run (status.containerStatuses[].imageID), and the
    // workloads through their owners: Pod → ReplicaSet → Deployment, Pod → Job → CronJob.
    const digest = (s: string) => expect.arrayContaining([expect.stringMatching(`^sha256:${s}`)]);
    expect(
      Object.fromEntries(
        register.images.map((i) => [i.reference, [i.host, i.operator, i.pinned, i.workloads]]),
      ),
    ).toEqual({
      'docker.io/restic/restic:0.17.3': ['docker.io', 'docker', false, 1],
      'ghcr.io/example-gemeente/webshop:2.4.1': ['ghcr.io', 'github', false, 1],
      'postgres:16.4': ['docker.io', 'docker', false, 1],
      'quay.io/jetstack/cert-manager-controller:v1.19.1': ['quay.io', 'red-hat', false, 1],
      'quay.io/prometheus-operator/prometheus-operator:v0.80.1': ['quay.io', 'red-hat', false, 1],
      'registry.k8s.io/ingress-nginx/controller:v1.12.1@sha256:228a99f3d7c9b79fad9d62e3f7fa1a7017bdca127bfd4586df48783df583d9e6':
        ['registry.k8s.io', 'kubernetes-project', true, 1],
      'registry.k8s.io/metrics-server/metrics-server:v0.7.2': [
        'registry.k8s.io',
        'kubernetes-project',
        false,
        1,
      ],
      'rg.fr-par.scw.cloud/scaleway/scaleway-csi:v0.3.3': ['rg.fr-par.scw.cloud', 'scaleway', false, 1],
    });
    const image = (ref: string) => register.images.find((i) => i.reference === ref);
    expect(image('postgres:16.4')?.digests).toEqual(digest('4ac26103'));
    expect(image('docker.io/restic/restic:0.17.3')?.digests).toEqual(digest('14d4bb5e'));
    expect(image('ghcr.io/example-gemeente/webshop:2.4.1')?.digests).toEqual(digest('2ce7c7a1'));
    expect(register.images.find((i) => i.pinned)?.digests).toEqual(digest('228a99f3'));
    expect(register.images.every((i) => i.digests?.length === 1)).toBe(true);
    expect(register.summary.images).toMatchObject({ total: 8, unpinned: 7, unknown: 0 });
    // webshop, postgres, db-backup, ingress-nginx, cert-manager, prometheus-operator, metrics-server, csi-node.
    expect(register.summary.workloads).toBe(8);
  });

  it('gives the same register from `havenkit snapshot` + `sovereignty --snapshot`', async () => {
    const file = join(work, 'snapshot.json');
    const snap = await runCli(['snapshot', '--kubeconfig', kubeconfig, '--out', file]);
    expect(snap.stderr).toBe('');
    expect(snap.code).toBe(0);
    const offline = await registerOfSnapshot(file);
    expect(validate('register', offline)).toBeUndefined();
    expect(offline.metadata.subject.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    // What legitimately differs: the snapshot file's hash (a live run without --save-snapshot has none) and
    // generatedAt, which is the collection time of each run. Everything else, classification and counts
    // included, is the same: the snapshot keeps more fields of each object (the checks' too), never fewer.
    const comparable = (r: DependencyRegister) => {
      const { snapshotSha256: _sha, ...subject } = r.metadata.subject;
      return { ...r, metadata: { ...r.metadata, generatedAt: '<collected at>', subject } };
    };
    expect(comparable(offline)).toEqual(comparable(live.register));
  });

  it('leaves the cluster unchanged and only reads: GETs, and access reviews that persist nothing', () => {
    expect(live.run.code).toBe(0);
    expect(live.after).toEqual(live.before);
    expect(live.requests.length).toBeGreaterThan(0);
    // Every request the live run made, as the proxy in front of the API server saw it (the test control plane
    // keeps no audit log). The only non-GET are SelfSubjectAccessReviews (create on a virtual resource: the
    // collector asks what its identity may list; nothing is stored).
    const writes = live.requests.filter(
      (r) =>
        r.method !== 'GET' &&
        !(r.method === 'POST' && r.url === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'),
    );
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    // Never Secrets, never ConfigMaps.
    expect(live.requests.map((r) => r.url).filter((u) => /\/(secrets|configmaps)\b/.test(u))).toEqual([]);
  });

  it('an identity that may not list deployments gets the functions reading them unreadable, never none', async () => {
    const admin = await RestClient.fromKubeconfig(server!.kubeconfig);
    const user = 'havenkit-register-auditor';
    // list on everything the register's functions read, but deployments.apps; and the cluster id (the uid of
    // kube-system), without which the run warns.
    const rules = [
      ...[...new Set(registerReaders().flatMap((r) => r.needs.resources.map((n) => n.resource)))]
        .filter((resource) => resource !== 'deployments.apps')
        .map((resource) => {
          const dot = resource.indexOf('.');
          return {
            apiGroups: [dot < 0 ? '' : resource.slice(dot + 1)],
            resources: [dot < 0 ? resource : resource.slice(0, dot)],
            verbs: ['list'],
          };
        }),
      { apiGroups: [''], resources: ['namespaces'], resourceNames: ['kube-system'], verbs: ['get'] },
    ];
    const rbac = '/apis/rbac.authorization.k8s.io/v1';
    await admin.request('POST', `${rbac}/clusterroles`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: user },
      rules,
    });
    await admin.request('POST', `${rbac}/clusterrolebindings`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: user },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: user },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
    });
    const identity = mintIdentity({ user, server: server!.server });
    await untilAllowed(identity, { verb: 'list', resource: 'nodes' });

    const run = await runCli(['sovereignty', '--kubeconfig', identity, '-o', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const register = JSON.parse(run.stdout) as DependencyRegister;
    expect(validate('register', register)).toBeUndefined();
    const status = Object.fromEntries(register.functions.map((f) => [f.id, f.status]));
    const reading = loadRegisterFunctions()
      .filter((f) => f.needs.resources.some((n) => n.resource === 'deployments.apps'))
      .map((f) => f.id)
      .sort();
    expect(reading).toEqual(['dns', 'images']);
    for (const id of reading) {
      expect(status[id]).toBe('unreadable');
      expect(fn(register, id).why).toMatch(/deployments\.apps.*Forbidden/);
      expect(fn(register, id).dependencies).toEqual([]);
    }
    expect(register.images).toEqual([]);
    // The others are classified as in the admin's register, workload counts included: pods are attributed to
    // their Deployment through the ReplicaSets' owners even when the Deployments themselves cannot be read.
    for (const f of live.register.functions.filter((x) => !reading.includes(x.id))) {
      expect(fn(register, f.id)).toEqual(f);
    }
  });

  it('a snapshot of `snapshot --only multiaz` gives every function not collected, never none', async () => {
    const file = join(work, 'multiaz.json');
    const snap = await runCli([
      'snapshot',
      '--kubeconfig',
      server!.kubeconfig,
      '--out',
      file,
      '--only',
      'multiaz',
    ]);
    expect(snap.stderr).toBe('');
    expect(snap.code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ClusterSnapshot;
    expect(Object.keys(saved.resources)).toEqual(['nodes']);
    const register = await registerOfSnapshot(file);
    expect(validate('register', register)).toBeUndefined();
    expect(register.functions.filter((f) => f.status !== 'not-collected').map((f) => f.id)).toEqual([]);
    // The nodes are there, but without spec.providerID: hosting says which field is missing.
    expect(fn(register, 'hosting').why).toMatch(/spec\.providerID/);
    expect(register.summary.functions.notCollected).toBe(register.functions.length);
  });
});

/** An object of the scenario, loosely typed: what the tests below read of it. */
type ScenarioObject = {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
    ownerReferences?: { kind: string }[];
  };
  spec?: Record<string, unknown>;
};

/** The scenario's workloads as the register keys them (Kind/namespace/name), each with the images of its template. */
function scenarioWorkloads(objects: readonly ScenarioObject[]): Map<string, string[]> {
  const images = (spec: unknown): string[] =>
    ['containers', 'initContainers'].flatMap((key) =>
      ((spec as Record<string, { image?: string }[] | undefined> | undefined)?.[key] ?? []).flatMap((c) =>
        c.image ? [c.image] : [],
      ),
    );
  const template = (o: ScenarioObject): unknown => {
    const spec = o.spec as {
      template?: { spec?: unknown };
      jobTemplate?: { spec?: { template?: { spec?: unknown } } };
    };
    return o.kind === 'CronJob' ? spec.jobTemplate?.spec?.template?.spec : spec.template?.spec;
  };
  const workloads = new Map<string, string[]>();
  for (const o of objects) {
    const owned = (o.metadata.ownerReferences ?? []).length > 0;
    const kind = o.kind;
    if (!['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Pod'].includes(kind)) continue;
    // A CronJob's Jobs and every controller's pods are their owner's.
    if ((kind === 'Job' || kind === 'Pod') && owned) continue;
    const spec = kind === 'Pod' ? o.spec : template(o);
    workloads.set(`${kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, images(spec));
  }
  return workloads;
}

describe('havenkit sovereignty --exit-to and --without on the Kapsule cluster', () => {
  const scenario = loadScenario('sovereignty');
  const objects = (scenario.objects ?? []) as unknown as ScenarioObject[];

  it('live `--exit-to ovhcloud -o json`: Scaleway block storage, the Scaleway load balancer and registry to leave', async () => {
    const run = await runCli([
      'sovereignty',
      '--kubeconfig',
      kubeconfig,
      '--exit-to',
      'ovhcloud',
      '-o',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const register = JSON.parse(run.stdout) as DependencyRegister;
    expect(validate('register', register)).toBeUndefined();
    const exit = register.exit!;
    // Every kind was read: the live run collects the CRDs' names for it too.
    expect(exit.notRead).toEqual([]);
    expect(exit.from.providers).toEqual([
      {
        provider: 'scaleway',
        entity: 'scaleway',
        name: 'Scaleway (Instances, Kapsule)',
        nodes: scenario.nodes!.length,
      },
    ]);

    // The Scaleway block-storage classes of the scenario, with their claims and the bound volumes' sizes.
    const blockClasses = (scenario.storageClasses ?? []).filter((c) => c.provisioner === 'csi.scaleway.com');
    const storage = exit.findings.filter((f) => f.kind === 'storage-class');
    expect(storage.map((f) => [f.what, f.detail, f.effort])).toEqual(
      blockClasses.map((c) => [c.name, 'csi.scaleway.com', 'data-migration']),
    );
    for (const f of storage) {
      const claims = objects.filter(
        (o) => o.kind === 'PersistentVolumeClaim' && o.spec?.storageClassName === f.what,
      );
      const capacity = claims.map((c) => {
        const pv = objects.find(
          (o) => o.kind === 'PersistentVolume' && o.metadata.name === c.spec?.volumeName,
        );
        return (pv?.spec?.capacity as { storage: string }).storage;
      });
      expect(f.claims).toBe(claims.length);
      expect(f.bytes).toBe(capacity.reduce((n, s) => n + quantityBytes(s)!, 0));
      expect(f.evidence.map((e) => `${e.namespace}/${e.name}`)).toEqual(
        claims.map((c) => `${c.metadata.namespace}/${c.metadata.name}`),
      );
      expect(f.change.en).toMatch(
        / to StorageClass csi-cinder-high-speed \(cinder\.csi\.openstack\.org\) at OVHcloud/,
      );
    }

    // The Services with Scaleway load-balancer annotations.
    const lbServices = objects.filter(
      (o) =>
        o.kind === 'Service' &&
        Object.keys(o.metadata.annotations ?? {}).some((k) =>
          k.startsWith('service.beta.kubernetes.io/scw-loadbalancer-'),
        ),
    );
    expect(lbServices.length).toBeGreaterThan(0);
    const lb = exit.findings.find((f) => f.kind === 'load-balancer')!;
    expect(lb).toMatchObject({
      what: 'Scaleway Load Balancer',
      effort: 'config-change',
      objects: lbServices.length,
    });
    expect(lb.evidence.map((e) => `${e.namespace}/${e.name}`)).toEqual(
      lbServices.map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
    );
    expect(lb.change.en).toContain('loadbalancer.ovhcloud.com/flavor: small');

    // The images on Scaleway's registry (rg.<region>.scw.cloud) are to mirror.
    const scwImages = [
      ...new Set(
        [...scenarioWorkloads(objects).values()].flat().filter((i) => /^rg\.[a-z-]+\.scw\.cloud\//.test(i)),
      ),
    ].sort();
    const registry = exit.findings.find((f) => f.kind === 'registry')!;
    expect(registry).toMatchObject({ what: 'Scaleway Container Registry', images: scwImages.length });
    expect(registry.evidence.map((e) => e.name)).toEqual(scwImages);

    // cert-manager's CRDs are no vendor's; ingress-nginx is software of your own.
    expect(exit.findings.map((f) => f.kind).sort()).toEqual(['load-balancer', 'registry', 'storage-class']);
    expect(exit.disruption?.without).toEqual(['iliad']);
  });

  it('live `--without docker`: the workloads whose images are on Docker Hub cannot restart, and nothing else breaks', async () => {
    const run = await runCli([
      'sovereignty',
      '--kubeconfig',
      kubeconfig,
      '--without',
      'docker',
      '-o',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const cut = (JSON.parse(run.stdout) as DependencyRegister).cutOff!;
    const workloads = scenarioWorkloads(objects);
    const onDockerHub = [...workloads]
      .filter(([, images]) => images.some((i) => parseImageReference(i)?.host === 'docker.io'))
      .map(([key]) => key)
      .sort();
    expect(onDockerHub.length).toBeGreaterThan(0);
    expect(cut.workloads.affected.map((a) => a.workload).sort()).toEqual(onDockerHub);
    expect(cut.workloads.affected.every((a) => a.effects.join() === 'cannot-restart')).toBe(true);
    expect(cut.functions.map((f) => f.id)).toEqual(['images']);
    expect(cut.summary.en).toBe(
      `If Docker, Inc. is cut off: ${onDockerHub.length} of ${cut.workloads.total} workloads cannot restart or be rescheduled.`,
    );
  });
});

/** Waits until RBAC lets `kubeconfig`'s identity do what it was just granted (the authorizer's cache lags). */
async function untilAllowed(
  kubeconfig: string,
  attributes: { verb: string; resource: string },
): Promise<void> {
  const api = await RestClient.fromKubeconfig(kubeconfig);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const review = await api.request<{ status?: { allowed?: boolean } }>(
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attributes },
      },
    );
    if (review.status?.allowed) return;
    if (Date.now() > deadline)
      throw new Error(`not allowed to ${attributes.verb} ${attributes.resource} after 10s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
