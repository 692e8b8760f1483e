import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './ports.js';
import type { ManagedProcess } from './process.js';
import { startProcess } from './process.js';
import { waitUntilReady } from './wait.js';

export interface Etcd {
  /** Client URL, e.g. http://127.0.0.1:40123 (plain HTTP on loopback: test-only). */
  readonly endpoint: string;
  readonly process: ManagedProcess;
}

export interface EtcdOptions {
  /** Where its data and log go. @default runDir */
  readonly dir?: string;
  /** More flags, e.g. a larger --quota-backend-bytes for bench/scale. */
  readonly extraArgs?: readonly string[];
}

/** Starts a single-member etcd on free loopback client and peer ports with its data under `<dir>/etcd`. */
export async function startEtcd(runDir: string, binary: string, options: EtcdOptions = {}): Promise<Etcd> {
  const dir = options.dir ?? runDir;
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const dataDir = join(dir, 'etcd');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const proc = startProcess(
    runDir,
    binary,
    [
      '--name=havenkit-test',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${endpoint}`,
      `--advertise-client-urls=${endpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=havenkit-test=${peer}`,
      '--initial-cluster-state=new',
      // Throwaway data: skipping fsync makes writes fast on slow CI disks.
      '--unsafe-no-fsync',
      '--log-level=warn',
      ...(options.extraArgs ?? []),
    ],
    join(dir, 'etcd.log'),
  );
  await waitUntilReady('etcd', proc, `${endpoint}/health`, {
    timeoutMs: 30_000,
    accept: (body) => body.includes('"health":"true"'),
  });
  return { endpoint, process: proc };
}
