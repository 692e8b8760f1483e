import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';
import { HavenkitInputError } from '../errors.js';
import { profilesDir } from '../paths.js';
import { aliasBombMessage, aliasExpansion, describeSchemaErrors } from '@havenkit/model';
import { schemaValidator } from '../schema.js';
import type { ProviderProfile } from './profile.js';

const SCHEMA = 'provider-profile.schema.json';

/** Ids of the built-in profiles, sorted (the file names in src/profiles). */
export function builtinProfileIds(): string[] {
  return readdirSync(profilesDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** Validates a parsed profile document and fills in the schema defaults; `source` names it in errors. */
export function parseProfile(doc: unknown, source: string): ProviderProfile {
  const data: unknown = structuredClone(doc);
  const validate = schemaValidator(SCHEMA);
  if (!validate(data)) {
    throw new HavenkitInputError(
      `${source}: invalid provider profile: ${describeSchemaErrors(validate.errors)} (see compliance/schemas/${SCHEMA})`,
    );
  }
  return data as ProviderProfile;
}

function readYaml(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new HavenkitInputError(`${file}: cannot read ${what}: ${(err as Error).message}`);
  }
  try {
    const value = yaml.load(text, { filename: file });
    const bomb = aliasExpansion(value);
    if (bomb !== undefined) throw new Error(aliasBombMessage(bomb));
    return value;
  } catch (err) {
    throw new HavenkitInputError(`${file}: invalid YAML: ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
}

/** True when `--provider` names a file rather than a built-in id. */
function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || /\.ya?ml$/.test(ref);
}

/**
 * Loads a provider profile: a built-in id (`scaleway`) or the path of a profile YAML file
 * (`./my-profile.yaml`). Throws a one-line `HavenkitInputError` naming the field.
 */
export function loadProfile(ref: string): ProviderProfile {
  if (looksLikePath(ref)) {
    if (!existsSync(ref)) throw new HavenkitInputError(`--provider: profile file ${ref} does not exist`);
    return parseProfile(readYaml(ref, 'provider profile'), ref);
  }
  const ids = builtinProfileIds();
  if (!ids.includes(ref)) {
    throw new HavenkitInputError(
      `--provider: unknown provider "${ref}" (known: ${ids.join(', ')}; or pass a profile file such as ./my-profile.yaml)`,
    );
  }
  const file = join(profilesDir, `${ref}.yaml`);
  const profile = parseProfile(readYaml(file, 'provider profile'), file);
  if (profile.id !== ref)
    throw new HavenkitInputError(`${file}: id: must equal the file name "${ref}" (got "${profile.id}")`);
  return profile;
}

/** Every built-in profile, sorted by id. */
export function loadBuiltinProfiles(): ProviderProfile[] {
  return builtinProfileIds().map((id) => loadProfile(id));
}
