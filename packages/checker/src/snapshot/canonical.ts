/** A deep copy with object keys sorted (arrays keep their order): the basis of reproducible output. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      // An own "__proto__" (JSON.parse makes one) must stay data, not become the prototype.
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value: sortKeysDeep(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}

/** JSON with sorted keys, 2-space indentation and a final newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/** True for keys a JavaScript object lists first, in numeric order, whatever order they were set in. */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/**
 * The order JSON.stringify gives the keys of an object built by sortKeysDeep: array-index keys
 * ("0", "12") first in numeric order, as every JavaScript object lists them, then the rest sorted.
 */
export function canonicalKeyOrder(keys: readonly string[]): string[] {
  const indexes = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((k) => !isArrayIndex(k)).sort()];
}
