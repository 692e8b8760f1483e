/**
 * Shared by the property suites: the one promise every reader of user files makes, and generated
 * damage to a valid document.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError } from '@havenkit/model';

/** Line breaks a terminal shows as one: a "one-line" message holds none of them. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** A V8 stack frame ("    at parse (file.js:1:2)") or a bare Error prefix. */
const STACK_FRAME = /\bat (?:\S+ \()?[^\s()]+:\d+:\d+\)?|^(?:Type|Range|Syntax)?Error:/;

/**
 * Runs a reader on bad input: it returns a value, or throws an InputError (SnapshotError is one)
 * with exit code 3 whose message is one line, names `source` and holds no stack trace. Any other
 * exception fails the property. Returns the value, or undefined when the input was refused.
 */
export function expectValueOrInputError<T>(read: () => T, source: string): T | undefined {
  let value: T;
  try {
    value = read();
  } catch (error) {
    expect(error, String((error as Error)?.stack ?? error)).toBeInstanceOf(InputError);
    const { message, exitCode } = error as InputError;
    expect(exitCode).toBe(3);
    expect(message).not.toMatch(LINE_BREAK);
    expect(message).toContain(source);
    expect(message).not.toMatch(STACK_FRAME);
    return undefined;
  }
  return value;
}

/** Every path into a JSON value, the root included (arrays by index). */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  }
  return paths;
}

/** One change to a document: at the n-th path (modulo their number), drop, replace or repeat. */
export interface Mutation {
  at: number;
  op: 'delete' | 'replace' | 'repeat';
  value: unknown;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'repeat'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, '', 0, -1, 1e308, [], {}, 'v2.0.0', '1.35', 'InternalIP', '8.8.8.8'),
  ),
});

/** A copy of `document` with the mutations applied in order (a repeat copies an array element or a value). */
export function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(document);
  for (const { at, op, value } of mutations) {
    const paths = pathsOf(root);
    const path = paths[at % paths.length]!;
    if (path.length === 0) {
      root = op === 'replace' ? value : root;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], root) as
      Record<string, unknown> | unknown[];
    const key = path.at(-1)!;
    if (Array.isArray(parent) && typeof key === 'number') {
      if (op === 'delete') parent.splice(key, 1);
      else if (op === 'replace') parent[key] = value;
      else parent.splice(key, 0, structuredClone(parent[key]));
    } else {
      const record = parent as Record<string, unknown>;
      if (op === 'delete') delete record[key];
      else if (op === 'replace') record[key] = value;
      else record[key] = [structuredClone(record[key]), structuredClone(record[key])];
    }
  }
  return root;
}

/** Damaged text: cut short, a byte range replaced, or arbitrary text. */
export function damagedText(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc
      .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 16 }), fc.string({ unit: 'binary', maxLength: 8 }))
      .map(([at, length, text]) => valid.slice(0, at) + text + valid.slice(at + length)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ''),
    fc.constantFrom(
      '',
      '\uFEFF',
      'null',
      '[]',
      '{}',
      '---\n...',
      '&a [*a]',
      '!!binary AAAA',
      '{"a":1,"a":2}',
      '\r\u0000',
      '"\u2028\u0000',
    ),
  );
}
