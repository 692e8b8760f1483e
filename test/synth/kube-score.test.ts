/**
 * kube-score (github.com/zegl/kube-score, built by test/controlplane/build-binaries.sh) on every example app
 * in examples/apps for every built-in provider, synthesized with the built CLI (`pnpm build` first). Every
 * CRITICAL finding fails unless kube-score-allowlist.yaml justifies it; an allow-list entry that matches no
 * finding fails too (stale).
 *
 * One kube-score process per (app, provider): kube-score keys objects by kind/apiVersion/namespace/name and
 * matches Services, NetworkPolicies, PDBs and HPAs to pods across all its input, so the providers' files
 * (same names) must not share a run. Identical manifests (meldingen.yaml and meldingen.ts) are scored once.
 * A pair havenkit refuses by design (a shared volume on a provider without ReadWriteMany storage: exit 3 and
 * its one-line remedy) is skipped with that line; any other synth failure fails the pair.
 *
 * Flags, chosen for a demanding reviewer:
 * - all default checks, plus the optional `container-seccomp-profile` (Pod Security "restricted" requires
 *   RuntimeDefault), `container-ports-check` (unique, valid port names) and
 *   `container-memory-requests-equal-limits` (havenkit's documented design: memory request is the limit);
 *   not `container-resource-requests-equal-limits` / `container-cpu-requests-equal-limits`, and
 *   `--ignore-container-cpu-limit`: havenkit sets CPU requests and deliberately no CPU limit
 *   (docs/suppliers-guide.md, `resources`); the memory limit stays required;
 *   not `container-ephemeral-storage-request-equals-limit`: the default check already requires both.
 * - `--kubernetes-version` of the test control plane (kube-score defaults to v1.18) for `stable-version`.
 * - `--disable-ignore-checks-annotations` / `--disable-optional-checks-annotations`: a `kube-score/ignore`
 *   annotation in the output must not silence a finding; the allow-list is the one reviewed place.
 *
 * A .ts app on a Node without type stripping and without tsx (the CLI refuses it and says "compile it to
 * .js") is transpiled with TypeScript's transpileModule to .mjs in a temporary directory, which the CLI runs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinProfileIds } from '../../packages/constructs/src/index.js';
import { controlPlane } from '../controlplane/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ALLOWLIST = fileURLToPath(new URL('./kube-score-allowlist.yaml', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-kube-score-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What `havenkit synth --app FILE` accepts (packages/constructs/src/source.ts). */
const APP_EXTENSIONS = new Set(['.yaml', '.yml', '.ts', '.mts', '.js', '.mjs']);
const apps = readdirSync(join(root, 'examples/apps'))
  .filter((f) => APP_EXTENSIONS.has(extname(f)))
  .sort();
const providers = builtinProfileIds();
const pairs = apps.flatMap((app) => providers.map((provider) => ({ app, provider })));

const KUBE_SCORE_FLAGS = [
  '--output-format=json',
  '--color=never',
  '--ignore-container-cpu-limit',
  '--enable-optional-test=container-seccomp-profile',
  '--enable-optional-test=container-ports-check',
  '--enable-optional-test=container-memory-requests-equal-limits',
  '--disable-ignore-checks-annotations',
  '--disable-optional-checks-annotations',
];
/** Kinds kube-score scores; each synthesized object of these kinds must appear in its output. */
const SCORED_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
  'Service',
  'Ingress',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
]);

// ---- allow-list -------------------------------------------------------------------------------------

interface AllowEntry {
  readonly index: number;
  readonly check: string;
  readonly objects: string;
  readonly apps: string;
  readonly providers: string;
  readonly justification: string;
}
const ENTRY_KEYS = new Set(['check', 'objects', 'apps', 'providers', 'justification']);

function parseAllowList(doc: unknown): { entries: AllowEntry[]; errors: string[] } {
  if (doc === undefined || doc === null) return { entries: [], errors: [] };
  if (!Array.isArray(doc)) return { entries: [], errors: ['the file must be a YAML list of entries'] };
  const entries: AllowEntry[] = [];
  const errors: string[] = [];
  doc.forEach((raw: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(`${where}: must be a mapping`);
      return;
    }
    const e = raw as Record<string, unknown>;
    const before = errors.length;
    for (const key of Object.keys(e))
      if (!ENTRY_KEYS.has(key)) errors.push(`${where}: unknown key '${key}' (${[...ENTRY_KEYS].join(', ')})`);
    const text = (key: string, required: boolean): string => {
      const v = e[key];
      if (v === undefined && !required) return 'all';
      if (typeof v !== 'string' || v.trim() === '') {
        errors.push(`${where}: '${key}' must be a non-empty string${required ? '' : ' (or left out: all)'}`);
        return '';
      }
      return v.trim();
    };
    const entry = {
      index,
      check: text('check', true),
      objects: text('objects', true),
      apps: text('apps', false),
      providers: text('providers', false),
      justification: text('justification', true),
    };
    if (entry.justification !== '' && entry.justification.split(/\s+/).length < 8)
      errors.push(`${where}: the justification must say why in a sentence or more`);
    if (errors.length === before) entries.push(entry);
  });
  return { entries, errors };
}
const allowList = parseAllowList(yaml.load(readFileSync(ALLOWLIST, 'utf8')));

function matches(pattern: string, value: string): boolean {
  if (pattern === 'all') return true;
  const re = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${re.join('.*')}$`).test(value);
}

// ---- running the CLI and kube-score -----------------------------------------------------------------

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.end(input ?? '');
  });
}

const havenkit = (...args: string[]): Promise<Run> =>
  run(process.execPath, [join(root, 'packages/cli/bin/run.js'), ...args]);

/** The --app argument for an example: the file itself, or its transpiled .mjs when the CLI cannot load .ts. */
const appArgs = new Map<string, Promise<string>>();
function appArg(app: string, probeProvider: string): Promise<string> {
  const file = `examples/apps/${app}`;
  if (!/\.m?ts$/.test(app)) return Promise.resolve(file);
  let arg = appArgs.get(app);
  if (!arg) {
    arg = havenkit('synth', '--app', file, '--provider', probeProvider).then((r) => {
      if (r.status === 0) return file;
      if (!/needs tsx/.test(r.stderr)) {
        appArgs.delete(app); // failed for another reason (that pair reports it): probe again next time
        return file;
      }
      const source = readFileSync(join(root, file), 'utf8');
      const js = ts.transpileModule(source, {
        fileName: app,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const out = join(work, `${basename(app, extname(app))}.mjs`);
      writeFileSync(out, js);
      return out;
    });
    appArgs.set(app, arg);
  }
  return arg;
}

/**
 * havenkit's documented refusal (docs/suppliers-guide.md, "Shared (ReadWriteMany) storage"): the provider
 * has no ReadWriteMany storage for a shared volume, so there is nothing to score for that pair.
 */
const RWX_REFUSAL = /is shared \(ReadWriteMany\) but provider "[^"]+" has no ReadWriteMany storage/;

async function synth(app: string, provider: string): Promise<{ manifests: string } | { refused: string }> {
  const r = await havenkit('synth', '--app', await appArg(app, provider), '--provider', provider);
  if (r.status === 3 && RWX_REFUSAL.test(r.stderr)) return { refused: r.stderr.trim() };
  if (r.status !== 0 || r.stdout === '')
    throw new Error(
      `havenkit synth --app examples/apps/${app} --provider ${provider} exited ${r.status}: ${r.stderr}`,
    );
  return { manifests: r.stdout };
}

interface ScoredObject {
  readonly type_meta: { kind?: string };
  readonly object_meta: { name?: string };
  readonly checks: ReadonlyArray<{
    readonly check: { readonly id: string };
    readonly grade: number;
    readonly skipped: boolean;
    readonly comments: ReadonlyArray<{ readonly path: string; readonly summary: string }> | null;
  }> | null;
}

const GRADE_CRITICAL = 1;
const scores = new Map<string, Promise<ScoredObject[]>>();
/** kube-score on one multi-document YAML; the same bytes are scored once. */
function kubeScore(manifests: string): Promise<ScoredObject[]> {
  const key = createHash('sha256').update(manifests).digest('hex');
  let scored = scores.get(key);
  if (!scored) {
    const cp = controlPlane();
    const version = `v${cp.version.major}.${cp.version.minor.replace(/\D/g, '')}`;
    scored = run(
      cp.binaries.kubeScore,
      ['score', ...KUBE_SCORE_FLAGS, `--kubernetes-version=${version}`, '-'],
      manifests,
    ).then((r) => {
      // Exit 1 means "a CRITICAL exists"; anything else, or stderr, is kube-score failing.
      if ((r.status !== 0 && r.status !== 1) || r.stderr.trim() !== '')
        throw new Error(`kube-score exited ${r.status}: ${r.stderr}`);
      return (JSON.parse(r.stdout) as ScoredObject[] | null) ?? [];
    });
    scores.set(key, scored);
  }
  return scored;
}

interface Finding {
  readonly app: string;
  readonly provider: string;
  readonly object: string;
  readonly check: string;
  readonly comment: string;
}
const format = (f: Finding): string => `${f.app}/${f.provider} ${f.object}: ${f.check}: ${f.comment}`;
const allowedBy = (f: Finding): AllowEntry | undefined =>
  allowList.entries.find(
    (e) =>
      e.check === f.check &&
      matches(e.objects, f.object) &&
      matches(e.apps, f.app) &&
      matches(e.providers, f.provider),
  );

const criticals: Finding[] = [];
const completed = new Set<string>();

// ---- tests ------------------------------------------------------------------------------------------

describe('kube-score allow-list', () => {
  it('is well-formed: known keys, a check, objects and a justification per entry', () => {
    expect(allowList.errors).toEqual([]);
  });

  it('rejects unknown keys, a missing or one-word justification and a missing check', () => {
    const objects = 'all';
    const { entries, errors } = parseAllowList([
      { check: 'pod-probes', objects, justification: 'fine', reason: 'x' },
      { check: 'pod-probes', objects },
      { objects, justification: 'a sentence long enough to say why this is not a defect' },
      { check: 'pod-probes', objects, apps: 3, justification: 'a sentence long enough to say why not' },
    ]);
    expect(entries).toEqual([]);
    expect(errors).toEqual([
      "entry 1: unknown key 'reason' (check, objects, apps, providers, justification)",
      'entry 1: the justification must say why in a sentence or more',
      "entry 2: 'justification' must be a non-empty string",
      "entry 3: 'check' must be a non-empty string",
      "entry 4: 'apps' must be a non-empty string (or left out: all)",
    ]);
    expect(matches('Deployment/*-api', 'Deployment/meldingen-api')).toBe(true);
    expect(matches('Deployment/*', 'StatefulSet/meldingen-db')).toBe(false);
    expect(matches('meldingen.yaml', 'meldingenXyaml')).toBe(false);
  });

  it('names only checks kube-score has', async () => {
    const r = await run(controlPlane().binaries.kubeScore, ['list']);
    expect(r.status).toBe(0);
    const known = new Set(r.stdout.split('\n').map((line) => line.split(',')[0]));
    expect(allowList.entries.filter((e) => !known.has(e.check)).map((e) => e.check)).toEqual([]);
  });
});

describe('kube-score on every example app for every provider', () => {
  it('finds apps and providers', () => {
    expect(apps.length).toBeGreaterThan(0);
    expect(providers.length).toBeGreaterThan(1);
  });

  it.concurrent.for(pairs)(
    '$app for $provider: no CRITICAL outside the allow-list',
    // Every pair starts the CLI (about 2 s of node start-up); on 2 cores they queue.
    { timeout: 180_000 },
    async ({ app, provider }, { expect, skip }) => {
      const synthesized = await synth(app, provider);
      if ('refused' in synthesized) {
        completed.add(`${app}/${provider}`);
        return skip(`havenkit refuses this provider by design: ${synthesized.refused}`);
      }
      const { manifests } = synthesized;
      const scored = await kubeScore(manifests);

      // kube-score read every object it scores (a parse problem would silently score nothing).
      const seen = new Set(scored.map((o) => `${o.type_meta.kind}/${o.object_meta.name}`));
      const expected = (yaml.loadAll(manifests) as Array<{ kind: string; metadata: { name: string } }>)
        .filter((d) => SCORED_KINDS.has(d.kind))
        .map((d) => `${d.kind}/${d.metadata.name}`);
      expect(expected.filter((o) => !seen.has(o))).toEqual([]);

      const found: Finding[] = scored.flatMap((o) =>
        (o.checks ?? [])
          .filter((c) => c.grade === GRADE_CRITICAL && !c.skipped)
          .map((c) => ({
            app,
            provider,
            object: `${o.type_meta.kind}/${o.object_meta.name}`,
            check: c.check.id,
            comment: (c.comments ?? [])
              .map((m) => (m.path ? `${m.path}: ${m.summary}` : m.summary))
              .join('; '),
          })),
      );
      criticals.push(...found);
      completed.add(`${app}/${provider}`);
      expect(
        found
          .filter((f) => !allowedBy(f))
          .map(format)
          .sort(),
      ).toEqual([]);
    },
  );

  it('has no stale allow-list entry (each still matches a CRITICAL finding)', () => {
    const missing = pairs.map((p) => `${p.app}/${p.provider}`).filter((p) => !completed.has(p));
    if (missing.length > 0)
      throw new Error(
        `cannot judge stale entries: not scored (synth or kube-score failed): ${missing.join(', ')}`,
      );
    const used = new Set(criticals.map(allowedBy).filter((e) => e !== undefined));
    const stale = allowList.entries
      .filter((e) => !used.has(e))
      .map(
        (e) => `entry ${e.index + 1} (${e.check}, objects ${e.objects}) matches nothing any more: remove it`,
      );
    expect(stale).toEqual([]);
  });
});
