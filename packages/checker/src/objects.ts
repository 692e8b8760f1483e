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

/** Matches a glob where `*` matches any characters (including `/`); the rest is literal. */
export function globMatch(pattern: string, value: string): boolean {
  let regex = globCache.get(pattern);
  if (regex === undefined) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${source}$`);
    globCache.set(pattern, regex);
  }
  return regex.test(value);
}

/** Compiled globs: patterns come from the bundled data lists, so the cache stays small. */
const globCache = new Map<string, RegExp>();
