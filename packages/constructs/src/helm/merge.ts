/**
 * Merges the variants of one object (one per provider) into a template tree: what all providers
 * agree on stays literal; the leaves where they differ become lookups into the per-provider values
 * (`providers.<id>.<object>.<key>`); a key only some providers have is rendered if theirs has it.
 */
import { HavenkitInputError } from '../errors.js';
import { deepEqual, goString, isRecord, lookup, type Json, type Segment } from './json.js';
import { KnobRef } from './knobs.js';

/** A template tree: literal subtrees are written by js-yaml, expressions through `toJson`. */
export type TNode =
  | { readonly t: 'lit'; readonly v: Json }
  | { readonly t: 'expr'; readonly expr: () => string }
  | { readonly t: 'map'; readonly entries: readonly Entry[] }
  | { readonly t: 'list'; readonly items: readonly TNode[] };

export interface Entry {
  readonly key: string;
  readonly node: TNode;
  /** Rendered only if this condition holds. */
  readonly when?: () => string;
}

/** A leaf (or subtree) that differs between providers: a value of each provider's block. */
export interface ProviderDiff {
  readonly path: readonly Segment[];
  /** The path with list items named by their `name` field: what the key is derived from. */
  readonly names: readonly string[];
  /** Provider → value; a provider without the key is absent. */
  readonly values: ReadonlyMap<string, Json>;
  readonly optional: boolean;
  /** Assigned after the object is merged: the key within the object's block. */
  key?: string;
}

/** The template variable that holds `.Values.providers.<selected provider>`. */
export const PROVIDER_VAR = '$p';

/**
 * A namespace no app uses: the chart synthesizes with it and renders every string that holds it
 * with `.Release.Namespace` instead.
 */
export const NAMESPACE_SENTINEL = 'havenkit-chart-release-namespace';

export interface MergeContext {
  /** The object's block in the provider values, assigned once all objects are merged. */
  blockKey?: string;
  readonly diffs: ProviderDiff[];
  /** `Kind name`, for error messages. */
  readonly what: string;
}

const hasTemplate = (s: string): boolean => s.includes('{{') || s.includes(NAMESPACE_SENTINEL);

/** No knob, no template syntax, no namespace: js-yaml can write it as it is. */
function isClean(v: unknown): boolean {
  if (v instanceof KnobRef) return false;
  if (typeof v === 'string') return !hasTemplate(v);
  if (Array.isArray(v)) return v.every(isClean);
  if (isRecord(v)) return Object.entries(v).every(([k, x]) => !hasTemplate(k) && isClean(x));
  return true;
}

/** The synthesized value of a subtree, knobs replaced by their defaults. */
function unwrap(v: unknown, what: string): Json {
  if (v instanceof KnobRef) return v.value;
  if (typeof v === 'string' && v.includes(NAMESPACE_SENTINEL))
    throw new HavenkitInputError(
      `${what}: a value that differs between providers holds the namespace; the chart cannot template it`,
    );
  if (Array.isArray(v)) return v.map((x) => unwrap(x, what));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x, what)]));
  return v as Json;
}

/** A string as a template expression: the namespace from the release, `{{` never interpreted. */
function stringExpr(s: string): string {
  if (!s.includes(NAMESPACE_SENTINEL)) return goString(s);
  if (s === NAMESPACE_SENTINEL) return '$.Release.Namespace';
  const parts = s
    .split(NAMESPACE_SENTINEL)
    .flatMap((p, i) => [...(i > 0 ? ['$.Release.Namespace'] : []), ...(p ? [goString(p)] : [])]);
  return `(print ${parts.join(' ')})`;
}

/** One provider-independent value as a template tree. */
export function toNode(v: unknown, what: string): TNode {
  if (v instanceof KnobRef) return { t: 'expr', expr: v.expr };
  if (isClean(v)) return { t: 'lit', v: v as Json };
  if (typeof v === 'string') {
    const expr = stringExpr(v);
    return { t: 'expr', expr: () => expr };
  }
  if (Array.isArray(v)) return { t: 'list', items: v.map((x) => toNode(x, what)) };
  const entries = Object.keys(v as Record<string, unknown>)
    .sort()
    .map((key): Entry => {
      if (key.includes('{{'))
        throw new HavenkitInputError(`${what}: the key ${JSON.stringify(key)} holds "{{"`);
      return { key, node: toNode((v as Record<string, unknown>)[key], what) };
    });
  return { t: 'map', entries };
}

function itemName(item: unknown, index: number): string {
  return isRecord(item) && typeof item.name === 'string' ? item.name : String(index);
}

function diffNode(ctx: MergeContext, diff: ProviderDiff): TNode {
  ctx.diffs.push(diff);
  return { t: 'expr', expr: () => lookup(PROVIDER_VAR, [ctx.blockKey ?? '', diff.key ?? '']) };
}

/** Merges the provider variants (provider → value) of one subtree. */
export function mergeVariants(
  variants: ReadonlyArray<readonly [string, unknown]>,
  ctx: MergeContext,
  path: readonly Segment[] = [],
  names: readonly string[] = [],
): TNode {
  const first = variants[0]?.[1];
  if (variants.every(([, v]) => deepEqual(v, first))) return toNode(first, ctx.what);
  const values = (vs: ReadonlyArray<readonly [string, unknown]>): Map<string, Json> =>
    new Map(vs.map(([p, v]) => [p, unwrap(v, ctx.what)]));
  if (variants.every(([, v]) => isRecord(v) && !(v instanceof KnobRef))) {
    const keys = [...new Set(variants.flatMap(([, v]) => Object.keys(v as object)))].sort();
    const entries = keys.map((key): Entry => {
      const have = variants
        .filter(([, v]) => key in (v as object))
        .map(([p, v]) => [p, (v as Record<string, unknown>)[key]] as const);
      if (have.length === variants.length)
        return { key, node: mergeVariants(have, ctx, [...path, key], [...names, key]) };
      const diff: ProviderDiff = {
        path: [...path, key],
        names: [...names, key],
        values: values(have),
        optional: true,
      };
      return {
        key,
        node: diffNode(ctx, diff),
        when: () => `hasKey ${lookup(PROVIDER_VAR, [ctx.blockKey ?? ''])} ${goString(diff.key ?? '')}`,
      };
    });
    return { t: 'map', entries };
  }
  const length = Array.isArray(first) ? first.length : -1;
  if (variants.every(([, v]) => Array.isArray(v) && v.length === length)) {
    const items = (first as unknown[]).map((item, i) =>
      mergeVariants(
        variants.map(([p, v]) => [p, (v as unknown[])[i]] as const),
        ctx,
        [...path, i],
        [...names, itemName(item, i)],
      ),
    );
    return { t: 'list', items };
  }
  return diffNode(ctx, { path, names, values: values(variants), optional: false });
}

const camel = (names: readonly string[]): string =>
  names.map((n, i) => (i === 0 ? n : n.charAt(0).toUpperCase() + n.slice(1))).join('');

/**
 * Keys of the differing leaves of one object, readable and unique: the last path segment
 * (`storageClassName`), more of the path where two would collide (`limitsMemory`).
 */
export function assignDiffKeys(diffs: readonly ProviderDiff[]): void {
  const depth = diffs.map(() => 1);
  for (;;) {
    const keys = diffs.map((d, i) => camel(d.names.slice(-(depth[i] ?? 1))) || 'value');
    const groups = new Map<string, number[]>();
    keys.forEach((k, i) => groups.set(k, [...(groups.get(k) ?? []), i]));
    let grown = false;
    for (const idx of groups.values()) {
      if (idx.length < 2) continue;
      for (const i of idx) {
        if ((depth[i] ?? 1) < (diffs[i]?.names.length ?? 0)) {
          depth[i] = (depth[i] ?? 1) + 1;
          grown = true;
        }
      }
    }
    if (!grown) {
      const seen = new Map<string, number>();
      diffs.forEach((d, i) => {
        const k = keys[i] ?? 'value';
        const n = (seen.get(k) ?? 0) + 1;
        seen.set(k, n);
        d.key = n === 1 ? k : `${k}_${n}`;
      });
      return;
    }
  }
}
