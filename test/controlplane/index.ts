/**
 * Public API of the test control plane: a real kube-apiserver on a real etcd, started once per run by
 * global-setup.ts. Tests of the `cluster` project import from here.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { ApiServerOptions, AuthorizationMode } from './apiserver.js';
import { startKubeApiServer } from './apiserver.js';
import type { ControlPlaneContext } from './context.js';
import { writeIdentityKubeconfig } from './identity.js';
import './context.js';

export type { ApiServerOptions, AuthorizationMode } from './apiserver.js';
export type { ControlPlaneContext } from './context.js';
export type { Scenario } from './scenario.js';
export { loadScenario } from './scenario.js';
export type { SeededScenario } from './seed.js';
export { seedScenario } from './seed.js';
export type { Manifest } from './rest.js';

/** An extra API server started by a test; stop it in afterAll. */
export interface ExtraApiServer {
  /** Admin kubeconfig (group system:masters). */
  readonly kubeconfig: string;
  /** https://127.0.0.1:<port> */
  readonly server: string;
  readonly authorizationMode: AuthorizationMode;
  readonly etcdPrefix: string;
  stop(): Promise<void>;
}

/** The shared control plane of this run: admin kubeconfig, server URL, version, etcd, PKI and binary paths. */
export function controlPlane(): ControlPlaneContext {
  const context = inject('havenkitControlPlane');
  if (!context) {
    throw new Error(
      'no control plane: run this test in the vitest `cluster` project (its globalSetup starts one)',
    );
  }
  return context;
}

/**
 * Starts another kube-apiserver on the run's etcd and PKI, isolated under its own etcd prefix (a fresh, empty
 * "cluster"; a unique prefix is chosen unless given). Starts in about 2 s. Always `await stop()` in afterAll.
 * @param options.authorizationMode default 'RBAC'
 * @param options.etcdPrefix default a unique `/havenkit-<random>`
 */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ExtraApiServer> {
  const cp = controlPlane();
  const etcdPrefix = options.etcdPrefix ?? `/${uniqueName('havenkit')}`;
  const name = etcdPrefix.replace(/[^A-Za-z0-9-]/g, '') || uniqueName('server');
  const server = await startKubeApiServer(
    { runDir: cp.runDir, binary: cp.binaries.kubeApiserver, pki: cp.pki, etcdEndpoint: cp.etcdEndpoint },
    `${name}-${randomBytes(3).toString('hex')}`,
    { ...options, etcdPrefix },
  );
  return {
    kubeconfig: server.kubeconfig,
    server: server.server,
    authorizationMode: server.authorizationMode,
    etcdPrefix: server.etcdPrefix,
    stop: server.stop,
  };
}

/**
 * A kubeconfig for a limited identity: a client cert for `user` in `groups`, signed by the run's CA. It has no
 * rights beyond what RBAC grants those names (system:authenticated is added by the API server).
 * @param options.server default the shared API server; pass an ExtraApiServer's `server` to use it there.
 */
export function mintIdentity(options: { user: string; groups?: readonly string[]; server?: string }): string {
  const cp = controlPlane();
  return writeIdentityKubeconfig(
    cp.runDir,
    cp.pki,
    options.server ?? cp.server,
    options.user,
    options.groups ?? [],
  );
}

/** A DNS-1123 name unique within the run, e.g. `uniqueName('ns')` → `ns-lq3k9x-4f2a`. */
export function uniqueName(prefix: string): string {
  const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const base = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 63 - suffix.length - 1);
  return `${base}-${suffix}`;
}
