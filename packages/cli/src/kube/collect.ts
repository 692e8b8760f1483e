import { parseSnapshot } from '@havenkit/checker';
import type { Catalogue, ClusterSnapshot, ProbeName, ResourceNeed } from '@havenkit/model';

/** Readers of the snapshot besides the checks, with the resources they read. */
export type CollectReaders = readonly {
  readonly name: string;
  readonly needs: { readonly resources: readonly ResourceNeed[] };
}[];
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { DEFAULT_RUN_TIMEOUT_MS } from './flags.js';
import { progressReporter } from './progress.js';

export interface LiveCollection {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly catalogue: Catalogue;
  readonly only?: readonly string[];
  readonly suggested?: readonly string[];
  readonly all?: boolean;
  /** Readers besides the checks (the dependency register's functions). */
  readonly readers?: CollectReaders;
  /** Collect for no check, only for `readers`. */
  readonly withoutChecks?: boolean;
  readonly probes?: readonly string[];
  /** `--probe-namespace`: probe in this existing namespace. */
  readonly probeNamespace?: string;
  readonly probeTimeoutSeconds: number;
  /** `--timeout`, in milliseconds. @default DEFAULT_RUN_TIMEOUT_MS */
  readonly timeoutMs?: number;
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
  const timeoutMs = options.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const deadline = {
    signal: AbortSignal.timeout(timeoutMs),
    label: `--timeout ${formatDuration(timeoutMs)}`,
  };
  try {
    const snapshot = await collectSnapshot({
      catalogue: options.catalogue,
      ...(options.kubeconfig !== undefined ? { kubeconfigPath: options.kubeconfig } : {}),
      ...(options.context !== undefined ? { context: options.context } : {}),
      ...(options.only !== undefined ? { only: options.only } : {}),
      ...(options.suggested !== undefined ? { suggested: options.suggested } : {}),
      ...(options.all !== undefined ? { all: options.all } : {}),
      ...(options.readers !== undefined ? { readers: options.readers } : {}),
      ...(options.withoutChecks !== undefined ? { withoutChecks: options.withoutChecks } : {}),
      probes: (options.probes ?? []) as ProbeName[],
      probeOptions: {
        timeoutMs: options.probeTimeoutSeconds * 1000,
        ...(options.probeNamespace !== undefined ? { namespace: options.probeNamespace } : {}),
      },
      onProgress: progress.onProgress,
      onWarning: (message) => {
        // On a terminal, over the spinner line (it redraws with the next progress).
        process.stderr.write(`${process.stderr.isTTY ? '\r\u001b[2K' : ''}havenkit: warning: ${message}\n`);
      },
      deadline,
    });
    progress.stop();
    if (deadline.signal.aborted) {
      const late = Object.entries(snapshot.resources)
        .filter(([, r]) => 'error' in r && r.error.reason === 'Timeout')
        .map(([name]) => name);
      process.stderr.write(
        `havenkit: the run deadline (${deadline.label}) passed before everything was read${
          late.length > 0 ? `; not read (unknown): ${late.join(', ')}` : ''
        }\n`,
      );
    }
    return snapshot;
  } finally {
    progress.stop();
  }
}

/** 600000 → "10m", 90000 → "1m30s": the way --timeout is written. */
function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 || seconds === 0 ? `${s}s` : ''}`;
}
