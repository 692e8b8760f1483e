import type { BinaryPaths } from './binaries.js';
import type { Pki } from './pki.js';

/** Everything the global setup hands to the tests (serializable: it crosses into the workers). */
export interface ControlPlaneContext {
  /** This run's directory: PKI, etcd data, logs, kubeconfigs, pid file. */
  readonly runDir: string;
  /** Admin kubeconfig (group system:masters) of the shared RBAC API server. */
  readonly kubeconfig: string;
  /** URL of the shared API server, https://127.0.0.1:<port>. */
  readonly server: string;
  /** /version of the API server. */
  readonly version: { readonly gitVersion: string; readonly major: string; readonly minor: string };
  /** etcd client URL, shared by every API server of the run (each with its own --etcd-prefix). */
  readonly etcdEndpoint: string;
  readonly pki: Pki;
  readonly binaries: BinaryPaths;
}

declare module 'vitest' {
  export interface ProvidedContext {
    havenkitControlPlane: ControlPlaneContext;
  }
}
