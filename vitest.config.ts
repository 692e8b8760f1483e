import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run on src/ of every package: the workspace packages' "source" export condition, for the
  // browser-side and the Node-side (ssr) resolution alike.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
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
