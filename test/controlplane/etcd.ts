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

/** Starts a single-member etcd on free loopback client and peer ports with its data under `runDir/etcd`. */
export async function startEtcd(runDir: string, binary: string): Promise<Etcd> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const dataDir = join(runDir, 'etcd');
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
    ],
    join(runDir, 'etcd.log'),
  );
  await waitUntilReady('etcd', proc, `${endpoint}/health`, {
    timeoutMs: 30_000,
    accept: (body) => body.includes('"health":"true"'),
  });
  return { endpoint, process: proc };
}
