import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from './profiles/load.js';
import { loadAppDefinitions } from './source.js';
import { synthesize } from './synth.js';

const path = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

describe('app sources', () => {
  it('a TypeScript app module synthesizes exactly like the YAML spec', async () => {
    const profile = loadProfile('scaleway');
    const fromYaml = synthesize(
      await loadAppDefinitions(path('../../../examples/apps/meldingen.yaml')),
      profile,
    );
    const fromTs = synthesize(await loadAppDefinitions(path('../../../examples/apps/meldingen.ts')), profile);
    expect(fromTs.files.map((f) => f.yaml)).toEqual(fromYaml.files.map((f) => f.yaml));
  });

  it('a module may export a function that builds HavenApp constructs', async () => {
    const result = synthesize(
      await loadAppDefinitions(path('../test/fixtures/factory-app.ts')),
      loadProfile('hetzner'),
      { namespace: 'kaart' },
    );
    expect(result.files.map((f) => f.name)).toEqual(['kaart.yaml']);
    expect(result.files[0]?.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Deployment/kaart-tiles',
      'Ingress/kaart-tiles',
      'NetworkPolicy/kaart-default-deny',
      'NetworkPolicy/kaart-tiles',
      'Service/kaart-tiles',
    ]);
  });

  it('a directory is every YAML app in it; duplicate resources are refused', async () => {
    const defs = await loadAppDefinitions(path('../test/fixtures/apps/ok'));
    expect(defs.map((d) => d.source.split('/').pop())).toEqual(['a.yaml', 'b.yaml']);
    expect(synthesize(defs, loadProfile('onprem')).files.map((f) => f.name)).toEqual([
      'archief.yaml',
      'meldingen.yaml',
    ]);
    await expect(loadAppDefinitions(path('../test/fixtures/apps/duplicate'))).rejects.toThrow(
      /b\.yaml: metadata\.name: "meldingen" is already the name of .*a\.yaml$/,
    );
  });

  it('refuses an unknown file type', async () => {
    await expect(loadAppDefinitions(path('../package.json'))).rejects.toThrow(
      /--app: .*package\.json must be a \.yaml, \.yml, \.ts or \.js file or a directory/,
    );
  });
});

// A supplier's .ts app on a Node without type stripping (Node 20; later Node with it turned off):
// loaded by the built library in a fresh Node process, as the CLI does (vitest would transpile it).
describe('a .ts app without type stripping', () => {
  const work = mkdtempSync(join(tmpdir(), 'havenkit-ts-app-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const library = pathToFileURL(path('../dist/index.js')).href;
  const noStripping = (process.features as { typescript?: unknown }).typescript
    ? ['--no-experimental-strip-types']
    : [];

  function project(name: string, files: Record<string, string>, typescript: boolean): string {
    const dir = join(work, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    if (typescript) {
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      symlinkSync(
        dirname(path('../../../node_modules/typescript/package.json')),
        join(dir, 'node_modules/typescript'),
      );
    }
    return dir;
  }

  function load(file: string): { out: string } {
    const script = `
      const { loadAppDefinitions, loadProfile, synthesize } = await import(${JSON.stringify(library)});
      try {
        const result = synthesize(await loadAppDefinitions(${JSON.stringify(file)}), loadProfile('scaleway'));
        console.log(result.files.flatMap((f) => f.objects.map((o) => o.kind + '/' + o.metadata.name + ' ' + (o.spec?.template?.spec?.containers?.[0]?.image ?? '-'))).join('\\n'));
      } catch (err) {
        console.log('ERROR ' + err.message);
      }`;
    const r = spawnSync(process.execPath, [...noStripping, '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    return { out: `${r.stdout}${r.stderr}`.trim() };
  }

  const app = {
    'app.ts': [
      "import type { Size } from './lib/types';",
      "import { version } from './lib/version.js';",
      "import { name } from './lib/name';",
      'enum Replicas { Two = 2 }',
      'const size: Size = { cpu: "100m" };',
      'export default { name, components: [{ name: "api", image: `registry.example.eu/x/api:${version}`, port: 8000, replicas: Replicas.Two, resources: size }] };',
    ].join('\n'),
    'lib/version.ts': "export const version: string = '1.2.3';\n",
    'lib/name.ts': "export const name = 'demo' as const;\n",
    'lib/types.ts': 'export interface Size { cpu: string }\n',
    'tsconfig.json': JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true },
    }),
  };

  it("runs with the typescript package of the app's project, local .ts imports included", () => {
    const dir = project('with-typescript', app, true);
    const r = load(join(dir, 'app.ts'));
    expect(r.out).not.toMatch(/^ERROR /);
    expect(r.out).toContain('Deployment/demo-api registry.example.eu/x/api:1.2.3\n');
  });

  it('without typescript or tsx: one line saying what to do', () => {
    const dir = project('bare', app, false);
    const r = load(join(dir, 'app.ts'));
    expect(r.out).toMatch(
      /^ERROR .*app\.ts: Node \S+ cannot run TypeScript itself, and the app's project has neither typescript nor tsx: run npm install --save-dev typescript there, compile the app to \.js, or use Node 22\.18\+$/,
    );
  });

  it('a syntax error names the file and position, in one line', () => {
    const dir = project('syntax', { 'app.ts': 'const x: = 1;\nexport default x;\n' }, true);
    expect(load(join(dir, 'app.ts')).out).toMatch(
      /^ERROR .*app\.ts: cannot load the app module: .*app\.ts:1:10: Type expected\.$/,
    );
  });

  it('.js and .mjs apps load as before', () => {
    const component = '{ name: "api", image: "registry.example.eu/x/api:1", port: 8000 }';
    const dir = project(
      'javascript',
      {
        'app.mjs': `export default { name: 'm', components: [${component}] };\n`,
        'app.js': `export const app = { name: 'j', components: [${component}] };\n`,
        'package.json': '{ "type": "module" }',
      },
      false,
    );
    expect(load(join(dir, 'app.mjs')).out).toContain('Deployment/m-api');
    expect(load(join(dir, 'app.js')).out).toContain('Deployment/j-api');
  });
});
