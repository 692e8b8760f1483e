import yaml from 'js-yaml';

/**
 * Parses YAML with the core schema: plain scalars like 2026-11-01T00:00:00Z stay strings (the
 * default js-yaml schema would turn them into Date objects and break JSON Schema validation).
 */
export function parseYaml(text: string, filename: string): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename });
}

/** Serialises to YAML with sorted keys (reproducible output). */
export function dumpYaml(value: unknown): string {
  return yaml.dump(value, { schema: yaml.CORE_SCHEMA, sortKeys: true, lineWidth: -1, noRefs: true });
}
