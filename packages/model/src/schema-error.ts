/**
 * One line for a JSON Schema validation error, in the user's terms: the path of the field as they
 * would write it, what is wrong, and what was found, e.g.
 * `spec.components[1].storage[0].size: must be a size like 20Gi (got "20GB")` or
 * `metadata.collectedAt: must be an RFC 3339 date-time like 2026-01-31T09:00:00Z (got "yesterday")`.
 * Pure functions over ajv's ErrorObject (used by @havenkit/checker and @havenkit/constructs).
 *
 * A schema `description` that starts with "a " or "an " names the expected value; its first clause
 * (up to "; ") is what a `pattern` or `format` error says the value must be. That needs ajv's
 * `verbose` option (the error's parentSchema); without it the error names the pattern or format.
 */
import type { ErrorObject } from 'ajv';

/** A compiled validator: true when valid, else the errors in `errors` (ajv's contract). */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The validator `key` of a package's generated table (ajv standalone code written by
 * scripts/compile-validators.mjs, `pnpm schemas:compile`); a key the table lacks is a programming
 * error, named with the fix.
 */
export function compiledValidator(validators: object, key: string): CompiledValidator {
  const fn = (validators as Record<string, CompiledValidator | undefined>)[key];
  if (!fn)
    throw new Error(`havenkit: no compiled validator for ${key}; add it to scripts/compile-validators.mjs`);
  return fn;
}

export interface SchemaErrorOptions {
  /**
   * The validated document: the "(got …)" value is read from it when ajv ran without `verbose`
   * (with `verbose`, the error carries the value itself).
   */
  readonly document?: unknown;
  /** Where the document sits, in the same terms (e.g. "payload.predicate"); absent: at the top. */
  readonly at?: string;
}

/** The pointer's segments (RFC 6901 unescaped). */
function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * A JSON pointer in the user's terms: `/spec/components/1/storage/0/size` →
 * `spec.components[1].storage[0].size`; keys that are not identifiers are quoted
 * (`resources["storageclasses.storage.k8s.io"]`). `child` is appended (a missing or unknown
 * field), `at` prefixed; the document itself is "(document)".
 */
export function jsonPath(pointer: string, child?: string, at?: string): string {
  const parts = segments(pointer);
  if (child !== undefined) parts.push(child);
  let out = at ?? '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(document)' : out;
}

const NOT_FOUND = Symbol('not found');

/** The value at a JSON pointer in a document, or NOT_FOUND. */
function valueAt(document: unknown, pointer: string): unknown {
  let value: unknown = document;
  for (const part of segments(pointer)) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return NOT_FOUND;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * A found value, short and on one line, as the friendly errors show it after "got": strings as
 * JSON, numbers as they are, objects and arrays by kind, undefined as "nothing".
 */
export function shown(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 76)}…"` : text;
  }
  return value === undefined ? 'nothing' : String(value);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'date-time': 'an RFC 3339 date-time like 2026-01-31T09:00:00Z',
  date: 'a date like 2026-01-31',
  uri: 'a URI like https://api.example.nl:6443',
  regex: 'a valid regular expression',
};

/** "a, b or c". */
function alternatives(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? (type as unknown[]) : [type];
  return alternatives(types.map((t) => TYPE_WORDS[String(t)] ?? String(t)));
}

/** What the schema says the value is, when its description names it ("a size like 20Gi"). */
function hintOf(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  if (typeof description !== 'string' || !/^an? /.test(description)) return undefined;
  return description.split('; ')[0];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line for one validation error: `<path>: <what is wrong> (got <value>)`. */
export function describeSchemaError(error: ErrorObject, options: SchemaErrorOptions = {}): string {
  const params = error.params as Record<string, unknown>;
  const path = (child?: string): string => jsonPath(error.instancePath, child, options.at);
  const found = 'data' in error ? error.data : valueAt(options.document, error.instancePath);
  const got = found === NOT_FOUND ? '' : ` (got ${shown(found)})`;
  const limit = Number(params.limit);
  const propertyName = (error as { propertyName?: unknown }).propertyName;
  if (typeof propertyName === 'string') {
    // An error in a propertyNames schema: the key itself is wrong.
    const hint = hintOf(error);
    const rule =
      error.keyword !== 'pattern'
        ? (error.message ?? 'is invalid')
        : hint
          ? `must be ${hint}`
          : `must match the pattern ${String(params.pattern)}`;
    return `${path(propertyName)}: is not a valid name: ${rule}`;
  }
  switch (error.keyword) {
    case 'required':
      return `${path(String(params.missingProperty))}: is required`;
    case 'additionalProperties':
      return `${path(String(params.additionalProperty))}: is not a known field`;
    case 'propertyNames':
      return `${path(String(params.propertyName))}: is not a valid name`;
    case 'false schema':
      return `${path()}: is not allowed`;
    case 'pattern':
      return `${path()}: must ${hintOf(error) ? `be ${hintOf(error)}` : `match the pattern ${String(params.pattern)}`}${got}`;
    case 'format': {
      const format = String(params.format);
      return `${path()}: must be ${hintOf(error) ?? FORMAT_WORDS[format] ?? `a valid ${format}`}${got}`;
    }
    case 'type':
      return `${path()}: must be ${typeWords(params.type)}${got}`;
    case 'const':
      return `${path()}: must be ${JSON.stringify(params.allowedValue)}${got}`;
    case 'enum':
      return `${path()}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${got}`;
    case 'minLength':
      return `${path()}: ${limit === 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character')} long`}${got}`;
    case 'maxLength':
      return `${path()}: must be at most ${plural(limit, 'character')} long${got}`;
    case 'minItems':
      return `${path()}: ${limit === 1 ? 'must not be empty' : `must have at least ${plural(limit, 'item')}`}`;
    case 'maxItems':
      return `${path()}: must have at most ${plural(limit, 'item')}`;
    case 'minProperties':
      return `${path()}: ${limit === 1 ? 'must not be empty' : `must have at least ${plural(limit, 'field')}`}`;
    case 'maxProperties':
      return `${path()}: must have at most ${plural(limit, 'field')}`;
    case 'uniqueItems':
      return `${path()}: must not repeat an item (items ${String(params.j)} and ${String(params.i)} are the same)`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${path()}: must be ${String(params.comparison)} ${String(params.limit)}${got}`;
    default:
      return `${path()}: ${error.message ?? 'is invalid'}${got}`;
  }
}

/** How far into the document an error points (a missing or unknown field counts one deeper). */
function depth(error: ErrorObject): number {
  const child = error.keyword === 'required' || error.keyword === 'additionalProperties' ? 1 : 0;
  return segments(error.instancePath).length + child + ('propertyName' in error ? 1 : 0);
}

/**
 * One line for the errors of a failed validation (ajv's `validate.errors`). With `allErrors` off,
 * ajv stops at the first failing keyword; the errors are that keyword's, except after an
 * anyOf/oneOf, where they are every alternative's: then a value of none of the allowed types says
 * so (`must be a string or an object`), and otherwise the alternative that got furthest into the
 * value is described.
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[] | null | undefined,
  options: SchemaErrorOptions = {},
): string {
  const list = errors ?? [];
  const choice = list.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (choice) {
    // ajv reports the alternatives' errors before the anyOf/oneOf error itself (their schemaPath
    // is that of a $ref'd schema when the alternative is a $ref).
    const branches = list
      .slice(0, list.indexOf(choice))
      .filter((e) => e.keyword !== 'if' && e.instancePath.startsWith(choice.instancePath));
    if (
      branches.length > 0 &&
      branches.every((e) => e.keyword === 'type' && e.instancePath === choice.instancePath)
    ) {
      const types = branches.flatMap((e) => {
        const type = (e.params as { type: unknown }).type;
        return Array.isArray(type) ? type : [type];
      });
      return describeSchemaError({ ...branches[0]!, params: { type: types } }, options);
    }
    const deepest = branches.reduce<ErrorObject | undefined>(
      (best, e) => (best === undefined || depth(e) > depth(best) ? e : best),
      undefined,
    );
    if (deepest) return describeSchemaError(deepest, options);
  }
  const first = list.find((e) => e.keyword !== 'if') ?? list[0];
  return first ? describeSchemaError(first, options) : `${jsonPath('', undefined, options.at)}: is invalid`;
}
