import { App, Chart, k8s } from '../kube.js';
import { describe, expect, it } from 'vitest';
import { componentIdentity } from './identity.js';
import { podTemplate, type PodTemplateProps } from './pod-template.js';

type Container = Record<string, unknown>;
interface PodSpec {
  readonly containers: [Container];
  readonly [field: string]: unknown;
}
interface Template {
  readonly metadata: Record<string, unknown>;
  readonly spec: PodSpec;
}

const identity = componentIdentity('shop', 'api');

/** Synthesizes the template alone, as a PodTemplate object, so quantities and ports resolve as in a workload. */
function synth(
  component: Partial<PodTemplateProps['component']> = {},
  props: Partial<Omit<PodTemplateProps, 'component'>> = {},
): Template {
  const chart = new Chart(new App(), 'test');
  new k8s.KubePodTemplate(chart, 'pods', {
    template: podTemplate({
      identity,
      zoneLabel: 'topology.kubernetes.io/zone',
      ...props,
      component: { name: 'api', image: 'registry.example.eu/api:1.0', ...component },
    }),
  });
  const [object] = chart.toJson() as [{ template: Template }];
  return object.template;
}
const container = (t: Template): Container => t.spec.containers[0];

describe('podTemplate', () => {
  it('makes pods that meet Pod Security "restricted"', () => {
    const t = synth();
    expect(t.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container(t).securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('runs as user, group and fsGroup 10001 by default', () => {
    expect(synth().spec.securityContext).toMatchObject({
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
    });
  });

  it('runs as the user, group and fsGroup the component names', () => {
    const t = synth({ runAsUser: 999, runAsGroup: 998, fsGroup: 997 });
    expect(t.spec.securityContext).toMatchObject({ runAsUser: 999, runAsGroup: 998, fsGroup: 997 });
    expect(container(t).securityContext).toMatchObject({ runAsUser: 999, runAsGroup: 998 });
  });

  it('mounts no service account token and no service links', () => {
    expect(synth().spec).toMatchObject({ automountServiceAccountToken: false, enableServiceLinks: false });
  });

  it('pulls the image only when it is not present', () => {
    expect(container(synth())).toMatchObject({
      image: 'registry.example.eu/api:1.0',
      imagePullPolicy: 'IfNotPresent',
    });
  });

  it('passes command and args as given', () => {
    expect(container(synth({ command: ['/bin/api'], args: ['--verbose'] }))).toMatchObject({
      command: ['/bin/api'],
      args: ['--verbose'],
    });
  });

  it('names the container port http', () => {
    expect(container(synth({ port: 8000 })).ports).toEqual([
      { name: 'http', containerPort: 8000, protocol: 'TCP' },
    ]);
  });

  it('requests memory and makes it the limit; CPU is only requested; local disk is requested and bounded', () => {
    expect(
      container(synth({ resources: { cpu: '250m', memory: '512Mi', ephemeralStorage: '4Gi' } })).resources,
    ).toEqual({
      requests: { cpu: '250m', memory: '512Mi', 'ephemeral-storage': '64Mi' },
      limits: { memory: '512Mi', 'ephemeral-storage': '4Gi' },
    });
  });

  it('gives a component with a port and no probes a TCP readiness probe of it, and no liveness probe', () => {
    const c = container(synth({ port: 8080 }));
    expect(c.readinessProbe).toEqual({ tcpSocket: { port: 'http' }, periodSeconds: 10 });
    expect(c).not.toHaveProperty('livenessProbe');
  });

  it('makes health a readiness HTTP GET of its path and a liveness TCP check of the port: never the same probe twice', () => {
    expect(container(synth({ port: 8000, health: { path: '/healthz' } }))).toMatchObject({
      readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
      livenessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 20 },
    });
    expect(container(synth({ port: 8000, health: { path: '/healthz' } }))).not.toHaveProperty('startupProbe');
  });

  it('writes readiness, liveness and startup probes as given: HTTP with headers on another port, TCP, exec', () => {
    const c = container(
      synth({
        port: 8080,
        ports: [{ name: 'admin', port: 9090 }],
        probes: {
          readiness: {
            http: { path: '/ready', port: 9090, headers: { Host: 'app.example.nl' } },
            timeoutSeconds: 3,
          },
          liveness: { exec: { command: ['cat', '/tmp/alive'] }, failureThreshold: 5 },
          startup: { tcp: {} },
        },
      }),
    );
    expect(c.ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'admin', containerPort: 9090, protocol: 'TCP' },
    ]);
    expect(c.readinessProbe).toEqual({
      httpGet: { path: '/ready', port: 9090, httpHeaders: [{ name: 'Host', value: 'app.example.nl' }] },
      periodSeconds: 10,
      timeoutSeconds: 3,
    });
    expect(c.livenessProbe).toEqual({
      exec: { command: ['cat', '/tmp/alive'] },
      periodSeconds: 20,
      failureThreshold: 5,
    });
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 'http' }, periodSeconds: 5, failureThreshold: 30 });
  });

  it('requests 50m CPU, 128Mi memory (also the limit) and 64Mi of local disk (at most 1Gi) where the spec gives no resources, and fills in what it leaves out', () => {
    expect(container(synth()).resources).toEqual({
      requests: { cpu: '50m', memory: '128Mi', 'ephemeral-storage': '64Mi' },
      limits: { memory: '128Mi', 'ephemeral-storage': '1Gi' },
    });
    expect(container(synth({ resources: { memory: '1Gi' } })).resources).toEqual({
      requests: { cpu: '50m', memory: '1Gi', 'ephemeral-storage': '64Mi' },
      limits: { memory: '1Gi', 'ephemeral-storage': '1Gi' },
    });
  });

  it('probes a sidecar on its own port where its probe names none', () => {
    const t = synth({
      port: 8080,
      sidecars: [
        {
          name: 'exporter',
          image: 'registry.example.eu/exp:1',
          port: 9102,
          probes: { readiness: { http: { path: '/metrics' } } },
        },
      ],
    });
    const sidecar = (t.spec as unknown as { containers: Container[] }).containers[1];
    expect(sidecar?.readinessProbe).toEqual({ httpGet: { path: '/metrics', port: 9102 }, periodSeconds: 10 });
  });

  it('runs init containers and sidecars with the same restricted defaults, the component’s image, environment and mounts', () => {
    const t = synth(
      {
        initContainers: [{ name: 'migrate', command: ['./manage.py', 'migrate'] }],
        sidecars: [
          { name: 'proxy', image: 'registry.example.eu/proxy:1.0', port: 8081, writablePaths: ['/cache'] },
        ],
      },
      {
        envFrom: [{ configMapRef: { name: 'shop-api-env' } }],
        volumes: [{ name: 'media', persistentVolumeClaim: { claimName: 'shop-media' } }],
        mounts: [{ name: 'media', mountPath: '/media' }],
      },
    );
    const spec = t.spec as unknown as {
      initContainers: Container[];
      containers: Container[];
      volumes: unknown[];
    };
    const [init] = spec.initContainers;
    const [, sidecar] = spec.containers;
    expect(init).toMatchObject({
      name: 'migrate',
      image: 'registry.example.eu/api:1.0',
      command: ['./manage.py', 'migrate'],
      envFrom: [{ configMapRef: { name: 'shop-api-env' } }],
      volumeMounts: [{ name: 'media', mountPath: '/media' }],
    });
    expect(sidecar).toMatchObject({
      name: 'proxy',
      image: 'registry.example.eu/proxy:1.0',
      ports: [{ name: 'sidecar-0', containerPort: 8081, protocol: 'TCP' }],
      volumeMounts: [
        { name: 'media', mountPath: '/media' },
        { name: 'writable-proxy-0', mountPath: '/cache' },
      ],
    });
    for (const c of [init, sidecar]) expect(c?.securityContext).toEqual(container(t).securityContext);
    expect(spec.volumes).toContainEqual({ name: 'writable-proxy-0', emptyDir: {} });
  });

  it('gives each writable path an emptyDir, after the storage volumes and mounts', () => {
    const t = synth(
      { writablePaths: ['/tmp', '/run'] },
      {
        volumes: [{ name: 'media', persistentVolumeClaim: { claimName: 'shop-api-media' } }],
        mounts: [{ name: 'media', mountPath: '/media' }],
      },
    );
    expect(t.spec.volumes).toEqual([
      { name: 'media', persistentVolumeClaim: { claimName: 'shop-api-media' } },
      { name: 'writable-0', emptyDir: {} },
      { name: 'writable-1', emptyDir: {} },
    ]);
    expect(container(t).volumeMounts).toEqual([
      { name: 'media', mountPath: '/media' },
      { name: 'writable-0', mountPath: '/tmp' },
      { name: 'writable-1', mountPath: '/run' },
    ]);
  });

  it('takes its environment from envFrom and its annotations as given', () => {
    const t = synth(
      {},
      { envFrom: [{ secretRef: { name: 's' } }], annotations: { 'havenkit.dev/config-hash': 'abc' } },
    );
    expect(container(t).envFrom).toEqual([{ secretRef: { name: 's' } }]);
    expect(t.metadata.annotations).toEqual({ 'havenkit.dev/config-hash': 'abc' });
  });

  it('writes no empty fields: no ports, env, probes, volumes or annotations unless asked for', () => {
    const t = synth();
    expect(Object.keys(container(t)).sort()).toEqual([
      'image',
      'imagePullPolicy',
      'name',
      'resources',
      'securityContext',
    ]);
    expect(t.spec).not.toHaveProperty('volumes');
    expect(t.metadata).toEqual({ labels: identity.labels });
  });

  it('spreads the pods over zones (the profile label), then over nodes', () => {
    const spread = (topologyKey: string): object => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: identity.selector },
    });
    expect(synth({}, { zoneLabel: 'example.eu/zone' }).spec.topologySpreadConstraints).toEqual([
      spread('example.eu/zone'),
      spread('kubernetes.io/hostname'),
    ]);
  });
});
