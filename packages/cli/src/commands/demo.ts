import { relative } from 'node:path';
import * as Flags from '@oclif/core/flags';
import {
  CHECKER_NAME,
  CHECKER_VERSION,
  VERDICT_TEXT,
  applyWaivers,
  buildRegister,
  loadSovereigntyFacts,
  mergeFacts,
  readUserFacts,
  renderRegisterTable,
  evaluate,
  languageFromEnvironment,
  readSnapshotFile,
  readWaiversFile,
  renderTable,
} from '@havenkit/checker';
import { HavenkitInputError, listProviders, providersDiffCommand, synthCommand } from '@havenkit/constructs';
import { providerAlternatives } from '../alternatives.js';
import { HavenkitCommand } from '../base-command.js';
import { demoAppPath, demoFactsPath, demoSnapshotPath, demoWaiversPath } from '../paths.js';
import { integrityOfToolkit } from '../integrity.js';

export default class Demo extends HavenkitCommand {
  static override summary = 'Show havenkit on bundled examples (no cluster needed).';
  static override description = [
    'Checks the bundled demo cluster snapshot against the Haven standard (as `havenkit check',
    '--snapshot examples/snapshots/demo.json` would), shows its digital-dependency register (as',
    '`havenkit sovereignty` would, with the example municipality facts), then synthesizes the bundled example',
    'application for every EU provider profile and shows what differs between two of them.',
    'Exits 0 whatever the demo verdict is; `havenkit check` uses exit codes 0-7.',
  ].join(' ');
  static override examples = ['<%= config.bin %> demo', '<%= config.bin %> demo --no-color'];
  static override flags = {
    color: Flags.boolean({ summary: 'Colour the report.', allowNo: true, default: true }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Demo);
    const color = flags.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const here = (p: string) => relative(process.cwd(), p) || p;

    this.log(`== 1. Haven compliance of a cluster snapshot (${here(demoSnapshotPath)})\n`);
    const { snapshot, sha256 } = readSnapshotFile(demoSnapshotPath);
    const report = evaluate(snapshot, {
      snapshotSha256: sha256,
      integrity: integrityOfToolkit(),
    });
    this.log(renderTable(report, { color, language: languageFromEnvironment() }));
    const waivers = readWaiversFile(demoWaiversPath);
    const waived = applyWaivers(report, waivers.file, waivers.sha256);
    this.log(
      `   With the waivers in ${here(demoWaiversPath)}: ${VERDICT_TEXT[waived.verdictWithWaivers ?? waived.verdict].en}` +
        ` (${waived.waivers?.waivers.map((w) => `${w.waiver.check}: ${w.status}`).join(', ')}).`,
    );
    this.log(
      `\n   Live: havenkit check --kubeconfig ~/.kube/config   (read-only; exit 0 compliant, 1 not, 2 inconclusive)` +
        `\n   For an audit: havenkit check --snapshot ${here(demoSnapshotPath)} --lang nl --waivers ${here(demoWaiversPath)} --output html,markdown,junit,sarif,policyreport,json --out-dir audit/\n`,
    );

    this.log(`== 2. Who the cluster depends on, and under which law (havenkit sovereignty)\n`);
    const facts = mergeFacts(loadSovereigntyFacts(), readUserFacts(demoFactsPath));
    const register = buildRegister(snapshot, facts, {
      subject: {
        kind: 'cluster',
        snapshotSha256: sha256,
        ...(snapshot.metadata.context !== undefined ? { context: snapshot.metadata.context } : {}),
        ...(snapshot.metadata.server !== undefined ? { server: snapshot.metadata.server } : {}),
      },
      tool: { name: CHECKER_NAME, version: CHECKER_VERSION },
      // One cut-off, to show what it answers: what stops without Docker (Docker Hub)?
      without: ['docker'],
      alternatives: providerAlternatives(facts),
    });
    this.log(renderRegisterTable(register, { color, language: languageFromEnvironment() }));
    this.log(
      `   The same: havenkit sovereignty --snapshot ${here(demoSnapshotPath)} --facts ${here(demoFactsPath)} --without docker` +
        `\n   (${here(demoFactsPath)} is the municipality's own facts: its provider contract and its Harbor.)` +
        `\n   Before deploying: helm template … | havenkit sovereignty --manifests - --provider scaleway\n`,
    );

    this.log(`== 3. One application, every EU provider (${here(demoAppPath)})\n`);
    const rows: string[][] = [['provider', 'resources', 'ReadWriteMany storage class']];
    const refused: string[] = [];
    for (const provider of listProviders()) {
      try {
        const result = await synthCommand({ app: demoAppPath, provider: provider.id });
        const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
        rows.push([provider.id, String(total), provider.rwx]);
      } catch (err) {
        // A provider that cannot run the app says why; the demo shows it rather than stopping.
        if (!(err instanceof HavenkitInputError)) throw err;
        rows.push([provider.id, 'refused', provider.rwx]);
        refused.push(`   ${provider.id}: ${err.message.replace(/^.*?: spec\./, 'spec.')}`);
      }
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) this.log(`  ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd());
    if (refused.length > 0) this.log(`\n   Refused, with the remedy:\n${refused.join('\n')}`);

    const diff = await providersDiffCommand({ a: 'scaleway', b: 'hetzner', app: demoAppPath });
    this.log(`\n   The only differences between scaleway and hetzner (havenkit providers diff):`);
    for (const d of diff.differences) {
      this.log(
        `   ${d.kind}/${d.name} ${d.path}: ${JSON.stringify(d.a) ?? '(absent)'} → ${JSON.stringify(d.b) ?? '(absent)'}`,
      );
    }
    this.log(`\n   Manifests: havenkit synth --app ${here(demoAppPath)} --provider scaleway`);
  }
}
