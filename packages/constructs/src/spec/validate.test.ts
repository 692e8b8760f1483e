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
