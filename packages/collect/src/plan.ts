import type { Catalogue, CheckDefinition, PermissionNeed, ResourceNeed } from '@havenkit/model';
import { fieldsByResource } from '@havenkit/checker';
import { KubeError } from './errors.js';
import type { ListQuery } from './list.js';
import { parseResourceName } from './names.js';

/** What one collection reads: merged from the needs of the selected checks. Pure. */
export interface CollectionPlan {
  /** Names of the selected checks, sorted. */
  readonly checks: readonly string[];
  /**
   * Resources by snapshot key, sorted, each with the distinct list queries to make and the fields
   * to keep of each item (the union the checks declare; undefined: whole objects).
   */
  readonly resources: readonly {
    readonly name: string;
    readonly queries: readonly ListQuery[];
    readonly fields?: readonly string[];
  }[];
  /** Permissions to review for the collector's identity: the declared ones plus `list` of every resource read. */
  readonly permissions: readonly PermissionNeed[];
  /** Snapshot sections the checks read ("version", "access.unprivileged", "probes.rwx", ...). */
  readonly sections: readonly string[];
}

export interface PlanSelection {
  /** Exactly these checks (mandatory or suggested). */
  readonly only?: readonly string[];
  /** Suggested checks to include next to the mandatory ones (e.g. "cis"); ignored with `only`. */
  readonly suggested?: readonly string[];
  /** Every check of the catalogue, suggested included (what `havenkit snapshot` collects). */
  readonly all?: boolean;
  /**
   * Other readers of the snapshot whose needs are collected too (the dependency register's
   * functions, `registerReaders()`): their resources and fields are united with the checks'.
   */
  readonly readers?: readonly PlanReader[];
  /** No check at all: only what `readers` need (`havenkit sovereignty` on a live cluster). */
  readonly withoutChecks?: boolean;
}

/** A reader of the snapshot that is not a check: a name and the resources it reads. */
export interface PlanReader {
  readonly name: string;
  readonly needs: { readonly resources: readonly ResourceNeed[] };
}

function queryKey(q: ListQuery): string {
  return JSON.stringify([q.namespace ?? '', q.fieldSelector ?? '', q.labelSelector ?? '']);
}

function permissionKey(p: PermissionNeed): string {
  return JSON.stringify([p.group, p.resource, p.verb, p.namespace ?? '']);
}

/** The checks a selection names; unknown names are bad input (exit 3) listing the known ones. */
export function selectChecks(catalogue: Catalogue, selection: PlanSelection = {}): CheckDefinition[] {
  const byName = new Map(catalogue.checks.map((c) => [c.name, c]));
  const known = [...byName.keys()].sort().join(', ');
  const lookup = (names: readonly string[], flag: string): CheckDefinition[] =>
    names.map((name) => {
      const check = byName.get(name);
      if (check === undefined)
        throw KubeError.badInput(`unknown check "${name}" in ${flag} (checks: ${known})`);
      return check;
    });
  let selected: CheckDefinition[];
  if (selection.only !== undefined && selection.only.length > 0) {
    selected = lookup(selection.only, '--only');
  } else if (selection.all) {
    selected = [...catalogue.checks];
  } else {
    const extra = new Set(lookup(selection.suggested ?? [], 'the suggested checks').map((c) => c.name));
    selected = catalogue.checks.filter((c) => c.mandatory || extra.has(c.name));
  }
  return [...new Map(selected.map((c) => [c.name, c])).values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Merges the needs of the selected checks: one entry per resource; a need without namespace or
 * selectors makes one cluster-wide list, otherwise every distinct (namespace, selectors) query
 * is made and the results united. The fields kept are the union the checks declare, or whole
 * objects when one of them declares none. `readers` (the register's functions) are united the same way.
 */
export function planCollection(catalogue: Catalogue, selection: PlanSelection = {}): CollectionPlan {
  const checks = selection.withoutChecks ? [] : selectChecks(catalogue, selection);
  const readers: readonly (PlanReader | CheckDefinition)[] = [...checks, ...(selection.readers ?? [])];
  const queries = new Map<string, Map<string, ListQuery>>();
  const permissions = new Map<string, PermissionNeed>();
  const sections = new Set<string>();
  for (const reader of readers) {
    for (const need of reader.needs.resources) {
      const q: ListQuery = {
        ...(need.namespace ? { namespace: need.namespace } : {}),
        ...(need.fieldSelector ? { fieldSelector: need.fieldSelector } : {}),
        ...(need.labelSelector ? { labelSelector: need.labelSelector } : {}),
      };
      const forResource = queries.get(need.resource) ?? new Map<string, ListQuery>();
      forResource.set(queryKey(q), q);
      queries.set(need.resource, forResource);
      const { plural, group } = parseResourceName(need.resource);
      const list: PermissionNeed = {
        verb: 'list',
        group,
        resource: plural,
        ...(need.namespace ? { namespace: need.namespace } : {}),
      };
      permissions.set(permissionKey(list), list);
    }
    if (!('permissions' in reader.needs)) continue;
    for (const p of reader.needs.permissions) permissions.set(permissionKey(p), { ...p });
    for (const s of reader.needs.sections ?? []) sections.add(s);
  }
  const fieldsOf = fieldsByResource(readers);
  const resources = [...queries.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, byKey]) => {
      const all = [...byKey.values()];
      const unrestricted = all.find((q) => !q.namespace && !q.fieldSelector && !q.labelSelector);
      const list = unrestricted
        ? [unrestricted]
        : [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, q]) => q);
      const fields = fieldsOf.get(name);
      return { name, queries: list, ...(fields !== undefined ? { fields } : {}) };
    });
  return {
    checks: checks.map((c) => c.name),
    resources,
    permissions: [...permissions.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, p]) => p),
    sections: [...sections].sort(),
  };
}
