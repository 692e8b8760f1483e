import type { Hook } from '@oclif/core/interfaces';
import { nearest } from '../nearest.js';
import { ExitCode } from '../exit-codes.js';

/**
 * An unknown command is bad input: one line naming it, with the nearest command ("did you
 * mean"), exit 3. Not @oclif/plugin-not-found: it asks on the terminal whether to run its guess
 * and exits 127, where a CI job needs one line and the documented code.
 */
const hook: Hook.CommandNotFound = async function (opts) {
  const spaced = (id: string) => id.replaceAll(':', ' ');
  const known = opts.config.commands
    .filter((c) => !c.hidden)
    .map((c) => spaced(c.id))
    .sort();
  const typed = spaced(opts.id);
  const guess = nearest(typed, known);
  const hint = guess !== undefined ? `did you mean '${guess}'? ` : '';
  process.stderr.write(
    `havenkit: error: unknown command '${typed}'; ${hint}(commands: ${known.join(', ')}; see 'havenkit help')\n`,
  );
  process.exit(ExitCode.BadInput);
};

export default hook;
