/**
 * `havenkit synth -o helm` rendered by the real helm: for every provider, `helm template R chart
 * --namespace NS --set provider=P` equals `havenkit synth --provider P --namespace NS` (parsed) plus
 * the label app.kubernetes.io/instance=R on every object; `helm lint --strict` is clean; the knobs
 * are keyed by app and component. The built CLI (`pnpm build` first).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinProfileIds,
  loadAppDefinitions,
  loadProfile,
  sortObjects,
  synthesize,
  type K8sObject,
} from '../../packages/constructs/src/index.js';
import { controlPlane } from '../controlplane/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = 'examples/apps/meldingen.yaml';
const work = mkdtempSync(join(tmpdir(), 'havenkit-helm-'));
const INSTANCE = 'app.kubernetes.io/instance';

afterAll(() => rmSync(work, { recursive: true, force: true }));

function havenkit(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/run.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function helm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(controlPlane().binaries.helm, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `helm template` output as objects, sorted; the instance label checked and taken off. */
function rendered(stdout: string, release: string): K8sObject[] {
  const docs = yaml.loadAll(stdout).filter((d): d is K8sObject => d !== null);
  for (const d of docs) {
    const labels = d.metadata.labels as Record<string, string>;
    expect({ object: `${d.kind}/${d.metadata.name}`, instance: labels[INSTANCE] }).toEqual({
      object: `${d.kind}/${d.metadata.name}`,
      instance: release,
    });
    delete labels[INSTANCE];
  }
  return sortObjects(docs);
}

function chartOf(app: string, dir: string): string {
  const chart = join(work, dir);
  const r = havenkit('synth', '--app', app, '--provider', 'scaleway', '-o', 'helm', '--out', chart);
  expect({ status: r.status, stderr: r.stderr }).toMatchObject({
    status: 0,
    stderr: expect.stringContaining('wrote'),
  });
  return chart;
}

const objectsOf = (stdout: string, kind: string): K8sObject[] =>
  (yaml.loadAll(stdout) as Array<K8sObject | null>).filter((d): d is K8sObject => d?.kind === kind);

/** The value at a dotted path (`spec.rules.0.host`). */
const at = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], o);

describe('havenkit synth -o helm', () => {
  let chart = '';
  beforeAll(() => {
    chart = chartOf(example, 'meldingen');
  });

  it('writes a chart with values keyed by app and component, a schema and notes', () => {
    expect(readdirSync(chart).sort()).toEqual([
      'Chart.yaml',
      'README.md',
      'templates',
      'values.schema.json',
      'values.yaml',
    ]);
    expect(readdirSync(join(chart, 'templates')).sort()).toEqual([
      'NOTES.txt',
      '_helpers.tpl',
      'meldingen',
      'meldingen.yaml',
    ]);
    expect(yaml.load(readFileSync(join(chart, 'values.yaml'), 'utf8'))).toMatchObject({
      provider: 'scaleway',
      apps: {
        meldingen: {
          components: {
            api: { image: 'registry.example.eu/meldingen/api:2.4.1', replicas: 3, maxReplicas: 6 },
            frontend: { host: 'meldingen.gemeente.example.nl' },
          },
        },
      },
    });
  });

  it('renders for each provider exactly the plain synthesis in the release namespace', async () => {
    const definitions = await loadAppDefinitions(join(root, example));
    const actual: unknown[] = [];
    const expected: unknown[] = [];
    for (const id of builtinProfileIds()) {
      const r = helm('template', 'muni', chart, '--namespace', 'gemeente-x', '--set', `provider=${id}`);
      let plain: K8sObject[] | undefined;
      let reason = '';
      try {
        plain = synthesize(definitions, loadProfile(id), { namespace: 'gemeente-x' }).files.flatMap(
          (f) => f.objects,
        );
      } catch (err) {
        reason = (err as Error).message.replace(root, '');
      }
      // A provider left out of the chart (e.g. no ReadWriteMany storage) fails with the reason.
      actual.push(
        plain
          ? { id, stderr: r.stderr, objects: rendered(r.stdout, 'muni') }
          : {
              id,
              status: r.status,
              left: r.stderr.includes(`provider "${id}" is left out of this chart: ${reason}`),
            },
      );
      expected.push(plain ? { id, stderr: '', objects: plain } : { id, status: 1, left: true });
    }
    expect(actual).toEqual(expected);
    expect(expected.filter((e) => (e as { objects?: unknown }).objects).length).toBeGreaterThan(1);
  });

  it('is clean under helm lint --strict', () => {
    const r = helm('lint', '--strict', chart);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
  });

  it('gives an HPA a maximum of at least the replicas value', () => {
    const r = helm('template', 'muni', chart, '--set', 'apps.meldingen.components.api.replicas=10');
    expect(r.stderr).toBe('');
    const [hpa] = objectsOf(r.stdout, 'HorizontalPodAutoscaler');
    expect(hpa?.spec).toMatchObject({ minReplicas: 10, maxReplicas: 10 });
    const raised = helm(
      'template',
      'muni',
      chart,
      '--set',
      'apps.meldingen.components.api.replicas=4,apps.meldingen.components.api.maxReplicas=12',
    );
    expect(objectsOf(raised.stdout, 'HorizontalPodAutoscaler')[0]?.spec).toMatchObject({
      minReplicas: 4,
      maxReplicas: 12,
    });
  });

  it('keeps a value with "#" a string (--set round-trips)', () => {
    const r = helm(
      'template',
      'muni',
      chart,
      '--set',
      'apps.meldingen.components.frontend.host=a#b.example.nl',
      '--set',
      'apps.meldingen.components.api.image=registry.example.eu/api:2.5.0 # pinned',
    );
    expect(r.stderr).toBe('');
    const [ing] = objectsOf(r.stdout, 'Ingress');
    expect(at(ing, 'spec.rules.0.host')).toBe('a#b.example.nl');
    expect(at(ing, 'spec.tls.0.hosts')).toEqual(['a#b.example.nl']);
    const api = objectsOf(r.stdout, 'Deployment').find((d) => d.metadata.name === 'meldingen-api');
    expect(at(api, 'spec.template.spec.containers.0.image')).toBe('registry.example.eu/api:2.5.0 # pinned');
  });

  it('fails for a provider not in the chart, naming the known ones', () => {
    const r = helm('template', 'muni', chart, '--set', 'provider=azure');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("at '/provider': value must be one of");
    for (const id of builtinProfileIds()) expect(r.stderr).toContain(`'${id}'`);
    const schema = helm('template', 'muni', chart, '--set', 'apps.meldingen.components.api.replicas=0');
    expect(schema.status).not.toBe(0);
    expect(schema.stderr).toContain('/apps/meldingen/components/api/replicas');
  });
});

describe('havenkit synth -o helm with two apps', () => {
  const dir = join(work, 'apps');
  const tricky = {
    HASH: 'a # b',
    COLON: 'key: value',
    BRACE: '{ x',
    STAR: '*x',
    YES: 'yes',
    NO: 'no',
    TPL: '{{ .Values.x }}',
  };
  let chart = '';
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(root, example), join(dir, 'meldingen.yaml'));
    writeFileSync(
      join(dir, 'parkeren.yaml'),
      yaml.dump({
        apiVersion: 'havenkit.dev/v1alpha1',
        kind: 'Application',
        metadata: { name: 'parkeren' },
        spec: {
          components: [
            {
              name: 'api',
              image: 'registry.example.eu/parkeren/api:1.0.0',
              port: 8080,
              replicas: 2,
              env: tricky,
              ingress: { host: 'parkeren.gemeente.example.nl', path: '/' },
            },
          ],
        },
      }),
    );
    chart = chartOf(dir, 'two-apps');
  });

  it('keeps the values of the apps apart', () => {
    const r = helm(
      'template',
      'muni',
      chart,
      '--set',
      'apps.parkeren.components.api.image=registry.example.eu/parkeren/api:1.1.0',
    );
    expect(r.stderr).toBe('');
    const images = Object.fromEntries(
      objectsOf(r.stdout, 'Deployment').map((d) => [
        d.metadata.name,
        at(d, 'spec.template.spec.containers.0.image'),
      ]),
    );
    expect(images).toEqual({
      'meldingen-api': 'registry.example.eu/meldingen/api:2.4.1',
      'meldingen-frontend': 'registry.example.eu/meldingen/frontend:2.4.1',
      'parkeren-api': 'registry.example.eu/parkeren/api:1.1.0',
    });
  });

  it('renders both apps, tricky values included, as the plain synthesis', async () => {
    const definitions = await loadAppDefinitions(dir);
    for (const id of ['scaleway', 'hetzner']) {
      const r = helm('template', 'muni', chart, '--namespace', 'ns', '--set', `provider=${id}`);
      expect(r.stderr).toBe('');
      const plain = synthesize(definitions, loadProfile(id), { namespace: 'ns' }).files.flatMap(
        (f) => f.objects,
      );
      expect({ id, objects: rendered(r.stdout, 'muni') }).toEqual({ id, objects: sortObjects(plain) });
    }
    const env = objectsOf(helm('template', 'muni', chart).stdout, 'ConfigMap').find(
      (c) => c.metadata.name === 'parkeren-api-env',
    );
    expect(env?.data).toEqual(tricky);
  });
});

describe('havenkit synth -o helm of every example app', () => {
  const apps = readdirSync(join(root, 'examples/apps'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  it.each(apps)(
    '%s: helm template for each provider equals the plain synthesis, and lint is clean',
    async (file) => {
      const app = join(root, 'examples/apps', file);
      const chart = chartOf(app, `example-${file.replace(/\.yaml$/, '')}`);
      expect(helm('lint', '--strict', chart).status).toBe(0);
      const definitions = await loadAppDefinitions(app);
      const served = builtinProfileIds().flatMap((id) => {
        try {
          return [
            {
              id,
              objects: synthesize(definitions, loadProfile(id), { namespace: 'gemeente-y' }).files.flatMap(
                (f) => f.objects,
              ),
            },
          ];
        } catch {
          return []; // left out of the chart: the meldingen test above checks the message
        }
      });
      expect(served.length).toBeGreaterThanOrEqual(10);
      const actual = served.map(({ id }) => {
        const r = helm('template', 'muni', chart, '--namespace', 'gemeente-y', '--set', `provider=${id}`);
        return { id, stderr: r.stderr, objects: rendered(r.stdout, 'muni') };
      });
      expect(actual).toEqual(served.map(({ id, objects }) => ({ id, stderr: '', objects })));
    },
  );
});
