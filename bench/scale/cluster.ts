import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { ApiServer } from '../../test/controlplane/apiserver.js';
import { startKubeApiServer } from '../../test/controlplane/apiserver.js';
import type { BinaryPaths } from '../../test/controlplane/binaries.js';
import type { Pki } from '../../test/controlplane/pki.js';
import { createPki } from '../../test/controlplane/pki.js';
import { startEtcd } from '../../test/controlplane/etcd.js';
import type { ManagedProcess } from '../../test/controlplane/process.js';
import { ApiClient } from './http.js';

/** etcd's backend quota for the benchmark: 50,000 pods written twice (create, status) outgrow the 2 GiB default. */
export const ETCD_QUOTA_BYTES = 8 * 1024 ** 3;

/** The TLS material and address of the admin kubeconfig the apiserver module wrote. */
export interface AdminCredentials {
  readonly server: string;
  readonly ca: Buffer;
  readonly cert: Buffer;
  readonly key: Buffer;
}

export interface ScaleCluster {
  readonly name: string;
  readonly dir: string;
  readonly pki: Pki;
  readonly apiserver: ApiServer;
  readonly etcd: ManagedProcess;
  readonly admin: AdminCredentials;
  /** /version gitVersion, e.g. v1.37.2. */
  readonly version: string;
  stop(): Promise<void>;
}

/** Reads server and client certificate of a kubeconfig with embedded *-data (what writeKubeconfig writes). */
export function readAdminKubeconfig(file: string): AdminCredentials {
  const kc = load(readFileSync(file, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
  };
  const cluster = kc.clusters[0]?.cluster;
  const user = kc.users[0]?.user;
  if (!cluster || !user) throw new Error(`${file}: no cluster or user`);
  const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
  return {
    server: cluster.server,
    ca: b64(cluster['certificate-authority-data']),
    cert: b64(user['client-certificate-data']),
    key: b64(user['client-key-data']),
  };
}

/**
 * A fresh etcd (big quota, data in `<runDir>/<name>/etcd`) and kube-apiserver (RBAC, as the test suite runs
 * it; log and admin kubeconfig in `<runDir>/apiserver-<name>`), both recorded in the run's pid file.
 */
export async function startScaleCluster(
  runDir: string,
  binaries: BinaryPaths,
  name: string,
): Promise<ScaleCluster> {
  const dir = join(runDir, name);
  mkdirSync(dir, { recursive: true });
  const pki = createPki(join(dir, 'pki'));
  const { endpoint, process: etcd } = await startEtcd(runDir, binaries.etcd, {
    dir,
    extraArgs: [`--quota-backend-bytes=${ETCD_QUOTA_BYTES}`],
  });
  let apiserver: ApiServer;
  try {
    apiserver = await startKubeApiServer(
      {
        runDir,
        binary: binaries.kubeApiserver,
        pki,
        etcdEndpoint: endpoint,
      },
      name,
    );
  } catch (err) {
    await etcd.stop();
    throw err;
  }
  const admin = readAdminKubeconfig(apiserver.kubeconfig);
  const version = await fetchVersion(admin);
  return {
    name,
    dir,
    pki,
    apiserver,
    etcd,
    admin,
    version,
    async stop() {
      await apiserver.stop();
      await etcd.stop();
    },
  };
}

async function fetchVersion(admin: AdminCredentials): Promise<string> {
  const client = new ApiClient(admin, 1);
  try {
    return (JSON.parse(await client.get('/version')) as { gitVersion: string }).gitVersion;
  } finally {
    client.close();
  }
}
