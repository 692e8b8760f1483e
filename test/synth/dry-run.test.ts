/**
 * Every provider's synthesis of examples/apps/meldingen.yaml (and a StatefulSet app) is accepted by a real
 * kube-apiserver in server-side dry-run, with cert-manager's CRDs installed, in a namespace that enforces
 * Pod Security "restricted"; a Pod built from each pod template is dry-run too, so admission really enforces.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinProfileIds,
  loadAppDefinitions,
  loadProfile,
  synthesize,
  type K8sObject,
} from '../../packages/constructs/src/index.js';
import { seedScenario, startApiServer, uniqueName, type ExtraApiServer } from '../controlplane/index.js';
import { ApiError, RestClient } from '../controlplane/rest.js';

const apps = ['examples/apps/meldingen.yaml', 'packages/constructs/test/fixtures/stateful.yaml'].map((p) =>
  fileURLToPath(new URL(`../../${p}`, import.meta.url)),
);
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
    .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map((o) => {
      const { template, volumeClaimTemplates = [] } = o.spec as {
        template: { metadata: Record<string, unknown>; spec: { volumes?: unknown[] } };
        volumeClaimTemplates?: Array<{ metadata: { name: string } }>;
      };
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

describe.each(builtinProfileIds())('provider %s', (provider) => {
  it.each(apps)('the API server accepts every resource of %s (dryRun=All)', async (app) => {
    const objects = await synth(app, provider);
    expect(objects.length).toBeGreaterThanOrEqual(8);
    const accepted = await Promise.all(objects.map(dryRun));
    expect(accepted.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(
      objects.map((o) => `${o.kind}/${o.metadata.name}`),
    );
  });

  it.each(apps)('Pod Security "restricted" admits a Pod from each pod template of %s', async (app) => {
    const pods = podsFrom(await synth(app, provider));
    expect(pods.length).toBeGreaterThanOrEqual(2);
    const accepted = await Promise.all(pods.map(dryRun));
    expect(accepted.every((p) => p.kind === 'Pod')).toBe(true);
  });
});

it('Pod Security "restricted" is really enforced in the namespace (a pod without seccomp is refused)', async () => {
  const [pod] = podsFrom(await synth(apps[0] ?? '', 'generic'));
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
