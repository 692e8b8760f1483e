/**
 * What a real-shaped app (examples/apps/zaken.yaml: Django web + nginx + Celery worker and beat,
 * shared media, an nginx vhost, a migrations Job and a CronJob, egress by purpose) synthesizes to.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProfile } from './profiles/load.js';
import { loadAppDefinitions, loadApplicationYaml } from './source.js';
import { synthesize, type K8sObject } from './synth.js';
import { HavenApp } from './app.js';
import { App } from './kube.js';

// Synthesized objects are plain JSON, walked freely below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const zaken = fileURLToPath(new URL('../../../examples/apps/zaken.yaml', import.meta.url));

async function objects(provider = 'scaleway'): Promise<K8sObject[]> {
  return synthesize(await loadAppDefinitions(zaken), loadProfile(provider)).files.flatMap((f) => f.objects);
}
const named = (objs: readonly K8sObject[], kind: string, name: string): Record<string, Json> => {
  const found = objs.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found as Record<string, Json>;
};
type Pod = { metadata: { annotations?: Record<string, string> }; spec: Record<string, Json> };
const podOf = (o: Record<string, Json>): Pod =>
  o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template : o.spec.template;

describe('an app with shared volumes, configuration files and jobs', () => {
  it('makes one ReadWriteMany claim per shared volume, on the profile’s class, mounted by each component that asks', async () => {
    const objs = await objects();
    expect(named(objs, 'PersistentVolumeClaim', 'zaken-media').spec).toEqual({
      accessModes: ['ReadWriteMany'],
      storageClassName: 'scw-fs',
      resources: { requests: { storage: '50Gi' } },
    });
    const mountsOf = (name: string) => podOf(named(objs, 'Deployment', name)).spec.containers[0].volumeMounts;
    expect(mountsOf('zaken-nginx')).toContainEqual({
      name: 'vol-media',
      mountPath: '/srv/media',
      readOnly: true,
    });
    expect(mountsOf('zaken-worker')).toContainEqual({ name: 'vol-media', mountPath: '/app/media' });
    expect(podOf(named(objs, 'Deployment', 'zaken-web')).spec.volumes).toContainEqual({
      name: 'vol-media',
      persistentVolumeClaim: { claimName: 'zaken-media' },
    });
  });

  it('mounts configuration files read-only from their ConfigMap, and a change of a file rolls the pods', async () => {
    const objs = await objects();
    expect(Object.keys(named(objs, 'ConfigMap', 'zaken-nginx').data)).toEqual(['default.conf']);
    const nginx = podOf(named(objs, 'Deployment', 'zaken-nginx'));
    expect(nginx.spec.containers[0].volumeMounts).toContainEqual({
      name: 'config-nginx',
      mountPath: '/etc/nginx/conf.d',
      readOnly: true,
    });
    const before = nginx.metadata.annotations?.['havenkit.dev/config-files-hash'];
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    const props = loadApplicationYaml(zaken);
    const changed = {
      ...props,
      configFiles: [{ name: 'nginx', files: { 'default.conf': 'server { listen 8080; }\n' } }],
    };
    const app = new App();
    new HavenApp(app, 'zaken', { ...changed, profile: loadProfile('scaleway') });
    const after = (app.charts[0]!.toJson() as Record<string, Json>[]).find(
      (o) => o.kind === 'Deployment' && o.metadata.name === 'zaken-nginx',
    )!.spec.template.metadata.annotations['havenkit.dev/config-files-hash'];
    expect(after).toMatch(/^[0-9a-f]{16}$/);
    expect(after).not.toBe(before);
  });

  it('runs a migrations Job with the web component’s image, environment and Secret, once (restartPolicy Never)', async () => {
    const job = named(await objects(), 'Job', 'zaken-migrate');
    expect(job.spec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 3600 });
    const pod = podOf(job);
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.containers[0]).toMatchObject({
      image: 'registry.example.eu/zaken/web:1.15.0',
      command: ['python', 'src/manage.py', 'migrate', '--noinput'],
      envFrom: [{ configMapRef: { name: 'zaken-web-env' } }, { secretRef: { name: 'zaken-secrets' } }],
      securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    });
  });

  it('runs a scheduled task as a CronJob in its time zone, never two at once', async () => {
    const cron = named(await objects(), 'CronJob', 'zaken-clear-sessions');
    expect(cron.spec).toMatchObject({
      schedule: '30 2 * * *',
      timeZone: 'Europe/Amsterdam',
      concurrencyPolicy: 'Forbid',
    });
    expect(podOf(cron).spec.restartPolicy).toBe('OnFailure');
  });

  it('gives every job a NetworkPolicy: no inbound traffic, DNS and its declared egress only', async () => {
    const policy = named(await objects(), 'NetworkPolicy', 'zaken-migrate');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.ingress).toBeUndefined();
    expect(policy.spec.egress.slice(1)).toEqual([
      { to: [{ ipBlock: { cidr: '10.20.0.0/24' } }], ports: [{ port: 5432, protocol: 'TCP' }] },
    ]);
  });

  it('admits web traffic only from the ingress controller’s pods in its namespace (one peer: both must match)', async () => {
    const policy = named(await objects(), 'NetworkPolicy', 'zaken-nginx');
    expect(policy.spec.ingress[0].from).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      },
    ]);
  });

  it('compiles egress by purpose to the narrowest rules NetworkPolicy has, and never to the whole internet', async () => {
    const objs = await objects();
    const web = named(objs, 'NetworkPolicy', 'zaken-web');
    expect(web.spec.egress.slice(1)).toEqual([
      { to: [{ ipBlock: { cidr: '10.20.0.0/24' } }], ports: [{ port: 5432, protocol: 'TCP' }] },
      { to: [{ ipBlock: { cidr: '10.20.1.0/24' } }], ports: [{ port: 6379, protocol: 'TCP' }] },
      { to: [{ ipBlock: { cidr: '10.20.2.25/32' } }], ports: [{ port: 587, protocol: 'TCP' }] },
      { to: [{ ipBlock: { cidr: '10.30.0.0/28' } }], ports: [{ port: 443, protocol: 'TCP' }] },
    ]);
    const cidrs = objs
      .filter((o) => o.kind === 'NetworkPolicy')
      .flatMap((o) =>
        ((o.spec as Json).egress ?? []).flatMap((r: Json) => (r.to ?? []).map((p: Json) => p.ipBlock?.cidr)),
      );
    expect(cidrs.filter((c) => c === '0.0.0.0/0' || c === '::/0')).toEqual([]);
  });

  it('makes an autoscaler only where asked for, and leaves replicas off the workload it scales', async () => {
    const objs = await objects();
    expect(objs.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name)).toEqual([
      'zaken-web',
    ]);
    expect(named(objs, 'Deployment', 'zaken-web').spec).not.toHaveProperty('replicas');
    expect(named(objs, 'HorizontalPodAutoscaler', 'zaken-web').spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 6,
    });
    expect(named(objs, 'Deployment', 'zaken-worker').spec.replicas).toBe(2);
    expect(named(objs, 'Deployment', 'zaken-beat').spec.replicas).toBe(1);
  });

  it('gives every container of every pod requests and a memory limit', async () => {
    const objs = await objects();
    const containers = objs
      .filter((o) => ['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(o.kind))
      .flatMap((o) => {
        const pod = podOf(o as Record<string, Json>);
        return [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
      });
    expect(containers.length).toBeGreaterThanOrEqual(6);
    const missing = containers.filter(
      (c) =>
        typeof c.resources?.requests?.cpu !== 'string' ||
        typeof c.resources?.requests?.memory !== 'string' ||
        c.resources?.limits?.memory !== c.resources?.requests?.memory,
    );
    expect(missing.map((c) => c.name)).toEqual([]);
  });

  it('is refused on a provider without ReadWriteMany storage, naming the shared volume and the remedy', async () => {
    await expect(objects('generic')).rejects.toThrow(
      /spec\.volumes\[0\]: volume "media" is shared \(ReadWriteMany\) but provider "generic" has no ReadWriteMany storage .*remedy: /,
    );
  });
});

describe('backing services, as the provider profile offers them', () => {
  const notificaties = fileURLToPath(new URL('../../../examples/apps/notificaties.yaml', import.meta.url));
  const synth = async (provider = 'ovhcloud'): Promise<K8sObject[]> =>
    synthesize(await loadAppDefinitions(notificaties), loadProfile(provider)).files.flatMap((f) => f.objects);

  it('gives the pods each service’s Secret as environment, prefixed by its name so two never clash', async () => {
    const pod = podOf(named(await synth(), 'Deployment', 'notificaties-worker'));
    expect(pod.spec.containers[0].envFrom).toEqual([
      { secretRef: { name: 'notificaties-secrets' } },
      { prefix: 'RABBITMQ_', secretRef: { name: 'notificaties-rabbitmq-default-user' } },
      { prefix: 'POSTGRESQL_', secretRef: { name: 'notificaties-postgresql-app' } },
    ]);
  });

  it('allows exactly the operator’s pods of that instance, on the service’s port', async () => {
    const egress = named(await synth(), 'NetworkPolicy', 'notificaties-worker').spec.egress;
    expect(egress).toContainEqual({
      to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': 'notificaties-postgresql' } } }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
    expect(egress).toContainEqual({
      to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'notificaties-rabbitmq' } } }],
      ports: [{ port: 5672, protocol: 'TCP' }],
    });
  });

  it('lets a job of a component use the component’s services', async () => {
    const cron = named(await synth(), 'CronJob', 'notificaties-cleanup');
    expect(podOf(cron).spec.containers[0].envFrom).toContainEqual({
      prefix: 'POSTGRESQL_',
      secretRef: { name: 'notificaties-postgresql-app' },
    });
  });

  it('is the same app on every provider: only the profile decides how a service is offered', async () => {
    const managed = loadProfile('scaleway');
    const profile = {
      ...managed,
      backingServices: {
        ...managed.backingServices,
        postgresql: {
          offering: 'managed' as const,
          secretName: '{instance}-db',
          port: 5432,
          cidrs: ['172.16.4.0/22'],
        },
      },
    };
    const objs = synthesize(await loadAppDefinitions(notificaties), profile).files.flatMap((f) => f.objects);
    expect(named(objs, 'NetworkPolicy', 'notificaties-api').spec.egress).toContainEqual({
      to: [{ ipBlock: { cidr: '172.16.4.0/22' } }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
  });

  it('refuses a service the profile does not offer, with the remedy', () => {
    const app = new App();
    expect(
      () =>
        new HavenApp(app, 'cache', {
          name: 'cache',
          components: [{ name: 'web', image: 'registry.example.eu/web:1', services: [{ service: 'redis' }] }],
          profile: loadProfile('ovhcloud'),
          source: 'cache.yaml',
        }),
    ).toThrow(
      /cache\.yaml: spec\.components\[0\]\.services\[0\]: redis on provider "ovhcloud": run Redis as a component/,
    );
  });
});
