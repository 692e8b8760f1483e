import { ApiException, AppsV1Api, CoreV1Api, KubeConfig, VersionApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtraApiServer } from './controlplane/index.js';
import {
  controlPlane,
  mintIdentity,
  seedScenario,
  startApiServer,
  uniqueName,
} from './controlplane/index.js';

function client<T>(kubeconfig: string, api: new (...args: never[]) => T): T {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return kc.makeApiClient(api as never) as T;
}

/** Resolves with the HTTP status of a rejected API call (or 200 if it succeeded). */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (err) {
    if (err instanceof ApiException) return err.code;
    throw err;
  }
}

describe('the test control plane is a real Kubernetes API server', () => {
  it('reports v1.37.2 on /version', async () => {
    const version = await client(controlPlane().kubeconfig, VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.37.2');
    expect([version.major, version.minor]).toEqual(['1', '37']);
  });

  it('denies a limited identity by RBAC what the admin may do (list secrets)', async () => {
    const limited = mintIdentity({ user: 'alice', groups: ['havenkit:readers'] });
    const listAs = (kubeconfig: string): Promise<number> =>
      statusOf(client(kubeconfig, CoreV1Api).listNamespacedSecret({ namespace: 'default' }));
    expect(await listAs(controlPlane().kubeconfig)).toBe(200);
    expect(await listAs(limited)).toBe(403);
  });

  it('rejects a server-side dry-run of an invalid Deployment with the API server own message', async () => {
    const apps = client(controlPlane().kubeconfig, AppsV1Api);
    const name = uniqueName('invalid');
    const dryRun = apps.createNamespacedDeployment({
      namespace: 'default',
      dryRun: 'All',
      body: {
        metadata: { name },
        spec: {
          selector: { matchLabels: { app: 'a' } },
          template: {
            metadata: { labels: { app: 'b' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      },
    });
    const error = await dryRun.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ApiException);
    const { code, body } = error as ApiException<string>;
    expect(code).toBe(422);
    expect(JSON.parse(body).message).toContain(
      'spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`',
    );
  });
});

describe('a seeded scenario', () => {
  let cluster: ExtraApiServer;
  beforeAll(async () => {
    cluster = await startApiServer();
    await seedScenario(cluster.kubeconfig, 'compliant');
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('reads back as written: zoned, Ready Flatcar nodes and Running pods', async () => {
    const core = client(cluster.kubeconfig, CoreV1Api);
    const nodes = (await core.listNode()).items;
    expect(nodes.map((n) => n.metadata?.name).sort()).toEqual([
      'cp-1',
      'cp-2',
      'cp-3',
      'worker-1',
      'worker-2',
      'worker-3',
    ]);
    const cp1 = nodes.find((n) => n.metadata?.name === 'cp-1');
    expect(cp1?.metadata?.labels).toMatchObject({
      'topology.kubernetes.io/zone': 'nl-ams-1',
      'node-role.kubernetes.io/control-plane': '',
    });
    expect(cp1?.status?.nodeInfo?.osImage).toMatch(/^Flatcar Container Linux/);
    expect(cp1?.status?.nodeInfo?.kubeletVersion).toBe('v1.37.2');
    expect(cp1?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const pods = (await core.listNamespacedPod({ namespace: 'logging' })).items;
    expect(pods.map((p) => [p.spec?.nodeName, p.status?.phase])).toEqual([
      ['worker-1', 'Running'],
      ['worker-2', 'Running'],
      ['worker-3', 'Running'],
    ]);
  });
});

describe('an AlwaysAllow API server', () => {
  let cluster: ExtraApiServer;
  beforeAll(async () => {
    cluster = await startApiServer({ authorizationMode: 'AlwaysAllow' });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('lets the limited identity list secrets', async () => {
    const limited = mintIdentity({ user: 'alice', groups: ['havenkit:readers'], server: cluster.server });
    const secrets = await client(limited, CoreV1Api).listNamespacedSecret({ namespace: 'default' });
    expect(secrets.items).toEqual([]);
  });
});
