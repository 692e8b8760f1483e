/**
 * `havenkit synth` for several providers in one process (`--provider a,b`, `--all-providers`), and a
 * `.ts` app on a Node without type stripping: the built CLI (`pnpm build` first), spawned with node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtinProfileIds,
  loadAppDefinitions,
  loadProfile,
  resultYaml,
  synthesize,
} from '../../packages/constructs/src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = 'examples/apps/meldingen.yaml';
const noRwx = 'packages/constructs/test/fixtures/no-rwx-profile.yaml';
const work = mkdtempSync(join(tmpdir(), 'havenkit-multi-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Node 22.18+ strips types itself; turned off, it is the Node 20 path.
const noStripping = (process.features as { typescript?: unknown }).typescript
  ? ['--no-experimental-strip-types']
  : [];

function havenkit(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...noStripping, join(root, 'packages/cli/bin/run.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('havenkit synth, several providers', () => {
  it('--all-providers writes <out>/<provider>/<app>.yaml, each exactly the one-provider synthesis', async () => {
    const definitions = await loadAppDefinitions(join(root, example));
    const supported = builtinProfileIds().filter((id) => {
      try {
        synthesize(definitions, loadProfile(id));
        return true;
      } catch {
        return false;
      }
    });
    const out = join(work, 'all');
    const strict = havenkit('synth', '--app', example, '--all-providers', '--out', out);
    expect(strict.status).toBe(supported.length === builtinProfileIds().length ? 0 : 3);
    expect(existsSync(out)).toBe(strict.status === 0);
    rmSync(out, { recursive: true, force: true });

    const r = havenkit('synth', '--app', example, '--all-providers', '--skip-unsupported', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => / resources, wrote /.test(l))).toHaveLength(supported.length);
    expect(readdirSync(out).sort()).toEqual(supported);
    for (const id of supported) {
      expect(readdirSync(join(out, id))).toEqual(['meldingen.yaml']);
      const expected = synthesize(definitions, loadProfile(id)).files[0]!.yaml;
      expect(readFileSync(join(out, id, 'meldingen.yaml'), 'utf8')).toBe(expected);
    }
  });

  it('--provider is repeatable and comma-separated; --json lists what each provider got', () => {
    const out = join(work, 'some');
    const r = havenkit(
      'synth',
      '--app',
      example,
      '--provider',
      'scaleway,hetzner',
      '--provider',
      'ovhcloud',
      '--out',
      out,
      '--namespace',
      'meldingen',
      '--json',
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      provider: string;
      providers: Array<{ provider: string; written: string[]; counts: Record<string, number> }>;
      skipped: unknown[];
    };
    expect(report.provider).toBe('scaleway');
    expect(report.providers.map((p) => [p.provider, p.written])).toEqual(
      ['scaleway', 'hetzner', 'ovhcloud'].map((id) => [id, [join(out, id, 'meldingen.yaml')]]),
    );
    expect(report.providers[0]!.counts.Deployment).toBe(2);
    expect(report.skipped).toEqual([]);
    const docs = yaml.loadAll(readFileSync(join(out, 'hetzner', 'meldingen.yaml'), 'utf8')) as Array<{
      metadata: { namespace: string };
    }>;
    expect(docs.every((d) => d.metadata.namespace === 'meldingen')).toBe(true);
  });

  it('a provider that cannot run the app fails the run: one line naming it, exit 3, nothing written', () => {
    const out = join(work, 'fail');
    const r = havenkit('synth', '--app', example, '--provider', `scaleway,${noRwx},hetzner`, '--out', out);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^havenkit: error: provider "block-only": .*no ReadWriteMany storage.*--skip-unsupported leaves such providers out\)\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('--skip-unsupported leaves such a provider out and says so', () => {
    const out = join(work, 'skip');
    const r = havenkit(
      'synth',
      '--app',
      example,
      '--provider',
      `scaleway,${noRwx}`,
      '--out',
      out,
      '--skip-unsupported',
    );
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(['scaleway']);
    expect(r.stderr).toMatch(
      /^havenkit: scaleway: \d+ resources, wrote .*\nhavenkit: left out block-only: .*ReadWriteMany/,
    );
  });

  it('writes all or nothing: a directory in the way of one provider leaves the others unwritten', () => {
    const out = join(work, 'blocked');
    mkdirSync(join(out, 'hetzner', 'meldingen.yaml'), { recursive: true });
    const r = havenkit('synth', '--app', example, '--provider', 'scaleway,hetzner', '--out', out);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^havenkit: error: .*hetzner\/meldingen\.yaml.*\n$/);
    expect(existsSync(join(out, 'scaleway', 'meldingen.yaml'))).toBe(false);
  });

  const bad: Array<[string, string[], RegExp]> = [
    [
      'several providers without --out',
      ['--provider', 'scaleway,hetzner'],
      /^--out: 2 providers .*pass --out DIR$/,
    ],
    [
      '--provider with --all-providers',
      ['--provider', 'scaleway', '--all-providers', '--out', 'x'],
      /^--provider cannot be combined with --all-providers$/,
    ],
    ['no provider', [], /^--provider is required: .*or --all-providers$/],
    [
      'one provider twice under two files',
      ['--provider', `${noRwx},./${noRwx}`, '--out', 'x'],
      /^--provider: .* are both provider "block-only"/,
    ],
  ];
  it.each(bad)('%s: one line, exit 3', (_name, args, message) => {
    const r = havenkit('synth', '--app', example, ...args);
    expect(r.status).toBe(3);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^havenkit: error: /, '')).toMatch(message);
  });

  it('-o helm with several providers: one chart covering exactly those, the first selected', () => {
    const out = join(work, 'chart');
    const r = havenkit(
      'synth',
      '--app',
      example,
      '--provider',
      'stackit,scaleway',
      '-o',
      'helm',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    const values = readFileSync(join(out, 'values.yaml'), 'utf8');
    expect(values).toMatch(/provider.*: one of scaleway, stackit\.?$/m);
    expect((yaml.load(values) as { provider: string }).provider).toBe('stackit');
  });
});

describe('havenkit synth, a .ts app without type stripping', () => {
  it('examples/apps/meldingen.ts synthesizes as in-process (the repository typescript)', async () => {
    const app = 'examples/apps/meldingen.ts';
    const r = havenkit('synth', '--app', app, '--provider', 'scaleway');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = resultYaml(
      synthesize(await loadAppDefinitions(join(root, app)), loadProfile('scaleway')),
    );
    expect(r.stdout).toBe(expected);
  });
});
