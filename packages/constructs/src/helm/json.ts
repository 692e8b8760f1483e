/** Plain JSON values and the few operations the chart generator needs on them. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON-like values; identical references (knob markers) are equal. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b) && a.constructor === Object && b.constructor === Object) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A segment of a path into an object: a map key or a list index. */
export type Segment = string | number;

export function getPath(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const s of path) {
    if (typeof s === 'number' ? !Array.isArray(node) : !isRecord(node)) return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

export function setPath(root: unknown, path: readonly Segment[], value: unknown): void {
  const parent = getPath(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A key Go templates can use after a dot (`$c.image`); others need `index`. */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Go template string literal (JSON's escapes are a subset of Go's). */
export const goString = (s: string): string => JSON.stringify(s);

/** `root.a.b`, or `(index root "a" "b-c")` where a key is no identifier. */
export function lookup(root: string, path: readonly string[]): string {
  if (path.length === 0) return root;
  if (path.every((p) => IDENT.test(p))) return `${root}.${path.join('.')}`;
  return `(index ${root} ${path.map(goString).join(' ')})`;
}
