/** Exit code for bad input, the same as the CLI's ExitCode.BadInput. */
export const BAD_INPUT_EXIT_CODE = 3;

/**
 * Bad input (a snapshot, an option, a data file): a one-line message naming what and where, and
 * the exit code the CLI should use. The library never exits; the CLI maps `exitCode`.
 */
export class InputError extends Error {
  readonly exitCode: number = BAD_INPUT_EXIT_CODE;

  constructor(message: string) {
    super(oneLine(message));
    this.name = 'InputError';
  }
}

/** A snapshot file that cannot be read, parsed or validated. */
export class SnapshotError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** The bundled catalogue or data under compliance/ is broken (a packaging or editing mistake). */
export class CatalogueError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

/** Reduces a message to one line: a terminal breaks lines at CR and U+2028/U+2029 too. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ').trim();
}
