import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { providersDiffCommand, type FieldDifference } from '@havenkit/constructs';
import { HavenkitCommand } from '../../base-command.js';

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

export default class ProvidersDiff extends HavenkitCommand {
  static override summary = 'Show exactly which fields of which resources differ between two providers.';
  static override examples = [
    '<%= config.bin %> providers diff scaleway hetzner --app examples/apps/meldingen.yaml',
  ];
  static override enableJsonFlag = true;
  static override args = {
    a: Args.string({ description: 'first provider (id or profile file)', required: true }),
    b: Args.string({ description: 'second provider (id or profile file)', required: true }),
  };
  static override flags = {
    app: Flags.string({
      summary: 'Application: a YAML file, a directory of YAML files, or a .ts/.js module.',
      required: true,
    }),
    namespace: Flags.string({ summary: 'Namespace written on every resource.' }),
  };

  async run(): Promise<{ a: string; b: string; differences: FieldDifference[] }> {
    const { args, flags } = await this.parse(ProvidersDiff);
    const result = await providersDiffCommand({
      a: args.a,
      b: args.b,
      app: flags.app,
      ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}),
    });
    if (this.jsonEnabled()) return result;
    if (result.differences.length === 0) this.log(`no differences between ${result.a} and ${result.b}`);
    for (const d of result.differences)
      this.log(`${d.kind}/${d.name} ${d.path}: ${show(d.a)} → ${show(d.b)}`);
    return result;
  }
}
