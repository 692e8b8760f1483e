import * as Flags from '@oclif/core/flags';
import { INPUT_LIMITS, parseSize } from '@havenkit/checker/files';

/**
 * `--max-input-size`: how large a file the command reads may be. Every input is read whole and
 * only if it is a regular file, so a limit keeps a wrong path (a huge file, /dev/zero) from eating
 * the machine; the defaults fit the largest clusters' snapshots.
 */
export const maxInputSizeFlag = Flags.custom<number>({
  summary: `Largest input file read (default: ${INPUT_LIMITS.snapshot / 1024 ** 3} GiB for snapshots and reports, ${
    INPUT_LIMITS.document / 1024 ** 2
  } MiB for other files), e.g. 4GiB.`,
  helpValue: 'SIZE',
  parse: async (input) => {
    const bytes = parseSize(input);
    if (bytes === undefined) throw new Error(`--max-input-size ${input} is not a size like 2GiB or 512MiB`);
    return bytes;
  },
})();

/** The limits in force: the flag's value for every kind of input, else the defaults. */
export function inputLimits(flag: number | undefined): { snapshot: number; document: number } {
  return flag === undefined ? { ...INPUT_LIMITS } : { snapshot: flag, document: flag };
}
