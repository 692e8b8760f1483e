import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { loadBuiltinProfiles, providerMatrixMarkdown } from '../src/index.js';

const target = fileURLToPath(new URL('../../../docs/providers.md', import.meta.url));

describe('docs/providers.md', () => {
  it('equals the matrix generated from the profiles (pnpm --filter @havenkit/constructs docs:providers)', async () => {
    const options = (await prettier.resolveConfig(target)) ?? {};
    const generated = await prettier.format(providerMatrixMarkdown(loadBuiltinProfiles()), {
      ...options,
      filepath: target,
    });
    expect(readFileSync(target, 'utf8')).toBe(generated);
  });
});
