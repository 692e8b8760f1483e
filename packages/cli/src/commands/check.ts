import { readFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import {
  evaluate,
  loadCatalogue,
  parseHavenReleases,
  readSnapshotFile,
  renderHavenJson,
  renderJson,
  renderTable,
} from '@havenkit/checker';
import type { ClusterSnapshot, ComplianceReport, HavenRelease, Verdict } from '@havenkit/checker';
import { load } from 'js-yaml';
import { HavenkitCommand } from '../base-command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { integrityOfToolkit } from '../integrity.js';
import { collectLive } from '../kube/collect.js';
import { clusterFlags, onlyFlag, parseList } from '../kube/flags.js';
import { writeFileAtomic } from '../kube/write.js';

const OUTPUTS = ['table', 'json', 'haven-json'] as const;
type Output = (typeof OUTPUTS)[number];

/** The exit code of each verdict. */
const EXIT_BY_VERDICT: Record<Verdict, ExitCode> = {
  compliant: ExitCode.Ok,
  'not-compliant': ExitCode.NotCompliant,
  inconclusive: ExitCode.Inconclusive,
};

/** What `check` returns (for programmatic use): the verdict, its exit code and the report. */
export interface CheckResult {
  readonly verdict: Verdict;
  readonly exitCode: ExitCode;
  readonly report: ComplianceReport;
}

function readHavenReleases(file: string): HavenRelease[] {
  let value: unknown;
  try {
    value = load(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (err as Error).message.split('\n')[0];
    throw new UserError(`cannot read ${file} (--haven-releases): ${why}`, ExitCode.BadInput);
  }
  return parseHavenReleases(value, `${file} (--haven-releases)`);
}

export default class Check extends HavenkitCommand {
  static override summary = 'Check a cluster against the Haven standard, live or from a snapshot.';

  static override description = `Reads exactly what the Haven checks need from the cluster (read-only: lists and access reviews, never Secrets), evaluates every mandatory check and prints a report with the evidence behind each verdict. With --snapshot it evaluates a snapshot saved by \`havenkit snapshot\` instead, without any cluster.

Exit codes:
  0  compliant: every mandatory check passed or was skipped
  1  not compliant: a mandatory check failed
  2  inconclusive: none failed, but one or more are unknown (missing data or permissions)
  3  bad input: flags, kubeconfig, context, snapshot or releases file
  4  the cluster could not be reached`;

  static override examples = [
    {
      description: 'Check the cluster of the current kubeconfig context:',
      command: '<%= config.bin %> <%= command.id %>',
    },
    {
      description: 'Check another context, with the rationale of every check:',
      command: '<%= config.bin %> <%= command.id %> --context prod --rationale',
    },
    {
      description: 'Re-evaluate an archived snapshot (offline, deterministic):',
      command: '<%= config.bin %> <%= command.id %> --snapshot cluster-2026-04.json',
    },
    {
      description: "Write the official checker's JSON for CI, probing RWX storage too:",
      command: '<%= config.bin %> <%= command.id %> --output haven-json --out haven.json --probe rwx',
    },
    {
      description: 'Only two checks, with a newer Kubernetes release than the bundled table knows:',
      command:
        '<%= config.bin %> <%= command.id %> --only multiaz,kubernetesversion --latest-kubernetes 1.38',
    },
  ];

  static override flags = {
    ...clusterFlags,
    snapshot: Flags.string({
      summary: 'Evaluate this snapshot file (from `havenkit snapshot`) instead of a live cluster.',
      helpValue: 'FILE',
    }),
    output: Flags.string({
      char: 'o',
      summary: 'Report format.',
      options: [...OUTPUTS],
      default: 'table',
    }),
    out: Flags.string({ summary: 'Write the report to this file instead of stdout.', helpValue: 'FILE' }),
    only: onlyFlag,
    rationale: Flags.boolean({ summary: 'Print the rationale of every check in the table.' }),
    'latest-kubernetes': Flags.string({
      summary: 'Latest stable Kubernetes minor (e.g. 1.38), overriding the bundled release table.',
      helpValue: '1.NN',
    }),
    'haven-releases': Flags.string({
      summary:
        'Haven releases file (JSON or YAML) for the havenversion check; without it that check is skipped.',
      helpValue: 'FILE',
    }),
    cis: Flags.boolean({ summary: 'Include the suggested CIS benchmark check.' }),
    kubescape: Flags.boolean({ summary: 'Include the suggested Kubescape check.' }),
    color: Flags.boolean({
      summary: 'Colour the table (default: when stdout is a terminal and NO_COLOR is unset).',
      allowNo: true,
    }),
  };

  async run(): Promise<CheckResult> {
    const { flags } = await this.parse(Check);
    const output = flags.output as Output;
    const only = parseList(flags.only);
    if (flags.snapshot !== undefined) {
      const live = [
        flags.kubeconfig !== undefined ? '--kubeconfig' : undefined,
        flags.context !== undefined ? '--context' : undefined,
        flags.probe !== undefined && flags.probe.length > 0 ? '--probe' : undefined,
      ].filter((f) => f !== undefined);
      if (live.length > 0) {
        throw new UserError(
          `--snapshot evaluates a saved snapshot; it cannot be combined with ${live.join(', ')} (those select a live cluster)`,
          ExitCode.BadInput,
        );
      }
    }
    const latest = flags['latest-kubernetes'];
    if (latest !== undefined && !/^v?1\.\d{1,3}$/.test(latest)) {
      throw new UserError(
        `--latest-kubernetes ${latest} is not a minor version like 1.35`,
        ExitCode.BadInput,
      );
    }
    // Fail on bad input before touching the cluster.
    const havenReleases =
      flags['haven-releases'] !== undefined ? readHavenReleases(flags['haven-releases']) : undefined;
    const catalogue = loadCatalogue();
    const suggested = [...(flags.cis ? ['cis'] : []), ...(flags.kubescape ? ['kubescape'] : [])];

    const startTs = new Date().toISOString();
    let snapshot: ClusterSnapshot;
    let sha256: string | undefined;
    if (flags.snapshot !== undefined) {
      ({ snapshot, sha256 } = readSnapshotFile(flags.snapshot));
    } else {
      snapshot = await collectLive({
        catalogue,
        ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
        ...(flags.context !== undefined ? { context: flags.context } : {}),
        ...(only !== undefined ? { only } : { suggested }),
        probes: flags.probe ?? [],
        probeTimeoutSeconds: flags['probe-timeout'],
      });
    }
    const report = evaluate(snapshot, {
      catalogue,
      ...(only !== undefined ? { only } : {}),
      ...(latest !== undefined ? { latestKubernetes: latest.replace(/^v/, '') } : {}),
      ...(havenReleases !== undefined ? { havenReleases } : {}),
      suggested: { cis: flags.cis, kubescape: flags.kubescape },
      integrity: integrityOfToolkit(),
      ...(sha256 !== undefined ? { snapshotSha256: sha256 } : {}),
    });
    const stopTs = new Date().toISOString();

    const toFile = flags.out !== undefined;
    const color = flags.color ?? (!toFile && process.stdout.isTTY === true && !process.env.NO_COLOR);
    const text =
      output === 'json'
        ? renderJson(report)
        : output === 'haven-json'
          ? renderHavenJson(report, { startTs, stopTs })
          : renderTable(report, { rationale: flags.rationale, color });
    if (flags.out !== undefined) writeFileAtomic(flags.out, text, '--out');
    else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

    const exitCode = EXIT_BY_VERDICT[report.verdict];
    // Not this.exit(): HavenkitCommand.catch would report oclif's ExitError as an error. The
    // process ends with this code once the output is flushed.
    process.exitCode = exitCode;
    return { verdict: report.verdict, exitCode, report };
  }
}
