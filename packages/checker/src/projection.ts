/**
 * Projections: the fields of a collected object that the checks read, declared as data next to
 * each check's needs (`needs.resources[].fields` in the catalogue). The collector keeps only these
 * while it streams list pages, so a 50,000-pod cluster holds the few hundred bytes per pod the
 * checks use instead of ~10 KiB; a snapshot records what it kept (`fields` of the list), and
 * evaluation refuses to run a check on a list that lacks a field it reads. Pure.
 *
 * A path is dot-separated field names; `[]` after a name applies the rest to every element of that
 * array: `metadata.labels`, `spec.containers[].image`. A path keeps the whole value it ends on.
 */
import type { ClusterSnapshot, KubeObject, ResourceNeed } from '@havenkit/model';

/** Kept of every object whatever the checks read: identity, for evidence and for duplicate detection. */
export const IDENTITY_FIELDS: readonly string[] = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

/**
 * A compiled projection: `true` keeps the whole value; a node keeps the named fields of an object,
 * or with `each` of every element of an array (`elements` true: every element whole).
 */
export type ProjectionTree =
  | true
  | {
      readonly fields: ReadonlyMap<string, ProjectionTree>;
      readonly each: boolean;
      readonly elements: boolean;
    };

interface Step {
  readonly name: string;
  readonly each: boolean;
}

const SEGMENT = /^([A-Za-z0-9_$-]+)(\[\])?$/;

function stepsOf(path: string): Step[] {
  return path.split('.').map((segment) => {
    const match = SEGMENT.exec(segment);
    if (!match) throw new Error(`not a field path: ${JSON.stringify(path)}`);
    return { name: match[1]!, each: match[2] !== undefined };
  });
}

interface MutableNode {
  fields: Map<string, MutableNode | true>;
  each: boolean;
  elements: boolean;
}

const node = (): MutableNode => ({ fields: new Map(), each: false, elements: false });

/** Compiles field paths (plus IDENTITY_FIELDS) into a tree; a shorter path wins over a longer one under it. */
export function compileProjection(paths: readonly string[]): ProjectionTree {
  const root = node();
  for (const path of [...IDENTITY_FIELDS, ...paths]) {
    const steps = stepsOf(path);
    let at = root;
    for (const [index, step] of steps.entries()) {
      const last = index === steps.length - 1;
      const existing = at.fields.get(step.name);
      if (existing === true || existing?.elements) break; // already kept whole
      if (last && !step.each) {
        at.fields.set(step.name, true);
        break;
      }
      const child = existing ?? node();
      child.each ||= step.each;
      at.fields.set(step.name, child);
      if (last) {
        // `x[]` at the end keeps every element of x whole.
        child.elements = true;
        child.fields.clear();
        break;
      }
      at = child;
    }
  }
  return root;
}

/**
 * The part of `value` the tree keeps. Values of an unexpected shape are kept as they are (a string
 * where an object belongs, an object where an array belongs): the checks then see exactly what
 * they would have seen in the whole object, so a projection never turns malformed into absent.
 */
export function project(value: unknown, tree: ProjectionTree): unknown {
  if (tree === true) return value;
  if (tree.each) {
    if (!Array.isArray(value) || tree.elements) return value;
    return value.map((element) => pick(element, tree));
  }
  return pick(value, tree);
}

function pick(value: unknown, tree: Exclude<ProjectionTree, true>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, child] of tree.fields) {
    if (!Object.prototype.hasOwnProperty.call(source, name)) continue;
    const v = source[name];
    if (v !== undefined) out[name] = project(v, child);
  }
  return out;
}

/** Projects one collected object. */
export function projectObjectFields(item: KubeObject, tree: ProjectionTree): KubeObject {
  return project(item, tree) as KubeObject;
}

/**
 * The union of the fields several needs of one resource declare, sorted, or undefined when one of
 * them declares none (it reads the whole object).
 */
export function unionFields(needs: readonly (readonly string[] | undefined)[]): string[] | undefined {
  const union = new Set<string>();
  for (const fields of needs) {
    if (fields === undefined) return undefined;
    for (const f of fields) union.add(f);
  }
  return [...union].sort();
}

/** True when a path kept (`kept`) covers the needed path: equal, or a prefix of it by whole steps. */
function pathCovers(kept: string, needed: string): boolean {
  const a = kept.replace(/\[\]/g, '');
  const b = needed.replace(/\[\]/g, '');
  return b === a || b.startsWith(`${a}.`);
}

/**
 * The needed fields a list's projection lacks: every needed path must be covered by a kept one
 * (or an identity field). `needed` undefined means the whole object, which only a list kept whole
 * (`kept` undefined) has.
 */
export function missingFields(
  kept: readonly string[] | undefined,
  needed: readonly string[] | undefined,
): string[] {
  if (kept === undefined) return [];
  if (needed === undefined) return ['(the whole object)'];
  const available = [...IDENTITY_FIELDS, ...kept];
  return needed.filter((path) => !available.some((k) => pathCovers(k, path)));
}

/**
 * The fields kept of a resource's items by a map from fieldsByResource: its entry (undefined: whole
 * objects), or only the identity (`[]`) for a resource no check reads.
 */
export function keptFields(
  fields: ReadonlyMap<string, readonly string[] | undefined>,
  resource: string,
): readonly string[] | undefined {
  return fields.has(resource) ? fields.get(resource) : [];
}

/** Per resource, the union of the fields the checks declare (undefined: one reads whole objects). */
export function fieldsByResource(
  checks: readonly { readonly needs: { readonly resources: readonly ResourceNeed[] } }[],
): Map<string, string[] | undefined> {
  const needs = new Map<string, (readonly string[] | undefined)[]>();
  for (const check of checks) {
    for (const need of check.needs.resources) {
      needs.set(need.resource, [...(needs.get(need.resource) ?? []), need.fields]);
    }
  }
  return new Map([...needs].map(([resource, fields]) => [resource, unionFields(fields)]));
}

/**
 * The snapshot with every list cut down to the fields given for its resource (what the collector
 * keeps, applied afterwards: to a snapshot of whole objects, as read from an older file); a
 * resource the map does not name keeps only the identity of its items. A list that lacks some of
 * those fields already is left as it is.
 */
export function projectSnapshot(
  snapshot: ClusterSnapshot,
  fields: ReadonlyMap<string, readonly string[] | undefined>,
): ClusterSnapshot {
  const resources: ClusterSnapshot['resources'] = {};
  for (const [key, entry] of Object.entries(snapshot.resources)) {
    const keep = keptFields(fields, key);
    if (keep === undefined || 'error' in entry || missingFields(entry.fields, keep).length > 0) {
      resources[key] = entry;
      continue;
    }
    const tree = compileProjection(keep);
    resources[key] = {
      ...entry,
      fields: [...keep],
      items: entry.items.map((i) => projectObjectFields(i, tree)),
    };
  }
  return { ...snapshot, resources };
}
