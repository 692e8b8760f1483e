import type { Hook } from '@oclif/core';
import { ExitCode } from '../exit-codes.js';

/** An unknown command is bad input: one line naming it, exit 3 (oclif's default is a multi-line error, exit 2). */
const hook: Hook.CommandNotFound = async function (opts) {
  const known = opts.config.commandIDs.map((id) => id.replaceAll(':', ' ')).sort();
  process.stderr.write(
    `havenkit: error: unknown command '${opts.id.replaceAll(':', ' ')}' (commands: ${known.join(', ')}; see 'havenkit --help')\n`,
  );
  process.exit(ExitCode.BadInput);
};

export default hook;
