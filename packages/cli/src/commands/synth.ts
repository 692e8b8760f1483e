import * as Flags from '@oclif/core/flags';
import { builtinProfileIds, synthCommand, type FileSetWriter, type SynthReport } from '@havenkit/constructs';
import { HavenkitCommand } from '../base-command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { writeFilesAtomic } from '../kube/write.js';

/**
 * `--out` files as `check --out-dir` writes them: one set, all or nothing, through symbolic links,
 * never onto a directory, device or FIFO (exit 3).
 */
const writeOut: FileSetWriter = (files) =>
  writeFilesAtomic(
    files.map((f) => ({ path: f.path, text: f.content })),
    '--out',
  );

export default class Synth extends HavenkitCommand {
  static override summary = 'Synthesize an application for one or more providers.';
  static override description =
    "Writes the Kubernetes manifests of an application (YAML spec, directory of specs, or a .ts/.js module built with @havenkit/constructs) for a provider profile: one multi-document file <app>.yaml per application in --out, or YAML on stdout. Several providers (--provider a,b or repeated, or --all-providers) are synthesized in one run, the app loaded once, and need --out: each provider gets <out>/<provider>/<app>.yaml; nothing is written unless every provider succeeds (a provider that cannot run the app, e.g. without RWX storage, fails the run with exit 3; --skip-unsupported leaves it out instead). -o helm writes one chart whose values.yaml selects the (first) provider: with one --provider it covers every built-in provider the app supports, with several exactly those. A .ts app runs on Node 22.18+ natively; on older Node with the tsx or typescript package of the app's project.";
  static override examples = [
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider scaleway',
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider ./my-profile.yaml --out dist/ --namespace meldingen',
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider scaleway,hetzner,ovhcloud --out dist/',
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --all-providers --out dist/ --json',
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider hetzner -o helm --out chart/',
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider scaleway --provider stackit -o helm --out chart/',
  ];
  static override enableJsonFlag = true;
  static override flags = {
    app: Flags.string({
      summary: 'Application: a YAML file, a directory of YAML files, or a .ts/.js module.',
      required: true,
    }),
    provider: Flags.string({
      summary:
        'Provider profile: a built-in id (see `havenkit providers`) or a profile YAML file; repeatable or comma-separated (several need --out).',
      multiple: true,
      delimiter: ',',
      exclusive: ['all-providers'],
    }),
    'all-providers': Flags.boolean({
      summary: 'Synthesize for every built-in provider (sorted by id; needs --out).',
    }),
    'skip-unsupported': Flags.boolean({
      summary:
        'With several providers: leave out those the app cannot be synthesized for (reported) instead of failing.',
    }),
    out: Flags.string({
      summary:
        'Directory to write to (several providers: one subdirectory each); without it the YAML goes to stdout.',
    }),
    namespace: Flags.string({ summary: 'Namespace written on every resource.' }),
    output: Flags.string({
      char: 'o',
      summary: 'Output format: manifests, or a helm chart.',
      options: ['manifests', 'helm'],
      default: 'manifests',
      // -o/--output is the output format in every command; --format is its earlier name.
      aliases: ['format'],
    }),
  };

  async run(): Promise<SynthReport> {
    const { flags } = await this.parse(Synth);
    const providers = flags['all-providers']
      ? builtinProfileIds()
      : (flags.provider ?? []).map((p) => p.trim()).filter((p) => p !== '');
    if (providers.length === 0)
      throw new UserError(
        '--provider is required: a built-in id (see `havenkit providers`) or a profile file; or --all-providers',
        ExitCode.BadInput,
      );
    const report = await synthCommand({
      app: flags.app,
      provider: providers,
      format: flags.output as 'manifests' | 'helm',
      write: writeOut,
      skipUnsupported: flags['skip-unsupported'],
      ...(flags.out !== undefined ? { out: flags.out } : {}),
      ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}),
    });
    if (this.jsonEnabled()) return report;
    if (report.stdout !== undefined) process.stdout.write(report.stdout);
    else if (report.format === 'helm' || report.providers.length === 1) {
      const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
      this.logToStderr(
        `havenkit: ${report.provider}: ${total} resources, wrote ${report.written.join(', ')}`,
      );
    } else {
      for (const p of report.providers) {
        const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
        this.logToStderr(`havenkit: ${p.provider}: ${total} resources, wrote ${p.written.join(', ')}`);
      }
    }
    for (const s of report.skipped)
      this.logToStderr(
        `havenkit: ${report.format === 'helm' ? 'chart leaves out' : 'left out'} ${s.provider}: ${s.reason}`,
      );
    return report;
  }
}
