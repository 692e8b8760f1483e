/**
 * Bad credentials and servers that are not Kubernetes end the run, they are not an inconclusive report: a
 * credential the kubeconfig names but havenkit cannot use is exit 3 naming the kubeconfig field, before any
 * request (never an anonymous one); a server that does not answer like a Kubernetes API server is exit 4. And
 * `snapshot` never writes a file that `check --snapshot` would refuse.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../checker/helpers.js';
import { controlPlane } from '../controlplane/index.js';
import { BODIES, EVERYTHING, useFaultProxy } from './proxy.js';
import type { Fault, FaultProxy } from './proxy.js';

let proxy: FaultProxy;
let kubeconfig: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-faults-credentials-'));
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

interface KubeconfigFile {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
}

useFaultProxy(work, (p, k) => {
  proxy = p;
  kubeconfig = k;
});

let files = 0;
/** A copy of the proxy's kubeconfig with the user (and cluster) changed. */
function variant(
  user: (u: Record<string, unknown>) => Record<string, unknown>,
  cluster: (c: Record<string, unknown>) => Record<string, unknown> = (c) => c,
): string {
  const config = load(readFileSync(kubeconfig, 'utf8')) as KubeconfigFile;
  for (const u of config.users) u.user = user(u.user);
  for (const c of config.clusters) c.cluster = cluster(c.cluster);
  const file = join(work, `variant-${++files}.kubeconfig`);
  writeFileSync(file, dump(config), { mode: 0o600 });
  return file;
}

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('credentials havenkit cannot use: exit 3 naming the field, and no request at all', () => {
  const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  const cases: [string, (u: Record<string, unknown>) => Record<string, unknown>, RegExp][] = [
    [
      'a client certificate that is no certificate',
      (u) => ({ ...u, 'client-certificate-data': b64('not a certificate') }),
      /client-certificate-data: not a PEM certificate/,
    ],
    [
      'a client key of another certificate',
      (u) => ({ ...u, 'client-key-data': b64(otherKey) }),
      /client-key-data: does not belong to the certificate of client-certificate-data/,
    ],
    [
      'a missing tokenFile',
      () => ({ tokenFile: join(work, 'no-such-token') }),
      /tokenFile: .*no-such-token does not exist/,
    ],
    [
      'an unknown auth-provider',
      () => ({ 'auth-provider': { name: 'keycloak', config: { 'id-token': 'x' } } }),
      /auth-provider: "keycloak" is not supported/,
    ],
  ];

  it.each(cases)('%s', async (_title, user, message) => {
    proxy.faults([]);
    const run = await runCli(['check', '--kubeconfig', variant(user), '--only', 'rbac']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('user "havenkit-admin"');
    expect(run.stdout).toBe('');
    expect(proxy.requests).toEqual([]);
  });

  it('a tokenFile that exists is sent as the bearer token (the API server refuses it: exit 3)', async () => {
    const token = join(work, 'token');
    writeFileSync(token, 'not-a-token-of-this-cluster\n');
    proxy.faults([]);
    const run = await runCli([
      'check',
      '--kubeconfig',
      variant(() => ({ tokenFile: token })),
      '--only',
      'rbac',
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/rejected the credentials .*401 Unauthorized/);
    expect(proxy.requests.length).toBeGreaterThan(0);
    expect(proxy.requests.every((r) => r.identity.kind === 'token')).toBe(true);
  });

  it('an exec plugin that gives no credential sends no anonymous request', async () => {
    const plugin = join(work, 'plugin.mjs');
    writeFileSync(
      plugin,
      'console.log(JSON.stringify({ apiVersion: "client.authentication.k8s.io/v1", kind: "ExecCredential", status: {} }));\n',
    );
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: process.execPath,
      args: [plugin],
      interactiveMode: 'Never',
    };
    proxy.faults([]);
    const run = await runCli(['check', '--kubeconfig', variant(() => ({ exec })), '--only', 'rbac']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(/exec: gave neither a token nor a client certificate/);
    expect(proxy.requests.filter((r) => r.identity.kind === 'anonymous')).toEqual([]);
  });
});

describe('a server that is not a Kubernetes API server: exit 4, never a report', () => {
  const everywhere = (status: number, body: string | object, contentType?: string): Fault[] => [
    { path: EVERYTHING, action: { respond: { status, body, ...(contentType ? { contentType } : {}) } } },
  ];
  it.each([
    ['HTML everywhere', everywhere(200, BODIES.html, 'text/html')],
    ['404 everywhere', everywhere(404, BODIES.notFound)],
    ['{} everywhere', everywhere(200, BODIES.emptyObject)],
  ])('%s', async (_title, faults) => {
    proxy.faults(faults);
    const run = await runCli(['check', '--kubeconfig', kubeconfig]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(/is not a Kubernetes API server/);
    expect(run.stdout).toBe('');
  });

  it('etcd (snapshot writes nothing)', async () => {
    const etcd = variant(
      (u) => u,
      () => ({ server: controlPlane().etcdEndpoint, 'insecure-skip-tls-verify': true }),
    );
    const out = join(work, 'etcd.json');
    const run = await runCli(['snapshot', '--kubeconfig', etcd, '--out', out]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(
      /is not a Kubernetes API server: GET \/version answered 200 without gitVersion/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('snapshot writes only what check --snapshot accepts', () => {
  it.each<[string, Fault]>([
    ['/version answered {}', { path: '/version', action: { respond: { status: 200, body: {} } } }],
    [
      'a kube-system namespace whose uid is a number',
      {
        path: '/api/v1/namespaces/kube-system',
        action: { respond: { status: 200, body: { kind: 'Namespace', metadata: { uid: 7 } } } },
      },
    ],
    [
      'a list whose items are no objects',
      {
        path: '/api/v1/nodes',
        action: { respond: { status: 200, body: { kind: 'NodeList', apiVersion: 'v1', items: [1, 'x'] } } },
      },
    ],
    [
      'a list with kind and apiVersion that are no strings',
      {
        path: '/api/v1/namespaces',
        action: { respond: { status: 200, body: { kind: 5, apiVersion: '', items: [] } } },
      },
    ],
    [
      'an access review whose reason is a number',
      {
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        action: {
          respond: {
            status: 201,
            body: { kind: 'SelfSubjectAccessReview', status: { allowed: true, reason: 5 } },
          },
        },
      },
    ],
  ])('%s', async (title, fault) => {
    proxy.faults([fault]);
    const out = join(work, `${title.replace(/\W+/g, '-')}.json`);
    const snapshot = await runCli(['snapshot', '--kubeconfig', kubeconfig, '--out', out]);
    // A warning may say what the answer cost (no cluster id: waivers scoped by it do not apply); no error.
    expect(
      snapshot.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('havenkit: warning: ')),
    ).toEqual([]);
    expect(snapshot.code).toBe(0);
    const check = await runCli(['check', '--snapshot', out]);
    expect(check.stderr).toBe('');
    expect(check.code).not.toBe(3);
  });
});
