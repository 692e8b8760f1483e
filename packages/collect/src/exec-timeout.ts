import type { ChildProcess, spawn } from 'node:child_process';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeError } from './errors.js';

/** How long an exec credential plugin may run before the run stops (exit 3). */
export const DEFAULT_EXEC_TIMEOUT_MS = 60_000;

/** client-node's ExecAuth (not exported): it starts the plugin with `execFn`, child_process.spawn. */
interface ExecAuthLike {
  execFn: typeof spawn;
}

function isExecAuth(value: unknown): value is ExecAuthLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { execFn?: unknown }).execFn === 'function'
  );
}

/**
 * Bounds every exec credential plugin of `kc` in time. client-node waits for a plugin for ever (a
 * plugin waiting for a browser login or a prompt hung the run); after `timeoutMs` the plugin is
 * killed and its request fails with a KubeError (exit 3) built by `describe`, naming the kubeconfig
 * user and field. The plugin's pipes are closed too, so that a grandchild it left behind (a shell
 * script's `sleep`) cannot keep the process alive.
 */
export function boundExecPlugins(
  kc: KubeConfig,
  timeoutMs: number,
  describe: (command: string) => string,
): void {
  // client-node 1.4 keeps its authenticators in this per-instance field (config.js).
  const authenticators = (kc as unknown as { authenticators?: unknown }).authenticators;
  if (!Array.isArray(authenticators)) return;
  for (const authenticator of authenticators) {
    if (!isExecAuth(authenticator)) continue;
    const start = authenticator.execFn;
    authenticator.execFn = ((command: string, args: readonly string[], options: object) => {
      const child: ChildProcess = start(command, args, options);
      const timer = setTimeout(() => {
        // ExecAuth rejects with the last 'error' once the child closes.
        child.emit('error', KubeError.badInput(describe(command)));
        child.kill('SIGKILL');
        child.stdin?.destroy();
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, timeoutMs);
      child.once('exit', () => clearTimeout(timer));
      return child;
    }) as typeof spawn;
  }
}
