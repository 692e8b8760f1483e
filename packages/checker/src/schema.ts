import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { complianceDir } from './paths.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object (module.exports),
// which is the plugin function itself at runtime, with the plugin also under `.default`.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const formatsModule = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formatsModule.default ?? formatsModule;

export type SchemaName = 'snapshot' | 'catalogue' | 'report' | 'data' | 'waivers';

const SCHEMA_BASE = 'https://havenkit.dev/schemas/';

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  const a = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: false });
  addFormats(a);
  for (const name of ['snapshot', 'catalogue', 'waivers', 'report', 'data'] satisfies SchemaName[]) {
    const file = join(complianceDir(), 'schemas', `${name}.schema.json`);
    a.addSchema(JSON.parse(readFileSync(file, 'utf8')) as object);
  }
  ajv = a;
  return a;
}

/**
 * A validator for a bundled schema (compliance/schemas/<name>.schema.json), or for one of its
 * $defs when `def` is given. Compiled once.
 */
export function validator(name: SchemaName, def?: string): ValidateFunction {
  const ref = `${SCHEMA_BASE}${name}.schema.json${def ? `#/$defs/${def}` : ''}`;
  let fn = compiled.get(ref);
  if (!fn) {
    const a = instance();
    fn = def ? a.compile({ $ref: ref }) : a.getSchema(ref);
    if (!fn) throw new Error(`havenkit: schema ${ref} not found`);
    compiled.set(ref, fn);
  }
  return fn;
}

/** The first validation error as "<json pointer> <message>", e.g. `/metadata/collectedAt must match format "date-time"`. */
export function describeFirstError(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0];
  if (!error) return '(unknown validation error)';
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = ` (${String(params.additionalProperty)})`;
  else if (error.keyword === 'enum')
    detail = `: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
  else if (error.keyword === 'const') detail = `: ${String(params.allowedValue)}`;
  else if (error.keyword === 'propertyNames') detail = ` (${String(params.propertyName)})`;
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/** Validates `value`; returns undefined when valid, else the first error described. */
export function validate(name: SchemaName, value: unknown, def?: string): string | undefined {
  const fn = validator(name, def);
  return fn(value) ? undefined : describeFirstError(fn.errors);
}
