/**
 * The permission lists of charts/havenkit (files/permissions.yaml): per check, for the dependency
 * register, the cluster id and per probe, as the RBAC generator computes them. The chart's
 * templates select from these by its values, so that `helm template` grants exactly what
 * `havenkit rbac` grants for the same selection; a test regenerates this and compares. Pure.
 */
import { registerReaders } from '@havenkit/checker';
import type { Catalogue } from '@havenkit/model';
import { PROBE_ACCESS, PROBE_NAMES } from './probes.js';
import { CLUSTER_ID_PERMISSION, permissionKey, permissionsOf, type RbacPermission } from './rbac.js';

/** The namespace placeholder of the probes' writes: the chart puts its probe namespace there. */
export const CHART_PROBE_NAMESPACE = '@probe';

export interface ChartPermissions {
  /** The checks `havenkit check` runs without selection flags. */
  readonly mandatory: readonly string[];
  /** The suggested checks (--cis, --kubescape). */
  readonly suggested: readonly string[];
  readonly checks: Readonly<Record<string, readonly RbacPermission[]>>;
  readonly register: readonly RbacPermission[];
  readonly always: readonly RbacPermission[];
  readonly probes: Readonly<Record<string, readonly RbacPermission[]>>;
}

const plain = (p: RbacPermission): RbacPermission => ({
  verb: p.verb,
  group: p.group,
  resource: p.resource,
  ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
});

function sorted(permissions: Iterable<RbacPermission>): RbacPermission[] {
  const unique = new Map([...permissions].map((p) => [permissionKey(p), plain(p)]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

export function chartPermissions(catalogue: Catalogue): ChartPermissions {
  const checks = [...catalogue.checks].sort((a, b) => a.name.localeCompare(b.name));
  const register = registerReaders().flatMap((reader) => permissionsOf(catalogue, { reader }));
  return {
    mandatory: checks.filter((c) => c.mandatory).map((c) => c.name),
    suggested: checks.filter((c) => !c.mandatory).map((c) => c.name),
    checks: Object.fromEntries(
      checks.map((c) => [c.name, sorted(permissionsOf(catalogue, { check: c.name }))]),
    ),
    register: sorted(register),
    always: [plain(CLUSTER_ID_PERMISSION)],
    probes: Object.fromEntries(
      [...PROBE_NAMES].sort().map((probe) => {
        const access = PROBE_ACCESS[probe];
        return [
          probe,
          sorted([
            ...access.reads,
            ...access.inNamespace.map((p) => ({ ...p, namespace: CHART_PROBE_NAMESPACE })),
          ]),
        ];
      }),
    ),
  };
}
