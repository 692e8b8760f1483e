import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProfile } from './profiles/load.js';
import { loadAppDefinitions } from './source.js';
import { synthesize, type K8sObject } from './synth.js';

const path = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const example = path('../../../examples/apps/meldingen.yaml');
const stateful = path('../test/fixtures/stateful.yaml');

async function objects(app: string, provider: string, namespace?: string): Promise<K8sObject[]> {
  const defs = await loadAppDefinitions(app);
  return synthesize(defs, loadProfile(provider), namespace ? { namespace } : {}).files.flatMap(
    (f) => f.objects,
  );
}

type PodSpec = {
  securityContext: Record<string, unknown>;
  containers: Array<{ securityContext: Record<string, unknown> }>;
  volumes?: Array<{ name: string; emptyDir?: object }>;
};
const podSpecs = (objs: K8sObject[]): PodSpec[] =>
  objs
    .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map((o) => (o.spec as { template: { spec: PodSpec } }).template.spec);

describe('HavenComponent', () => {
  it('makes pods that meet Pod Security "restricted"', async () => {
    const specs = podSpecs([...(await objects(example, 'scaleway')), ...(await objects(stateful, 'onprem'))]);
    expect(specs).toHaveLength(4);
    for (const spec of specs) {
      expect(spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(spec.securityContext.runAsUser).toBeTypeOf('number');
      expect(spec.securityContext.fsGroup).toBeTypeOf('number');
      for (const c of spec.containers) {
        expect(c.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          readOnlyRootFilesystem: true,
          runAsNonRoot: true,
        });
      }
    }
  });

  it('gives RWO storage a StatefulSet with claim templates, a headless Service and the profile class', async () => {
    const objs = await objects(stateful, path('../test/fixtures/no-rwx-profile.yaml'));
    const sts = objs.find((o) => o.kind === 'StatefulSet');
    expect(sts?.metadata.name).toBe('archief-db');
    expect(sts?.spec).toMatchObject({
      serviceName: 'archief-db-headless',
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast-block' },
        },
      ],
    });
    expect(objs.find((o) => o.metadata.name === 'archief-db-headless')?.spec).toMatchObject({
      clusterIP: 'None',
    });
    expect(podSpecs([sts as K8sObject])[0]?.volumes?.map((v) => v.name)).toEqual([
      'writable-0',
      'writable-1',
    ]);
    expect(objs.some((o) => o.kind === 'PodDisruptionBudget' || o.kind === 'HorizontalPodAutoscaler')).toBe(
      false,
    );
  });

  it('writes the profile LB annotations and externalTrafficPolicy Local where supported', async () => {
    const svc = (await objects(stateful, 'scaleway')).find(
      (o) => o.kind === 'Service' && o.metadata.name === 'archief-web',
    );
    expect(svc?.metadata.annotations).toEqual({
      'service.beta.kubernetes.io/scw-loadbalancer-use-hostname': 'true',
    });
    expect(svc?.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
  });

  it('refuses preserveClientIp where externalTrafficPolicy Local is unsupported', async () => {
    await expect(objects(stateful, 'stackit')).rejects.toThrow(
      /stateful\.yaml: spec\.components\[1\]\.loadBalancer\.preserveClientIp: provider "stackit" does not support externalTrafficPolicy Local/,
    );
  });

  it('refuses RWX on a provider without it: one line naming provider, volume and remedy', async () => {
    await expect(objects(example, path('../test/fixtures/no-rwx-profile.yaml'))).rejects.toThrow(
      'meldingen.yaml: spec.components[0].storage[0]: volume "media" of component "api" is shared (ReadWriteMany) but provider "block-only" has no ReadWriteMany storage (only block storage is installed); remedy: install Longhorn or an NFS provisioner and set storage.rwx in this profile',
    );
  });

  it('allows exactly the declared traffic', async () => {
    const objs = await objects(stateful, 'onprem');
    const np = (name: string): Record<string, unknown> =>
      objs.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === name)?.spec as Record<
        string,
        unknown
      >;
    expect(np('archief-default-deny')).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'archief' } },
      policyTypes: ['Ingress', 'Egress'],
    });
    expect(np('archief-db').ingress).toEqual([
      {
        from: [
          {
            podSelector: {
              matchLabels: { 'app.kubernetes.io/component': 'web', 'app.kubernetes.io/part-of': 'archief' },
            },
          },
        ],
        ports: [{ port: 5432, protocol: 'TCP' }],
      },
    ]);
    expect(np('archief-web').egress).toHaveLength(3); // DNS, db, 10.20.0.0/16:443
    expect(np('archief-web').ingress).toEqual([{ ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });

  it('puts every resource in --namespace', async () => {
    const objs = await objects(example, 'scaleway', 'meldingen');
    expect(objs.every((o) => o.metadata.namespace === 'meldingen')).toBe(true);
  });
});
