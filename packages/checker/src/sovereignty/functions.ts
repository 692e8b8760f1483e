/**
 * The register's functions (compliance/register/functions.yaml): what each reads from a cluster.
 * The collector reads their needs next to the checks' (so `havenkit snapshot` holds what the
 * register needs), and the register reads a function as not collected when a snapshot lacks one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueError, type FunctionDefinition, type RegisterFunctionsFile } from '@havenkit/model';
import { complianceDir } from '../paths.js';
import { validate } from '../schema.js';
import { parseYaml } from '../yaml.js';

let cached: readonly FunctionDefinition[] | undefined;

/** The bundled functions file. */
export function registerFunctionsPath(): string {
  return join(complianceDir(), 'register', 'functions.yaml');
}

/**
 * The register's functions, in the file's order, validated against the schema. Cached.
 * @throws CatalogueError `<file>: <field>: <problem>` when the bundled file is broken.
 */
export function loadRegisterFunctions(): readonly FunctionDefinition[] {
  if (cached) return cached;
  const path = registerFunctionsPath();
  let value: unknown;
  try {
    value = parseYaml(readFileSync(path, 'utf8'), path);
  } catch (error) {
    throw new CatalogueError(`${path}: ${(error as Error).message}`);
  }
  const problem = validate('register', value, 'functions');
  if (problem) throw new CatalogueError(`${path}: ${problem}`);
  cached = (value as RegisterFunctionsFile).functions;
  return cached;
}

/**
 * The register's needs in the shape of a check's (`needs.resources` with fields), so that the
 * collection plan and the streaming reader unite them with the checks'.
 */
export function registerReaders(functions: readonly FunctionDefinition[] = loadRegisterFunctions()): {
  readonly name: string;
  readonly needs: { readonly resources: FunctionDefinition['needs']['resources']; readonly permissions: [] };
}[] {
  return functions.map((f) => ({
    name: `register:${f.id}`,
    needs: { resources: f.needs.resources, permissions: [] },
  }));
}
