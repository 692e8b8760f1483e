import { escapeControl } from '@havenkit/model';
import { ExitCode } from './exit-codes.js';

/** An error meant for the user: one line, naming what was wrong, with its exit code. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.BadInput,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Reduces any message to a single line so errors never spill over several lines, with control
 * characters (from a context or node name) shown as escapes, never sent to the terminal.
 */
export function oneLine(message: string): string {
  return escapeControl(message.replace(/\s*\n\s*/g, ' ').trim()).replaceAll('\t', ' ');
}
