import { createHash } from 'node:crypto';
import { readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import * as Flags from '@oclif/core/flags';
import type { InferredFlags } from '@oclif/core/interfaces';
import {
  CHECKER_NAME,
  CHECKER_VERSION,
  GATES,
  LANGUAGES,
  buildRegister,
  EXIT_READS,
  evaluateGates,
  languageFromEnvironment,
  loadCatalogue,
  loadFramework,
  loadPrivateKey,
  loadRegisterFunctions,
  loadSovereigntyFacts,
  mergeFacts,
  parseGates,
  parseYamlDocuments,
  readSnapshotFile,
  readUserFacts,
  registerReaders,
  renderExitPlan,
  renderRegisterHtml,
  renderRegisterMarkdown,
  renderRegisterTable,
  signRegister,
  snapshotOfManifests,
} from '@havenkit/checker';
import type {
  ClusterSnapshot,
  DependencyRegister,
  GateFinding,
  KubeObject,
  Language,
  LoadedSovereigntyFacts,
  ManifestDocument,
  RegisterMetadata,
  ReportSubject,
} from '@havenkit/checker';
import { exitTargetFor, providerAlternatives } from '../alternatives.js';
import { HavenkitCommand } from '../base-command.js';
import { nearest } from '../nearest.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { fileErrorReason, readTextFile } from '../files.js';
import { inputLimits, maxInputSizeFlag } from '../input-limit.js';
import { collectLive } from '../kube/collect.js';
import { FlagGroup, clusterFlags, colorFlag, saveSnapshotFlag, tableWidthFlag } from '../kube/flags.js';
import { expandTimeIn } from '../kube/time-placeholder.js';
import { makeOutputDirectory, outputTarget, writeFileAtomic, writeFilesAtomic } from '../kube/write.js';
import {
  DEFAULT_PUBLISH_NAME,
  checkPublishNames,
  clusterOf,
  publish,
  publishNameFlag,
  publishNamespace,
  publishNamespaceFlag,
  reportConfigMapName,
} from '../kube/publish.js';
import { saveSnapshot } from '../kube/save-snapshot.js';

/** The formats of the register and the file each gets in --out-dir. */
const FORMATS = {
  table: { fileName: 'register.txt' },
  json: { fileName: 'register.json' },
  markdown: { fileName: 'register.md' },
  html: { fileName: 'register.html' },
  'exit-plan': { fileName: 'exit-plan.md' },
} as const;
type FormatId = keyof typeof FORMATS;
const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

/** What `sovereignty` returns (for programmatic use). */
export interface SovereigntyResult {
  readonly register: DependencyRegister;
  readonly findings: readonly GateFinding[];
  readonly exitCode: ExitCode;
}

export default class Sovereignty extends HavenkitCommand {
  static override summary =
    'The digital-dependency register: who a cluster or an app depends on, and under which law.';

  static override description = `Lists, per function (hosting, control plane, storage, load balancing, ingress, image supply, certificates, DNS, backup, logging and monitoring export, external endpoints, admission webhooks, aggregated APIs), the companies the cluster depends on, where their control sits (EU/EEA, EU with a parent outside, outside, unknown, your own), the objects that show it and how many workloads depend on it; the images and the registries they come from (and who hosts those); and the countries the nodes and volumes are in. What the bundled facts (compliance/sovereignty/*.yaml, with sources) do not know is unknown, never EU; add your own registries, mirrors and data centre with --facts FILE (the same schema).

Every register also scores the subject against the EU Cloud Sovereignty Framework v1.2.1 (compliance/frameworks/eu-csf.yaml): per objective the highest SEAL its evidence allows (an unknown party or an unread function counts as the worst, so an unknown never raises a SEAL), the overall SEAL (the lowest objective's), the weighted score at most (--weights framework-1.2.1 or calculator-2026), and per criterion that only the supplier can show what to ask for. It groups the parties by ultimate parent (concentration; substitutable when another provider profile offers their functions) and maps its findings to DORA Art. 28/29, NIS2 Art. 21(2)(d) and the Dutch 2026 cloud policy (a mapping, never a legal verdict).

Sources: a live cluster (read-only, never Secrets or ConfigMaps), --snapshot FILE (from \`havenkit snapshot\`), or before deployment --manifests FILE|DIR|- (e.g. \`helm template\` output) or --app FILE --provider ID (a havenkit app for a provider profile).

Formats (--output, several with --out-dir): ${FORMAT_IDS.join(', ')}. With --sign the json register is a signed DSSE envelope that \`havenkit verify\` checks.

Exit readiness: --exit-to PROVIDER (a provider profile, \`havenkit providers\`) adds what must change to move the workloads there — storage classes with data (claims, sizes), load-balancer annotations, ingress classes, registries to mirror, vendor CRDs, provider-specific node selectors and tolerations — each a config change, a data migration or a re-architecture; -o exit-plan writes an exit-plan skeleton (planned exit, sudden disruption) pre-filled with them.

Exit codes:
   0  the register was made (and no --fail-on gate found anything)
   3  bad input: flags, kubeconfig, snapshot, manifests, app, facts file or key
   4  the cluster could not be reached
  10  a --fail-on gate found a dependency it fails on
  11  --fail-on gates found only what is not known (unknown entities, functions not read)
  12  --publish: the register was made (and written where asked) but the cluster did not take it`;

  static override examples = [
    {
      description: 'The register of the current kubeconfig context:',
      command: '<%= config.bin %> <%= command.id %>',
    },
    {
      description: 'From a snapshot, in Dutch, as HTML and markdown for the file:',
      command:
        '<%= config.bin %> <%= command.id %> --snapshot cluster.json --lang nl --output html,markdown --out-dir register/',
    },
    {
      description: 'A third-party chart before it is deployed:',
      command:
        'helm template my-app ./chart | <%= config.bin %> <%= command.id %> --manifests - --provider scaleway',
    },
    {
      description: 'What stops if Docker (Docker Hub) is cut off:',
      command: '<%= config.bin %> <%= command.id %> --snapshot cluster.json --without docker',
    },
    {
      description: "The scores with the weights of the framework's 2026 calculator, as json:",
      command:
        '<%= config.bin %> <%= command.id %> --snapshot cluster.json --weights calculator-2026 -o json',
    },
    {
      description: 'CI: fail when an image comes from a registry under non-EU control, or is not pinned:',
      command:
        '<%= config.bin %> <%= command.id %> --snapshot cluster.json --fail-on non-eu-registry,unpinned',
    },
    {
      description: 'Signed evidence, with your own registry mirror declared:',
      command:
        '<%= config.bin %> <%= command.id %> --snapshot cluster.json --facts our-registries.yaml --sign havenkit.key --output json --out register.json',
    },
    {
      description: 'What it takes to move to OVHcloud, and the exit-plan skeleton in Dutch:',
      command:
        '<%= config.bin %> <%= command.id %> --snapshot cluster.json --exit-to ovhcloud --lang nl -o table,exit-plan --out-dir exit/',
    },
  ];

  static override flags = {
    kubeconfig: clusterFlags.kubeconfig,
    context: clusterFlags.context,
    timeout: clusterFlags.timeout,
    snapshot: Flags.string({
      summary: 'The register of this snapshot file (from `havenkit snapshot`) instead of a live cluster.',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Checks,
      exclusive: ['kubeconfig', 'context', 'save-snapshot', 'manifests', 'app'],
    }),
    manifests: Flags.string({
      summary:
        'Manifests before deployment: a YAML/JSON file, a directory of them, or - for stdin (repeatable).',
      helpValue: 'FILE|DIR|-',
      multiple: true,
      helpGroup: FlagGroup.Checks,
      exclusive: ['kubeconfig', 'context', 'save-snapshot', 'app'],
    }),
    app: Flags.string({
      summary: 'A havenkit app spec (YAML, or a TypeScript/JavaScript module) synthesized for --provider.',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Checks,
      dependsOn: ['provider'],
      exclusive: ['kubeconfig', 'context', 'save-snapshot'],
    }),
    provider: Flags.string({
      summary:
        'The provider profile the manifests or the app target (`havenkit providers`): stands in for the nodes.',
      helpValue: 'ID',
      helpGroup: FlagGroup.Checks,
    }),
    facts: Flags.string({
      summary:
        'Your own facts (YAML, the schema of compliance/sovereignty): registries, mirrors, data centre (repeatable).',
      helpValue: 'FILE',
      multiple: true,
      helpGroup: FlagGroup.Checks,
    }),
    'exit-to': Flags.string({
      summary:
        'What must change to move the workloads to this provider profile (`havenkit providers`); with -o exit-plan, the exit-plan skeleton.',
      helpValue: 'PROVIDER',
      helpGroup: FlagGroup.Checks,
    }),
    without: Flags.string({
      summary:
        'What stops if this entity (or group: an ultimate parent takes its subsidiaries along) is cut off, e.g. docker, microsoft (repeatable, comma-separated).',
      helpValue: 'ENTITY',
      multiple: true,
      delimiter: ',',
      helpGroup: FlagGroup.Checks,
    }),
    weights: Flags.string({
      summary:
        'The EU Cloud Sovereignty Framework weight set of the score: framework-1.2.1 (the framework, default) or calculator-2026 (its calculator).',
      helpValue: 'SET',
      helpGroup: FlagGroup.Checks,
    }),
    'fail-on': Flags.string({
      summary: `Exit 10 when a gate finds something, comma-separated: ${Object.keys(GATES).join(', ')}; non-eu, non-eu-parent and unknown also as GATE:FUNCTION.`,
      multiple: true,
      delimiter: ',',
      helpValue: 'GATE',
      helpGroup: FlagGroup.Checks,
    }),
    output: Flags.string({
      char: 'o',
      summary: `Format(s), comma-separated: ${FORMAT_IDS.join(', ')}.`,
      // -o/--output is the output format in every command; --format says the same (--format exit-plan).
      aliases: ['format'],
      multiple: true,
      delimiter: ',',
      default: ['table'],
      helpValue: 'FORMAT',
      helpGroup: FlagGroup.Report,
    }),
    out: Flags.string({
      summary: 'Write the register to this file instead of stdout (one format).',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Report,
      exclusive: ['out-dir'],
    }),
    'out-dir': Flags.string({
      summary: `Write each format to this directory (created if missing): ${FORMAT_IDS.map((f) => FORMATS[f].fileName).join(', ')}.`,
      description:
        "`{time}` in DIR (and in --out, --save-snapshot) becomes the run's start in UTC, e.g. reports/{time} → reports/20261201T230415Z: one directory per run.",
      helpValue: 'DIR',
      helpGroup: FlagGroup.Report,
    }),
    lang: Flags.string({
      summary: 'Language (default: from LC_ALL/LC_MESSAGES/LANG, nl* → nl, else en).',
      options: [...LANGUAGES],
      helpGroup: FlagGroup.Report,
    }),
    verbose: Flags.boolean({
      summary: 'Table: print the evidence of every dependency and every unpinned image.',
      helpGroup: FlagGroup.Report,
    }),
    width: tableWidthFlag,
    color: colorFlag,
    'save-snapshot': saveSnapshotFlag,
    sign: Flags.string({
      summary: 'Sign the json register with this ed25519 private key (`havenkit keys generate`).',
      helpValue: 'KEY',
      helpGroup: FlagGroup.Audit,
    }),
    'max-input-size': maxInputSizeFlag,
    publish: Flags.string({
      summary:
        'Also write the json register to the cluster: configmap (ConfigMap NAME-sovereignty; signed when --sign).',
      description:
        'The only write of this command, and only when asked: that one ConfigMap, never an existing one without the label app.kubernetes.io/managed-by=havenkit. What an identity needs for it: `havenkit rbac --sovereignty --publish configmap`. Exit 12 when the register was made but the cluster did not take it.',
      multiple: true,
      delimiter: ',',
      options: ['configmap'],
      helpValue: 'configmap',
      helpGroup: FlagGroup.Report,
      exclusive: ['snapshot', 'manifests', 'app'],
    }),
    'publish-name': publishNameFlag,
    'publish-namespace': publishNamespaceFlag,
  };

  async run(): Promise<SovereigntyResult> {
    const { flags: parsed } = await this.parse(Sovereignty);
    const flags = expandTimeIn(parsed, ['out', 'out-dir', 'save-snapshot'], new Date());
    checkPublishNames(flags['publish-name'], flags['publish-namespace']);
    // Where a published ConfigMap goes is known (or bad input) before anything is read.
    const publishCluster = clusterOf(flags);
    const publishTo =
      flags.publish !== undefined && flags.publish.length > 0
        ? await publishNamespace(flags['publish-namespace'], publishCluster)
        : undefined;
    const inputs = readInputs(flags);
    const exitTo = flags['exit-to'] !== undefined ? exitTargetFor(flags['exit-to']) : undefined;
    const source = await obtainSubject(flags, inputs);
    const register = buildRegister(source.snapshot, inputs.facts, {
      subject: source.subject,
      tool: { name: CHECKER_NAME, version: CHECKER_VERSION },
      ...(source.targetProvider !== undefined ? { targetProvider: source.targetProvider } : {}),
      ...(inputs.without.length > 0 ? { without: inputs.without } : {}),
      ...(exitTo !== undefined ? { exitTo } : {}),
      ...(inputs.weights !== undefined ? { weights: inputs.weights } : {}),
      alternatives: providerAlternatives(inputs.facts),
    });
    const signed =
      inputs.signingKey !== undefined
        ? signRegister(register, inputs.signingKey, source.signedSubject, `${flags.sign} (--sign)`)
        : undefined;
    const toTerminal = flags.out === undefined && flags['out-dir'] === undefined;
    const isTty = toTerminal && process.stdout.isTTY === true;
    // Render everything before writing anything: a failure never leaves half the files.
    const rendered = inputs.formats.map((id) => ({
      id,
      text:
        id === 'json'
          ? (signed?.envelope ?? `${JSON.stringify(register, null, 2)}\n`)
          : id === 'markdown'
            ? renderRegisterMarkdown(register, { language: inputs.language })
            : id === 'html'
              ? renderRegisterHtml(register, { language: inputs.language })
              : id === 'exit-plan'
                ? renderExitPlan(register, { language: inputs.language })
                : renderRegisterTable(register, {
                    language: inputs.language,
                    color: flags.color ?? (isTty && !process.env.NO_COLOR),
                    width: flags.width ?? (isTty ? process.stdout.columns : 100),
                    verbose: flags.verbose,
                  }),
    }));
    const outDir = flags['out-dir'];
    if (outDir !== undefined) {
      makeOutputDirectory(outDir);
      writeFilesAtomic(
        rendered.map(({ id, text }) => ({ path: join(outDir, FORMATS[id].fileName), text })),
        '--out-dir',
      );
      process.stdout.write(
        `${register.summary.text[inputs.language]}\n${rendered.map(({ id }) => `  ${join(outDir, FORMATS[id].fileName)}  (${id})`).join('\n')}\n`,
      );
    } else if (flags.out !== undefined) {
      writeFileAtomic(flags.out, rendered[0]!.text, '--out');
    } else {
      process.stdout.write(rendered[0]!.text);
    }

    if (publishTo !== undefined) {
      const { reportConfigMap } = await import('@havenkit/collect');
      const name = reportConfigMapName(flags['publish-name'] ?? DEFAULT_PUBLISH_NAME, 'sovereignty');
      const namespace = publishTo;
      const cluster = publishCluster;
      const json = signed?.envelope ?? `${JSON.stringify(register, null, 2)}\n`;
      await publish([reportConfigMap(name, namespace, 'register.json', json)], cluster);
    }

    const findings = evaluateGates(register, inputs.gates);
    for (const gate of [...new Set(findings.map((f) => f.gate))]) {
      const mine = findings.filter((f) => f.gate === gate);
      process.stderr.write(
        `havenkit: --fail-on ${gate}: ${mine.length} finding${mine.length === 1 ? '' : 's'}: ${mine
          .slice(0, 3)
          .map((f) => f.finding)
          .join('; ')}${mine.length > 3 ? `; and ${mine.length - 3} more` : ''}\n`,
      );
    }
    const exitCode =
      findings.length === 0
        ? ExitCode.Ok
        : findings.every((f) => f.unknownOnly)
          ? ExitCode.GateUnknown
          : ExitCode.GateFailed;
    process.exitCode = exitCode;
    return { register, findings, exitCode };
  }
}

type SovereigntyFlags = InferredFlags<typeof Sovereignty.flags>;

interface Inputs {
  readonly formats: FormatId[];
  readonly language: Language;
  readonly facts: LoadedSovereigntyFacts;
  readonly gates: ReturnType<typeof parseGates>;
  readonly without: string[];
  readonly weights?: string;
  readonly signingKey?: string;
  readonly limits: { snapshot: number; document: number };
}

/** Everything besides the subject, validated before any request or synthesis. */
function readInputs(flags: SovereigntyFlags): Inputs {
  const formats: FormatId[] = [];
  for (const id of flags.output) {
    if (!(id in FORMATS)) {
      throw new UserError(
        `--output ${id} is not a register format; choose from ${FORMAT_IDS.join(', ')}`,
        ExitCode.BadInput,
      );
    }
    if (!formats.includes(id as FormatId)) formats.push(id as FormatId);
  }
  if (formats.length > 1 && flags['out-dir'] === undefined) {
    throw new UserError(
      `--output ${formats.join(',')} writes several files: give --out-dir DIR`,
      ExitCode.BadInput,
    );
  }
  if (flags.sign !== undefined && !formats.includes('json')) {
    throw new UserError('--sign signs the json register: add json to --output', ExitCode.BadInput);
  }
  if (formats.includes('exit-plan') && flags['exit-to'] === undefined) {
    throw new UserError(
      '--output exit-plan needs --exit-to PROVIDER: the plan is about moving to that provider profile',
      ExitCode.BadInput,
    );
  }
  const live = flags.snapshot === undefined && flags.manifests === undefined && flags.app === undefined;
  if (flags.sign !== undefined && live && flags['save-snapshot'] === undefined) {
    throw new UserError(
      '--sign on a live cluster needs --save-snapshot FILE: the signed register names the snapshot, and verify needs it',
      ExitCode.BadInput,
    );
  }
  if (flags.provider !== undefined && live) {
    throw new UserError(
      '--provider is for --manifests or --app: a cluster shows its provider itself',
      ExitCode.BadInput,
    );
  }
  if (flags.out !== undefined) outputTarget(flags.out, '--out');
  if (flags['save-snapshot'] !== undefined) outputTarget(flags['save-snapshot'], '--save-snapshot');
  const limits = inputLimits(flags['max-input-size']);
  let facts = loadSovereigntyFacts();
  for (const file of flags.facts ?? []) facts = mergeFacts(facts, readUserFacts(file, limits.document));
  const gates = parseGates(
    (flags['fail-on'] ?? []).map((g) => g.trim()).filter((g) => g !== ''),
    loadRegisterFunctions().map((f) => f.id),
  );
  const without = (flags.without ?? []).map((w) => w.trim()).filter((w) => w !== '');
  const known = facts.entities.map((e) => e.id);
  for (const id of without) {
    if (known.includes(id)) continue;
    const near = nearest(id, known);
    throw new UserError(
      `--without ${id}: no entity ${id} in the facts${near ? ` (did you mean ${near}?)` : ''}; each dependency's entity is in the json register`,
      ExitCode.BadInput,
    );
  }
  const sets = loadFramework().weightSets.map((w) => w.id);
  if (flags.weights !== undefined && !sets.includes(flags.weights)) {
    throw new UserError(
      `--weights ${flags.weights}: not a weight set of the framework; choose from ${sets.join(', ')}`,
      ExitCode.BadInput,
    );
  }
  const signingKey =
    flags.sign !== undefined
      ? readTextFile(flags.sign, `${flags.sign} (--sign)`, limits.document)
      : undefined;
  if (signingKey !== undefined) loadPrivateKey(signingKey, `${flags.sign} (--sign)`);
  return {
    formats,
    language: (flags.lang as Language | undefined) ?? languageFromEnvironment(),
    facts,
    gates,
    without,
    ...(flags.weights !== undefined ? { weights: flags.weights } : {}),
    ...(signingKey !== undefined ? { signingKey } : {}),
    limits,
  };
}

/**
 * What exit readiness reads besides the register's functions on a live cluster: the CRDs' names.
 * Always read: the portability scores read exit readiness too.
 */
const EXIT_READER = {
  name: 'register:exit',
  needs: {
    resources: EXIT_READS['vendor-api'].map((n) => ({ resource: n.resource, fields: [...n.fields] })),
  },
};

interface Subject {
  readonly snapshot: ClusterSnapshot;
  readonly subject: RegisterMetadata['subject'];
  /** What a signature names: the snapshot file, or the manifests read. */
  readonly signedSubject: ReportSubject;
  readonly targetProvider?: string;
}

/** The snapshot the register is made of: read, collected live, or made of manifests. */
async function obtainSubject(flags: SovereigntyFlags, inputs: Inputs): Promise<Subject> {
  if (flags.snapshot !== undefined) {
    const read = readSnapshotFile(flags.snapshot, inputs.limits.snapshot);
    return {
      snapshot: read.snapshot,
      subject: { kind: 'cluster', snapshotSha256: read.sha256, ...clusterNames(read.snapshot) },
      signedSubject: { name: basename(flags.snapshot), sha256: read.sha256 },
    };
  }
  if (flags.manifests !== undefined || flags.app !== undefined) return manifestsSubject(flags, inputs);
  const snapshot = await collectLive({
    catalogue: loadCatalogue(),
    ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
    ...(flags.context !== undefined ? { context: flags.context } : {}),
    withoutChecks: true,
    readers: [...registerReaders(), EXIT_READER],
    probeTimeoutSeconds: 120,
    ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
  });
  const saved = flags['save-snapshot'];
  const sha256 = saved !== undefined ? saveSnapshot(saved, snapshot) : undefined;
  return {
    snapshot,
    subject: { kind: 'cluster', ...(sha256 ? { snapshotSha256: sha256 } : {}), ...clusterNames(snapshot) },
    signedSubject: { name: saved !== undefined ? basename(saved) : 'cluster', sha256: sha256 ?? '' },
  };
}

function clusterNames(
  snapshot: ClusterSnapshot,
): Pick<RegisterMetadata['subject'], 'server' | 'context' | 'clusterId'> {
  const m = snapshot.metadata;
  return {
    ...(m.server !== undefined ? { server: m.server } : {}),
    ...(m.context !== undefined ? { context: m.context } : {}),
    ...(m.clusterId !== undefined ? { clusterId: m.clusterId } : {}),
  };
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The files a --manifests value names: the file, or a directory's YAML/JSON files (recursively, sorted). */
function manifestFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    throw new UserError(`cannot read ${path} (--manifests): ${fileErrorReason(err)}`, ExitCode.BadInput);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && MANIFEST_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Standard input, whole, up to the limit (`--manifests -`). */
function readStdin(maxBytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new UserError(
        `cannot read standard input (--manifests -): ${fileErrorReason(err)}`,
        ExitCode.BadInput,
      );
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) {
      throw new UserError(
        `standard input (--manifests -) is larger than ${maxBytes} bytes (raise --max-input-size)`,
        ExitCode.BadInput,
      );
    }
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseManifestText(text: string, source: string, json: boolean): ManifestDocument[] {
  try {
    const values = json ? [JSON.parse(text) as unknown] : parseYamlDocuments(text, source);
    return values.map((value, i) => ({
      source: values.length > 1 ? `${source} (document ${i + 1})` : source,
      value,
    }));
  } catch (err) {
    throw new UserError(
      `${source}: not valid ${json ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`,
      ExitCode.BadInput,
    );
  }
}

/** The register's subject for manifests or an app: a snapshot of the manifests, plus the target profile. */
async function manifestsSubject(flags: SovereigntyFlags, inputs: Inputs): Promise<Subject> {
  const documents: ManifestDocument[] = [];
  const digest = createHash('sha256');
  const files: string[] = [];
  // Imported here: the constructs (cdk8s) are only needed for an app or a provider profile.
  const constructs =
    flags.provider !== undefined || flags.app !== undefined
      ? await import('@havenkit/constructs')
      : undefined;
  let profile: Awaited<ReturnType<NonNullable<typeof constructs>['loadProfile']>> | undefined;
  try {
    profile = flags.provider !== undefined ? constructs!.loadProfile(flags.provider) : undefined;
  } catch (err) {
    throw new UserError(
      `--provider ${flags.provider}: ${(err as Error).message.split('\n')[0]}`,
      ExitCode.BadInput,
    );
  }
  if (flags.app !== undefined) {
    let stdout: string | undefined;
    try {
      stdout = (await constructs!.synthCommand({ app: flags.app, provider: flags.provider! })).stdout;
    } catch (err) {
      throw new UserError(`${(err as Error).message.split('\n')[0]}`, ExitCode.BadInput);
    }
    const text = stdout ?? '';
    digest.update(text);
    files.push(flags.app);
    documents.push(...parseManifestText(text, `${flags.app} (synthesized for ${flags.provider})`, false));
  }
  for (const value of flags.manifests ?? []) {
    if (value === '-') {
      const text = readStdin(inputs.limits.document);
      digest.update(text);
      files.push('-');
      documents.push(...parseManifestText(text, 'standard input', false));
      continue;
    }
    for (const file of manifestFiles(value)) {
      const text = readTextFile(file, `${file} (--manifests)`, inputs.limits.document);
      digest.update(text);
      files.push(file);
      documents.push(...parseManifestText(text, file, extname(file).toLowerCase() === '.json'));
    }
  }
  // The profile's storage classes: what a claim of the default or the RWX class is provisioned by.
  const extra: KubeObject[] = [];
  if (profile !== undefined) {
    const storageClass = (name: string | undefined, provisioner: string | undefined): void => {
      if (name && provisioner) {
        extra.push({
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: { name },
          provisioner,
        } as KubeObject);
      }
    };
    const storage = profile.storage as {
      rwo?: { clusterDefault?: string; provisioner?: string };
      rwx?: { class?: string; provisioner?: string };
    };
    storageClass(storage.rwo?.clusterDefault, storage.rwo?.provisioner);
    storageClass(storage.rwx?.class, storage.rwx?.provisioner);
  }
  const snapshot = snapshotOfManifests(documents, {
    now: new Date().toISOString(),
    collector: { name: CHECKER_NAME, version: CHECKER_VERSION },
    extra,
  });
  const sha256 = digest.digest('hex');
  return {
    snapshot,
    subject: {
      kind: 'manifests',
      files,
      ...(flags.provider !== undefined ? { provider: flags.provider } : {}),
    },
    signedSubject: { name: files.length === 1 ? basename(files[0]!) : 'manifests', sha256 },
    ...(flags.provider !== undefined ? { targetProvider: profile?.id ?? flags.provider } : {}),
  };
}
