/**
 * `havenkit rbac`, in process as `havenkit` runs it: the manifest it prints (YAML documents or a
 * JSON List), the selection, probe and identity flags, --out, one-line errors with exit 3 naming
 * the known checks and probes, and --help. That the manifest suffices, and grants no more, is
 * proven on a real API server in test/faults/rbac-command.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@oclif/test';
import { loadAll } from 'js-yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-rbac-'));
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  rules?: Rule[];
  subjects?: { kind: string; name: string; namespace?: string; apiGroup?: string }[];
}

async function havenkit(...argv: string[]) {
  const result = await runCommand(argv, { root });
  const exit = (result.error as { oclif?: { exit?: number } } | undefined)?.oclif?.exit;
  const code = exit ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
  return { stdout: result.stdout, stderr: result.stderr, code };
}

/** The objects of a YAML manifest. */
const objectsOf = (yaml: string): K8sObject[] => loadAll(yaml) as K8sObject[];
const names = (objects: readonly K8sObject[]): string[] =>
  objects.map((o) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`);
/** "verb resource[.group] [in ns]" of every rule. */
const grants = (objects: readonly K8sObject[]): string[] =>
  objects
    .flatMap((o) =>
      (o.rules ?? []).flatMap((r) =>
        r.apiGroups.flatMap((g) =>
          r.resources.flatMap((res) =>
            r.verbs.map(
              (v) =>
                `${v} ${g === '' ? res : `${res}.${g}`}${o.kind === 'Role' ? ` in ${o.metadata.namespace}` : ''}`,
            ),
          ),
        ),
      ),
    )
    .sort();

afterEach(() => {
  process.exitCode = undefined;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('havenkit rbac prints', () => {
  it('by default: YAML documents for the ServiceAccount havenkit and the mandatory checks, read-only', async () => {
    const run = await havenkit('rbac');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /^# Least privilege for havenkit \S+ \(havenkit rbac\): checks autocerts, clusteradmin, .*, shavalidation\.\n# Reads only \(and access reviews, which store nothing\); never Secrets, no writes\.\n# Apply: kubectl apply -f FILE; a token for it: kubectl create token havenkit --namespace havenkit\napiVersion: v1\n/,
    );
    expect(run.stdout.split('\n').filter((l) => l === '---')).toHaveLength(7);
    const objects = objectsOf(run.stdout);
    expect(names(objects)).toEqual([
      'Namespace havenkit',
      'ServiceAccount havenkit/havenkit',
      'ClusterRole havenkit',
      'ClusterRoleBinding havenkit',
      'Role default/havenkit',
      'RoleBinding default/havenkit',
      'Role kube-system/havenkit',
      'RoleBinding kube-system/havenkit',
    ]);
    expect(grants(objects)).toEqual([
      'create subjectaccessreviews.authorization.k8s.io',
      'get namespaces in kube-system',
      'list apiservices.apiregistration.k8s.io',
      'list customresourcedefinitions.apiextensions.k8s.io',
      'list endpoints in default',
      'list endpointslices.discovery.k8s.io in default',
      'list nodes',
      'list persistentvolumes',
      'list pods',
      'list storageclasses.storage.k8s.io',
    ]);
    // Flow style for the rule lists, the core group quoted: what kubectl and reviewers read easily.
    expect(run.stdout).toContain(
      "  - apiGroups: ['']\n    resources: [nodes, persistentvolumes, pods]\n    verbs: [list]\n",
    );
  });

  it('-o json: a v1 List of the same objects', async () => {
    const yaml = await havenkit('rbac', '--sovereignty');
    const json = await havenkit('rbac', '--sovereignty', '-o', 'json');
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as { apiVersion: string; kind: string; items: K8sObject[] };
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(list.items).toEqual(objectsOf(yaml.stdout));
  });

  it('--only narrows; --cis, --kubescape and --all add suggested checks; --sovereignty the register', async () => {
    const only = objectsOf((await havenkit('rbac', '--only', 'multiaz')).stdout);
    expect(grants(only)).toEqual(['get namespaces in kube-system', 'list nodes']);
    const cis = grants(objectsOf((await havenkit('rbac', '--cis', '--kubescape')).stdout));
    expect(cis).toContain('list clustercompliancereports.aquasecurity.github.io');
    expect(cis).toContain('list configurationscansummaries.spdx.softwarecomposition.kubescape.io');
    const all = grants(objectsOf((await havenkit('rbac', '--all')).stdout));
    expect(all).toEqual(cis);
    const register = grants(objectsOf((await havenkit('rbac', '--only', 'multiaz', '--sovereignty')).stdout));
    expect(register).toEqual(
      expect.arrayContaining(['list deployments.apps', 'list ingresses.networking.k8s.io']),
    );
    for (const list of [only, cis, all, register].map(String))
      expect(list).not.toMatch(/secrets|\*|update|patch|delete/);
  });

  it('--probe: the probe namespace (created, restricted) and its writes there only', async () => {
    const run = await havenkit(
      'rbac',
      '--only',
      'rwxvolumes',
      '--probe',
      'rwx',
      '--probe-namespace',
      'probes',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "# Never Secrets; no writes but the probes', only in namespace probes (run them with --probe-namespace probes).\n",
    );
    const objects = objectsOf(run.stdout);
    expect(
      objects.find((o) => o.kind === 'Namespace' && o.metadata.name === 'probes')?.metadata.labels,
    ).toEqual({
      'app.kubernetes.io/part-of': 'havenkit',
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    const writes = grants(objects).filter((g) => /^(create|deletecollection) /.test(g));
    expect(writes).toEqual([
      'create persistentvolumeclaims in probes',
      'create pods in probes',
      'deletecollection persistentvolumeclaims in probes',
      'deletecollection pods in probes',
    ]);
  });

  it('--service-account and --namespace name the ServiceAccount; --name the roles', async () => {
    const objects = objectsOf(
      (
        await havenkit(
          'rbac',
          '--service-account',
          'auditor',
          '--namespace',
          'audit',
          '--name',
          'haven-audit',
        )
      ).stdout,
    );
    expect(names(objects).slice(0, 4)).toEqual([
      'Namespace audit',
      'ServiceAccount audit/auditor',
      'ClusterRole haven-audit',
      'ClusterRoleBinding haven-audit',
    ]);
    expect(objects.find((o) => o.kind === 'ClusterRoleBinding')?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'auditor', namespace: 'audit' },
    ]);
  });

  it('--user binds a kubeconfig user: no ServiceAccount, no namespace', async () => {
    const run = await havenkit('rbac', '--user', 'auditor@gemeente.example');
    const objects = objectsOf(run.stdout);
    expect(objects.map((o) => o.kind)).not.toContain('ServiceAccount');
    expect(objects.map((o) => o.kind)).not.toContain('Namespace');
    expect(run.stdout).toMatch(/\n# Apply: kubectl apply -f FILE\n/);
    for (const binding of objects.filter((o) => o.kind.endsWith('Binding')))
      expect(binding.subjects).toEqual([
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'auditor@gemeente.example' },
      ]);
  });

  it('--out writes the manifest atomically and says what it wrote', async () => {
    const out = join(work, 'rbac.yaml');
    const run = await havenkit('rbac', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Wrote ${out}: Namespace havenkit, ServiceAccount havenkit/havenkit, ClusterRole havenkit, ClusterRoleBinding havenkit, Role default/havenkit, RoleBinding default/havenkit, Role kube-system/havenkit, RoleBinding kube-system/havenkit; apply it with: kubectl apply -f ${out}\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe((await havenkit('rbac')).stdout);
  });
});

describe('havenkit rbac refuses, in one line with exit 3', () => {
  const dir = join(work, 'a-directory');
  mkdirSync(dir, { recursive: true });
  it.each<[string[], RegExp]>([
    [
      ['--only', 'multiaz,nope'],
      /unknown check "nope" in --only \(checks: autocerts, cis, clusteradmin, .*\)/,
    ],
    [['--probe', 'disk'], /Expected --probe=disk to be one of: node-lsm, rwx/],
    [
      ['--user', 'bob', '--service-account', 'x'],
      /--service-account cannot be combined with --user|--user cannot be combined with --service-account/,
    ],
    [
      ['--user', 'bob', '--namespace', 'x'],
      /--namespace cannot be combined with --user|--user cannot be combined with --namespace/,
    ],
    [['--probe-namespace', 'probes'], /--probe-namespace needs --probe/],
    [
      ['--all', '--only', 'multiaz'],
      /--all cannot be combined with --only|--only cannot be combined with --all/,
    ],
    [
      ['--probe', 'rwx', '--probe-namespace', 'kube-system'],
      /--probe-namespace kube-system is a namespace of the cluster itself/,
    ],
    [['--namespace', 'Audit'], /--namespace "Audit" is not a namespace name/],
    [['-o', 'xml'], /Expected --output=xml to be one of: yaml, json/],
    [['--out', dir], /cannot write .*a-directory \(--out\)/],
  ])('%j', async (argv, message) => {
    const run = await havenkit('rbac', ...argv);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(message);
  });
});

describe('havenkit rbac --help', () => {
  it('shows the examples and the flag groups', async () => {
    const run = await havenkit('rbac', '--help');
    expect(run.stdout).toContain('havenkit rbac --sovereignty | kubectl apply -f -');
    expect(run.stdout).toContain('havenkit rbac --all --sovereignty --out havenkit-rbac.yaml');
    expect(run.stdout).toMatch(/CHECKS FLAGS\n[\s\S]*--probe-namespace=NAMESPACE/);
    expect(run.stdout).toMatch(/IDENTITY FLAGS\n[\s\S]*--service-account=NAME[\s\S]*--user=NAME/);
    expect(run.stdout).toMatch(/REPORT FLAGS\n[\s\S]*-o, --output=<option>/);
  });
});
