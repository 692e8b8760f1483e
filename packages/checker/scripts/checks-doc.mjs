#!/usr/bin/env node
// Regenerates docs/checks.md (English) and docs/checks.nl.md (Dutch) from the catalogue
// (compliance/haven/v12/*.yaml). It imports the built checker: run `pnpm build` first, or
// `pnpm docs:checks`, which does both. packages/checker/src/docs/checks-markdown.test.ts fails when
// a committed file is out of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS_DOC_FILES, checksMarkdown, loadCatalogue } from '../dist/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const catalogue = loadCatalogue();
for (const [language, file] of Object.entries(CHECKS_DOC_FILES)) {
  const target = join(root, file);
  writeFileSync(target, checksMarkdown(catalogue, language));
  console.log(`wrote ${target}`);
}
