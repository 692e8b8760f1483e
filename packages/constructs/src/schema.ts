import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { schemasDir } from './paths.js';

const compiled = new Map<string, ValidateFunction>();

/** Compiles (once) a schema from compliance/schemas; `useDefaults` fills in schema defaults. */
export function schemaValidator(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (!validate) {
    const ajv = new Ajv({
      allErrors: false,
      useDefaults: true,
      verbose: true,
      strict: true,
      strictRequired: false,
    });
    validate = ajv.compile(JSON.parse(readFileSync(join(schemasDir, file), 'utf8')) as object);
    compiled.set(file, validate);
  }
  return validate;
}

/** `/spec/components/1/storage/0/size` → `spec.components[1].storage[0].size`. */
export function jsonPath(pointer: string, child?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (child !== undefined) parts.push(child);
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** One line for the first schema error: the path of the field, what is wrong, what was found. */
export function describeSchemaError(error: ErrorObject): string {
  const got = (): string => ` (got ${JSON.stringify(error.data)})`;
  const hint = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required':
      return `${jsonPath(error.instancePath, (error.params as { missingProperty: string }).missingProperty)}: is required`;
    case 'additionalProperties':
      return `${jsonPath(error.instancePath, (error.params as { additionalProperty: string }).additionalProperty)}: is not a known field`;
    case 'pattern':
    case 'format':
    case 'minLength':
    case 'maxLength':
      return `${jsonPath(error.instancePath)}: must be ${hint ?? `matching ${String((error.params as { pattern?: string }).pattern)}`}${got()}`;
    case 'const':
      return `${jsonPath(error.instancePath)}: must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}${got()}`;
    case 'enum':
      return `${jsonPath(error.instancePath)}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}${got()}`;
    default:
      return `${jsonPath(error.instancePath)}: ${error.message ?? 'is invalid'}${got()}`;
  }
}
