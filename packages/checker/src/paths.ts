import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The repository's compliance/ directory (catalogue, schemas, data), found by walking up from this
 * module, so it works from src/ (tests, tsx) and from dist/ alike.
 */
export function complianceDir(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'compliance');
    if (existsSync(join(candidate, 'haven')) && existsSync(join(candidate, 'schemas'))) {
      cached = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `havenkit: cannot find the compliance/ directory above ${fileURLToPath(import.meta.url)}`,
      );
    }
    dir = parent;
  }
}
