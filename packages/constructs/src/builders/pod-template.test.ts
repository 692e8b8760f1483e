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

  it('requests memory and makes it the limit; CPU is only requested', () => {
    expect(container(synth({ resources: { cpu: '250m', memory: '512Mi' } })).resources).toEqual({
      requests: { cpu: '250m', memory: '512Mi' },
      limits: { memory: '512Mi' },
    });
  });

  it('probes readiness every 10s and liveness every 20s on the http port', () => {
    const probe = (periodSeconds: number): object => ({
      httpGet: { path: '/healthz', port: 'http' },
      periodSeconds,
    });
    expect(container(synth({ port: 8000, health: { path: '/healthz' } }))).toMatchObject({
      readinessProbe: probe(10),
      livenessProbe: probe(20),
    });
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

  it('writes no empty fields: no ports, env, resources, probes, volumes or annotations unless asked for', () => {
    const t = synth();
    expect(Object.keys(container(t)).sort()).toEqual(['image', 'imagePullPolicy', 'name', 'securityContext']);
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
