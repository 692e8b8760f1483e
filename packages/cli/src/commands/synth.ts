import * as Flags from '@oclif/core/flags';
import { synthCommand, type FileSetWriter, type SynthReport } from '@havenkit/constructs';
import { HavenkitCommand } from '../base-command.js';
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
  static override summary = 'Synthesize an application for one provider.';
  static override description =
    'Writes the Kubernetes manifests of an application (YAML spec, directory of specs, or a .ts/.js module built with @havenkit/constructs) for one provider profile: one multi-document file <app>.yaml per application in --out, or YAML on stdout. -o helm writes a chart whose values.yaml selects the provider.';
  static override examples = [
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider scaleway',
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider ./my-profile.yaml --out dist/ --namespace meldingen',
    '<%= config.bin %> synth --app examples/apps/meldingen.yaml --provider hetzner -o helm --out chart/',
  ];
  static override enableJsonFlag = true;
  static override flags = {
    app: Flags.string({
      summary: 'Application: a YAML file, a directory of YAML files, or a .ts/.js module.',
      required: true,
    }),
    provider: Flags.string({
      summary: 'Provider profile: a built-in id (see `havenkit providers`) or a profile YAML file.',
      required: true,
    }),
    out: Flags.string({ summary: 'Directory to write to; without it the YAML goes to stdout.' }),
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
    const report = await synthCommand({
      app: flags.app,
      provider: flags.provider,
      format: flags.output as 'manifests' | 'helm',
      write: writeOut,
      ...(flags.out !== undefined ? { out: flags.out } : {}),
      ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}),
    });
    if (this.jsonEnabled()) return report;
    if (report.stdout !== undefined) process.stdout.write(report.stdout);
    else {
      const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
      this.logToStderr(
        `havenkit: ${report.provider}: ${total} resources, wrote ${report.written.join(', ')}`,
      );
      for (const s of report.skipped)
        this.logToStderr(`havenkit: chart leaves out ${s.provider}: ${s.reason}`);
    }
    return report;
  }
}
