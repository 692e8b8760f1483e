import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run on src/ of every workspace package. An alias, not the "source" export condition
  // alone: vitest hands ssr conditions to Node too, and then the built CLI that the in-process
  // command tests run (oclif imports dist/commands natively) would resolve to .ts files.
  resolve: {
    conditions: ['source'],
    alias: [
      {
        find: /^@havenkit\/checker\/files$/,
        replacement: fileURLToPath(new URL('./packages/checker/src/files/index.ts', import.meta.url)),
      },
      {
        find: /^@havenkit\/constructs\/profiles$/,
        replacement: fileURLToPath(new URL('./packages/constructs/src/profiles/index.ts', import.meta.url)),
      },
      {
        find: /^@havenkit\/(model|checker|collect|constructs|cli)$/,
        replacement: fileURLToPath(new URL('./packages/$1/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // oclif prints with console.log; in-process command tests (@oclif/test) capture stdout.
          disableConsoleIntercept: true,
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'test/architecture/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: [],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: ['test/**/*.test.ts'],
          exclude: ['test/architecture/**'],
          globalSetup: ['test/controlplane/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
