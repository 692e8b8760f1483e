import { parseSnapshot } from '@havenkit/checker';
import type { Catalogue, ClusterSnapshot, ProbeName } from '@havenkit/model';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { progressReporter } from './progress.js';

export interface LiveCollection {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly catalogue: Catalogue;
  readonly only?: readonly string[];
  readonly suggested?: readonly string[];
  readonly all?: boolean;
  readonly probes?: readonly string[];
  readonly probeTimeoutSeconds: number;
}

/**
 * Collects a snapshot with a spinner on stderr (TTY only); errors pass through with their exit
 * codes. The snapshot is validated like `check --snapshot` validates a file, so that a live run
 * evaluates, and `snapshot`/`--save-snapshot` write, only what a later `check --snapshot` accepts.
 */
export async function collectLive(options: LiveCollection): Promise<ClusterSnapshot> {
  const snapshot = await collect(options);
  try {
    return parseSnapshot(snapshot, 'the collected snapshot');
  } catch (err) {
    // The collector records every answer it cannot use as an error; reaching this is a havenkit bug.
    throw new UserError(
      `internal error: ${(err as Error).message}; nothing was written (please report this)`,
      ExitCode.BadInput,
    );
  }
}

async function collect(options: LiveCollection): Promise<ClusterSnapshot> {
  // Imported here, not at the top: the collector brings @kubernetes/client-node (most of a cold
  // start), which only the commands that talk to a cluster need.
  const { collectSnapshot } = await import('@havenkit/collect');
  const progress = progressReporter();
  try {
    return await collectSnapshot({
      catalogue: options.catalogue,
      ...(options.kubeconfig !== undefined ? { kubeconfigPath: options.kubeconfig } : {}),
      ...(options.context !== undefined ? { context: options.context } : {}),
      ...(options.only !== undefined ? { only: options.only } : {}),
      ...(options.suggested !== undefined ? { suggested: options.suggested } : {}),
      ...(options.all !== undefined ? { all: options.all } : {}),
      probes: (options.probes ?? []) as ProbeName[],
      probeOptions: { timeoutMs: options.probeTimeoutSeconds * 1000 },
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
}
