import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  chartFiles,
  helmChart,
  NAMESPACE_SENTINEL,
  type HelmChartFile,
  type ProviderObjects,
} from '../helm.js';
import { loadBuiltinProfiles, loadProfile } from '../profiles/load.js';
import { loadAppDefinitions } from '../source.js';
import { synthesize, type K8sObject } from '../synth.js';

const labels = (app: string, component?: string): Record<string, string> => ({
  'app.kubernetes.io/part-of': app,
  ...(component ? { 'app.kubernetes.io/component': component } : {}),
});

function deployment(
  app: string,
  component: string,
  image: string,
  extra: Record<string, unknown> = {},
): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `${app}-${component}`, namespace: NAMESPACE_SENTINEL, labels: labels(app, component) },
    spec: {
      replicas: 2,
      template: { spec: { containers: [{ name: component, image }], ...extra } },
    },
  };
}

function configMap(app: string, component: string, data: Record<string, string>): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: `${app}-${component}-env`,
      namespace: NAMESPACE_SENTINEL,
      labels: labels(app, component),
    },
    data,
  };
}

function ingress(app: string, component: string, host: string): K8sObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `${app}-${component}`, namespace: NAMESPACE_SENTINEL, labels: labels(app, component) },
    spec: { rules: [{ host }], tls: [{ hosts: [host] }] },
  };
}

const chart = (syntheses: ProviderObjects[], provider = syntheses[0]?.provider ?? 'a'): HelmChartFile[] =>
  chartFiles({ name: 'test', version: '0.1.0', provider, syntheses, skipped: [] });

const file = (files: readonly HelmChartFile[], name: string): string => {
  const f = files.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name} in ${files.map((x) => x.name).join(', ')}`);
  return f.content;
};

/** The value at a dotted path of the parsed values.yaml. */
const values = (files: readonly HelmChartFile[], path = ''): unknown =>
  path
    .split('.')
    .filter(Boolean)
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      yaml.load(file(files, 'values.yaml')),
    );

describe('helm chart values', () => {
  it('keys the knobs by app and component: two apps keep their values apart', () => {
    const objects = [
      deployment('a', 'api', 'reg.example.eu/a:1'),
      deployment('b', 'api', 'reg.example.eu/b:1'),
    ];
    const files = chart([{ provider: 'p', objects }]);
    expect(values(files, 'apps')).toEqual({
      a: { components: { api: { image: 'reg.example.eu/a:1', replicas: 2 } } },
      b: { components: { api: { image: 'reg.example.eu/b:1', replicas: 2 } } },
    });
    expect(file(files, 'templates/a/api.yaml')).toContain('{{- $c := .Values.apps.a.components.api }}');
    expect(file(files, 'templates/b/api.yaml')).toContain('{{- $c := .Values.apps.b.components.api }}');
    expect(file(files, 'templates/a/api.yaml')).toContain('image: {{ toJson $c.image }}');
  });

  it('keys init containers and sidecars by container name', () => {
    const d = deployment('a', 'api', 'reg.example.eu/a:1', {
      initContainers: [{ name: 'migrate', image: 'reg.example.eu/a:1' }],
    });
    (d.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers.push({
      name: 'proxy',
      image: 'reg.example.eu/proxy:3',
    });
    const files = chart([{ provider: 'p', objects: [d] }]);
    expect(values(files, 'apps.a.components.api')).toEqual({
      image: 'reg.example.eu/a:1',
      images: { migrate: 'reg.example.eu/a:1', proxy: 'reg.example.eu/proxy:3' },
      replicas: 2,
    });
    expect(file(files, 'templates/a/api.yaml')).toContain('image: {{ toJson $c.images.migrate }}');
  });

  it('makes the HPA minimum the replicas value and its maximum at least that; the scaled Deployment keeps its count', () => {
    const hpa: K8sObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'a-api', namespace: NAMESPACE_SENTINEL, labels: labels('a', 'api') },
      spec: {
        minReplicas: 3,
        maxReplicas: 6,
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'a-api' },
      },
    };
    const files = chart([{ provider: 'p', objects: [deployment('a', 'api', 'i:1'), hpa] }]);
    const t = file(files, 'templates/a/api.yaml');
    expect(t).toContain('minReplicas: {{ toJson $c.replicas }}');
    expect(t).toContain('maxReplicas: {{ toJson (max $c.replicas $c.maxReplicas) }}');
    expect(t).toMatch(/^ {2}replicas: 2$/m);
    expect(values(files, 'apps.a.components.api')).toEqual({ image: 'i:1', replicas: 3, maxReplicas: 6 });
  });

  it('takes the namespace and the instance label from the release', () => {
    const t = file(
      chart([{ provider: 'p', objects: [deployment('a', 'api', 'i:1')] }]),
      'templates/a/api.yaml',
    );
    expect(t).toContain('  namespace: {{ toJson $.Release.Namespace }}');
    expect(t).toContain('    app.kubernetes.io/instance: {{ toJson $.Release.Name }}');
    expect(t).not.toContain(NAMESPACE_SENTINEL);
  });
});

describe('helm chart quoting', () => {
  const tricky = ['a # b', 'key: value', '{ x', '*star', 'yes', 'no', 'on', '0755', '1:30', 'line\nbreak'];

  it('inserts knob values through toJson; values.yaml keeps them strings', () => {
    const host = 'x#y: {z *w';
    const files = chart([{ provider: 'p', objects: [ingress('a', 'web', host)] }]);
    expect(values(files, 'apps.a.components.web.host')).toBe(host);
    const t = file(files, 'templates/a/web.yaml');
    expect(t).toContain('- host: {{ toJson $c.host }}');
    expect(t).toContain('- {{ toJson $c.host }}');
    expect(t).not.toContain(host);
  });

  it('writes literal values so YAML reads them back as the same strings', () => {
    const data = Object.fromEntries(tricky.map((v, i) => [`K${i}`, v]));
    const t = file(
      chart([{ provider: 'p', objects: [configMap('a', 'api', data)] }]),
      'templates/a/api.yaml',
    );
    const literal = t
      .split('\n')
      .filter((l) => !l.includes('{{'))
      .join('\n');
    expect((yaml.load(literal) as { data: unknown }).data).toEqual(data);
  });

  it('never lets Helm interpret "{{" of a synthesized value', () => {
    const t = file(
      chart([{ provider: 'p', objects: [configMap('a', 'api', { T: 'Hello {{ .Values.x }}' })] }]),
      'templates/a/api.yaml',
    );
    expect(t).toContain('T: {{ toJson "Hello {{ .Values.x }}" }}');
  });

  it('keeps provider values strings in values.yaml', () => {
    const pvc = (cls: string): K8sObject => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'a-api-data', namespace: NAMESPACE_SENTINEL, labels: labels('a', 'api') },
      spec: { storageClassName: cls },
    });
    const files = chart([
      { provider: 'p', objects: [pvc('yes')] },
      { provider: 'q', objects: [pvc('#x: {y')] },
    ]);
    expect(values(files, 'providers')).toEqual({
      p: { 'a-api-data': { storageClassName: 'yes' } },
      q: { 'a-api-data': { storageClassName: '#x: {y' } },
    });
    expect(file(files, 'templates/a/api.yaml')).toContain(
      '  storageClassName: {{ toJson (index $p "a-api-data" "storageClassName") }}',
    );
  });
});

describe('helm chart across providers', () => {
  it('wraps an object only some providers have in a condition on the provider', () => {
    const extra: K8sObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a-only-q', namespace: NAMESPACE_SENTINEL, labels: labels('a') },
      data: { x: '1' },
    };
    const common = deployment('a', 'api', 'i:1');
    const files = chart([
      { provider: 'p', objects: [common] },
      { provider: 'q', objects: [common, extra] },
    ]);
    const t = file(files, 'templates/a.yaml');
    expect(t).toMatch(
      /\{\{- if has \(toString \.Values\.provider\) \(list "q"\) \}\}\n---\napiVersion: v1\n/,
    );
    expect(t.match(/name: a-only-q/g)).toHaveLength(1);
  });

  it('writes each object once for all providers (no copies)', async () => {
    const definitions = await loadAppDefinitions('examples/apps/meldingen.yaml');
    const profiles = loadBuiltinProfiles();
    const { files, skipped } = helmChart(definitions, { provider: loadProfile('scaleway'), profiles });
    const templates = files.filter((f) => f.name.startsWith('templates/') && f.name.endsWith('.yaml'));
    const plain = synthesize(definitions, loadProfile('scaleway')).files.flatMap((f) => f.objects);
    for (const o of plain) {
      const docs = templates
        .flatMap((t) => t.content.split(/^---$/m))
        .filter((d) => d.includes(`\nkind: ${o.kind}\n`));
      expect({
        o: `${o.kind}/${o.metadata.name}`,
        n: docs.filter((d) => d.includes(`  name: ${o.metadata.name}\n`)).length,
      }).toEqual({
        o: `${o.kind}/${o.metadata.name}`,
        n: 1,
      });
    }
    expect(templates.map((t) => t.name)).toEqual([
      'templates/meldingen.yaml',
      'templates/meldingen/api.yaml',
      'templates/meldingen/frontend.yaml',
    ]);
    expect(Object.keys(values(files, 'providers') as object)).toEqual(
      profiles.map((p) => p.id).filter((id) => !skipped.some((s) => s.provider === id)),
    );
    expect(values(files, 'providers.scaleway.meldingen-api-media.storageClassName')).toBe('scw-fs');
    expect(values(files, 'apps.meldingen.components.api')).toMatchObject({
      image: 'registry.example.eu/meldingen/api:2.4.1',
      replicas: 3,
    });
  });

  it('leaves out a provider the app cannot be synthesized for, and fails with the reason when it is selected', async () => {
    const definitions = await loadAppDefinitions('examples/apps/meldingen.yaml');
    const scaleway = loadProfile('scaleway');
    const norwx = { ...scaleway, id: 'norwx', storage: { ...scaleway.storage, rwx: { supported: false } } };
    const chart = helmChart(definitions, { provider: scaleway, profiles: [norwx as typeof scaleway] });
    expect(chart.skipped.map((s) => s.provider)).toEqual(['norwx']);
    const helpers = file(chart.files, 'templates/_helpers.tpl');
    expect(helpers).toContain('provider %q is left out of this chart: %s');
    expect(helpers).toContain(`"norwx" ${JSON.stringify(chart.skipped[0]?.reason)}`);
    expect(helpers).toContain('$known := list "scaleway"');
  });
});

describe('helm chart schema', () => {
  it('types every value: provider one of the chart, replicas at least 1, images strings', () => {
    const files = chart([
      { provider: 'p', objects: [deployment('a', 'api', 'i:1'), ingress('a', 'api', 'a.example.nl')] },
      { provider: 'q', objects: [deployment('a', 'api', 'i:1'), ingress('a', 'api', 'a.example.nl')] },
    ]);
    const schema = JSON.parse(file(files, 'values.schema.json'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.provider).toMatchObject({ type: 'string', enum: ['p', 'q'] });
    const api = schema.properties.apps.properties.a.properties.components.properties.api;
    expect(api).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: {
        image: { type: 'string', minLength: 1 },
        replicas: { type: 'integer', minimum: 1 },
        host: { type: 'string' },
      },
    });
    expect(file(files, 'templates/NOTES.txt')).toContain('for provider {{ .Values.provider }}');
  });
});
