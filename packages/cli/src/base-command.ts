// Subpaths of @oclif/core, not its index: the index loads all of oclif (semver and help
// included), a tenth of a command's start-up.
import { Command } from '@oclif/core/command';
import { ExitCode } from './exit-codes.js';
import { UserError, oneLine } from './errors.js';
import { parseErrorLine, type FlagHelp } from './parse-errors.js';

/** Error classes from the libraries that carry their own exit code (duck-typed to keep them I/O free). */
interface CodedError {
  message: string;
  exitCode: number;
}

function isCodedError(err: unknown): err is CodedError {
  return (
    err instanceof Error && typeof (err as Partial<CodedError>).exitCode === 'number' && !('oclif' in err)
  );
}

/**
 * Base of every havenkit command: turns any error into one line on stderr and a named exit
 * code, so users never see a stack trace.
 */
export abstract class HavenkitCommand extends Command {
  protected override async catch(
    err: Error & { exitCode?: number; oclif?: { exit?: number } },
  ): Promise<unknown> {
    // oclif's own control flow (this.exit, --help, --version) is not an error.
    if (err.oclif?.exit !== undefined && err.name === 'ExitError') throw err;
    let code: number;
    let message: string;
    if (err instanceof UserError || isCodedError(err)) {
      code = err.exitCode;
      message = err.message;
    } else if (err.oclif !== undefined) {
      // Flag and argument parse errors from oclif: bad input.
      code = ExitCode.BadInput;
      message = parseErrorLine(err.message, (this.ctor.flags ?? {}) as Record<string, FlagHelp>);
    } else {
      code = ExitCode.BadInput;
      message = `internal error: ${err.message}`;
      if (process.env.HAVENKIT_DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
    }
    process.stderr.write(`havenkit: error: ${oneLine(message)}\n`);
    return this.exit(code);
  }
}
