import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CatalogueError, type Catalogue, type Category, type CheckDefinition } from '@havenkit/model';
import { complianceDir } from '../paths.js';
import { validate } from '../schema.js';
import { parseYaml } from '../yaml.js';

/** The index file in a catalogue directory; every other *.yaml is one check. */
export const CATALOGUE_INDEX = 'catalogue.yaml';

/** The bundled catalogue directory: compliance/haven/v12. */
export function defaultCatalogueDir(): string {
  return join(complianceDir(), 'haven', 'v12');
}

const cache = new Map<string, Catalogue>();

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'), path);
  } catch (error) {
    throw new CatalogueError(`${path}: ${(error as Error).message}`);
  }
}

/** Sorts checks by the catalogue's category order, then by name: the order of every report. */
export function sortChecks(
  checks: readonly CheckDefinition[],
  categories: readonly Category[],
): CheckDefinition[] {
  const rank = (c: CheckDefinition) => categories.indexOf(c.category);
  return [...checks].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en'));
}

/**
 * Reads and validates the Haven catalogue as data: `catalogue.yaml` (version, category order) and
 * one `<name>.yaml` per check. Knows nothing of the check functions (the collector plans from this
 * alone); loadCatalogue joins the two. Cached per directory.
 */
export function readCatalogue(dir: string = defaultCatalogueDir()): Catalogue {
  const hit = cache.get(dir);
  if (hit) return hit;

  const indexPath = join(dir, CATALOGUE_INDEX);
  const index = readYaml(indexPath);
  const indexProblem = validate('catalogue', index, 'index');
  if (indexProblem) throw new CatalogueError(`${indexPath}: ${indexProblem}`);
  const { havenVersion, categories } = index as { havenVersion: string; categories: Category[] };

  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') && f !== CATALOGUE_INDEX)
      .sort();
  } catch (error) {
    throw new CatalogueError(`${dir}: ${(error as Error).message}`);
  }

  const checks: CheckDefinition[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const value = readYaml(path);
    const problem = validate('catalogue', value, 'check');
    if (problem) throw new CatalogueError(`${path}: ${problem}`);
    const check = value as CheckDefinition;
    if (check.name !== basename(file, '.yaml')) {
      throw new CatalogueError(
        `${path}: name: must equal the file name "${basename(file, '.yaml')}" (got "${check.name}")`,
      );
    }
    if (!categories.includes(check.category)) {
      throw new CatalogueError(`${path}: category: "${check.category}" is not listed in ${indexPath}`);
    }
    checks.push(check);
  }
  const catalogue: Catalogue = { havenVersion, categories, checks: sortChecks(checks, categories) };
  cache.set(dir, catalogue);
  return catalogue;
}
