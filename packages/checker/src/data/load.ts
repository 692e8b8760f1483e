import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueError, type BundledData } from '@havenkit/model';
import { complianceDir } from '../paths.js';
import { validate } from '../schema.js';
import { parseYaml } from '../yaml.js';

/** Data file (compliance/data/<file>.yaml, also its $defs name in data.schema.json) per key. */
const FILES = {
  kubernetesReleases: 'kubernetes-releases',
  cncfPlatforms: 'cncf-platforms',
  rwxProvisioners: 'rwx-provisioners',
  logCollectors: 'log-collectors',
  acmeControllers: 'acme-controllers',
  hardenedOs: 'hardened-os',
  specialPurposeAddresses: 'special-purpose-addresses',
} as const satisfies Record<keyof BundledData, string>;

const cache = new Map<string, BundledData>();

/**
 * Reads and validates the bundled data files (compliance/data/*.yaml). Cached per directory.
 * @param dir the data directory; defaults to the bundled compliance/data.
 */
export function loadBundledData(dir: string = join(complianceDir(), 'data')): BundledData {
  const hit = cache.get(dir);
  if (hit) return hit;
  const data = {} as Record<keyof BundledData, unknown>;
  for (const [key, file] of Object.entries(FILES) as [keyof BundledData, string][]) {
    const path = join(dir, `${file}.yaml`);
    let value: unknown;
    try {
      value = parseYaml(readFileSync(path, 'utf8'), path);
    } catch (error) {
      throw new CatalogueError(`${path}: ${(error as Error).message}`);
    }
    const problem = validate('data', value, file);
    if (problem) throw new CatalogueError(`${path}: ${problem}`);
    data[key] = value;
  }
  const result = data as unknown as BundledData;
  cache.set(dir, result);
  return result;
}
