/**
 * `@havenkit/constructs` as a supplier gets it: `pnpm pack` of it and of `@havenkit/model` (its
 * workspace dependency), installed OFFLINE into a fresh project with its own TypeScript, then a
 * TypeScript and a JavaScript app built with `HavenApp` synthesized with the library API and with
 * the CLI (`pnpm build` first: the packages' dist/). The third-party packages are linked to the
 * copies this workspace installed (the lockfile's exact versions): resolving a range offline needs
 * pnpm's metadata cache, which a machine that only ever ran a frozen install does not have.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-pack-'));
const project = join(work, 'supplier');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (r.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${r.status}: ${String(r.stderr)}${String(r.stdout)}`,
    );
  return String(r.stdout);
}
const pnpm = (args: string[], cwd: string): string =>
  // CI=true makes pnpm default to --frozen-lockfile; the fresh project has no lockfile.
  run('pnpm', args, { cwd, env: { ...process.env, CI: '', npm_config_frozen_lockfile: 'false' } });

const components = `[
  { name: 'api', image: 'registry.example.eu/meldingen/api:2.4.1', port: 8000, replicas: 2,
    storage: [{ name: 'media', size: '20Gi', shared: true, mountPath: '/app/media' }] },
  { name: 'frontend', image: 'registry.example.eu/meldingen/frontend:2.4.1', port: 8080,
    ingress: { host: 'meldingen.gemeente.example.nl' }, connectsTo: ['api'] },
]`;
const manifest = (pkg: string) =>
  JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
const version = (pkg: string): string => manifest(pkg).version;
/** `link:` to the copy of `name` the workspace installed for `dir`: nothing to resolve. */
const installedCopy = (name: string, dir: string): string =>
  `link:${realpathSync(join(root, dir, 'node_modules', name))}`;

const files: Record<string, string> = {
  // The supplier's TypeScript app: the function form, a local module imported NodeNext style.
  'src/app.ts': `import { HavenApp, type ProviderProfile } from '@havenkit/constructs';
import type { Construct } from 'constructs';
import { components } from './components.js';

export default (scope: Construct, { profile }: { profile: ProviderProfile }): void => {
  new HavenApp(scope, 'meldingen', { profile, name: 'meldingen', components });
};
`,
  'src/components.ts': `import type { ComponentProps } from '@havenkit/constructs';

export const components: ComponentProps[] = ${components};
`,
  'app.js': `import { HavenApp } from '@havenkit/constructs';

export default (scope, { profile }) => {
  new HavenApp(scope, 'meldingen', { profile, name: 'meldingen', components: ${components} });
};
`,
  'app.yaml': `apiVersion: havenkit.dev/v1alpha1
kind: Application
metadata: { name: meldingen }
spec:
  components: ${JSON.stringify(
    // The same components as YAML (flow style is JSON).
    Function(`return ${components}`)(),
  )}
`,
  'synth.mjs': `// The library API: every app form, one provider; prints JSON.
import { App } from 'cdk8s';
import { HavenApp, loadAppDefinitions, loadProfile, resultYaml, synthesize } from '@havenkit/constructs';
import { builtinProfileIds } from '@havenkit/constructs/profiles';
import build from './app.js';

const profile = loadProfile('scaleway');
const fromJs = resultYaml(synthesize([{ source: 'app.js', build }], profile));
const fromYaml = resultYaml(synthesize(await loadAppDefinitions('app.yaml'), profile));
const app = new App();
new HavenApp(app, 'meldingen', { profile, name: 'meldingen', components: [{ name: 'api', image: 'x:1', port: 80 }] });
console.log(JSON.stringify({ fromJs, fromYaml, direct: app.synthYaml().length, profiles: builtinProfileIds().length }));
`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      verbatimModuleSyntax: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['src'],
  }),
};

beforeAll(() => {
  for (const pkg of ['model', 'constructs'])
    if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.js')))
      throw new Error(`packages/${pkg}/dist is missing: run pnpm build first`);
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  for (const pkg of ['model', 'constructs'])
    pnpm(['pack', '--pack-destination', tarballs], join(root, 'packages', pkg));
  const [model, constructs] = ['model', 'constructs'].map((pkg) => {
    const name = `havenkit-${pkg}-${version(`packages/${pkg}`)}.tgz`;
    if (!readdirSync(tarballs).includes(name)) throw new Error(`pnpm pack wrote no ${name}`);
    return `file:${join(tarballs, name)}`;
  });
  // What the packed constructs depend on besides @havenkit/model (ajv, cdk8s, cdk8s-plus-28, …).
  const thirdParty: Record<string, string> = Object.fromEntries(
    Object.keys(manifest('packages/constructs').dependencies ?? {})
      .filter((name) => !name.startsWith('@havenkit/'))
      .map((name) => [name, installedCopy(name, 'packages/constructs')]),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(project, file, '..'), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'supplier-app',
      private: true,
      type: 'module',
      dependencies: {
        '@havenkit/constructs': constructs,
        cdk8s: thirdParty.cdk8s,
        constructs: thirdParty.constructs,
      },
      devDependencies: { typescript: installedCopy('typescript', '.') },
      // The packed constructs depend on @havenkit/model by version: that version is the tarball.
      pnpm: { overrides: { '@havenkit/model': model, ...thirdParty } },
    }),
  );
  const store = pnpm(['store', 'path'], root).trim();
  pnpm(['install', '--offline', '--store-dir', store, '--ignore-scripts', '--reporter', 'silent'], project);
}, 120_000);

describe('@havenkit/constructs from a packed tarball, in a fresh project', () => {
  it('installed only what was packed: dist and the profiles, no workspace: range', () => {
    const installed = join(project, 'node_modules/@havenkit/constructs');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(JSON.stringify(pkg.dependencies)).not.toContain('workspace:');
    expect(existsSync(join(installed, 'dist/index.d.ts'))).toBe(true);
    expect(readdirSync(join(installed, 'src'))).toEqual(['profiles']);
    expect(readdirSync(join(installed, 'src/profiles')).filter((f) => f.endsWith('.yaml')).length).toBe(11);
  });

  it("the supplier's TypeScript type-checks the app against the packed declarations", () => {
    expect(run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project])).toBe('');
  });

  it('the library API synthesizes the JS app exactly like the equivalent YAML', () => {
    const out = JSON.parse(run(process.execPath, ['synth.mjs'], { cwd: project })) as {
      fromJs: string;
      fromYaml: string;
      direct: number;
      profiles: number;
    };
    expect(out.fromJs).toBe(out.fromYaml);
    expect(out.fromJs).toContain('kind: PersistentVolumeClaim');
    expect(out.direct).toBeGreaterThan(0);
    expect(out.profiles).toBe(11);
  });

  it("the repository's CLI synthesizes the project's app.ts and app.js like its YAML", () => {
    const cli = (app: string): string =>
      run(
        process.execPath,
        [join(root, 'packages/cli/bin/run.js'), 'synth', '--app', app, '--provider', 'scaleway'],
        {
          cwd: project,
        },
      );
    const yaml = cli('app.yaml');
    expect(cli('src/app.ts')).toBe(yaml);
    expect(cli('app.js')).toBe(yaml);
  });
});
