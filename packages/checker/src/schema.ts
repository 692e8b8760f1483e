import { compiledValidator, describeSchemaErrors, type CompiledValidator } from '@havenkit/model';
import { VALIDATORS } from './generated/validators.js';

export type SchemaName =
  'snapshot' | 'catalogue' | 'report' | 'data' | 'waivers' | 'sovereignty' | 'register';

/**
 * A validator for a bundled schema (compliance/schemas/<name>.schema.json), or for one of its
 * $defs when `def` is given: ajv's standalone code, committed (`pnpm schemas:compile`).
 */
export function validator(name: SchemaName, def?: string): CompiledValidator {
  return compiledValidator(VALIDATORS, def ? `${name}#${def}` : name);
}

/**
 * Validates `value`; returns undefined when valid, else one line naming the field in the user's
 * terms (@havenkit/model's describeSchemaErrors), e.g.
 * `metadata.collectedAt: must be an RFC 3339 date-time like 2026-01-31T09:00:00Z (got "yesterday")`.
 * @param at where `value` sits in its file (e.g. "payload.predicate"), prefixed to the field.
 */
export function validate(name: SchemaName, value: unknown, def?: string, at?: string): string | undefined {
  const fn = validator(name, def);
  return fn(value)
    ? undefined
    : describeSchemaErrors(fn.errors, { document: value, ...(at !== undefined ? { at } : {}) });
}
