/**
 * YAML aliases make a document a graph: `&a [*b, *b, *b]` nine levels deep is 20 lines that
 * every reader, validator or writer that walks the value sees as a billion values. js-yaml keeps
 * an alias as a shared reference (so parsing is cheap) but has no limit on what it expands to.
 * Pure.
 */

/** A parsed document whose shared references expand to far more values than were written. */
export interface AliasExpansion {
  /** Distinct arrays and objects in the document. */
  readonly written: number;
  /** Arrays and objects counted each time they are reached (at least `limit` when it stopped counting). */
  readonly expanded: number;
}

/**
 * How far the arrays and objects of `value` expand when every shared reference counts each time
 * it is reached, or undefined when that stays within `limit` values or 10 times what was written.
 * Linear in the distinct values (each is measured once); a cycle counts as past the limit.
 */
export function aliasExpansion(value: unknown, limit = 1_000_000): AliasExpansion | undefined {
  const sizes = new Map<object, number>();
  const visiting = new Set<object>();
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (visiting.has(node)) return Number.POSITIVE_INFINITY;
    visiting.add(node);
    let size = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      size += sizeOf(child);
      if (size > limit * 10) break; // enough to refuse; keeps the sum finite
    }
    visiting.delete(node);
    sizes.set(node, size);
    return size;
  };
  const expanded = sizeOf(value);
  const written = sizes.size;
  return expanded > limit && expanded > written * 10 ? { written, expanded } : undefined;
}

/** The one-line refusal of a document that aliasExpansion flagged. */
export function aliasBombMessage(found: AliasExpansion): string {
  const expanded = Number.isFinite(found.expanded)
    ? `more than ${found.expanded.toLocaleString('en')} values`
    : 'an endless cycle of values';
  return `its YAML aliases expand to ${expanded} (${found.written.toLocaleString('en')} written); havenkit refuses such a document`;
}
