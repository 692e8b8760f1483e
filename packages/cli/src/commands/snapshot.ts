import * as Flags from '@oclif/core/flags';
import { loadCatalogue, registerReaders } from '@havenkit/checker';
import type { ClusterSnapshot } from '@havenkit/checker';
import { HavenkitCommand } from '../base-command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { collectLive } from '../kube/collect.js';
import { outputTarget } from '../kube/write.js';
import { saveSnapshot } from '../kube/save-snapshot.js';
import { clusterFlags, onlyFlag, parseList } from '../kube/flags.js';

/** What `snapshot` returns (for programmatic use). */
export interface SnapshotResult {
  readonly file: string;
  readonly resources: number;
  readonly unreadable: string[];
}

export default class Snapshot extends HavenkitCommand {
  static override summary = 'Save what the Haven checks need from a cluster to a snapshot file.';

  static override description = `Reads, read-only, everything the Haven checks (suggested ones included) and the dependency register (\`havenkit sovereignty\`) need: the server version, the served API groups, the resources they list (never Secrets, never ConfigMaps) and what the identity may do. With --only, just what those checks need. The file is written atomically — it never exists half-written — as JSON, or YAML when FILE ends in .yaml or .yml. Evaluate it later, offline and deterministically, with \`havenkit check --snapshot FILE\`.

Reading stops at the --timeout deadline (default 10m): what was not read by then is recorded as a Timeout error, and \`check --snapshot\` reports it unknown.

Exit codes: 0 written; 3 bad input (flags, kubeconfig, context, file); 4 the cluster could not be reached.`;

  static override examples = [
    {
      description: 'Snapshot the cluster of the current context:',
      command: '<%= config.bin %> <%= command.id %> --out cluster.json',
    },
    {
      description: 'Snapshot another context, probing RWX storage and node security modules:',
      command:
        '<%= config.bin %> <%= command.id %> --context prod --out prod.yaml --probe rwx --probe node-lsm',
    },
    {
      description: 'Then evaluate it without the cluster:',
      command: '<%= config.bin %> check --snapshot cluster.json',
    },
  ];

  static override flags = {
    ...clusterFlags,
    out: Flags.string({
      summary: 'Snapshot file to write: .json, or .yaml/.yml for YAML.',
      helpValue: 'FILE',
      required: true,
    }),
    only: onlyFlag,
  };

  async run(): Promise<SnapshotResult> {
    const { flags } = await this.parse(Snapshot);
    if (flags.out === '') {
      throw new UserError('--out FILE is required: the file to write the snapshot to', ExitCode.BadInput);
    }
    const out = flags.out;
    outputTarget(out, '--out');
    const only = parseList(flags.only);
    const catalogue = loadCatalogue();
    const snapshot: ClusterSnapshot = await collectLive({
      catalogue,
      ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
      ...(flags.context !== undefined ? { context: flags.context } : {}),
      ...(only !== undefined ? { only } : { all: true, readers: registerReaders() }),
      probes: flags.probe ?? [],
      ...(flags['probe-namespace'] !== undefined ? { probeNamespace: flags['probe-namespace'] } : {}),
      probeTimeoutSeconds: flags['probe-timeout'],
      ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
    });
    saveSnapshot(out, snapshot, '--out');
    const entries = Object.entries(snapshot.resources);
    const unreadable = entries.filter(([, r]) => 'error' in r).map(([name]) => name);
    const where = `${snapshot.metadata.server ?? ''} (context ${snapshot.metadata.context ?? '?'})`;
    this.log(
      `Wrote ${out}: ${entries.length} resources of ${where}${
        unreadable.length > 0 ? `, ${unreadable.length} unreadable (${unreadable.join(', ')})` : ''
      }.`,
    );
    return { file: out, resources: entries.length, unreadable };
  }
}
