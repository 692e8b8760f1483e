import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../scripts/generate-types.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const generated = await generateTypes();

describe('the types generated from compliance/schemas', () => {
  it('cover the nine schemas', () => {
    expect([...generated.keys()].map((p) => p.replace(/^.*\//, '')).sort()).toEqual([
      'application.ts',
      'catalogue.ts',
      'data.ts',
      'provider-profile.ts',
      'register.ts',
      'report.ts',
      'snapshot.ts',
      'sovereignty.ts',
      'waivers.ts',
    ]);
  });

  it.each([...generated])('%s is up to date with its schema', (path, text) => {
    let committed: string | undefined;
    try {
      committed = readFileSync(join(root, path), 'utf8');
    } catch {
      committed = undefined;
    }
    // One clear message instead of a diff of the whole file.
    if (committed !== text)
      throw new Error(`${path} is out of date with compliance/schemas: run pnpm types:generate`);
    expect(committed).toBe(text);
  });
});
