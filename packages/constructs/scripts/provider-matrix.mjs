#!/usr/bin/env node
// Regenerates docs/providers.md from src/profiles/*.yaml (run `pnpm build` first).
// packages/constructs/test/matrix.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { loadBuiltinProfiles, providerMatrixMarkdown } from '../dist/index.js';

const target = fileURLToPath(new URL('../../../docs/providers.md', import.meta.url));
const options = (await prettier.resolveConfig(target)) ?? {};
const text = await prettier.format(providerMatrixMarkdown(loadBuiltinProfiles()), {
  ...options,
  filepath: target,
});
writeFileSync(target, text);
console.log(`wrote ${target}`);
