/** The `havenkit check` and `havenkit snapshot` commands as a user runs them: exit codes and one-line errors. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintIdentity, seedScenario, startApiServer } from '../controlplane/index.js';
import type { ExtraApiServer } from '../controlplane/index.js';
import { freePort } from '../controlplane/ports.js';
import { runCli } from './helpers.js';

let server: ExtraApiServer | undefined;
let admin: string;
let auditor: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-cli-'));
const emptyHome = mkdtempSync(join(tmpdir(), 'havenkit-home-'));
/** No kubeconfig anywhere: no KUBECONFIG, an empty home. */
const noKubeconfig = { KUBECONFIG: '', HOME: emptyHome };

beforeAll(async () => {
  server = await startApiServer();
  admin = server.kubeconfig;
  await seedScenario(admin, 'compliant');
  await seedScenario(admin, 'auditor-without-pods');
  auditor = mintIdentity({ user: 'havenkit-auditor', server: server.server });
});
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(emptyHome, { recursive: true, force: true });
});

/** One line on stderr, "havenkit: error: …". */
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

describe('havenkit check exit codes', () => {
  it('0 when every mandatory check ran and none failed or was unknown', async () => {
    const run = await runCli(['check', '--kubeconfig', admin]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Verdict: Haven compliant\n/);
    expect(run.stdout).toMatch(/This is a Haven Compliant cluster\.\n$/);
    expect(run.stderr).toBe('');
  });

  it('6, never 0, when the checks selected with --only pass: a partial run claims no compliance', async () => {
    const run = await runCli(['check', '--kubeconfig', admin, '--only', 'multiaz,hamasters,haworkers,rbac']);
    expect(run.code).toBe(6);
    expect(run.stdout).toMatch(/^Verdict: The selected checks passed; no Haven verdict/);
    expect(run.stdout).not.toMatch(/Haven Compliant cluster|Verdict: Haven compliant/);
    expect(run.stdout).toMatch(/Not evaluated \(--only\): 11 mandatory checks, /);
  });

  it('1 when a mandatory check fails', async () => {
    const run = await runCli([
      'check',
      '--kubeconfig',
      admin,
      '--only',
      'kubernetesversion',
      '--latest-kubernetes',
      '1.45',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/This is NOT a Haven Compliant cluster\.\n$/);
  });

  it('2 when none fails but one is unknown (an identity that may not list pods)', async () => {
    const run = await runCli(['check', '--kubeconfig', auditor, '--only', 'multiaz,logs']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/UNKNOWN +logs/);
  });

  it('honours KUBECONFIG with several files, like kubectl', async () => {
    const run = await runCli(['check', '--only', 'multiaz'], {
      KUBECONFIG: [join(work, 'absent'), admin].join(delimiter),
    });
    expect(run.code).toBe(6);
  });

  it('writes haven-json to --out, atomically, and nothing to stdout', async () => {
    const out = join(work, 'haven.json');
    const run = await runCli([
      'check',
      '--kubeconfig',
      admin,
      '--output',
      'haven-json',
      '--out',
      out,
      '--only',
      'multiaz',
    ]);
    expect(run).toMatchObject({ code: 6, stdout: '', stderr: '' });
    const haven = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(haven).toMatchObject({ Version: 'Haven v12.8.0', HavenCompliant: false });
    expect(Date.parse(String(haven.StartTS))).toBeLessThanOrEqual(Date.parse(String(haven.StopTS)));
  });
});

describe('bad input: exit 3 with one line on stderr', () => {
  it.each([
    [
      'no kubeconfig at all',
      ['check'],
      noKubeconfig,
      /no kubeconfig found: .*never falls back to http:\/\/localhost:8080/,
    ],
    ['snapshot without kubeconfig', ['snapshot', '--out', 'x.json'], noKubeconfig, /no kubeconfig found/],
    [
      'a missing --kubeconfig file',
      ['check', '--kubeconfig', '/nonexistent/kubeconfig'],
      {},
      /kubeconfig \/nonexistent\/kubeconfig does not exist/,
    ],
    [
      'an unknown --context',
      ['check', '--kubeconfig', '<admin>', '--context', 'prod'],
      {},
      /context "prod" \(--context\) not found/,
    ],
    [
      '--snapshot with --kubeconfig',
      ['check', '--snapshot', 'x.json', '--kubeconfig', '<admin>'],
      {},
      /cannot be combined with --kubeconfig/,
    ],
    [
      '--snapshot with --probe',
      ['check', '--snapshot', 'x.json', '--probe', 'rwx'],
      {},
      /cannot be combined with --probe/,
    ],
    ['an unknown probe', ['check', '--probe', 'disk'], {}, /--probe/],
    [
      'a bad --latest-kubernetes',
      ['check', '--latest-kubernetes', 'latest', '--kubeconfig', '<admin>'],
      {},
      /--latest-kubernetes latest is not a minor version/,
    ],
    [
      'an unknown check in --only',
      ['check', '--kubeconfig', '<admin>', '--only', 'nope'],
      {},
      /unknown check "nope"/,
    ],
    [
      'a missing snapshot file',
      ['check', '--snapshot', '/nonexistent/snap.json'],
      {},
      /\/nonexistent\/snap\.json/,
    ],
    ['snapshot without --out', ['snapshot', '--kubeconfig', '<admin>'], {}, /--out FILE is required/],
  ] as const)('%s', async (_title, args, env, message) => {
    const run = await runCli(
      args.map((a) => (a === '<admin>' ? admin : a)),
      env,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('a kubeconfig that does not trust the server: exit 3', () => {
  it('names the certificate problem', async () => {
    const kubeconfig = join(work, 'no-ca.kubeconfig');
    const config = load(readFileSync(admin, 'utf8')) as { clusters: { cluster: Record<string, unknown> }[] };
    for (const c of config.clusters) delete c.cluster['certificate-authority-data'];
    writeFileSync(kubeconfig, dump(config));
    const run = await runCli(['check', '--kubeconfig', kubeconfig]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(
      /the certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted by context "havenkit-test" \([A-Z_]+\)/,
    );
  });
});

describe('an unreachable cluster: exit 4 with one line on stderr', () => {
  it.each(['check', 'snapshot'])('%s', async (command) => {
    const port = await freePort(); // free a moment ago: nothing listens there
    const kubeconfig = join(work, `closed-${command}.kubeconfig`);
    writeFileSync(
      kubeconfig,
      readFileSync(admin, 'utf8').replace(/https:\/\/127\.0\.0\.1:\d+/g, `https://127.0.0.1:${port}`),
    );
    const run = await runCli([
      command,
      '--kubeconfig',
      kubeconfig,
      ...(command === 'snapshot' ? ['--out', join(work, 'x.json')] : []),
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(`cannot reach the API server https://127.0.0.1:${port}`);
    expect(run.stderr).toContain('ECONNREFUSED');
  });
});

describe('help', () => {
  it.each(['check', 'snapshot'])('%s --help documents flags, exit codes and examples', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/EXAMPLES/);
    expect(run.stdout).toMatch(/--kubeconfig=FILE/);
    expect(run.stdout).toMatch(/--probe=rwx\|node-lsm/);
    expect(run.stdout).toMatch(/Exit codes/);
  });
});
