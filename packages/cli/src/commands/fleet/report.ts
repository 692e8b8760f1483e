import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import {
  CHECKER_NAME,
  CHECKER_VERSION,
  FLEET_MAX_DEPTH,
  LANGUAGES,
  canonicalJson,
  fleetOverview,
  fleetSummaryLine,
  keyIdOf,
  languageFromEnvironment,
  loadPublicKey,
  notReadReason,
  renderFleetHtml,
  renderFleetMarkdown,
  scanFleetDirectory,
  type FleetOverview,
  type Language,
} from '@havenkit/checker';
import { HavenkitCommand } from '../../base-command.js';
import { UserError } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import { readTextFile } from '../../files.js';
import { inputLimits, maxInputSizeFlag } from '../../input-limit.js';
import { outputTarget, writeFileAtomic } from '../../kube/write.js';

const FORMATS = ['html', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export default class FleetReport extends HavenkitCommand {
  static override summary = 'One overview of many clusters: every havenkit report found in a directory.';

  static override description = `Reads every native JSON report (\`havenkit check -o json\`, signed or not) under DIR, down to ${FLEET_MAX_DEPTH} directories deep, and writes one overview of the fleet: a summary line, a matrix of clusters × checks (worst cluster first: not compliant, inconclusive, compliant with waivers, compliant), and per cluster its latest verdict, when it was collected, the counts and the trend over every report of it in DIR, with what failed anew or was fixed since the report before. For the page to hand to the municipalities (html: one self-contained, printable file), a wiki or an issue (markdown), or other tools (json: the overview model).

A cluster is recognised across files by the cluster id in its reports (kube-system's uid), else by its context and API server, else by the directory its reports are in. Only *.json files are looked at; files in the official Haven format (haven.json) are passed over (that format names no cluster); symbolic links to directories are not followed. Every file that is not a report or cannot be read is listed under "Not read" with the reason.

Signed reports (\`check --sign\`) are read too: without --key they are marked "signed, not verified"; with --key each signature is verified like \`havenkit verify\` does, and a report whose signature does not verify is not read.

Exit codes:
  0  the overview was written, whatever the clusters' verdicts: it is a report, not a gate (use \`havenkit check\` or \`havenkit diff\` to gate)
  3  bad input: DIR does not exist, is not a directory or holds no havenkit report; a bad --key or --out`;

  static override examples = [
    {
      description: 'The overview of a directory of reports (one sub-directory per cluster), as HTML:',
      command: '<%= config.bin %> <%= command.id %> reports/ --out fleet.html',
    },
    {
      description: 'In Dutch, as markdown, verifying every signed report:',
      command: '<%= config.bin %> <%= command.id %> reports/ -o markdown --lang nl --key havenkit.pub',
    },
    {
      description: 'The overview model for other tools:',
      command: '<%= config.bin %> <%= command.id %> reports/ -o json',
    },
  ];

  static override args = {
    dir: Args.string({
      description: 'the directory with the reports (searched recursively)',
      required: true,
    }),
  };

  static override flags = {
    output: Flags.string({
      char: 'o',
      summary: 'Format of the overview (json: the overview model, for other tools).',
      options: [...FORMATS],
      default: 'html',
    }),
    out: Flags.string({
      summary: 'Write the overview to this file (atomically) instead of stdout.',
      helpValue: 'FILE',
    }),
    lang: Flags.string({
      summary: 'Language of the overview (default: from LC_ALL/LC_MESSAGES/LANG, nl* → nl, else en).',
      options: [...LANGUAGES],
    }),
    key: Flags.string({
      summary: 'Verify signed reports with this public key (PEM, `keys generate` writes it as PREFIX.pub).',
      helpValue: 'PUB',
    }),
    'max-input-size': maxInputSizeFlag,
  };

  async run(): Promise<FleetOverview> {
    const { args, flags } = await this.parse(FleetReport);
    // Checked before any file is read: a wrong --out is bad input up front.
    if (flags.out !== undefined) outputTarget(flags.out, '--out');
    const limits = inputLimits(flags['max-input-size']);
    const key =
      flags.key !== undefined
        ? loadPublicKey(readTextFile(flags.key, `key ${flags.key}`, limits.document), `${flags.key} (--key)`)
        : undefined;
    const scan = scanFleetDirectory(args.dir, {
      maxBytes: limits.snapshot,
      ...(key !== undefined ? { key } : {}),
    });
    const language = (flags.lang as Language | undefined) ?? languageFromEnvironment();
    if (scan.files.length === 0) throw new UserError(noReports(args.dir, scan, language), ExitCode.BadInput);
    const overview = fleetOverview(scan.files, {
      notRead: scan.notRead,
      skipped: scan.skipped,
      passedOver: scan.passedOver,
      generatedAt: new Date().toISOString(),
      ...(key !== undefined ? { verifiedWith: keyIdOf(key) } : {}),
    });
    const format = flags.output as Format;
    const options = { language, generator: `${CHECKER_NAME} ${CHECKER_VERSION}` };
    const text =
      format === 'json'
        ? canonicalJson(overview)
        : format === 'markdown'
          ? renderFleetMarkdown(overview, options)
          : renderFleetHtml(overview, options);
    if (flags.out !== undefined) {
      writeFileAtomic(flags.out, text, '--out');
      // The overview went to a file: say what it found (a CronJob's log shows it).
      this.log(`${fleetSummaryLine(overview, language)} → ${flags.out}`);
    } else {
      process.stdout.write(text);
    }
    // A report, not a gate: 0 whatever the verdicts.
    process.exitCode = ExitCode.Ok;
    return overview;
  }
}

/** The one line for a directory without reports, with the first reason a file was not read. */
function noReports(dir: string, scan: ReturnType<typeof scanFleetDirectory>, language: Language): string {
  const first = scan.notRead[0];
  const why =
    first !== undefined
      ? `; ${scan.notRead.length} not read, the first ${first.path}: ${notReadReason(first, language)}`
      : scan.skipped.length > 0
        ? `; ${scan.skipped.length} in the official Haven format (haven.json), which names no cluster: write reports with --output json`
        : '';
  return `no havenkit reports in ${dir} (*.json files of \`havenkit check --output json\`)${why}`;
}
