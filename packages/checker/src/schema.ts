import { describeSchemaErrors } from '@havenkit/model';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { VALIDATORS } from './generated/validators.js';

/** A compiled validator: true when valid, else the errors in `errors` (ajv's contract). */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export type SchemaName = 'snapshot' | 'catalogue' | 'report' | 'data' | 'waivers';

/**
 * A validator for a bundled schema (compliance/schemas/<name>.schema.json), or for one of its
 * $defs when `def` is given: ajv's code, compiled at build time (scripts/compile-validators.mjs).
 */
export function validator(name: SchemaName, def?: string): CompiledValidator {
  const key = def ? `${name}#${def}` : name;
  const fn = (VALIDATORS as unknown as Record<string, CompiledValidator | undefined>)[key];
  if (!fn)
    throw new Error(`havenkit: no compiled validator for ${key}; add it to scripts/compile-validators.mjs`);
  return fn;
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
