import { join } from 'node:path';
import { CatalogueError, type Catalogue } from '@havenkit/model';
import { checkFunctions } from '../checks/index.js';
import { defaultCatalogueDir, readCatalogue } from './read.js';

/**
 * The catalogue joined with the check functions: every check file must have a function
 * (src/checks/<name>.ts) and every function a file; a missing side throws a CatalogueError naming it.
 */
export function loadCatalogue(dir: string = defaultCatalogueDir()): Catalogue {
  const catalogue = readCatalogue(dir);
  for (const check of catalogue.checks) {
    if (!Object.hasOwn(checkFunctions, check.name)) {
      throw new CatalogueError(
        `${join(dir, `${check.name}.yaml`)}: check "${check.name}" has no function; add packages/checker/src/checks/${check.name}.ts and register it in checks/index.ts`,
      );
    }
  }
  const names = new Set(catalogue.checks.map((c) => c.name));
  for (const name of Object.keys(checkFunctions).sort()) {
    if (!names.has(name)) {
      throw new CatalogueError(
        `${dir}: check function "${name}" has no catalogue file; add ${join(dir, `${name}.yaml`)}`,
      );
    }
  }
  return catalogue;
}

export { CATALOGUE_INDEX, defaultCatalogueDir, readCatalogue, sortChecks } from './read.js';
