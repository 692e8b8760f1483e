/** Reading raw Kubernetes objects (and the globs of the bundled data) without trusting their shape. */

/** A nested field of a raw object, or undefined when any step is missing. */
export function field(object: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = object;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

export function stringField(object: unknown, ...path: (string | number)[]): string | undefined {
  const value = field(object, ...path);
  return typeof value === 'string' ? value : undefined;
}

export function arrayField(object: unknown, ...path: (string | number)[]): unknown[] {
  const value = field(object, ...path);
  return Array.isArray(value) ? value : [];
}

/**
 * Matches a glob where `*` matches any characters (including `/`); the rest is literal. Linear in
 * the value for any pattern (the pieces between stars are found left to right, first match wins,
 * which is exact for `*`-only globs): a waiver's pattern can never make matching backtrack, as
 * `.*` chains in a regular expression can (`*a*a*a…*b` against a long run of "a").
 */
export function globMatch(pattern: string, value: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === value;
  const head = pieces[0]!;
  const tail = pieces[pieces.length - 1]!;
  if (value.length < head.length + tail.length || !value.startsWith(head) || !value.endsWith(tail)) {
    return false;
  }
  const end = value.length - tail.length;
  let at = head.length;
  for (const piece of pieces.slice(1, -1)) {
    if (piece === '') continue;
    const found = value.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
