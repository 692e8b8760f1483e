import type { TestProject } from 'vitest/node';
import { startKubeApiServer } from './apiserver.js';
import { ensureBinaries } from './binaries.js';
import type { ControlPlaneContext } from './context.js';
import { startEtcd } from './etcd.js';
import { createPki } from './pki.js';
import { createRunDir, killRecorded, reapStaleRuns } from './run-dir.js';
import { get } from './wait.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import './context.js';

const log = (msg: string): void => void process.stderr.write(`[controlplane] ${msg}\n`);

/**
 * vitest global setup of the `cluster` project: builds the binaries if missing, then starts one etcd and one
 * RBAC kube-apiserver for the whole run and provides their coordinates as `havenkitControlPlane`. Everything
 * started is stopped by PID at teardown, and on SIGINT/SIGTERM or exit; a crashed earlier run's leftovers are
 * killed first.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reaped = reapStaleRuns();
  if (reaped.length > 0)
    log(`killed ${reaped.length} process(es) left by a crashed run: ${reaped.join(', ')}`);
  const binaries = await ensureBinaries();

  const started = Date.now();
  const runDir = createRunDir();
  const onSignal = (signal: NodeJS.Signals): void => {
    killRecorded(runDir);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const onExit = (): void => killRecorded(runDir);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);

  const teardown = async (): Promise<void> => {
    const stopping = Date.now();
    await apiserver?.stop();
    await etcd?.process.stop();
    log(`stopped in ${Date.now() - stopping} ms`);
    killRecorded(runDir); // API servers a crashed worker never stopped
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
    if (!process.env.HAVENKIT_KEEP_RUN) rmSync(runDir, { recursive: true, force: true });
  };

  let etcd: Awaited<ReturnType<typeof startEtcd>> | undefined;
  let apiserver: Awaited<ReturnType<typeof startKubeApiServer>> | undefined;
  try {
    const pki = createPki(join(runDir, 'pki'));
    etcd = await startEtcd(runDir, binaries.etcd);
    apiserver = await startKubeApiServer(
      { runDir, binary: binaries.kubeApiserver, pki, etcdEndpoint: etcd.endpoint },
      'default',
    );
    const version = JSON.parse(
      (await get(`${apiserver.server}/version`, { ca: pki.caCert, cert: pki.adminCert, key: pki.adminKey }))
        .body,
    ) as ControlPlaneContext['version'];
    log(
      `etcd + kube-apiserver ${version.gitVersion} ready in ${Date.now() - started} ms at ${apiserver.server} (run dir ${runDir})`,
    );
    const context: ControlPlaneContext = {
      runDir,
      kubeconfig: apiserver.kubeconfig,
      server: apiserver.server,
      version: { gitVersion: version.gitVersion, major: version.major, minor: version.minor },
      etcdEndpoint: etcd.endpoint,
      pki,
      binaries,
    };
    project.provide('havenkitControlPlane', context);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
