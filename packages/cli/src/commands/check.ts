import { basename, join } from 'node:path';
import * as Flags from '@oclif/core/flags';
import type { InferredFlags } from '@oclif/core/interfaces';
import {
  LANGUAGES,
  aliasBombMessage,
  aliasExpansion,
  REPORT_FORMAT_IDS,
  TEXT,
  VERDICT_TEXT,
  applyWaivers,
  countsLine,
  evaluate,
  languageFromEnvironment,
  checkWaiverNames,
  loadCatalogue,
  loadPrivateKey,
  parseHavenReleases,
  readSnapshotFile,
  readWaiversFile,
  reportFormat,
  signReport,
  toPolicyReport,
} from '@havenkit/checker';
import type {
  Catalogue,
  ClusterSnapshot,
  ComplianceReport,
  HavenRelease,
  Language,
  RenderContext,
  ReportSubject,
  ReportFormat,
  Verdict,
  VerdictWithWaivers,
  WaiversInput,
} from '@havenkit/checker';
import type { PublishedObject } from '@havenkit/collect';
import { load } from 'js-yaml';
import { HavenkitCommand } from '../base-command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { readTextFile } from '../files.js';
import { inputLimits, maxInputSizeFlag } from '../input-limit.js';
import { integrityOfToolkit } from '../integrity.js';
import { collectLive } from '../kube/collect.js';
import {
  FlagGroup,
  clusterFlags,
  onlyFlag,
  parseList,
  colorFlag,
  saveSnapshotFlag,
  tableWidthFlag,
} from '../kube/flags.js';
import { makeOutputDirectory, outputTarget, writeFileAtomic, writeFilesAtomic } from '../kube/write.js';
import { saveSnapshot } from '../kube/save-snapshot.js';
import { expandTimeIn } from '../kube/time-placeholder.js';
import {
  DEFAULT_CONCURRENCY,
  FLEET_MARGIN_MS,
  MAX_CONCURRENCY,
  checkFleet,
  fleetTarget,
} from '../fleet/check-fleet.js';
import type { FleetCheckResult } from '../fleet/check-fleet.js';
import {
  DEFAULT_PUBLISH_NAME,
  PUBLISH_TARGETS,
  checkPublishNames,
  clusterOf,
  publish,
  publishNameFlag,
  publishNamespace,
  publishNamespaceFlag,
  reportConfigMapName,
} from '../kube/publish.js';

/** The exit code of each verdict (with --waivers: of the verdict with waivers). */
const EXIT_BY_VERDICT: Record<VerdictWithWaivers, ExitCode> = {
  compliant: ExitCode.Ok,
  'not-compliant': ExitCode.NotCompliant,
  inconclusive: ExitCode.Inconclusive,
  'compliant-with-waivers': ExitCode.CompliantWithWaivers,
  'selected-passed': ExitCode.SelectedPassed,
  'selected-passed-with-waivers': ExitCode.SelectedPassedWithWaivers,
};

/** What `check` returns (for programmatic use): the verdict, its exit code and the report. */
export interface CheckResult {
  readonly verdict: Verdict;
  readonly verdictWithWaivers?: VerdictWithWaivers;
  readonly exitCode: ExitCode;
  readonly report: ComplianceReport;
}

function readHavenReleases(file: string, maxBytes: number): HavenRelease[] {
  const source = `${file} (--haven-releases)`;
  const text = readTextFile(file, source, maxBytes);
  let value: unknown;
  try {
    value = load(text);
    const bomb = aliasExpansion(value);
    if (bomb !== undefined) throw new Error(aliasBombMessage(bomb));
  } catch (err) {
    throw new UserError(`cannot read ${source}: ${(err as Error).message.split('\n')[0]}`, ExitCode.BadInput);
  }
  return parseHavenReleases(value, source);
}

/** The formats asked for with --output, validated; the order given, without repeats. */
function selectFormats(ids: readonly string[]): ReportFormat[] {
  const formats: ReportFormat[] = [];
  for (const id of ids) {
    const format = reportFormat(id);
    if (!format) {
      throw new UserError(
        `--output ${id} is not a report format; choose from ${REPORT_FORMAT_IDS.join(', ')}`,
        ExitCode.BadInput,
      );
    }
    if (!formats.includes(format)) formats.push(format);
  }
  return formats;
}

export default class Check extends HavenkitCommand {
  static override summary =
    'Check a cluster (or a fleet of clusters) against the Haven standard, live or from a snapshot.';

  static override description = `Reads exactly what the Haven checks need from the cluster (read-only: lists and access reviews, never Secrets), evaluates every mandatory check and prints a report with the evidence behind each verdict. With --snapshot it evaluates a snapshot saved by \`havenkit snapshot\` instead, without any cluster.

Report formats (--output, several at once with --out-dir): ${REPORT_FORMAT_IDS.join(', ')}. With --sign the json report is a signed DSSE envelope that \`havenkit verify\` checks. With --waivers, waived failures are shown as waived and a separate verdict with waivers is given; the checks' own verdict never changes.

Fleets (several --context, --all-contexts or --kubeconfig-dir): each cluster is checked by a child \`havenkit check\` of its own, --concurrency at a time, and stopped when it takes longer than --timeout (default 10m) plus ${FLEET_MARGIN_MS / 1000}s; it then counts as unreachable (timeout). --out-dir is required: each cluster's reports (always report.json) go to a sub-directory named after the cluster (characters other than letters, digits, ".", "_" and "-" become "_"; repeats get -2, -3), fleet.json sums them up, and stdout shows one table, cluster × check, worst first. --out, --sign and --save-snapshot are for one cluster. The fleet exits with the worst code of its clusters, in this order: 4, 3, 12, 1, 2, 5, 7, 6, 0 (a cluster that could not be checked outranks any verdict); Ctrl-C or SIGTERM is passed on to every child, which cleans up, and the run exits 130 or 143.

Exit codes:
  0  compliant: every mandatory check ran, and each passed or was skipped
  1  not compliant: a mandatory check failed (with --waivers: a failure no active waiver covers)
  2  inconclusive: none failed, but one or more are unknown (missing data or permissions)
  3  bad input: flags, kubeconfig, context, snapshot, releases file, waivers file or key
  4  the cluster could not be reached
  5  compliant with waivers (--waivers): every failure is covered by an active waiver
  6  --only left mandatory checks out and the selected checks passed: no Haven verdict
  7  as 6, with every failure of the selected checks covered by an active waiver
  12 --publish: the report was made (and written where asked) but the cluster did not take it

With --no-verdict-exit-code the verdicts 1, 2, 5, 6 and 7 exit 0 (the verdict is in the report); 3, 4 and 12 stay.`;

  static override examples = [
    {
      description: 'A fleet: every context of the kubeconfig, 8 at a time, a table and fleet.json:',
      command:
        '<%= config.bin %> <%= command.id %> --all-contexts --concurrency 8 --timeout 2m --out-dir fleet/',
    },
    {
      description: 'A fleet from a directory with a kubeconfig file per cluster, also as HTML:',
      command:
        '<%= config.bin %> <%= command.id %> --kubeconfig-dir ~/clusters --output table,html --out-dir fleet/',
    },
    {
      description: 'Check the cluster of the current kubeconfig context:',
      command: '<%= config.bin %> <%= command.id %>',
    },
    {
      description: 'Check another context, in Dutch, with the rationale of every check:',
      command: '<%= config.bin %> <%= command.id %> --context prod --lang nl --rationale',
    },
    {
      description: 'Re-evaluate an archived snapshot (offline, deterministic):',
      command: '<%= config.bin %> <%= command.id %> --snapshot cluster-2026-04.json',
    },
    {
      description: 'An audit: save the snapshot, sign the report, write every format for the file:',
      command:
        '<%= config.bin %> <%= command.id %> --save-snapshot snapshot.json --sign havenkit.key --waivers waivers.yaml --output json,html,markdown --out-dir audit/',
    },
    {
      description: 'CI: JUnit and SARIF for the pipeline, the official JSON for other tools:',
      command: '<%= config.bin %> <%= command.id %> --output junit,sarif,haven-json --out-dir reports/',
    },
    {
      description: 'Only two checks, with a newer Kubernetes release than the bundled table knows:',
      command:
        '<%= config.bin %> <%= command.id %> --only multiaz,kubernetesversion --latest-kubernetes 1.38',
    },
  ];

  static override flags = {
    ...clusterFlags,
    // check's own --context: several contexts make a fleet run (the other commands keep one).
    context: Flags.string({
      helpGroup: FlagGroup.Cluster,
      summary:
        "Kubeconfig context to use (default: the kubeconfig's current-context); repeatable or comma-separated: several check a fleet.",
      helpValue: 'NAME',
      multiple: true,
    }),
    'all-contexts': Flags.boolean({
      helpGroup: FlagGroup.Cluster,
      summary: 'Check every context of the kubeconfig (a fleet run, sorted by name; needs --out-dir).',
      exclusive: ['context', 'kubeconfig-dir', 'snapshot'],
    }),
    'kubeconfig-dir': Flags.string({
      helpGroup: FlagGroup.Cluster,
      summary:
        'Check every context of every kubeconfig file in this directory (a fleet run; needs --out-dir).',
      description:
        'Every regular, not hidden file of DIR that defines contexts is a kubeconfig; other files are skipped with a warning. A cluster is named by its context, or FILE/CONTEXT when another file of DIR has a context of the same name.',
      helpValue: 'DIR',
      exclusive: ['context', 'kubeconfig', 'snapshot'],
    }),
    concurrency: Flags.integer({
      helpGroup: FlagGroup.Cluster,
      summary: `Fleet runs: clusters checked at the same time (1-${MAX_CONCURRENCY}).`,
      default: DEFAULT_CONCURRENCY,
      min: 1,
      max: MAX_CONCURRENCY,
      helpValue: 'N',
    }),
    snapshot: Flags.string({
      summary: 'Evaluate this snapshot file (from `havenkit snapshot`) instead of a live cluster.',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Checks,
      // The cluster flags are for a live cluster; a saved snapshot needs none of them.
      exclusive: ['kubeconfig', 'context', 'probe', 'probe-namespace', 'save-snapshot'],
    }),
    only: onlyFlag,
    cis: Flags.boolean({
      summary: 'Include the suggested CIS benchmark check.',
      helpGroup: FlagGroup.Checks,
    }),
    kubescape: Flags.boolean({
      summary: 'Include the suggested Kubescape check.',
      helpGroup: FlagGroup.Checks,
    }),
    'latest-kubernetes': Flags.string({
      summary: 'Latest stable Kubernetes minor (e.g. 1.38), overriding the bundled release table.',
      helpValue: '1.NN',
      helpGroup: FlagGroup.Checks,
    }),
    'haven-releases': Flags.string({
      summary:
        'Haven releases file (JSON or YAML) for the havenversion check; without it that check is skipped.',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Checks,
    }),
    output: Flags.string({
      char: 'o',
      summary: `Report format(s), comma-separated: ${REPORT_FORMAT_IDS.join(', ')}.`,
      multiple: true,
      delimiter: ',',
      default: ['table'],
      helpValue: 'FORMAT',
      helpGroup: FlagGroup.Report,
    }),
    out: Flags.string({
      summary: 'Write the report to this file instead of stdout (one format).',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Report,
      exclusive: ['out-dir'],
    }),
    'out-dir': Flags.string({
      summary:
        'Write each format to this directory (created if missing): report.txt, report.json, haven.json, report.junit.xml, report.sarif, report.md, report.html, policyreport.yaml.',
      description:
        "`{time}` in DIR (and in --out, --save-snapshot) becomes the run's start in UTC, e.g. reports/{time} → reports/20261201T230415Z: one directory per run.",
      helpValue: 'DIR',
      helpGroup: FlagGroup.Report,
    }),
    lang: Flags.string({
      summary: 'Report language (default: from LC_ALL/LC_MESSAGES/LANG, nl* → nl, else en).',
      options: [...LANGUAGES],
      helpGroup: FlagGroup.Report,
    }),
    rationale: Flags.boolean({
      summary: 'Print the rationale of every check in the table.',
      helpGroup: FlagGroup.Report,
    }),
    'failed-only': Flags.boolean({
      summary: 'Table: leave out the checks that passed or were skipped (the verdict and counts stay whole).',
      helpGroup: FlagGroup.Report,
    }),
    verbose: Flags.boolean({
      summary: 'Table: print the evidence of every check (objects, fields, notes; inferences marked).',
      helpGroup: FlagGroup.Report,
    }),
    width: tableWidthFlag,
    'sarif-passes': Flags.boolean({
      summary: 'sarif: include passed checks as results (kind "pass").',
      helpGroup: FlagGroup.Report,
    }),
    openreports: Flags.boolean({
      summary:
        'policyreport: write an OpenReports ClusterReport instead of a wgpolicyk8s.io ClusterPolicyReport.',
      helpGroup: FlagGroup.Report,
    }),
    color: colorFlag,
    'save-snapshot': saveSnapshotFlag,
    waivers: Flags.string({
      summary: 'Waivers file (YAML): accepted, owned and dated exceptions; see docs/auditors-guide.md.',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Audit,
    }),
    sign: Flags.string({
      summary: 'Sign the json report with this ed25519 private key (`havenkit keys generate`).',
      helpValue: 'KEY',
      helpGroup: FlagGroup.Audit,
    }),
    'max-input-size': maxInputSizeFlag,
    publish: Flags.string({
      summary:
        'Also write the report to the cluster (repeatable): configmap (the json report), policyreport (a ClusterPolicyReport; with --openreports a ClusterReport).',
      description:
        'The only write besides the probes, and only when asked: the named objects (--publish-name) and nothing else; an existing object without the label app.kubernetes.io/managed-by=havenkit is never replaced. The policy report kind must be installed (its CRD). What an identity needs for it: `havenkit rbac --publish …`. Exit 12 when the report was made but the cluster did not take it.',
      multiple: true,
      delimiter: ',',
      options: [...PUBLISH_TARGETS],
      helpValue: 'configmap|policyreport',
      helpGroup: FlagGroup.Report,
      exclusive: ['snapshot'],
    }),
    'publish-name': publishNameFlag,
    'publish-namespace': publishNamespaceFlag,
    'verdict-exit-code': Flags.boolean({
      summary:
        "Exit with the verdict's code (default); --no-verdict-exit-code exits 0 whatever the verdict, other errors keep theirs (for schedulers).",
      default: true,
      allowNo: true,
      helpGroup: FlagGroup.Report,
    }),
  };

  async run(): Promise<CheckResult | FleetCheckResult> {
    const { flags: parsed } = await this.parse(Check);
    // Several clusters: one child `check` per cluster (fleet/); one: the run below, as ever.
    const target = await fleetTarget(parsed);
    if (target.fleet) {
      return checkFleet(parsed, target.contexts, () => readInputs({ ...parsed, context: undefined }));
    }
    const flags: CheckFlags = expandTimeIn(
      { ...parsed, context: target.context },
      ['out', 'out-dir', 'save-snapshot'],
      new Date(),
    );
    const inputs = readInputs(flags);
    // Where a published ConfigMap goes is known (or bad input) before anything is read.
    const publishTo = flags.publish?.includes('configmap')
      ? await publishNamespace(flags['publish-namespace'], clusterOf(flags))
      : undefined;
    const startTs = new Date().toISOString();
    const { snapshot, snapshotFile } = await obtainSnapshot(flags, inputs);
    const evaluated = evaluate(snapshot, {
      catalogue: inputs.catalogue,
      ...(inputs.only !== undefined ? { only: inputs.only } : {}),
      ...(inputs.latest !== undefined ? { latestKubernetes: inputs.latest } : {}),
      ...(inputs.havenReleases !== undefined ? { havenReleases: inputs.havenReleases } : {}),
      suggested: { cis: flags.cis, kubescape: flags.kubescape },
      integrity: integrityOfToolkit(),
      ...(snapshotFile !== undefined ? { snapshotSha256: snapshotFile.sha256 } : {}),
    });
    const report = inputs.waivers
      ? applyWaivers(evaluated, inputs.waivers.file, inputs.waivers.sha256)
      : evaluated;
    const stopTs = new Date().toISOString();

    // --sign without a snapshot file was refused in readInputs, before the cluster was read.
    const signed =
      inputs.signingKey !== undefined && snapshotFile !== undefined
        ? signReport(report, inputs.signingKey, snapshotFile, `${flags.sign} (--sign)`)
        : undefined;
    const toTerminal = flags.out === undefined && flags['out-dir'] === undefined;
    const context: RenderContext = {
      language: inputs.language,
      startTs,
      stopTs,
      color: flags.color ?? (toTerminal && process.stdout.isTTY === true && !process.env.NO_COLOR),
      rationale: flags.rationale,
      failedOnly: flags['failed-only'],
      verbose: flags.verbose,
      width: flags.width ?? (toTerminal && process.stdout.isTTY === true ? process.stdout.columns : 100),
      sarifIncludePasses: flags['sarif-passes'],
      openReports: flags.openreports,
      ...(signed !== undefined ? { signedBy: signed.keyId } : {}),
    };
    // Render everything before writing anything: a failure never leaves half the reports.
    const rendered = inputs.formats.map((format) => ({
      format,
      text: format.id === 'json' && signed !== undefined ? signed.envelope : format.render(report, context),
    }));
    writeReports(rendered, flags);
    if (flags['out-dir'] !== undefined) {
      // The reports went to files: say what the verdict is and where they are.
      process.stdout.write(outDirSummary(report, rendered, flags['out-dir'], inputs.language));
    }
    if (flags.publish !== undefined && flags.publish.length > 0) {
      await publishCheckReport(report, context, signed?.envelope, flags, publishTo);
    }

    const verdictCode = EXIT_BY_VERDICT[report.verdictWithWaivers ?? report.verdict];
    const exitCode = flags['verdict-exit-code'] ? verdictCode : ExitCode.Ok;
    // Not this.exit(): HavenkitCommand.catch would report oclif's ExitError as an error. The
    // process ends with this code once the output is flushed.
    process.exitCode = exitCode;
    return {
      verdict: report.verdict,
      ...(report.verdictWithWaivers !== undefined ? { verdictWithWaivers: report.verdictWithWaivers } : {}),
      exitCode,
      report,
    };
  }
}

/** The parsed flags of a single-cluster run: one --context. */
type CheckFlags = Omit<InferredFlags<typeof Check.flags>, 'context'> & { context?: string };

/** Everything `check` reads besides the cluster, validated: bad input fails before any request. */
interface CheckInputs {
  readonly formats: ReportFormat[];
  readonly only?: string[];
  readonly language: Language;
  readonly latest?: string;
  readonly havenReleases?: HavenRelease[];
  readonly waivers?: WaiversInput;
  readonly signingKey?: string;
  readonly catalogue: Catalogue;
}

/** The rules between flags that depend on their values (the plain exclusions are declared on the flags). */
function readInputs(flags: CheckFlags): CheckInputs {
  const formats = selectFormats(flags.output);
  if (formats.length > 1 && flags['out-dir'] === undefined) {
    throw new UserError(
      `--output ${formats.map((f) => f.id).join(',')} writes several reports: give --out-dir DIR`,
      ExitCode.BadInput,
    );
  }
  if (flags.sign !== undefined && !formats.some((f) => f.id === 'json')) {
    throw new UserError('--sign signs the json report: add json to --output', ExitCode.BadInput);
  }
  if (flags.sign !== undefined && flags.snapshot === undefined && flags['save-snapshot'] === undefined) {
    // The signature names the snapshot by its sha256; without the file nobody could verify it.
    throw new UserError(
      '--sign on a live cluster needs --save-snapshot FILE: the signed report names the snapshot, and verify needs it',
      ExitCode.BadInput,
    );
  }
  if (flags.out !== undefined) outputTarget(flags.out, '--out');
  if (flags['save-snapshot'] !== undefined) outputTarget(flags['save-snapshot'], '--save-snapshot');
  checkPublishNames(flags['publish-name'], flags['publish-namespace']);
  const limits = inputLimits(flags['max-input-size']);
  const latest = flags['latest-kubernetes'];
  if (latest !== undefined && !/^v?1\.\d{1,3}$/.test(latest)) {
    throw new UserError(`--latest-kubernetes ${latest} is not a minor version like 1.35`, ExitCode.BadInput);
  }
  const havenReleases =
    flags['haven-releases'] !== undefined
      ? readHavenReleases(flags['haven-releases'], limits.document)
      : undefined;
  const waivers = flags.waivers !== undefined ? readWaiversFile(flags.waivers, limits.document) : undefined;
  const signingKey =
    flags.sign !== undefined
      ? readTextFile(flags.sign, `${flags.sign} (--sign)`, limits.document)
      : undefined;
  if (signingKey !== undefined) loadPrivateKey(signingKey, `${flags.sign} (--sign)`);
  const catalogue = loadCatalogue();
  if (waivers !== undefined) checkWaiverNames(waivers.file, catalogue, flags.waivers ?? '--waivers');
  const only = parseList(flags.only);
  return {
    formats,
    ...(only !== undefined ? { only } : {}),
    language: (flags.lang as Language | undefined) ?? languageFromEnvironment(),
    ...(latest !== undefined ? { latest: latest.replace(/^v/, '') } : {}),
    ...(havenReleases !== undefined ? { havenReleases } : {}),
    ...(waivers !== undefined ? { waivers } : {}),
    ...(signingKey !== undefined ? { signingKey } : {}),
    catalogue,
  };
}

/** The snapshot to evaluate (read from --snapshot, or collected live) and the file that holds it. */
async function obtainSnapshot(
  flags: CheckFlags,
  inputs: CheckInputs,
): Promise<{ snapshot: ClusterSnapshot; snapshotFile?: ReportSubject }> {
  if (flags.snapshot !== undefined) {
    const read = readSnapshotFile(flags.snapshot, inputLimits(flags['max-input-size']).snapshot);
    return { snapshot: read.snapshot, snapshotFile: { name: basename(flags.snapshot), sha256: read.sha256 } };
  }
  const suggested = [...(flags.cis ? ['cis'] : []), ...(flags.kubescape ? ['kubescape'] : [])];
  const snapshot = await collectLive({
    catalogue: inputs.catalogue,
    ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
    ...(flags.context !== undefined ? { context: flags.context } : {}),
    ...(inputs.only !== undefined ? { only: inputs.only } : { suggested }),
    probes: flags.probe ?? [],
    ...(flags['probe-namespace'] !== undefined ? { probeNamespace: flags['probe-namespace'] } : {}),
    probeTimeoutSeconds: flags['probe-timeout'],
    ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
  });
  const saved = flags['save-snapshot'];
  if (saved === undefined) return { snapshot };
  return {
    snapshot,
    snapshotFile: { name: basename(saved), sha256: saveSnapshot(saved, snapshot) },
  };
}

/** --publish: the json report (signed when --sign) in ConfigMap NAME-report, then the policy report as NAME. */
async function publishCheckReport(
  report: ComplianceReport,
  context: RenderContext,
  signedEnvelope: string | undefined,
  flags: CheckFlags,
  namespace: string | undefined,
): Promise<void> {
  const { reportConfigMap } = await import('@havenkit/collect');
  const targets = new Set(flags.publish ?? []);
  const name = flags['publish-name'] ?? DEFAULT_PUBLISH_NAME;
  const cluster = clusterOf(flags);
  const objects: PublishedObject[] = [];
  if (targets.has('configmap') && namespace !== undefined) {
    const text = signedEnvelope ?? reportFormat('json')!.render(report, context);
    objects.push(
      reportConfigMap(reportConfigMapName(name, 'check'), namespace, 'report.json', text, {
        'havenkit.dev/verdict': report.verdictWithWaivers ?? report.verdict,
        'havenkit.dev/stopped-at': context.stopTs,
      }),
    );
  }
  if (targets.has('policyreport')) {
    const policyReport = toPolicyReport(report, context);
    objects.push({
      apiVersion: policyReport.apiVersion,
      kind: policyReport.kind,
      plural: context.openReports ? 'clusterreports' : 'clusterpolicyreports',
      name,
      body: policyReport as unknown as Record<string, unknown>,
    });
  }
  await publish(objects, cluster);
}

/** Writes the rendered reports: to --out-dir as one set, to --out, or the one report to stdout. */
function writeReports(rendered: readonly { format: ReportFormat; text: string }[], flags: CheckFlags): void {
  const outDir = flags['out-dir'];
  if (outDir !== undefined) {
    makeOutputDirectory(outDir);
    writeFilesAtomic(
      rendered.map(({ format, text }) => ({ path: join(outDir, format.fileName), text })),
      '--out-dir',
    );
  } else if (flags.out !== undefined) {
    writeFileAtomic(flags.out, rendered[0]!.text, '--out');
  } else {
    const text = rendered[0]!.text;
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** What `check --out-dir` prints: the verdict (said once), the counts and every file written. */
function outDirSummary(
  report: ComplianceReport,
  rendered: readonly { format: ReportFormat }[],
  outDir: string,
  language: Language,
): string {
  const verdict = report.verdictWithWaivers ?? report.verdict;
  const label = report.verdictWithWaivers !== undefined ? TEXT.verdictWithWaivers : TEXT.verdict;
  const lines = [
    `${label[language]}: ${VERDICT_TEXT[verdict][language]}`,
    `${TEXT.summary[language]}: ${countsLine(report.summary, language)}`,
    `${TEXT.written[language]}:`,
    ...rendered.map(({ format }) => `  ${join(outDir, format.fileName)}  (${format.id})`),
  ];
  return `${lines.join('\n')}\n`;
}
