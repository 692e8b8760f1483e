import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file lives in src/ (tests, source condition) or dist/ (built): one level below the package.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Directory of the built-in provider profiles (`<id>.yaml`). */
export const profilesDir = resolve(packageRoot, 'src', 'profiles');

/** The repository's JSON Schemas (app spec, provider profile). */
export const schemasDir = resolve(packageRoot, '..', '..', 'compliance', 'schemas');
