/**
 * `havenkit sovereignty`, in process as `havenkit` runs it: the register of a snapshot, of
 * manifests and of an app; every format valid; CI gates and their exit codes; one-line errors
 * for bad input; signed registers that `havenkit verify` checks and makes again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@oclif/test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { validate, type DependencyRegister } from '@havenkit/checker';
import { CLI } from '../../../test/checker/helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = fileURLToPath(new URL('../../../examples/snapshots/demo.json', import.meta.url));
const facts = fileURLToPath(
  new URL('../../../examples/sovereignty/gemeente-voorbeeld.yaml', import.meta.url),
);
const app = fileURLToPath(new URL('../../../examples/apps/meldingen.yaml', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-sovereignty-'));
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

async function havenkit(...argv: string[]) {
  const result = await runCommand(argv, { root });
  const exit = (result.error as { oclif?: { exit?: number } } | undefined)?.oclif?.exit;
  const code = exit ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
  return { stdout: result.stdout, stderr: result.stderr, code };
}

const registerOf = (text: string) => JSON.parse(text) as DependencyRegister;
const fn = (r: DependencyRegister, id: string) => r.functions.find((f) => f.id === id)!;

afterEach(() => {
  process.exitCode = undefined;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the register of a snapshot', () => {
  it('prints the table with the one-line summary and exits 0', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--facts', facts);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Digital-dependency register: Cluster admin@haven-demo/);
    expect(run.stdout).toMatch(/\d+ of \d+ functions depend on companies controlled outside the EU\/EEA/);
    expect(run.stdout).toMatch(/Hosting \(nodes\) +EU\/EEA/);
  });

  it('writes json that validates against compliance/schemas/register.schema.json', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '-o', 'json');
    expect(validate('register', JSON.parse(run.stdout))).toBeUndefined();
    expect(registerOf(run.stdout).metadata.subject).toMatchObject({
      kind: 'cluster',
      context: 'admin@haven-demo',
    });
  });

  it('says the summary in Dutch with --lang nl', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--lang', 'nl');
    expect(run.stdout).toMatch(/^Register van digitale afhankelijkheden: /);
    expect(run.stdout).toContain('hangen af van bedrijven met zeggenschap buiten de EU/EER');
  });

  it('writes every format to --out-dir and names the files', async () => {
    const dir = join(work, 'all');
    const run = await havenkit(
      'sovereignty',
      '--snapshot',
      demo,
      '-o',
      'table,json,markdown,html',
      '--out-dir',
      dir,
    );
    expect(run.code).toBe(0);
    for (const name of ['register.txt', 'register.json', 'register.md', 'register.html']) {
      expect(run.stdout).toContain(join(dir, name));
    }
    const register = registerOf(readFileSync(join(dir, 'register.json'), 'utf8'));
    expect(readFileSync(join(dir, 'register.md'), 'utf8')).toContain(register.summary.text.en);
    expect(readFileSync(join(dir, 'register.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('reads the user’s facts: their Harbor is theirs, the proxy cache shows Docker Hub behind it', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--facts', facts, '-o', 'json');
    const images = registerOf(run.stdout).images;
    const proxied = images.find((i) =>
      i.reference.startsWith('harbor.gemeente-voorbeeld.nl/dockerhub-proxy/'),
    );
    expect(proxied).toMatchObject({ operator: 'self', mirrorOf: 'docker.io', jurisdiction: 'non-eu' });
  });
});

describe('cut-off (--without)', () => {
  it('says what stops if an entity is cut off, in the table and the json', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--without', 'docker', '--width', '200');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Cut-off \(--without docker\):\n {2}If Docker, Inc\. is cut off: \d+ of \d+ workloads cannot restart or be rescheduled\.$/m,
    );
    const json = registerOf(
      (await havenkit('sovereignty', '--snapshot', demo, '--without', 'docker', '-o', 'json')).stdout,
    );
    expect(json.cutOff?.without).toEqual(['docker']);
  });

  it('refuses an entity the facts do not know, suggesting the nearest, exit 3', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--without', 'dockr');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('--without dockr: no entity dockr in the facts (did you mean docker?)');
  });
});

describe('CI gates (--fail-on)', () => {
  it('exits 10 when a gate finds a known dependency, naming the gate and the findings on stderr', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--fail-on', 'non-eu-registry,unpinned');
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(/^havenkit: --fail-on non-eu-registry: \d+ findings: image /m);
    expect(run.stderr).toMatch(/^havenkit: --fail-on unpinned: 11 findings: /m);
  });

  it('exits 11 when only what is not known trips a gate', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--fail-on', 'unknown:hosting');
    expect(run.code).toBe(11);
    expect(run.stderr).toContain('hosting: unknown provider (openstack://)');
  });

  it('exits 0 when the gates find nothing', async () => {
    const run = await havenkit(
      'sovereignty',
      '--snapshot',
      demo,
      '--facts',
      facts,
      '--fail-on',
      'non-eu-location,non-eu:hosting',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it.each([
    [['--fail-on', 'us'], /--fail-on us: not a gate; choose from non-eu, /],
    [['--fail-on', 'unknown:nodes'], /--fail-on unknown:nodes: no function nodes; functions: hosting, /],
    [['--fail-on', 'unpinned:images'], /only non-eu, non-eu-parent and unknown take a function/],
  ])('refuses %j in one line, exit 3', async (args, message) => {
    const run = await havenkit('sovereignty', '--snapshot', demo, ...args);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(message);
  });
});

describe('bad input', () => {
  it.each([
    [['-o', 'json,html'], /writes several files: give --out-dir DIR/],
    [['-o', 'pdf'], /--output pdf is not a register format; choose from table, json, markdown, html/],
    [['--sign', 'x.key'], /--sign signs the json register: add json to --output/],
    [['--provider', 'scaleway'], /--provider is for --manifests or --app/],
  ])('%j is one line, exit 3', async (args, message) => {
    const live = args[0] === '--provider' ? [] : ['--snapshot', demo];
    const run = await havenkit('sovereignty', ...live, ...args);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(message);
  });

  it('names the file and the field of a broken facts file', async () => {
    const file = join(work, 'bad-facts.yaml');
    writeFileSync(
      file,
      'apiVersion: havenkit.dev/v1alpha1\nkind: SovereigntyFacts\nregistries:\n  - id: mine\n    name: Mine\n    hosts: [harbor.example]\n',
    );
    const run = await havenkit('sovereignty', '--snapshot', demo, '--facts', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(`${file}: registries[0]`);
  });

  it('names the document of a manifest that is not a Kubernetes object', async () => {
    const file = join(work, 'not-k8s.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n- just\n- a list\n');
    const run = await havenkit('sovereignty', '--manifests', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(`${file} (document 2): not a Kubernetes object`);
  });
});

describe('before deployment', () => {
  const manifests = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web, namespace: shop}',
    'spec:',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers: [{name: web, image: nginx:1.29}]',
    '      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]',
    '---',
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata: {name: data, namespace: shop}',
    'spec: {accessModes: [ReadWriteOnce]}',
    '',
  ].join('\n');

  it('makes the register of manifests: images from docker.io, nodes not collected without --provider', async () => {
    const file = join(work, 'chart.yaml');
    writeFileSync(file, manifests);
    const run = await havenkit('sovereignty', '--manifests', file, '-o', 'json');
    const r = registerOf(run.stdout);
    expect(validate('register', r)).toBeUndefined();
    expect(r.metadata.subject).toEqual({ kind: 'manifests', files: [file] });
    expect(r.images).toEqual([
      expect.objectContaining({
        reference: 'nginx:1.29',
        host: 'docker.io',
        registry: 'Docker Hub',
        pinned: false,
      }),
    ]);
    expect(fn(r, 'hosting').status).toBe('not-collected');
  });

  it('with --provider, the profile stands in for the nodes and its default class for the claim', async () => {
    const file = join(work, 'chart.yaml');
    writeFileSync(file, manifests);
    const run = await havenkit('sovereignty', '--manifests', file, '--provider', 'scaleway', '-o', 'json');
    const r = registerOf(run.stdout);
    expect(fn(r, 'hosting').dependencies[0]).toMatchObject({
      entity: 'scaleway',
      matchedBy: 'provider profile scaleway',
    });
    expect(r.metadata.subject.provider).toBe('scaleway');
  });

  it('reads manifests from standard input (--manifests -), as helm template pipes them', () => {
    const out = execFileSync(process.execPath, [CLI, 'sovereignty', '--manifests', '-', '-o', 'json'], {
      input: manifests,
      env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' },
    });
    expect(registerOf(out.toString()).metadata.subject.files).toEqual(['-']);
    // A whole process (start-up and the register): more than the 5 s default on a loaded 2-core machine.
  }, 30_000);

  it('makes the register of a havenkit app for a provider (--app, --provider)', async () => {
    const run = await havenkit('sovereignty', '--app', app, '--provider', 'hetzner', '-o', 'json');
    expect(run.code).toBe(0);
    const r = registerOf(run.stdout);
    expect(validate('register', r)).toBeUndefined();
    expect(fn(r, 'hosting').dependencies[0]).toMatchObject({ entity: 'hetzner', jurisdiction: 'eu' });
    expect(r.images.length).toBeGreaterThan(0);
  });
});

describe('signed registers', () => {
  it('signs the json register; verify checks the signature and makes it again from the snapshot', async () => {
    await havenkit('keys', 'generate', '--out', join(work, 'k'));
    const out = join(work, 'register.json');
    const signed = await havenkit(
      'sovereignty',
      '--snapshot',
      demo,
      '--facts',
      facts,
      '--sign',
      join(work, 'k.key'),
      '-o',
      'json',
      '--out',
      out,
    );
    expect(signed.code).toBe(0);
    const verified = await havenkit(
      'verify',
      out,
      '--key',
      join(work, 'k.pub'),
      '--snapshot',
      demo,
      '--facts',
      facts,
    );
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('the same register');
    const without = await havenkit('verify', out, '--key', join(work, 'k.pub'), '--snapshot', demo);
    expect(without.code).toBe(3);
    expect(without.stderr).toMatch(/does not reproduce .*pass them with --facts/);
  });

  it('a signed register with a cut-off (--without) verifies and reproduces too', async () => {
    const out = join(work, 'cut.json');
    await havenkit(
      'sovereignty',
      '--snapshot',
      demo,
      '--without',
      'docker',
      '--sign',
      join(work, 'k.key'),
      '-o',
      'json',
      '--out',
      out,
    );
    const verified = await havenkit('verify', out, '--key', join(work, 'k.pub'), '--snapshot', demo);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('the same register');
  });

  it('a register changed after signing does not verify', async () => {
    const out = join(work, 'register.json');
    const envelope = JSON.parse(readFileSync(out, 'utf8')) as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      predicate: DependencyRegister;
    };
    statement.predicate.summary.text.en = 'Nothing to see here.';
    envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const tampered = join(work, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(envelope));
    const run = await havenkit('verify', tampered, '--key', join(work, 'k.pub'));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
  });
});

describe('exit readiness (--exit-to)', () => {
  const kapsule = fileURLToPath(
    new URL('../../checker/src/sovereignty/fixtures/scaleway.json', import.meta.url),
  );

  it('adds what must change to move to the provider profile to the json register', async () => {
    const run = await havenkit('sovereignty', '--snapshot', kapsule, '--exit-to', 'ovhcloud', '-o', 'json');
    expect(run.code).toBe(0);
    const register = registerOf(run.stdout);
    expect(validate('register', register)).toBeUndefined();
    expect(register.exit?.target).toEqual({
      id: 'ovhcloud',
      name: 'OVHcloud Managed Kubernetes',
      entity: 'ovhcloud',
    });
    expect(register.exit?.findings.map((f) => [f.effort, f.kind, f.what])).toEqual([
      ['data-migration', 'storage-class', 'sbs-default'],
      ['data-migration', 'storage-class', 'scw-fs'],
      ['config-change', 'load-balancer', 'Scaleway Load Balancer'],
      ['config-change', 'registry', 'Scaleway Container Registry'],
    ]);
    expect(register.exit?.summary.en).toBe(
      'To move to OVHcloud Managed Kubernetes: 2 config changes, 2 data migrations (2 claims, 60 GiB), no re-architecture; not read: vendor APIs.',
    );
    expect(register.exit?.disruption?.without).toEqual(['iliad']);
  });

  it('prints the findings in the table, after the register', async () => {
    const run = await havenkit(
      'sovereignty',
      '--snapshot',
      kapsule,
      '--exit-to',
      'ovhcloud',
      '--width',
      '200',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Exit readiness \(--exit-to ovhcloud\):\n {2}To move to OVHcloud Managed Kubernetes: 2 config changes, /m,
    );
    expect(run.stdout).toMatch(/^ {2}- \[config change\] Load balancers: Scaleway Load Balancer /m);
  });

  it('writes the exit-plan skeleton to stdout with -o exit-plan, in Dutch with --lang nl', async () => {
    const run = await havenkit(
      'sovereignty',
      '--snapshot',
      kapsule,
      '--exit-to',
      'ovhcloud',
      '-o',
      'exit-plan',
      '--lang',
      'nl',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Exitplan: admin@haven-kapsule\n/);
    expect(run.stdout).toContain('\n## Scenario 1: geplande exit\n');
    expect(run.stdout).toContain('\n## Scenario 2: plotselinge verstoring\n');
  });

  it('takes --format exit-plan as -o exit-plan', async () => {
    const run = await havenkit(
      'sovereignty',
      '--snapshot',
      kapsule,
      '--exit-to',
      'ovhcloud',
      '--format',
      'exit-plan',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Exit plan: admin@haven-kapsule\n/);
  });

  it('writes exit-plan.md to --out-dir next to the other formats', async () => {
    const dir = join(work, 'exit');
    const run = await havenkit(
      'sovereignty',
      '--snapshot',
      kapsule,
      '--exit-to',
      'ovhcloud',
      '-o',
      'json,exit-plan',
      '--out-dir',
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${join(dir, 'exit-plan.md')}  (exit-plan)`);
    const register = registerOf(readFileSync(join(dir, 'register.json'), 'utf8'));
    const plan = readFileSync(join(dir, 'exit-plan.md'), 'utf8');
    expect(plan).toMatch(/^# Exit plan: /);
    expect(plan).toContain(register.exit!.summary.en);
  });

  it('refuses -o exit-plan without --exit-to, naming both flags, exit 3', async () => {
    const run = await havenkit('sovereignty', '--snapshot', kapsule, '-o', 'exit-plan');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('--output exit-plan needs --exit-to PROVIDER');
  });

  it('refuses a provider profile that does not exist, listing the profiles, exit 3', async () => {
    const run = await havenkit('sovereignty', '--snapshot', kapsule, '--exit-to', 'ovhclod');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('--exit-to ovhclod: no provider profile ovhclod (did you mean ovhcloud?)');
    expect(run.stderr).toMatch(/; profiles: exoscale, generic, hetzner, .*ovhcloud, .*scaleway/);
  });
});
