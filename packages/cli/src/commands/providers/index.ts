import * as Flags from '@oclif/core/flags';
import {
  listProviders,
  loadBuiltinProfiles,
  providerMatrixMarkdown,
  type ProviderSummary,
} from '@havenkit/constructs';
import { HavenkitCommand } from '../../base-command.js';

export default class Providers extends HavenkitCommand {
  static override summary = 'List the built-in provider profiles.';
  static override description =
    'Each profile holds what differs per provider: storage classes, RWX support, load-balancer annotations, ingress class, zones, cert-manager issuer. Pass a profile file to --provider for your own.';
  static override examples = [
    '<%= config.bin %> providers',
    '<%= config.bin %> providers --markdown > docs/providers.md',
  ];
  static override enableJsonFlag = true;
  static override flags = {
    markdown: Flags.boolean({ summary: 'Print the provider matrix (docs/providers.md) instead.' }),
  };

  async run(): Promise<ProviderSummary[]> {
    const { flags } = await this.parse(Providers);
    const providers = listProviders();
    if (this.jsonEnabled()) return providers;
    if (flags.markdown) {
      process.stdout.write(providerMatrixMarkdown(loadBuiltinProfiles()));
      return providers;
    }
    const width = Math.max(...providers.map((p) => p.id.length));
    for (const p of providers) this.log(`${p.id.padEnd(width)}  ${p.name} (RWX: ${p.rwx})`);
    return providers;
  }
}
