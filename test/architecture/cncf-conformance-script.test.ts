/**
 * scripts/cncf-conformance.mjs, which regenerates the submissions of compliance/data/cncf-platforms.yaml
 * from a checkout of cncf/k8s-conformance, on a tiny repository tree made here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compilePlatforms,
  differences,
  listFiles,
  matchesRule,
  rewriteTable,
  scanRepository,
  type PlatformRules,
} from '../../scripts/cncf-conformance.mjs';

const script = resolve(fileURLToPath(new URL('../../scripts/cncf-conformance.mjs', import.meta.url)));

/** The submission directories of the fixture repository: path → files (PRODUCT.yaml holds the name). */
const TREE: Record<string, Record<string, string>> = {
  'v1.19/rke2': { 'e2e.log': 'ok' },
  'v1.20/rke-government': { 'PRODUCT.yaml': 'vendor: SUSE, LLC\nname: RKE Government\n', 'e2e.log': 'ok' },
  'v1.20/rke': { 'PRODUCT.yaml': 'vendor: Rancher Inc.\nname: RKE - Rancher Kubernetes Engine\n' },
  'v1.21/rke2': { 'e2e.log': 'ok' },
  'v1.21/rancher': { 'product.yaml': 'name: Rancher Kubernetes\n' },
  'v1.21/Gardener-GCP': { 'e2e.log': 'ok' },
  'v1.21/notes': { 'notes.txt': 'not a submission' },
  'v1.22/rancher': { 'PRODUCT.yaml': 'name: Rancher Provisioned RKE2\n' },
  'v1.22/gardener-aws': { 'PRODUCT.yaml': 'name: "Gardener on AWS"\n' },
  'docs/v1.22': { 'README.md': 'not a minor directory' },
};

const PLATFORMS: PlatformRules[] = [
  {
    id: 'rke2',
    conformanceDirs: [{ dir: 'rke2' }, { dir: 'rke-government' }, { dir: 'rancher', productName: 'RKE2' }],
  },
  { id: 'gardener', conformanceDirs: [{ dir: 'gardener-*' }, { dir: 'stackit-kubernetes-engine' }] },
];

const TABLE = `# The table's own comment.
asOf: '2026-01-01'
source: https://github.com/cncf/k8s-conformance
sourceCommit: ${'0'.repeat(40)}
compiledFrom: file-index
minorRange: { from: '1.20', to: '1.21' }
platforms:
  # RKE2's comment.
  - id: rke2
    name: Rancher RKE2
    detect: { gitVersion: '\\+rke2' }
    conformanceDirs: [{ dir: rke2 }, { dir: rke-government }, { dir: rancher, productName: 'RKE2' }]
    minors: ['1.20']
    submissions:
      '1.20': [rke-government]
  - id: gardener
    name: Gardener
    detect: { labels: [worker.gardener.cloud/pool] }
    conformanceDirs:
      - { dir: gardener-* }
      - { dir: stackit-kubernetes-engine }
  - id: hetzner-cloud
    name: Hetzner Cloud
    detect: { providerIdPrefixes: ['hcloud://'] }
    noSubmission:
      reason: { en: none, nl: geen }
      source: https://example.org
`;

const HEADER = {
  asOf: '2026-12-01',
  sourceCommit: 'a'.repeat(40),
  sourceCommitDate: '2026-11-30',
  compiledFrom: 'checkout' as const,
  minorRange: { from: '1.20', to: '1.22' },
};

const parse = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
const platform = (text: string, id: string) =>
  (parse(text).platforms as Record<string, unknown>[]).find((p) => p.id === id);

let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'cncf-conformance-'));
  for (const [dir, files] of Object.entries(TREE)) {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(repo, dir), { recursive: true });
      writeFileSync(join(repo, dir, file), text);
    }
  }
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('scanRepository', () => {
  it('reads the minors from the given one to the newest, and only directories that hold a submission', () => {
    const scan = scanRepository(repo, '1.20');
    expect(scan.range).toEqual({ from: '1.20', to: '1.22' });
    expect(Object.fromEntries(scan.minors)).toEqual({
      '1.20': [
        { dir: 'rke', product: 'RKE - Rancher Kubernetes Engine' },
        { dir: 'rke-government', product: 'RKE Government' },
      ],
      '1.21': [{ dir: 'Gardener-GCP' }, { dir: 'rancher', product: 'Rancher Kubernetes' }, { dir: 'rke2' }],
      '1.22': [
        { dir: 'gardener-aws', product: 'Gardener on AWS' },
        { dir: 'rancher', product: 'Rancher Provisioned RKE2' },
      ],
    });
  });
});

describe('matchesRule', () => {
  it('matches a directory glob case-insensitively', () => {
    expect(matchesRule({ dir: 'gardener-*' }, { dir: 'Gardener-GCP' })).toBe(true);
    expect(matchesRule({ dir: 'gardener-*' }, { dir: 'gardener' })).toBe(false);
  });

  it('requires the PRODUCT.yaml name to match when the rule names a product', () => {
    const rule = { dir: 'rancher', productName: 'RKE2' };
    expect(matchesRule(rule, { dir: 'rancher', product: 'Rancher Provisioned RKE2' })).toBe(true);
    expect(matchesRule(rule, { dir: 'rancher', product: 'Rancher Kubernetes' })).toBe(false);
    expect(matchesRule(rule, { dir: 'rancher' })).toBe(false);
  });
});

describe('compilePlatforms', () => {
  it('gives every platform its minors and, per minor, the directories that matched', () => {
    const compiled = compilePlatforms(PLATFORMS, scanRepository(repo, '1.20'));
    expect(Object.fromEntries(compiled.platforms)).toEqual({
      rke2: {
        minors: ['1.20', '1.21', '1.22'],
        submissions: { '1.20': ['rke-government'], '1.21': ['rke2'], '1.22': ['rancher'] },
      },
      gardener: {
        minors: ['1.21', '1.22'],
        submissions: { '1.21': ['Gardener-GCP'], '1.22': ['gardener-aws'] },
      },
    });
  });

  it('names the rules that matched no directory', () => {
    expect(compilePlatforms(PLATFORMS, scanRepository(repo, '1.20')).unmatched).toEqual([
      'gardener: stackit-kubernetes-engine',
    ]);
  });
});

describe('rewriteTable', () => {
  const compiled = () => compilePlatforms(PLATFORMS, scanRepository(repo, '1.20'));

  it('replaces the generated fields and keeps the hand-written ones and the comments', () => {
    const text = rewriteTable(TABLE, HEADER, compiled());
    expect(parse(text)).toMatchObject({ ...HEADER, source: 'https://github.com/cncf/k8s-conformance' });
    expect(platform(text, 'rke2')).toEqual({
      id: 'rke2',
      name: 'Rancher RKE2',
      detect: { gitVersion: '\\+rke2' },
      conformanceDirs: [{ dir: 'rke2' }, { dir: 'rke-government' }, { dir: 'rancher', productName: 'RKE2' }],
      minors: ['1.20', '1.21', '1.22'],
      submissions: { '1.20': ['rke-government'], '1.21': ['rke2'], '1.22': ['rancher'] },
    });
    expect(platform(text, 'gardener')).toMatchObject({ minors: ['1.21', '1.22'] });
    expect(platform(text, 'hetzner-cloud')).not.toHaveProperty('minors');
    expect(text).toContain("# The table's own comment.\n");
    expect(text).toContain("  # RKE2's comment.\n  - id: rke2\n");
  });

  it('writes the same text when run on its own output', () => {
    const once = rewriteTable(TABLE, HEADER, compiled());
    expect(rewriteTable(once, HEADER, compiled())).toBe(once);
  });
});

describe('differences', () => {
  it('is empty when the table holds what the checkout gives, and names each minor that differs', () => {
    const scan = scanRepository(repo, '1.20');
    const compiled = compilePlatforms(PLATFORMS, scan);
    const current = parse(rewriteTable(TABLE, HEADER, compiled)) as unknown as { platforms: PlatformRules[] };
    expect(differences(current, scan.range, compiled)).toEqual([]);
    const stale = parse(TABLE) as unknown as { platforms: PlatformRules[] };
    expect(differences(stale, scan.range, compiled)).toEqual([
      'minorRange: {"from":"1.20","to":"1.21"} → {"from":"1.20","to":"1.22"}',
      'rke2 v1.21: — → rke2',
      'rke2 v1.22: — → rancher',
      'rke2: minors differ',
      'gardener v1.21: — → Gardener-GCP',
      'gardener v1.22: — → gardener-aws',
      'gardener: minors differ',
    ]);
  });
});

describe('the command', () => {
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  it('records the checkout’s HEAD and its date, and --check then finds no difference', () => {
    const onDisk = listFiles(repo);
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'fixture');
    // A sparse checkout leaves files out of the work tree, not out of git's index: read from there.
    expect([...listFiles(repo)].sort()).toEqual([...onDisk].sort());
    const dir = mkdtempSync(join(tmpdir(), 'cncf-table-'));
    const data = join(dir, 'cncf-platforms.yaml');
    writeFileSync(data, TABLE);
    try {
      expect(run('--repo', repo, '--data', data).status).toBe(0);
      const table = parse(readFileSync(data, 'utf8'));
      expect(table).toMatchObject({
        sourceCommit: git('rev-parse', 'HEAD'),
        sourceCommitDate: git('show', '-s', '--format=%cs', 'HEAD'),
        compiledFrom: 'checkout',
        minorRange: { from: '1.20', to: '1.22' },
      });
      expect(run('--repo', repo, '--data', data, '--check').status).toBe(0);
      writeFileSync(data, TABLE);
      const check = run('--repo', repo, '--data', data, '--check');
      expect({ status: check.status, named: check.stdout.includes('rke2 v1.22: — → rancher') }).toEqual({
        status: 1,
        named: true,
      });
    } finally {
      rmSync(dirname(data), { recursive: true, force: true });
    }
  });
});
