import { compiledValidator, type CompiledValidator } from '@havenkit/model';
import { VALIDATORS } from './generated/validators.js';

/**
 * The validator of a schema in compliance/schemas (by file name): ajv's standalone code,
 * committed (`pnpm schemas:compile`), compiled with `useDefaults`, which fills in schema defaults.
 */
export function schemaValidator(file: string): CompiledValidator {
  return compiledValidator(VALIDATORS, file);
}
