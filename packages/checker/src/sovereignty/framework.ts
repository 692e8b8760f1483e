/**
 * The sovereignty framework the register is scored against (compliance/frameworks/eu-csf.yaml)
 * and the rules its findings bear on (compliance/frameworks/rules.yaml), as data, validated
 * against compliance/schemas/sovereignty.schema.json and checked for what a schema cannot say
 * (weights per set cover every objective and add up to 100, criteria sit under their objective,
 * sources cited exist). Cached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueError, type FrameworkFile, type RulesFile } from '@havenkit/model';
import { complianceDir } from '../paths.js';
import { validate } from '../schema.js';
import { parseYaml } from '../yaml.js';

export function frameworkPath(): string {
  return join(complianceDir(), 'frameworks', 'eu-csf.yaml');
}

export function rulesPath(): string {
  return join(complianceDir(), 'frameworks', 'rules.yaml');
}

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'), path);
  } catch (error) {
    throw new CatalogueError(`${path}: ${(error as Error).message}`);
  }
}

/** What the schema cannot check of a framework file; undefined when it is sound. */
export function frameworkProblem(framework: FrameworkFile): string | undefined {
  const objectives = framework.objectives.map((o) => o.id);
  const sources = new Set(framework.sources.map((s) => s.id));
  for (const set of framework.weightSets) {
    const keys = Object.keys(set.weights).sort();
    if (keys.join() !== [...objectives].sort().join())
      return `weightSets ${set.id}: weights must name exactly the objectives ${objectives.join(', ')}`;
    const sum = Object.values(set.weights).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 1e-9) return `weightSets ${set.id}: weights add up to ${sum}, not 100`;
    if (!sources.has(set.source)) return `weightSets ${set.id}: source ${set.source} is not in sources`;
  }
  if (framework.weightSets.filter((s) => s.default).length !== 1)
    return 'weightSets: exactly one set must be the default';
  const seen = new Set<string>();
  for (const o of framework.objectives) {
    for (const c of o.criteria) {
      if (!c.id.startsWith(`${o.id}.`)) return `${c.id}: not a criterion of ${o.id}`;
      if (seen.has(c.id)) return `${c.id}: listed twice`;
      if ((c.rule !== undefined) !== (c.evidence !== 'attestation'))
        return `${c.id}: an ${c.evidence} criterion ${c.rule ? 'has no rule' : 'needs a rule'}`;
      if (c.evidence !== 'observed' && c.attestation === undefined)
        return `${c.id}: a ${c.evidence} criterion needs an attestation text (what to ask the supplier for)`;
      seen.add(c.id);
    }
  }
  const levels = framework.levels.map((l) => l.seal).join();
  if (levels !== '0,1,2,3,4') return 'levels: must be SEAL 0 to 4, in order';
  return undefined;
}

let framework: FrameworkFile | undefined;
let rules: RulesFile | undefined;

/** The bundled framework. @throws CatalogueError `<file>: <problem>` when it is broken. */
export function loadFramework(): FrameworkFile {
  if (framework) return framework;
  const path = frameworkPath();
  const value = readYaml(path);
  const problem = validate('sovereignty', value, 'framework') ?? frameworkProblem(value as FrameworkFile);
  if (problem) throw new CatalogueError(`${path}: ${problem}`);
  framework = value as FrameworkFile;
  return framework;
}

/** The bundled rules mapping. @throws CatalogueError `<file>: <problem>` when it is broken. */
export function loadRules(): RulesFile {
  if (rules) return rules;
  const path = rulesPath();
  const value = readYaml(path);
  let problem = validate('sovereignty', value, 'rules');
  if (problem === undefined) {
    const file = value as RulesFile;
    const sources = new Set(file.sources.map((s) => s.id));
    const missing = file.rules.find((r) => !sources.has(r.source));
    if (missing) problem = `rules ${missing.id}: source ${missing.source} is not in sources`;
  }
  if (problem) throw new CatalogueError(`${path}: ${problem}`);
  rules = value as RulesFile;
  return rules;
}

/** The weight set by id (the default when undefined); undefined for an unknown id. */
export function weightSet(
  file: FrameworkFile,
  id: string | undefined,
): FrameworkFile['weightSets'][number] | undefined {
  return id === undefined ? file.weightSets.find((s) => s.default) : file.weightSets.find((s) => s.id === id);
}
