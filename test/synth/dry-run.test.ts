/**
 * Every provider's synthesis of every example app in examples/apps (and a StatefulSet app) is accepted
 * by a real kube-apiserver in server-side dry-run, with cert-manager's CRDs installed, in a namespace
 * that enforces Pod Security "restricted"; a Pod built from each pod template (Deployments,
 * StatefulSets, Jobs and CronJobs) is dry-run too, so admission really enforces. A provider that
 * cannot run an app (shared volumes without ReadWriteMany storage) refuses it with the remedy.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinProfileIds,
  loadAppDefinitions,
  loadProfile,
  synthesize,
  type K8sObject,
} from '../../packages/constructs/src/index.js';
import { loadApplicationYaml } from '../../packages/constructs/src/source.js';
import { seedScenario, startApiServer, uniqueName, type ExtraApiServer } from '../controlplane/index.js';
import { ApiError, RestClient } from '../controlplane/rest.js';

const examples = fileURLToPath(new URL('../../examples/apps/', import.meta.url));
const apps = [
  ...readdirSync(examples)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${examples}${f}`),
  fileURLToPath(new URL('../../packages/constructs/test/fixtures/stateful.yaml', import.meta.url)),
];
const namespace = uniqueName('synth');
let server: ExtraApiServer;
let api: RestClient;

beforeAll(async () => {
  // An isolated API server: the CRDs and namespace are ours alone.
  server = await startApiServer();
  await seedScenario(server.kubeconfig, {
    name: 'synth-dry-run',
    crds: [{ fixture: 'cert-manager' }],
    namespaces: [
      {
        name: namespace,
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
      },
    ],
  });
  api = await RestClient.fromKubeconfig(server.kubeconfig);
});

afterAll(async () => {
  await server?.stop();
});

async function dryRun(o: K8sObject): Promise<{ kind: string; metadata: { name: string } }> {
  const path = await api.resourcePath(o.apiVersion, o.kind, o.metadata.namespace);
  return api.request('POST', `${path}?dryRun=All&fieldValidation=Strict`, o);
}

function podsFrom(objects: readonly K8sObject[]): K8sObject[] {
  return objects
    .filter((o) => ['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(o.kind))
    .map((o) => {
      const workload = (
        o.kind === 'CronJob' ? (o.spec as { jobTemplate: { spec: unknown } }).jobTemplate.spec : o.spec
      ) as {
        template: { metadata: Record<string, unknown>; spec: { volumes?: unknown[] } };
        volumeClaimTemplates?: Array<{ metadata: { name: string } }>;
      };
      const { template, volumeClaimTemplates = [] } = workload;
      // The StatefulSet controller adds a volume per claim template, as here for ordinal 0.
      const claims = volumeClaimTemplates.map((t) => ({
        name: t.metadata.name,
        persistentVolumeClaim: { claimName: `${t.metadata.name}-${o.metadata.name}-0` },
      }));
      return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { ...template.metadata, name: `${o.metadata.name}-0`, namespace },
        spec: { ...template.spec, volumes: [...(template.spec.volumes ?? []), ...claims] },
      };
    });
}

async function synth(app: string, provider: string): Promise<K8sObject[]> {
  let profile = loadProfile(provider);
  // The StatefulSet fixture asks for externalTrafficPolicy Local; dry-run it on every provider anyway.
  if (app.endsWith('stateful.yaml'))
    profile = { ...profile, loadBalancer: { ...profile.loadBalancer, externalTrafficPolicyLocal: true } };
  return synthesize(await loadAppDefinitions(app), profile, { namespace }).files.flatMap((f) => f.objects);
}

/** Whether the app has shared (ReadWriteMany) volumes, which a provider without ReadWriteMany refuses. */
function sharesVolumes(app: string): boolean {
  const props = loadApplicationYaml(app);
  return (
    (props.volumes ?? []).length > 0 || props.components.some((c) => (c.storage ?? []).some((v) => v.shared))
  );
}

describe.each(builtinProfileIds())('provider %s', (provider) => {
  const rwx = loadProfile(provider).storage.rwx.supported;
  const served = apps.filter((app) => rwx || !sharesVolumes(app));

  it.each(served)('the API server accepts every resource of %s (dryRun=All)', async (app) => {
    const objects = await synth(app, provider);
    expect(objects.length).toBeGreaterThanOrEqual(6);
    const accepted = await Promise.all(objects.map(dryRun));
    expect(accepted.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      objects.map((o) => `${o.kind}/${o.metadata.name}`),
    );
  });

  it.each(served)('Pod Security "restricted" admits a Pod from each pod template of %s', async (app) => {
    const pods = podsFrom(await synth(app, provider));
    expect(pods.length).toBeGreaterThanOrEqual(1);
    const accepted = await Promise.all(pods.map(dryRun));
    expect(accepted.every((p) => p.kind === 'Pod')).toBe(true);
  });
});

/** Every app a provider cannot run: its volumes are shared and it has no ReadWriteMany storage. */
const refusals = builtinProfileIds().flatMap((provider) =>
  loadProfile(provider).storage.rwx.supported
    ? []
    : apps.filter(sharesVolumes).map((app) => [provider, app] as const),
);

it.each(refusals)(
  'provider %s refuses %s, whose volumes are shared, with the remedy',
  async (provider, app) => {
    await expect(synth(app, provider)).rejects.toThrow(/has no ReadWriteMany storage .*; remedy: /);
  },
);

it('Pod Security "restricted" is really enforced in the namespace (a pod without seccomp is refused)', async () => {
  const [pod] = podsFrom(await synth(apps[0] ?? '', 'scaleway'));
  const spec = structuredClone(pod?.spec) as {
    securityContext: Record<string, unknown>;
    containers: Array<{ securityContext: Record<string, unknown> }>;
  };
  delete spec.securityContext.seccompProfile;
  for (const c of spec.containers) delete c.securityContext.seccompProfile;
  const error = await dryRun({ ...(pod as K8sObject), spec }).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(403);
  expect((error as ApiError).apiMessage).toMatch(/violates PodSecurity "restricted:latest": seccompProfile/);
});
