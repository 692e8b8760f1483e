/**
 * The documented least-privilege permissions suffice: an identity granted exactly the RBAC objects the report
 * gives for clusteradmin (every permission the checks need, rbacManifest), plus `list` of what the dependency
 * register reads (docs/sovereignty.md), reads everything a full snapshot reads,
 * the cluster id from kube-system included. An identity that may not read kube-system is told that waivers
 * scoped by clusterId will not apply, never left to find out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../packages/checker/src/index.js';
import { loadCatalogue } from '../../packages/checker/src/catalogue/load.js';
import { permissionsToGrant, rbacManifest } from '../../packages/checker/src/remediation.js';
import { registerReaders } from '../../packages/checker/src/sovereignty/functions.js';
import { planCollection } from '../../packages/collect/src/plan.js';
import { runCli } from '../checker/helpers.js';
import { controlPlane, mintIdentity, uniqueName } from '../controlplane/index.js';
import { RestClient } from '../controlplane/rest.js';

interface RbacObject {
  kind: 'ClusterRole' | 'Role';
  metadata: { name: string; namespace?: string };
}

const work = mkdtempSync(join(tmpdir(), 'havenkit-least-privilege-'));
const catalogue = loadCatalogue();
const clusteradmin = catalogue.checks.find((c) => c.name === 'clusteradmin');
const user = uniqueName('auditor');
const made: string[] = [];
let admin: RestClient;

/** Creates the objects and binds each to `user`; remembers them for afterAll. */
async function grant(objects: RbacObject[]): Promise<void> {
  for (const object of objects) {
    const { name, namespace } = object.metadata;
    const base = '/apis/rbac.authorization.k8s.io/v1';
    const scope = namespace === undefined ? '' : `/namespaces/${namespace}`;
    const plural = object.kind === 'ClusterRole' ? 'clusterroles' : 'roles';
    const binding = object.kind === 'ClusterRole' ? 'clusterrolebindings' : 'rolebindings';
    await admin.request('POST', `${base}${scope}/${plural}`, object);
    await admin.request('POST', `${base}${scope}/${binding}`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: object.kind === 'ClusterRole' ? 'ClusterRoleBinding' : 'RoleBinding',
      metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: object.kind, name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
    });
    made.push(`${base}${scope}/${plural}/${name}`, `${base}${scope}/${binding}/${name}`);
  }
}

beforeAll(async () => {
  admin = await RestClient.fromKubeconfig(controlPlane().kubeconfig);
});
afterAll(async () => {
  for (const path of made) await admin.request('DELETE', path).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

describe('the documented least-privilege permissions', () => {
  it('let a full snapshot read everything, the cluster id from kube-system included', async () => {
    expect(clusteradmin).toBeDefined();
    // A full snapshot reads what the checks and the dependency register read: the checks'
    // permissions (clusteradmin's remediation) and `list` of every resource of the register.
    const register = planCollection(catalogue, {
      withoutChecks: true,
      readers: registerReaders(),
    }).permissions;
    const permissions = [...permissionsToGrant(clusteradmin!, catalogue.checks), ...register];
    await grant(yaml.loadAll(rbacManifest(user, permissions)) as RbacObject[]);
    const out = join(work, 'least.json');
    const run = await runCli(['snapshot', '--kubeconfig', mintIdentity({ user }), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const snapshot = JSON.parse(readFileSync(out, 'utf8')) as ClusterSnapshot;
    expect(snapshot.metadata.clusterId).toMatch(/^[0-9a-f-]{36}$/);
    const forbidden = Object.entries(snapshot.resources).filter(
      ([, r]) => 'error' in r && (r.error.code === 403 || r.error.code === 401),
    );
    expect(forbidden).toEqual([]);
    const self = snapshot.access?.self;
    expect(Array.isArray(self) && self.filter((review) => !review.allowed)).toEqual([]);
  });

  it('without kube-system: the run says that waivers scoped by clusterId will not apply', async () => {
    const run = await runCli([
      'snapshot',
      '--kubeconfig',
      mintIdentity({ user: uniqueName('nobody') }),
      '--only',
      'multiaz',
      '--out',
      join(work, 'nobody.json'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^havenkit: warning: cannot read the cluster id, the uid of namespace kube-system \(GET \/api\/v1\/namespaces\/kube-system: 403 Forbidden: .*\); the report names no cluster id, so waivers scoped by clusterId do not apply; grant get on namespaces in kube-system\n/,
    );
  });
});
