import type { ErrorObject } from 'ajv';
import { VALIDATORS } from './generated/validators.js';

/** A compiled validator: true when valid, else the errors in `errors` (ajv's contract). */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The validator of a schema in compliance/schemas (by file name): ajv's code, compiled at build
 * time (scripts/compile-validators.mjs) with `useDefaults`, which fills in schema defaults.
 */
export function schemaValidator(file: string): CompiledValidator {
  const validate = (VALIDATORS as unknown as Record<string, CompiledValidator | undefined>)[file];
  if (!validate)
    throw new Error(`havenkit: no compiled validator for ${file}; add it to scripts/compile-validators.mjs`);
  return validate;
}
