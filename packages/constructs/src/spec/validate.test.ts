import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateApplication } from './validate.js';

// A parsed YAML document, mutated freely by the cases below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const example = (): Doc =>
  yaml.load(
    readFileSync(new URL('../../../../examples/apps/meldingen.yaml', import.meta.url), 'utf8'),
  ) as Doc;

describe('application spec', () => {
  it.each(['zaken', 'koppeling', 'notificaties'])('accepts the real-shaped example %s', (name) => {
    const doc = yaml.load(
      readFileSync(new URL(`../../../../examples/apps/${name}.yaml`, import.meta.url), 'utf8'),
    ) as Doc;
    expect(validateApplication(doc, `${name}.yaml`).name).toBe(name);
  });

  it('accepts the example from issue 4 unchanged', () => {
    const app = validateApplication(example(), 'meldingen.yaml');
    expect(app.name).toBe('meldingen');
    expect(app.components.map((c) => c.name)).toEqual(['api', 'frontend']);
  });

  const cases: Array<[string, (doc: Doc) => void, string]> = [
    [
      'missing image',
      (d) => delete d.spec.components[0].image,
      'x.yaml: spec.components[0].image: is required',
    ],
    [
      'bad size',
      (d) => (d.spec.components[0].storage[0].size = '20GB'),
      'x.yaml: spec.components[0].storage[0].size: must be a size like 20Gi (a whole number of Mi, Gi or Ti) (got "20GB")',
    ],
    [
      'duplicate names',
      (d) => (d.spec.components[1].name = 'api'),
      'x.yaml: spec.components[1].name: duplicate component name "api" (also spec.components[0].name)',
    ],
    [
      'unknown field',
      (d) => (d.spec.components[1].replica = 2),
      'x.yaml: spec.components[1].replica: is not a known field',
    ],
    [
      'unknown connectsTo',
      (d) => (d.spec.components[1].connectsTo = ['db']),
      'x.yaml: spec.components[1].connectsTo[0]: unknown component "db" (components: api, frontend)',
    ],
    [
      'bad name',
      (d) => (d.metadata.name = 'Meldingen'),
      'x.yaml: metadata.name: must be a lowercase DNS label',
    ],
    ['wrong kind', (d) => (d.kind = 'App'), 'x.yaml: kind: must be "Application" (got "App")'],
    [
      'ingress without port',
      (d) => delete d.spec.components[1].port,
      'x.yaml: spec.components[1].ingress: needs the component to have a port',
    ],
    [
      'mount clash',
      (d) => (d.spec.components[0].writablePaths = ['/app/media']),
      'x.yaml: spec.components[0].writablePaths[0]: /app/media is already mounted by spec.components[0].storage[0].mountPath',
    ],
    [
      'a probe with two checks',
      (d) => {
        delete d.spec.components[0].health;
        d.spec.components[0].probes = { readiness: { http: { path: '/' }, tcp: {} } };
      },
      'x.yaml: spec.components[0].probes.readiness: give exactly one of http, tcp or exec (got http, tcp)',
    ],
    [
      'the same probe for readiness and liveness',
      (d) => {
        delete d.spec.components[0].health;
        d.spec.components[0].probes = {
          readiness: { http: { path: '/h' } },
          liveness: { http: { path: '/h' } },
        };
      },
      'x.yaml: spec.components[0].probes.liveness: is the same probe as readiness',
    ],
    [
      'health and probes together',
      (d) => (d.spec.components[0].probes = { liveness: { tcp: {} } }),
      'x.yaml: spec.components[0].health: give probes or health (its shorthand), not both',
    ],
    [
      'a TCP probe without a port',
      (d) => {
        delete d.spec.components[1].port;
        delete d.spec.components[1].ingress;
        d.spec.components[1].probes = { liveness: { tcp: {} } };
      },
      'x.yaml: spec.components[1].probes.liveness: names no port, and the container has none',
    ],
    [
      'egress to the whole internet',
      (d) => (d.spec.components[0].egress = [{ purpose: 'api', cidr: '0.0.0.0/0', port: 443 }]),
      'x.yaml: spec.components[0].egress[0]: 0.0.0.0/0 is every address: name the ranges the destination resolves to',
    ],
    [
      'egress with two destinations',
      (d) => (d.spec.components[0].egress = [{ cidr: '10.0.0.0/8', namespace: 'db', port: 5432 }]),
      'x.yaml: spec.components[0].egress[0]: give exactly one of cidr, cidrs or namespace (got cidr, namespace)',
    ],
    [
      'podLabels without a namespace',
      (d) => (d.spec.components[0].egress = [{ cidr: '10.0.0.0/8', podLabels: { a: 'b' }, port: 5432 }]),
      'x.yaml: spec.components[0].egress[0].podLabels: needs namespace',
    ],
    [
      'a mount of an unknown volume',
      (d) => (d.spec.components[1].mounts = [{ volume: 'media', mountPath: '/m' }]),
      'x.yaml: spec.components[1].mounts[0].volume: unknown volume "media" (spec.volumes: none)',
    ],
    [
      'a config mount of an unknown configuration',
      (d) => {
        d.spec.configFiles = [{ name: 'nginx', files: { 'a.conf': 'x' } }];
        d.spec.components[1].configMounts = [{ config: 'ngnix', mountPath: '/etc/nginx/conf.d' }];
      },
      'x.yaml: spec.components[1].configMounts[0].config: unknown configuration "ngnix" (spec.configFiles: nginx)',
    ],
    [
      'a job named like a component',
      (d) => (d.spec.jobs = [{ name: 'api', image: 'registry.example.eu/x:1' }]),
      'x.yaml: spec.jobs[0].name: "api" is already the name of spec.components[0]',
    ],
    [
      'a job without image or component',
      (d) => (d.spec.jobs = [{ name: 'migrate', command: ['migrate'] }]),
      'x.yaml: spec.jobs[0]: needs an image, or the component whose image it runs',
    ],
    [
      'a sidecar named like its component',
      (d) => (d.spec.components[1].sidecars = [{ name: 'frontend', image: 'registry.example.eu/x:1' }]),
      'x.yaml: spec.components[1].sidecars[0].name: container name "frontend" is already spec.components[1].name',
    ],
    [
      'an init container with a port',
      (d) => (d.spec.components[1].initContainers = [{ name: 'wait', port: 9000 }]),
      'x.yaml: spec.components[1].initContainers[0]: an init container runs to completion: it has no port and no probes',
    ],
    [
      'an extra port named like the component’s',
      (d) => (d.spec.components[0].ports = [{ name: 'http', port: 9090 }]),
      'x.yaml: spec.components[0].ports[0].name: "http" is already the name of the component\'s port',
    ],
    [
      'a storage volume with a name of havenkit’s own',
      (d) => (d.spec.components[0].storage[0].name = 'vol-media'),
      'x.yaml: spec.components[0].storage[0].name: "vol-media": names starting with vol-, config- or writable- are havenkit\'s own',
    ],
    [
      'egress to every address written with a longer prefix',
      (d) => (d.spec.components[0].egress = [{ cidr: '0.0.0.0/00', port: 443 }]),
      'x.yaml: spec.components[0].egress[0]: 0.0.0.0/00 is every address',
    ],
    [
      'an autoscaler on a component with its own storage',
      (d) => {
        d.spec.components[0].storage[0].shared = false;
        d.spec.components[0].autoscale = { enabled: true };
      },
      'x.yaml: spec.components[0].autoscale.enabled: a component with its own (ReadWriteOnce) storage is a StatefulSet',
    ],
  ];
  it.each(cases)('rejects %s with one line naming the field', (_name, mutate, message) => {
    const doc = example();
    mutate(doc);
    let error: Error | undefined;
    try {
      validateApplication(doc, 'x.yaml');
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain('\n');
    expect((error as { exitCode?: number } | undefined)?.exitCode).toBe(3);
  });
});
