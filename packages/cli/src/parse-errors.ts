import { nearest } from './nearest.js';

/**
 * oclif reports flag problems as a multi-line block ("The following error occurred:", one reason
 * per line, "See more help with --help"). havenkit prints one line, in its own words, naming the
 * flags. The reasons are oclif's documented validation messages (@oclif/core parser/validate).
 */

/** What the base command knows of a flag: its placeholder and summary, for "is required". */
export interface FlagHelp {
  readonly helpValue?: string | readonly string[];
  readonly summary?: string;
}

const HEADER = /^The following errors? occurred:?$/;
const MISSING_ARGS = /^Missing (\d+) required args?:?$/;
const MORE_HELP = /^See more help with/;

/** A flag's summary as the clause after a colon: "Snapshot file to write." → "snapshot file to write". */
function asClause(summary: string): string {
  return summary.replace(/\.$/, '').replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
}

/** One reason of oclif's, rewritten; anything not recognised is kept as oclif wrote it. */
function rewrite(reason: string, flags: Readonly<Record<string, FlagHelp>>): string {
  let m = /^Missing required flag (\S+)$/.exec(reason);
  if (m) {
    const name = m[1]!;
    const help = flags[name];
    const value = typeof help?.helpValue === 'string' ? ` ${help.helpValue}` : '';
    return `--${name}${value} is required${help?.summary ? `: ${asClause(help.summary)}` : ''}`;
  }
  m = /^--([\w-]+)(?:=.*)? cannot also be provided when using --([\w-]+)$/.exec(reason);
  if (m) return `--${m[2]} cannot be combined with --${m[1]}`;
  m = /^All of the following must be provided when using --([\w-]+): (.+)$/.exec(reason);
  if (m) return `--${m[1]} needs ${m[2]}`;
  m = /^(?:One|At least one) of the following must be provided(?: when using --([\w-]+))?: (.+)$/.exec(
    reason,
  );
  if (m) return `${m[1] ? `--${m[1]} needs` : 'give'} one of ${m[2]}`;
  m = /^Exactly one of the following must be provided: (.+)$/.exec(reason);
  if (m) return `give exactly one of ${m[1]}`;
  m = /^Expected --([\w-]+)=.* to be one of: .+$/.exec(reason);
  if (m) {
    // oclif names the flag by its main name even when an alias was typed: say what it is for.
    const summary = flags[m[1]!]?.summary;
    return summary ? `${reason} (${asClause(summary)})` : reason;
  }
  m = /^Nonexistent flags?: --([\w-]+)$/.exec(reason);
  if (m) {
    const guess = nearest(m[1]!, Object.keys(flags));
    return `${reason}${guess !== undefined ? `; did you mean --${guess}?` : ''}`;
  }
  return reason;
}

/** oclif's parse error as one line: the reasons, rewritten, joined with "; ". */
export function parseErrorLine(message: string, flags: Readonly<Record<string, FlagHelp>> = {}): string {
  // Flag values may be coloured by oclif's theme; a one-line error carries no escape codes.
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !HEADER.test(l) && !MORE_HELP.test(l));
  // "Missing 1 required arg:" is followed by one "name  description" line per argument.
  if (lines[0] !== undefined && MISSING_ARGS.test(lines[0])) {
    const args = lines.slice(1).map((l) => {
      const [name, ...description] = l.split(/\s{2,}/);
      return `${(name ?? '').toUpperCase()}${description.length > 0 ? ` (${description.join(' ')})` : ''}`;
    });
    return `${lines[0].replace(/:?$/, ':')} ${args.join(', ')}`;
  }
  const reasons = lines.map((l) => rewrite(l, flags));
  return [...new Set(reasons)].join('; ') || plain;
}
