import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { USAGE, parseScaleArgs } from './options.js';

// The scale benchmark (bench/scale/README.md): never part of `pnpm test` (the root config includes
// packages/** and test/** only). Options come after the `--` the bench:scale script ends in; they are
// parsed here, in vitest's process, and reach the benchmark as HAVENKIT_SCALE_OPTIONS.
const parsed = parseScaleArgs(process.argv, process.env);
if (parsed === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const options =
  parsed.out !== undefined
    ? { ...parsed, out: resolve(process.env.INIT_CWD ?? process.cwd(), parsed.out) }
    : parsed;
process.env.HAVENKIT_SCALE_OPTIONS = JSON.stringify(options);

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['bench/scale/**/*.scale.ts'],
    globalSetup: ['bench/scale/global-setup.ts'],
    // The benchmark prints its progress and tables itself, as it goes.
    disableConsoleIntercept: true,
    testTimeout: 24 * 60 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
    pool: 'forks',
    env: { HAVENKIT_SCALE_OPTIONS: JSON.stringify(options) },
  },
});
