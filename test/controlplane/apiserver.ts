import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeKubeconfig } from './kubeconfig.js';
import type { Pki } from './pki.js';
import { freePort } from './ports.js';
import type { ManagedProcess } from './process.js';
import { startProcess } from './process.js';
import { waitUntilReady } from './wait.js';

/** How an API server authorizes requests: real RBAC, or everything allowed (for the AlwaysAllow case). */
export type AuthorizationMode = 'RBAC' | 'AlwaysAllow';

export interface ApiServerOptions {
  /** @default 'RBAC' */
  readonly authorizationMode?: AuthorizationMode;
  /**
   * etcd key prefix; API servers with different prefixes on one etcd are isolated clusters.
   * @default '/registry'
   */
  readonly etcdPrefix?: string;
}

/** What an API server needs from the run: where to write, which binary, the PKI and etcd. */
export interface ApiServerDeps {
  readonly runDir: string;
  readonly binary: string;
  readonly pki: Pki;
  readonly etcdEndpoint: string;
}

export interface ApiServer {
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** Admin kubeconfig (client cert in `system:masters`). */
  readonly kubeconfig: string;
  readonly authorizationMode: AuthorizationMode;
  readonly etcdPrefix: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** The service CIDR every test API server allocates ClusterIPs from. */
export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/16';
/** Issuer of service-account tokens (the in-cluster default). */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/**
 * Starts kube-apiserver on a free loopback port against the given etcd and waits for /readyz. Its log, and an
 * admin kubeconfig, are written to `<runDir>/apiserver-<name>/`.
 */
export async function startKubeApiServer(
  deps: ApiServerDeps,
  name: string,
  opts: ApiServerOptions = {},
): Promise<ApiServer> {
  const authorizationMode = opts.authorizationMode ?? 'RBAC';
  const etcdPrefix = opts.etcdPrefix ?? '/registry';
  const dir = join(deps.runDir, `apiserver-${name}`);
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const server = `https://127.0.0.1:${port}`;
  const { pki } = deps;
  const args = [
    `--etcd-servers=${deps.etcdEndpoint}`,
    `--etcd-prefix=${etcdPrefix}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    // The lease reconciler would publish the advertise address in the `kubernetes` Endpoints, where a loopback
    // IP is invalid (1.37 refuses to start); nothing in these tests reaches the API through that Service.
    '--endpoint-reconciler-type=none',
    `--secure-port=${port}`,
    `--cert-dir=${dir}`,
    `--tls-cert-file=${pki.servingCert}`,
    `--tls-private-key-file=${pki.servingKey}`,
    `--client-ca-file=${pki.caCert}`,
    `--authorization-mode=${authorizationMode}`,
    `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
    `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
    `--service-account-key-file=${pki.serviceAccountPub}`,
    `--service-account-signing-key-file=${pki.serviceAccountKey}`,
    // No controller-manager, scheduler or kubelet runs, so two plugins that rely on them are off:
    // ServiceAccount rejects pods until the (absent) token controller has made the namespace's `default`
    // ServiceAccount; TaintNodesByCondition puts a not-ready taint on every new Node that only the (absent)
    // node lifecycle controller would lift, so seeded nodes would carry taints their scenario never declared.
    '--disable-admission-plugins=ServiceAccount,TaintNodesByCondition',
    // PodSecurity stays on (it is default-on; named here so nobody drops it): tests dry-run pods into
    // namespaces labelled pod-security.kubernetes.io/enforce=restricted and expect its real verdict.
    '--enable-admission-plugins=PodSecurity',
    // Real clusters allow privileged pods outside restricted namespaces (log shippers, CSI): so do we.
    '--allow-privileged=true',
    '--profiling=false',
    '--v=1',
  ];
  const proc = startProcess(deps.runDir, deps.binary, args, join(dir, 'kube-apiserver.log'));
  const stop = (): Promise<void> => proc.stop();
  try {
    await waitUntilReady('kube-apiserver', proc, `${server}/readyz`, {
      tls: { ca: pki.caCert, cert: pki.adminCert, key: pki.adminKey },
      timeoutMs: 90_000,
    });
    // /readyz can answer before the bootstrap controller has made the `default/kubernetes` Service; a
    // test that compares the cluster before and after a read-only run would see it appear. Wait for it.
    await waitUntilReady('kube-apiserver', proc, `${server}/api/v1/namespaces/default/services/kubernetes`, {
      tls: { ca: pki.caCert, cert: pki.adminCert, key: pki.adminKey },
      timeoutMs: 60_000,
    });
  } catch (err) {
    await stop();
    throw err;
  }
  const kubeconfig = writeKubeconfig(join(dir, 'admin.kubeconfig'), {
    server,
    caCert: pki.caCert,
    clientCert: pki.adminCert,
    clientKey: pki.adminKey,
    user: 'havenkit-admin',
  });
  return { server, kubeconfig, authorizationMode, etcdPrefix, process: proc, stop };
}
