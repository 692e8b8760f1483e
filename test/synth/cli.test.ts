/**
 * `havenkit synth`, `providers` and `providers diff` as users run them: the built CLI (`pnpm build` first),
 * spawned with node. Bad input → one line on stderr naming the field, exit 3, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinProfileIds } from '../../packages/constructs/src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = 'examples/apps/meldingen.yaml';
const fixture = (name: string): string => `test/synth/fixtures/${name}`;
const work = mkdtempSync(join(tmpdir(), 'havenkit-synth-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function havenkit(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/run.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('havenkit synth', () => {
  it('prints the manifests (the golden file) without --out', () => {
    const r = havenkit('synth', '--app', example, '--provider', 'scaleway');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'packages/constructs/test/golden/scaleway.yaml'), 'utf8'));
  });

  it('writes one multi-document file per app to --out, with --namespace', () => {
    const out = join(work, 'out');
    const r = havenkit(
      'synth',
      '--app',
      example,
      '--provider',
      'hetzner',
      '--out',
      out,
      '--namespace',
      'meldingen',
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^havenkit: hetzner: 13 resources, wrote .*meldingen\.yaml\n$/);
    expect(readdirSync(out)).toEqual(['meldingen.yaml']);
    const docs = yaml.loadAll(readFileSync(join(out, 'meldingen.yaml'), 'utf8')) as Array<{
      metadata: { namespace: string };
    }>;
    expect(docs).toHaveLength(13);
    expect(docs.every((d) => d.metadata.namespace === 'meldingen')).toBe(true);
  });

  it('accepts a user profile file as --provider', () => {
    const r = havenkit(
      'synth',
      '--app',
      fixture('../../../packages/constructs/test/fixtures/stateful.yaml'),
      '--provider',
      'packages/constructs/test/fixtures/no-rwx-profile.yaml',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('storageClassName: fast-block');
  });

  const bad: Array<[string, string[], RegExp]> = [
    [
      'missing image',
      ['--app', fixture('missing-image.yaml'), '--provider', 'generic'],
      /missing-image\.yaml: spec\.components\[1\]\.image: is required$/,
    ],
    [
      'bad size',
      ['--app', fixture('bad-size.yaml'), '--provider', 'generic'],
      /bad-size\.yaml: spec\.components\[0\]\.storage\[0\]\.size: must be a size like 20Gi .*\(got "20GB"\)$/,
    ],
    [
      'unknown provider',
      ['--app', example, '--provider', 'azure'],
      /--provider: unknown provider "azure" \(known: exoscale, /,
    ],
    [
      'RWX where impossible',
      ['--app', example, '--provider', 'packages/constructs/test/fixtures/no-rwx-profile.yaml'],
      /spec\.components\[0\]\.storage\[0\]: volume "media" of component "api" is shared \(ReadWriteMany\) but provider "block-only" has no ReadWriteMany storage .*; remedy: install Longhorn/,
    ],
    [
      'duplicate names',
      ['--app', fixture('duplicate-names.yaml'), '--provider', 'generic'],
      /spec\.components\[1\]\.name: duplicate component name "api" \(also spec\.components\[0\]\.name\)$/,
    ],
    ['unknown format', ['--app', example, '--provider', 'generic', '--format', 'kustomize'], /format/],
    [
      'missing app file',
      ['--app', 'nope.yaml', '--provider', 'generic'],
      /--app: nope\.yaml does not exist$/,
    ],
  ];
  it.each(bad)('%s: one line naming the field, exit 3, nothing written', (_name, args, message) => {
    const out = join(work, `bad-${_name.replaceAll(' ', '-')}`);
    const r = havenkit('synth', ...args, '--out', out);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(/^havenkit: error: /);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('havenkit providers', () => {
  it('lists every built-in profile', () => {
    const r = havenkit('providers', '--json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ id: string }>).map((p) => p.id)).toEqual(builtinProfileIds());
  });

  it('diff shows exactly the fields that differ, and nothing else', () => {
    const r = havenkit('providers', 'diff', 'scaleway', 'open-telekom-cloud', '--app', example);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'PersistentVolumeClaim/meldingen-api-media metadata.annotations: {"havenkit.dev/requires":"Scaleway File Storage CSI (cluster tag scw-filestorage-csi or Helm chart scaleway/scaleway-filestorage-csi)"} → (absent)',
      'PersistentVolumeClaim/meldingen-api-media spec.storageClassName: "scw-fs" → "csi-nas"',
    ]);
  });
});
