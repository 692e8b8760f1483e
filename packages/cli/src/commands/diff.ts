import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import {
  LANGUAGES,
  canonicalJson,
  diffReports,
  languageFromEnvironment,
  readReportFile,
  renderDiff,
} from '@havenkit/checker';
import type { Language, ReportDiff } from '@havenkit/checker';
import { HavenkitCommand } from '../base-command.js';
import { ExitCode } from '../exit-codes.js';
import { inputLimits, maxInputSizeFlag } from '../input-limit.js';

export default class Diff extends HavenkitCommand {
  static override enableJsonFlag = true;

  static override summary =
    'Compare two reports of a cluster: changed verdicts, changed evidence, added or removed checks.';

  static override description = `Compares two native JSON reports (\`havenkit check -o json\`, signed or not; the signature is not checked here, use \`havenkit verify\`): the verdict, every check whose outcome or evidence changed, and checks added or removed between catalogue versions. A failure that lost its waiver counts as a regression.

Exit codes:
  0  nothing regressed
  1  something regressed: the verdict, or a mandatory check got worse (pass → unknown → fail)
  3  bad input: a missing or invalid report file`;

  static override examples = [
    {
      description: "Compare last month's report with today's:",
      command: '<%= config.bin %> <%= command.id %> audit-2026-10/report.json audit-2026-11/report.json',
    },
    {
      description: 'Machine-readable, for a pipeline:',
      command: '<%= config.bin %> <%= command.id %> old.json new.json --json',
    },
  ];

  static override args = {
    old: Args.string({ description: 'the earlier report (JSON)', required: true }),
    new: Args.string({ description: 'the later report (JSON)', required: true }),
  };

  static override flags = {
    output: Flags.string({
      char: 'o',
      summary: 'Output format (json: the same as --json).',
      options: ['text', 'json'],
      default: 'text',
    }),
    lang: Flags.string({
      summary: 'Language of the text output (default: from LC_ALL/LC_MESSAGES/LANG).',
      options: [...LANGUAGES],
    }),
    'max-input-size': maxInputSizeFlag,
  };

  async run(): Promise<ReportDiff> {
    const { args, flags } = await this.parse(Diff);
    const { snapshot: maxBytes } = inputLimits(flags['max-input-size']);
    const before = readReportFile(args.old, maxBytes);
    const after = readReportFile(args.new, maxBytes);
    const diff = diffReports(before, after);
    const language = (flags.lang as Language | undefined) ?? languageFromEnvironment();
    process.exitCode = diff.regressed ? ExitCode.NotCompliant : ExitCode.Ok;
    // --json prints the returned diff; --output json prints the same, as canonical JSON.
    if (this.jsonEnabled()) return diff;
    process.stdout.write(flags.output === 'json' ? canonicalJson(diff) : renderDiff(diff, language));
    return diff;
  }
}
