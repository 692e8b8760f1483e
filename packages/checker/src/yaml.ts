import yaml from 'js-yaml';
import { aliasBombMessage, aliasExpansion } from '@havenkit/model';

/**
 * Parses YAML with the core schema: plain scalars like 2026-11-01T00:00:00Z stay strings (the
 * default js-yaml schema would turn them into Date objects and break JSON Schema validation).
 * A document whose aliases expand to millions of values (an alias bomb) is refused.
 */
export function parseYaml(text: string, filename: string): unknown {
  const value = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename });
  const bomb = aliasExpansion(value);
  if (bomb !== undefined) throw new Error(aliasBombMessage(bomb));
  return value;
}

/** Serialises to YAML with sorted keys (reproducible output). */
export function dumpYaml(value: unknown): string {
  return yaml.dump(value, { schema: yaml.CORE_SCHEMA, sortKeys: true, lineWidth: -1, noRefs: true });
}

/**
 * Parses a stream of YAML documents (`---` separated, as `helm template` and `kubectl` write them),
 * with the core schema; a document whose aliases expand to millions of values is refused.
 */
export function parseYamlDocuments(text: string, filename: string): unknown[] {
  const documents = yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA, filename });
  for (const value of documents) {
    const bomb = aliasExpansion(value);
    if (bomb !== undefined) throw new Error(aliasBombMessage(bomb));
  }
  return documents;
}
