/** Exit code of every error this library throws: bad input (the CLI names it `ExitCode.BadInput`). */
export const BAD_INPUT_EXIT_CODE = 3;

/**
 * An error in an app spec, a provider profile or a synthesis request. The message is one line
 * that names the file, the field and the remedy; `exitCode` lets the CLI exit without knowing
 * this class. The library never prints or exits.
 */
export class HavenkitInputError extends Error {
  readonly exitCode = BAD_INPUT_EXIT_CODE;

  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'HavenkitInputError';
  }
}
