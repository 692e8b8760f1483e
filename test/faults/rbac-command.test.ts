/**
 * `havenkit rbac` on a real API server: its output, parsed and applied as it is, makes an identity
 * (a ServiceAccount with a TokenRequest token, or a kubeconfig user) that runs `check`,
 * `sovereignty` and `snapshot` with nothing unknown or unreadable for lack of rights — every
 * outcome as it is for cluster-admin — while access reviews show it may read no Secret and write
 * nothing; with --probe, the probes run as it and the writes it may make are exactly those the
 * probes declare (PROBE_ACCESS), in the probe namespace only. An API server of its own, seeded with
 * the compliant scenario: the manifest's cluster-wide names cannot meet another test's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import type { RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { dump, loadAll } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterSnapshot,
  ComplianceReport,
  DependencyRegister,
} from '../../packages/checker/src/index.js';
import { PROBE_ACCESS } from '../../packages/collect/src/probes.js';
import { outcomes, runCli } from '../checker/helpers.js';
import {
  controlPlane,
  mintIdentity,
  seedScenario,
  startApiServer,
  uniqueName,
} from '../controlplane/index.js';
import type { ExtraApiServer, Manifest } from '../controlplane/index.js';
import { ApiError, RestClient } from '../controlplane/rest.js';

interface Subject {
  readonly user: string;
  readonly groups: readonly string[];
}
interface Attributes {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly namespace?: string;
}
interface RulesReview {
  status: {
    resourceRules: {
      verbs: string[];
      apiGroups?: string[];
      resources?: string[];
      resourceNames?: string[];
    }[];
    incomplete: boolean;
  };
}

const work = mkdtempSync(join(tmpdir(), 'havenkit-rbac-command-'));
let server: ExtraApiServer | undefined;
let admin: RestClient;
/** What cluster-admin sees: the baseline every limited identity must match. */
const baseline: { report?: ComplianceReport; register?: DependencyRegister } = {};

const READS = new Set(['get', 'list', 'watch']);
const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection'] as const;
/** The sample of resources every write verb is reviewed on (resource, group, cluster-scoped). */
const SAMPLE: readonly [string, string, boolean][] = [
  ['pods', '', false],
  ['deployments', 'apps', false],
  ['configmaps', '', false],
  ['secrets', '', false],
  ['services', '', false],
  ['serviceaccounts', '', false],
  ['persistentvolumeclaims', '', false],
  ['roles', 'rbac.authorization.k8s.io', false],
  ['rolebindings', 'rbac.authorization.k8s.io', false],
  ['clusterroles', 'rbac.authorization.k8s.io', true],
  ['clusterrolebindings', 'rbac.authorization.k8s.io', true],
  ['namespaces', '', true],
  ['nodes', '', true],
  ['customresourcedefinitions', 'apiextensions.k8s.io', true],
];
/** Creates the API server answers without storing anything: what Kubernetes' default roles and the rbac check grant. */
const REVIEWS = new Set([
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authorization.k8s.io/subjectaccessreviews',
  'authentication.k8s.io/selfsubjectreviews',
]);

beforeAll(async () => {
  server = await startApiServer();
  await seedScenario(server.kubeconfig, 'compliant');
  admin = await RestClient.fromKubeconfig(server.kubeconfig);
}, 240_000);
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** `havenkit rbac ARGS`: its YAML parsed, as kubectl would read it. */
async function rbac(args: readonly string[]): Promise<Manifest[]> {
  const run = await runCli(['rbac', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return (loadAll(run.stdout) as Manifest[]).filter((o) => o !== null && o !== undefined);
}

/** Creates every object as cluster-admin, in order (a namespace that exists already is fine). */
async function apply(objects: readonly Manifest[]): Promise<void> {
  for (const object of objects) {
    const path = await admin.resourcePath(object.apiVersion, object.kind, object.metadata.namespace);
    try {
      await admin.request('POST', path, object);
    } catch (err) {
      if (!(object.kind === 'Namespace' && err instanceof ApiError && err.status === 409)) throw err;
    }
  }
}

/** A kubeconfig with a TokenRequest token of the ServiceAccount, as `kubectl create token` gives one. */
async function serviceAccountKubeconfig(namespace: string, name: string): Promise<string> {
  const review = await admin.request<{ status: { token: string } }>(
    'POST',
    `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
  );
  const file = join(work, `${uniqueName(name)}.kubeconfig`);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'test',
        cluster: {
          server: server!.server,
          'certificate-authority-data': readFileSync(controlPlane().pki.caCert).toString('base64'),
        },
      },
    ],
    users: [{ name, user: { token: review.status.token } }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: name } }],
    'current-context': 'test',
  };
  writeFileSync(file, dump(config), { mode: 0o600 });
  return file;
}

const serviceAccount = (namespace: string, name: string): Subject => ({
  user: `system:serviceaccount:${namespace}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
});

/** May `subject` do this? A SubjectAccessReview as cluster-admin (kubectl auth can-i --as). */
async function allowed(subject: Subject, attributes: Attributes): Promise<boolean> {
  const review = await admin.request<{ status: { allowed: boolean } }>(
    'POST',
    '/apis/authorization.k8s.io/v1/subjectaccessreviews',
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user: subject.user, groups: subject.groups, resourceAttributes: attributes },
    },
  );
  return review.status.allowed;
}

/** The attributes of `attempts` the subject is allowed, as "verb resource[.group] [in ns]". */
async function allowedOf(subject: Subject, attempts: readonly Attributes[]): Promise<string[]> {
  const answers = await Promise.all(attempts.map((a) => allowed(subject, a)));
  return attempts.filter((_, i) => answers[i]).map(text);
}

const text = (a: Attributes): string =>
  `${a.verb} ${a.group === '' ? a.resource : `${a.resource}.${a.group}`}${a.namespace ? ` in ${a.namespace}` : ''}`;

/** Every write verb on the sample, cluster-wide and in each namespace given (cluster-scoped resources only cluster-wide). */
function writeAttempts(namespaces: readonly string[]): Attributes[] {
  return SAMPLE.flatMap(([resource, group, clusterScoped]) =>
    [undefined, ...(clusterScoped ? [] : namespaces)].flatMap((namespace) =>
      WRITES.map((verb) => ({ verb, group, resource, ...(namespace ? { namespace } : {}) })),
    ),
  );
}

/** get, list and watch of Secrets, cluster-wide and in each namespace. */
const secretReads = (namespaces: readonly string[]): Attributes[] =>
  [undefined, ...namespaces].flatMap((namespace) =>
    [...READS].map((verb) => ({ verb, group: '', resource: 'secrets', ...(namespace ? { namespace } : {}) })),
  );

/** Rights that hand out rights: escalate and bind roles, impersonate. */
const privilegeAttempts: Attributes[] = [
  { verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  { verb: 'bind', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  { verb: 'impersonate', group: '', resource: 'users' },
  { verb: 'impersonate', group: '', resource: 'serviceaccounts' },
  { verb: 'create', group: '', resource: 'serviceaccounts/token', namespace: 'kube-system' },
  { verb: 'create', group: '', resource: 'pods/exec', namespace: 'default' },
];

/** Every permission a manifest grants, as attributes for a review. */
function grantedBy(objects: readonly Manifest[]): Attributes[] {
  return objects.flatMap((o) => {
    const rules = (o as { rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[] }).rules;
    return (rules ?? []).flatMap((rule) =>
      rule.apiGroups.flatMap((group) =>
        rule.resources.flatMap((resource) =>
          rule.verbs.map((verb) => ({
            verb,
            group,
            resource,
            ...(o.kind === 'Role' ? { namespace: o.metadata.namespace } : {}),
          })),
        ),
      ),
    );
  });
}

/** A request as the identity of a kubeconfig (token or client certificate). */
async function asIdentity<T>(kubeconfig: string, path: string, body: unknown): Promise<T> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const options: RequestOptions = {};
  await kc.applyToHTTPSOptions(options);
  const payload = JSON.stringify(body);
  const url = new URL(path, kc.getCurrentCluster()!.server);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        ...options,
        method: 'POST',
        headers: { ...options.headers, Accept: 'application/json', 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  if (status < 200 || status >= 300) throw new Error(`POST ${path} as ${kubeconfig}: ${status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Every write the identity may make in a namespace, by its own SelfSubjectRulesReview (all rules
 * that apply there, cluster-wide ones included), as "verb group/resource".
 */
async function writesIn(kubeconfig: string, namespace: string): Promise<string[]> {
  const review = await asIdentity<RulesReview>(
    kubeconfig,
    '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
  );
  expect(review.status.incomplete).toBe(false);
  const writes = review.status.resourceRules.flatMap((rule) =>
    rule.verbs
      .filter((verb) => !READS.has(verb))
      .flatMap((verb) =>
        (rule.apiGroups ?? ['']).flatMap((group) =>
          (rule.resources ?? []).map((resource) => `${verb} ${group}/${resource}`),
        ),
      ),
  );
  return [...new Set(writes)].sort();
}

/** The reviews' creates: the only writes outside the probe namespace. */
const reviewCreates = (writes: readonly string[]) =>
  writes.filter((w) => !(w.startsWith('create ') && REVIEWS.has(w.slice('create '.length))));

async function checkReport(kubeconfig: string, args: readonly string[] = []) {
  const snapshot = join(work, `${uniqueName('check')}.json`);
  const run = await runCli([
    'check',
    '--kubeconfig',
    kubeconfig,
    ...args,
    '-o',
    'json',
    '--save-snapshot',
    snapshot,
  ]);
  expect([0, 1, 2, 6]).toContain(run.code);
  return {
    run,
    report: JSON.parse(run.stdout) as ComplianceReport,
    snapshot: JSON.parse(readFileSync(snapshot, 'utf8')) as ClusterSnapshot,
  };
}

/** The resources the snapshot could not read for lack of rights (401/403). */
const forbiddenResources = (snapshot: ClusterSnapshot): string[] =>
  Object.entries(snapshot.resources)
    .filter(([, r]) => 'error' in r && (r.error.code === 403 || r.error.code === 401))
    .map(([name]) => name);

const forbiddenChecks = (report: ComplianceReport): string[] =>
  [...report.results, ...report.suggested]
    .filter((r) => r.outcome === 'unknown' && r.cause === 'forbidden')
    .map((r) => r.name);

/** Outcome per mandatory check. */
const mandatory = (report: ComplianceReport): Record<string, string> =>
  Object.fromEntries(report.results.map((r) => [r.name, r.outcome]));

const registerOf = async (kubeconfig: string): Promise<DependencyRegister> => {
  const run = await runCli(['sovereignty', '--kubeconfig', kubeconfig, '-o', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as DependencyRegister;
};

const statuses = (register: DependencyRegister): Record<string, string> =>
  Object.fromEntries(register.functions.map((f) => [f.id, f.status]));

describe('havenkit rbac, applied as it prints it', () => {
  it('cluster-admin first: the baseline of every outcome and every function', async () => {
    baseline.report = (await checkReport(server!.kubeconfig, ['--cis', '--kubescape'])).report;
    baseline.register = await registerOf(server!.kubeconfig);
    expect(Object.values(statuses(baseline.register))).not.toContain('unreadable');
  }, 120_000);

  it('--all --sovereignty, the ServiceAccount havenkit: check, sovereignty and snapshot run as it, nothing forbidden', async () => {
    const manifest = await rbac(['--all', '--sovereignty']);
    expect(manifest.map((o) => o.kind)).toEqual([
      'Namespace',
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'Role',
      'RoleBinding',
      'Role',
      'RoleBinding',
    ]);
    await apply(manifest);
    const kubeconfig = await serviceAccountKubeconfig('havenkit', 'havenkit');

    const { run, report, snapshot } = await checkReport(kubeconfig, ['--cis', '--kubescape']);
    expect(run.stderr).toBe('');
    expect(forbiddenChecks(report)).toEqual([]);
    expect(forbiddenResources(snapshot)).toEqual([]);
    expect(outcomes(report)).toMatchObject({ clusteradmin: 'pass', rbac: 'pass' });
    expect(outcomes(report)).toEqual(outcomes(baseline.report!));
    expect(report.verdict).toBe(baseline.report!.verdict);

    const register = await registerOf(kubeconfig);
    expect(register.functions.filter((f) => f.status === 'unreadable')).toEqual([]);
    expect(statuses(register)).toEqual(statuses(baseline.register!));

    const out = join(work, 'as-service-account.json');
    const saved = await runCli(['snapshot', '--kubeconfig', kubeconfig, '--out', out]);
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    const full = JSON.parse(readFileSync(out, 'utf8')) as ClusterSnapshot;
    expect(full.metadata.clusterId).toMatch(/^[0-9a-f-]{36}$/);
    expect(forbiddenResources(full)).toEqual([]);
    const self = full.access?.self;
    expect(Array.isArray(self) && self.length > 20 && self.filter((r) => !r.allowed)).toEqual([]);
  }, 180_000);

  it('...and that ServiceAccount may read no Secret and write nothing, anywhere', async () => {
    const manifest = await rbac(['--all', '--sovereignty']);
    const subject = serviceAccount('havenkit', 'havenkit');
    const namespaces = ['default', 'kube-system', 'havenkit', 'cert-manager'];
    // The reviews answer yes where the manifest grants: they are not simply saying no.
    const granted = grantedBy(manifest);
    expect(await allowedOf(subject, granted)).toEqual(granted.map(text));
    expect(await allowedOf(subject, secretReads(namespaces))).toEqual([]);
    expect(await allowedOf(subject, writeAttempts(namespaces))).toEqual([]);
    expect(await allowedOf(subject, privilegeAttempts)).toEqual([]);
    // Its own rules review, complete: in no namespace any write but the creates of reviews.
    const kubeconfig = await serviceAccountKubeconfig('havenkit', 'havenkit');
    for (const namespace of namespaces)
      expect(reviewCreates(await writesIn(kubeconfig, namespace))).toEqual([]);
  }, 120_000);

  it('--probe rwx,node-lsm: the probes run as it, writing exactly what they declare, in their namespace only', async () => {
    const manifest = await rbac([
      '--only',
      'rwxvolumes,nodehardening',
      '--probe',
      'rwx,node-lsm',
      '--name',
      'prober',
      '--service-account',
      'prober',
      '--namespace',
      'prober',
      '--probe-namespace',
      'prober-probes',
    ]);
    await apply(manifest);
    const kubeconfig = await serviceAccountKubeconfig('prober', 'prober');
    const { run, report, snapshot } = await checkReport(kubeconfig, [
      '--only',
      'rwxvolumes,nodehardening',
      '--probe',
      'rwx,node-lsm',
      '--probe-namespace',
      'prober-probes',
      '--probe-timeout',
      '2',
    ]);
    expect(run.stderr).toBe(
      'havenkit: running probes: node-lsm, rwx\nhavenkit: probing in namespace prober-probes\nhavenkit: removed the probe objects from namespace prober-probes\n',
    );
    expect(forbiddenChecks(report)).toEqual([]);
    expect(forbiddenResources(snapshot)).toEqual([]);
    // No kubelet, no volume controller: the claims stay pending and the pods never run, but
    // nothing was refused: every claim and pod was made.
    expect(snapshot.probes?.rwx).toMatchObject({
      outcome: 'pending',
      message: 'no ReadWriteMany claim bound within 2 s (StorageClasses tried: nfs-rwx, standard)',
    });
    const nodes = Object.values(snapshot.probes?.nodeLsm?.nodes ?? {});
    expect(nodes).toHaveLength(6);
    for (const node of nodes) expect(node.error).toBe('timed out after 2 s (pod Pending)');
    // This run's objects are gone again (a claim waits for its protection finalizer: deleted).
    const pods = await admin.request<{ items: unknown[] }>('GET', '/api/v1/namespaces/prober-probes/pods');
    expect(pods.items).toEqual([]);
    const claims = await admin.request<{ items: { metadata: { deletionTimestamp?: string } }[] }>(
      'GET',
      '/api/v1/namespaces/prober-probes/persistentvolumeclaims',
    );
    expect(claims.items.length).toBeGreaterThan(0);
    expect(claims.items.filter((c) => c.metadata.deletionTimestamp === undefined)).toEqual([]);

    const subject = serviceAccount('prober', 'prober');
    const declared = [...PROBE_ACCESS.rwx.inNamespace, ...PROBE_ACCESS['node-lsm'].inNamespace]
      .filter((p) => !READS.has(p.verb))
      .map((p) => text({ ...p, namespace: 'prober-probes' }));
    // In the probe namespace: of every write verb on the sample, exactly the declared ones.
    const inProbes = writeAttempts(['prober-probes']).filter((a) => a.namespace === 'prober-probes');
    expect((await allowedOf(subject, inProbes)).sort()).toEqual([...new Set(declared)].sort());
    // Elsewhere, and cluster-wide: none; never Secrets, not even in the probe namespace.
    const elsewhere = writeAttempts(['default', 'kube-system', 'prober']).filter(
      (a) => a.namespace !== 'prober-probes',
    );
    expect(await allowedOf(subject, elsewhere)).toEqual([]);
    expect(await allowedOf(subject, secretReads(['prober-probes', 'prober', 'default']))).toEqual([]);
    expect(
      await allowedOf(subject, [
        ...privilegeAttempts,
        { verb: 'create', group: '', resource: 'pods/exec', namespace: 'prober-probes' },
        { verb: 'create', group: '', resource: 'serviceaccounts/token', namespace: 'prober-probes' },
      ]),
    ).toEqual([]);
    // Its own rules review agrees: the declared writes in the probe namespace, none elsewhere.
    expect(reviewCreates(await writesIn(kubeconfig, 'prober-probes'))).toEqual(
      [
        ...new Set(
          [...PROBE_ACCESS.rwx.inNamespace, ...PROBE_ACCESS['node-lsm'].inNamespace]
            .filter((p) => !READS.has(p.verb))
            .map((p) => `${p.verb} ${p.group}/${p.resource}`),
        ),
      ].sort(),
    );
    for (const namespace of ['default', 'kube-system', 'prober'])
      expect(reviewCreates(await writesIn(kubeconfig, namespace))).toEqual([]);
  }, 180_000);

  it('--user: a kubeconfig user runs the mandatory checks with nothing forbidden, and may write nothing', async () => {
    const user = uniqueName('auditor');
    const manifest = await rbac(['--user', user, '--name', 'auditor']);
    expect(manifest.map((o) => o.kind)).not.toContain('ServiceAccount');
    await apply(manifest);
    const kubeconfig = mintIdentity({ user, server: server!.server });
    const { run, report, snapshot } = await checkReport(kubeconfig);
    expect(run.stderr).toBe('');
    expect(forbiddenChecks(report)).toEqual([]);
    expect(forbiddenResources(snapshot)).toEqual([]);
    expect(mandatory(report)).toEqual(mandatory(baseline.report!));
    const subject = { user, groups: ['system:authenticated'] };
    const namespaces = ['default', 'kube-system', 'logging'];
    expect(await allowedOf(subject, secretReads(namespaces))).toEqual([]);
    expect(await allowedOf(subject, writeAttempts(namespaces))).toEqual([]);
    for (const namespace of namespaces)
      expect(reviewCreates(await writesIn(kubeconfig, namespace))).toEqual([]);
  }, 120_000);

  it('--only narrows on the cluster too: a multiaz identity lists nodes, and not pods', async () => {
    const user = uniqueName('zones');
    await apply(await rbac(['--user', user, '--name', 'zones', '--only', 'multiaz']));
    const kubeconfig = mintIdentity({ user, server: server!.server });
    const { run, report } = await checkReport(kubeconfig, ['--only', 'multiaz']);
    expect(run.stderr).toBe('');
    expect(outcomes(report)).toEqual({ multiaz: outcomes(baseline.report!).multiaz });
    const subject = { user, groups: ['system:authenticated'] };
    expect(
      await allowedOf(subject, [
        { verb: 'list', group: '', resource: 'nodes' },
        { verb: 'list', group: '', resource: 'pods' },
        { verb: 'list', group: 'storage.k8s.io', resource: 'storageclasses' },
      ]),
    ).toEqual(['list nodes']);
  }, 120_000);
});
