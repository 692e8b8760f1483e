import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { describe, expect, it } from 'vitest';
import { HAVEN_DEFAULTS_ANNOTATION, HavenDefaults, selectorMatches } from './aspects.js';
import { HavenApp } from './app.js';
import { COMPONENT_DEFAULTS } from './component-defaults.js';
import { loadProfile } from './profiles/load.js';

interface Obj {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  spec: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const find = (chart: Chart, kind: string, name: string): Obj =>
  (chart.toJson() as Obj[]).find((o) => o.kind === kind && o.metadata.name === name)!;

const rawDeployment = (chart: Chart, extra: Record<string, unknown> = {}): ApiObject =>
  new ApiObject(chart, 'raw', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'raw' },
    spec: {
      selector: { matchLabels: { app: 'raw' } },
      template: {
        metadata: { labels: { app: 'raw' } },
        spec: { containers: [{ name: 'web', image: 'registry.example.eu/raw:1', ...extra }] },
      },
    },
  });

describe('HavenDefaults', () => {
  it('gives a raw ApiObject Deployment the restricted defaults and a default-deny policy', () => {
    const chart = new Chart(new App(), 'alone');
    rawDeployment(chart);
    const changes = HavenDefaults.applyTo(chart);
    const d = find(chart, 'Deployment', 'raw');
    const pod = d.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    // The builders' defaults (COMPONENT_DEFAULTS.requests, whatever they grow to), as plain JSON.
    const { requests } = COMPONENT_DEFAULTS;
    expect(pod.containers[0].resources).toMatchObject({
      requests: { cpu: requests.cpu, memory: requests.memory },
      limits: { memory: requests.memory },
    });
    const policy = find(chart, 'NetworkPolicy', 'raw-default-deny');
    expect(policy.spec.podSelector).toEqual({ matchLabels: { app: 'raw' } });
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.egress[0].ports).toEqual([
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ]);
    expect(changes.map((c) => c.path)).toContain('NetworkPolicy/raw-default-deny');
    expect(d.metadata.annotations?.[HAVEN_DEFAULTS_ANNOTATION]).toContain(
      '/spec/template/spec/automountServiceAccountToken',
    );
  });

  it('never overrides a value the supplier set, and is idempotent', () => {
    const chart = new Chart(new App(), 'explicit');
    rawDeployment(chart, {
      securityContext: { readOnlyRootFilesystem: false, capabilities: { add: ['NET_BIND_SERVICE'] } },
      resources: { requests: { cpu: '1' } },
    });
    HavenDefaults.applyTo(chart);
    const c = find(chart, 'Deployment', 'raw').spec.template.spec.containers[0];
    expect(c.securityContext.readOnlyRootFilesystem).toBe(false);
    expect(c.securityContext.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
    expect(c.resources).toEqual({ requests: { cpu: '1' } });
    const before = JSON.stringify(chart.toJson());
    expect(HavenDefaults.applyTo(chart)).toEqual([]);
    expect(JSON.stringify(chart.toJson())).toBe(before);
  });

  it('leaves a HavenApp unchanged and covers a plain object added to it', () => {
    const profile = loadProfile('scaleway');
    const app = new App();
    const chart = new HavenApp(app, 'kaart', {
      profile,
      name: 'kaart',
      components: [{ name: 'tiles', image: 'registry.example.eu/kaart/tiles:1.0.0', port: 8080 }],
    });
    const before = JSON.stringify(chart.toJson());
    expect(HavenDefaults.applyTo(chart)).toEqual([]);
    expect(JSON.stringify(chart.toJson())).toBe(before);

    new kplus.Deployment(chart, 'extra', {
      metadata: { name: 'kaart-extra' },
      containers: [{ image: 'registry.example.eu/kaart/extra:1', portNumber: 9000 }],
    });
    const changes = HavenDefaults.applyTo(chart);
    expect(changes.some((c) => c.object === 'Deployment/kaart-extra')).toBe(true);
    const d = find(chart, 'Deployment', 'kaart-extra');
    const pod = d.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(pod.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'] });
    const policy = find(chart, 'NetworkPolicy', 'kaart-extra-default-deny');
    expect(selectorMatches(policy.spec.podSelector, d.spec.template.metadata.labels)).toBe(true);
    // The app's own pods are not selected by the new policy.
    const tiles = find(chart, 'Deployment', 'kaart-tiles');
    expect(selectorMatches(policy.spec.podSelector, tiles.spec.template.metadata.labels)).toBe(false);
  });

  it('adds no policy for pods a policy of the chart already selects; labels a bare Job', () => {
    const chart = new Chart(new App(), 'covered');
    rawDeployment(chart);
    new ApiObject(chart, 'allow', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-raw' },
      spec: { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['raw'] }] } },
    });
    new ApiObject(chart, 'job', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'x:1' }] } } },
    });
    const changes = HavenDefaults.applyTo(chart, { annotate: false });
    expect(changes.map((c) => c.path)).not.toContain('NetworkPolicy/raw-default-deny');
    const job = find(chart, 'Job', 'migrate');
    expect(job.metadata.annotations).toBeUndefined();
    expect(job.spec.template.metadata.labels).toEqual({ 'havenkit.dev/workload': 'job-migrate' });
    expect(find(chart, 'NetworkPolicy', 'migrate-default-deny').spec.podSelector).toEqual({
      matchLabels: { 'havenkit.dev/workload': 'job-migrate' },
    });
  });

  it('works as a per-construct visitor and ignores other objects', () => {
    const chart = new Chart(new App(), 'visit');
    const cm = new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const aspect = new HavenDefaults({ networkPolicies: false });
    aspect.visit(cm);
    expect(aspect.changes).toEqual([]);
    const pod = new ApiObject(chart, 'pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'p' } },
      spec: { containers: [{ name: 'p', image: 'x:1' }] },
    });
    aspect.visit(pod);
    expect(aspect.changes.map((c) => c.path)).toContain('/spec/containers/0/securityContext');
    expect((chart.toJson() as Obj[]).map((o) => o.kind)).toEqual(['ConfigMap', 'Pod']);
  });
});
