/**
 * The validators the packages use are ajv's standalone code for the committed schemas: a schema
 * edited without `pnpm schemas:compile` fails here, naming the file to regenerate.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileValidators } from '../../scripts/compile-validators.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const generated = Object.entries(compileValidators()).map(([path, text]) => [relative(root, path), text]);

describe('compiled validators', () => {
  it.each(generated)(
    '%s is up to date with compliance/schemas (else: pnpm schemas:compile)',
    (path, text) => {
      expect(readFileSync(resolve(root, path!), 'utf8') === text).toBe(true);
    },
  );
});
