/**
 * `havenkit rbac`: the least-privilege RBAC objects for what a run selects — the checks, the
 * dependency register, the probes — generated from the catalogue's permission lists (the
 * collection plan: declared permissions and `list` of every resource read) and the probes'
 * declared access (PROBE_ACCESS). Never Secrets, never `*`, never a write but the probes', and
 * those only in the probe's namespace: asserted here, so that a catalogue that would demand more
 * makes no manifest at all. Pure.
 */
import { policyRules, registerReaders, type PolicyRule } from '@havenkit/checker';
import type { Catalogue, PermissionNeed } from '@havenkit/model';
import { KubeError } from './errors.js';
import { planCollection, selectChecks, type PlanReader } from './plan.js';
import { PROBE_ACCESS, PROBE_NAMES, type ProbeAccess, type ProbeName } from './probes.js';

/** The names `havenkit rbac` uses unless told otherwise. */
export const RBAC_DEFAULTS = {
  /** The ClusterRole, the Roles and their bindings. */
  name: 'havenkit',
  serviceAccount: 'havenkit',
  namespace: 'havenkit',
} as const;

/**
 * What the collector reads whatever the selection: the uid of kube-system (the cluster id that
 * scopes waivers; collect.ts). A Role in kube-system, not a ClusterRole: it grants this one
 * namespace object and nothing else.
 */
export const CLUSTER_ID_PERMISSION: PermissionNeed = {
  verb: 'get',
  group: '',
  resource: 'namespaces',
  namespace: 'kube-system',
};

/** Who is bound: a ServiceAccount (created too), or a user of a kubeconfig (a certificate's CN, an OIDC name). */
export type RbacSubject =
  | { readonly kind: 'ServiceAccount'; readonly name: string; readonly namespace: string }
  | { readonly kind: 'User'; readonly name: string };

/** The run the identity is for: the selection flags of `havenkit check`, plus probes and the register. */
export interface RbacSelection {
  /** Exactly these checks. */
  readonly only?: readonly string[];
  /** Suggested checks next to the mandatory ones (e.g. "cis"); ignored with `only`. */
  readonly suggested?: readonly string[];
  /** Every check, suggested included (what `havenkit snapshot` reads for the checks). */
  readonly all?: boolean;
  /** The probes it may run (`--probe`), each only in the probe namespace. */
  readonly probes?: readonly string[];
  /** Also what the dependency register reads (`havenkit sovereignty`). */
  readonly sovereignty?: boolean;
  /** The objects `--publish` writes the report to (a ConfigMap, a ClusterPolicyReport): these, by name. */
  readonly publish?: readonly PublishGrant[];
}

/**
 * One object `--publish` may write: `get` and `update` of exactly that name, and `create` of its
 * kind (RBAC cannot limit a create by name) in its namespace, or cluster-wide for a cluster-scoped kind.
 */
export interface PublishGrant {
  readonly group: string;
  readonly resource: string;
  readonly name: string;
  readonly namespace?: string;
}

/** The kinds `--publish` writes: nothing else may be granted for it. */
const PUBLISHED_RESOURCES = new Set([
  '/configmaps',
  'wgpolicyk8s.io/clusterpolicyreports',
  'openreports.io/clusterreports',
]);

export interface RbacOptions {
  readonly selection?: RbacSelection;
  /** @default the ServiceAccount havenkit in namespace havenkit */
  readonly subject?: RbacSubject;
  /** Name of the ClusterRole, the Roles and the bindings. @default havenkit */
  readonly name?: string;
  /** The existing namespace the probes write in (`--probe-namespace`). @default `<name>-probe` */
  readonly probeNamespace?: string;
  /** The register's readers. @default registerReaders() */
  readonly readers?: readonly PlanReader[];
  /** The probes' access. @default PROBE_ACCESS (injected for tests) */
  readonly probeAccess?: Readonly<Record<string, ProbeAccess>>;
}

/** A permission granted: any verb (the probes' writes too), the namespace of a Role, or cluster-wide. */
export interface RbacPermission {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly namespace?: string;
  /** Only this object (`resourceNames`): the published report's. */
  readonly resourceName?: string;
}

/** One Kubernetes object of the manifest, typed as far as the generator writes it. */
export interface RbacObject {
  readonly apiVersion: string;
  readonly kind:
    'Namespace' | 'ServiceAccount' | 'ClusterRole' | 'ClusterRoleBinding' | 'Role' | 'RoleBinding';
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly automountServiceAccountToken?: boolean;
  readonly rules?: readonly (PolicyRule & { readonly resourceNames?: readonly string[] })[];
  readonly roleRef?: {
    readonly apiGroup: string;
    readonly kind: 'ClusterRole' | 'Role';
    readonly name: string;
  };
  readonly subjects?: readonly {
    readonly kind: 'ServiceAccount' | 'User';
    readonly name: string;
    readonly namespace?: string;
    readonly apiGroup?: string;
  }[];
}

export interface RbacPlan {
  /** In the order to apply them: namespaces and the ServiceAccount first, then roles and their bindings. */
  readonly objects: RbacObject[];
  /** The selected checks, sorted. */
  readonly checks: readonly string[];
  readonly probes: readonly ProbeName[];
  readonly sovereignty: boolean;
  readonly subject: RbacSubject;
  /** What it is for: "checks a, b; the dependency register; probes rwx" (also annotated on the roles). */
  readonly grantedFor: string;
  /** Where the probes write; undefined without probes. */
  readonly probeNamespace?: string;
  /** Every permission granted, sorted, with who needs it ("check multiaz", "register:storage", "probe rwx", "cluster id"). */
  readonly permissions: readonly (RbacPermission & { readonly neededBy: readonly string[] })[];
}

const RBAC_API = 'rbac.authorization.k8s.io';
const LABELS = { 'app.kubernetes.io/part-of': 'havenkit' } as const;
const READ_VERBS = new Set(['get', 'list', 'watch']);
/** Reviews the API server answers without storing anything: a `create` of them writes nothing. */
const REVIEWS = new Set([
  'authorization.k8s.io/subjectaccessreviews',
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authorization.k8s.io/localsubjectaccessreviews',
  'authentication.k8s.io/tokenreviews',
  'authentication.k8s.io/selfsubjectreviews',
]);
/** Verbs that hand out rights or identities: never, in any namespace. */
const PRIVILEGE_VERBS = new Set(['bind', 'escalate', 'impersonate', 'approve', 'sign']);
/** Subresources that reach into containers or nodes, or mint tokens: never. */
const REACHING_SUBRESOURCES = /\/(exec|attach|portforward|proxy|token|ephemeralcontainers)$/;
/** Namespaces of the cluster itself: never a probe namespace. */
const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function requireLabel(value: string, flag: string): void {
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    throw KubeError.badInput(
      `${flag} ${JSON.stringify(value)} is not a namespace name: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`,
    );
  }
}

function requireSubdomain(value: string, flag: string): void {
  if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
    throw KubeError.badInput(
      `${flag} ${JSON.stringify(value)} is not a Kubernetes name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit`,
    );
  }
}

/** One permission's identity: namespace, group, resource, name and verb. */
export const permissionKey = (p: RbacPermission): string =>
  JSON.stringify([p.namespace ?? '', p.group, p.resource, p.resourceName ?? '', p.verb]);

/** "list pods.apps in default" / "create subjectaccessreviews.authorization.k8s.io cluster-wide". */
export function rbacPermissionText(p: RbacPermission): string {
  const resource = p.group === '' ? p.resource : `${p.resource}.${p.group}`;
  const named = p.resourceName !== undefined ? ` ${p.resourceName}` : '';
  return `${p.verb} ${resource}${named} ${p.namespace === undefined ? 'cluster-wide' : `in ${p.namespace}`}`;
}

/**
 * Throws when a permission is more than havenkit may ever be given: Secrets (any verb), `*`,
 * verbs that hand out rights, subresources that reach into pods or nodes, and any write but
 * `create` of a review, unless it is a probe's, in the probe namespace. The message names who
 * would need it.
 */
export function assertLeastPrivilege(
  permissions: readonly (RbacPermission & { readonly neededBy: readonly string[] })[],
  probeNamespace: string | undefined,
): void {
  for (const p of permissions) {
    const who = p.neededBy.join(', ');
    const refuse = (why: string): never => {
      throw new Error(`havenkit rbac refuses to grant ${rbacPermissionText(p)} (needed by ${who}): ${why}`);
    };
    if ([p.verb, p.group, p.resource].some((s) => s.includes('*')))
      refuse('a wildcard grants more than named');
    if (p.group === '' && (p.resource === 'secrets' || p.resource.startsWith('secrets/')))
      refuse('havenkit never reads Secrets');
    if (PRIVILEGE_VERBS.has(p.verb)) refuse(`${p.verb} hands out rights`);
    if (REACHING_SUBRESOURCES.test(p.resource)) refuse('this subresource reaches into pods, nodes or tokens');
    if (READ_VERBS.has(p.verb)) continue;
    if (p.verb === 'create' && REVIEWS.has(`${p.group}/${p.resource}`)) continue;
    if (
      p.neededBy.every((n) => n.startsWith('publish ')) &&
      PUBLISHED_RESOURCES.has(`${p.group}/${p.resource}`)
    ) {
      // The report's own object: update only by name; create (which RBAC cannot name) of that kind.
      if (p.verb === 'update' && p.resourceName !== undefined) continue;
      if (p.verb === 'create' && p.resourceName === undefined) continue;
    }
    const byProbes = p.neededBy.every((n) => n.startsWith('probe '));
    if (probeNamespace !== undefined && p.namespace === probeNamespace && byProbes) continue;
    refuse(
      probeNamespace === undefined
        ? 'havenkit writes nothing unless a probe is asked for'
        : `the only writes are the probes', in namespace ${probeNamespace}`,
    );
  }
}

/** The permissions a reader's needs come to: the plan's (declared, and `list` of every read). */
export function permissionsOf(catalogue: Catalogue, reader: { check: string } | { reader: PlanReader }) {
  return planCollection(
    catalogue,
    'check' in reader ? { only: [reader.check] } : { withoutChecks: true, readers: [reader.reader] },
  ).permissions;
}

/** `(check a, b; the dependency register; probes rwx)`: what a role was generated for. */
function grantedFor(
  checks: readonly string[],
  sovereignty: boolean,
  probes: readonly string[],
  publish: readonly PublishGrant[],
): string {
  return [
    checks.length > 0 ? `checks ${checks.join(', ')}` : 'no checks',
    ...(sovereignty ? ['the dependency register'] : []),
    ...(probes.length > 0 ? [`probes ${probes.join(', ')}`] : []),
    ...(publish.length > 0 ? [`publishing to ${publish.map(publishText).join(', ')}`] : []),
  ].join('; ');
}

/** "configmaps havenkit/havenkit-report", "clusterpolicyreports.wgpolicyk8s.io havenkit". */
const publishText = (p: PublishGrant): string =>
  `${p.group === '' ? p.resource : `${p.resource}.${p.group}`} ${p.namespace !== undefined ? `${p.namespace}/` : ''}${p.name}`;

/** policyRules for the unnamed permissions, then one rule per named object (resourceNames). */
function rulesOf(permissions: readonly RbacPermission[]): NonNullable<RbacObject['rules']> {
  const named = new Map<string, { group: string; resource: string; name: string; verbs: Set<string> }>();
  for (const p of permissions) {
    if (p.resourceName === undefined) continue;
    const key = JSON.stringify([p.group, p.resource, p.resourceName]);
    const entry = named.get(key) ?? {
      group: p.group,
      resource: p.resource,
      name: p.resourceName,
      verbs: new Set(),
    };
    entry.verbs.add(p.verb);
    named.set(key, entry);
  }
  return [
    ...policyRules(permissions.filter((p) => p.resourceName === undefined)),
    ...[...named.keys()].sort().map((key) => {
      const n = named.get(key)!;
      return {
        apiGroups: [n.group],
        resources: [n.resource],
        resourceNames: [n.name],
        verbs: [...n.verbs].sort(),
      };
    }),
  ];
}

/**
 * The RBAC objects for a selection: a ServiceAccount (for that subject, with its namespace), a
 * ClusterRole for the cluster-wide reads, a Role per namespace of a namespaced need (kube-system
 * for the cluster id, default for the API server's endpoints, the probe namespace for the probes'
 * writes, which is created too), each with its binding. Rules merged per API group and verbs,
 * sorted (policyRules, as the report's remediation writes them).
 * @throws KubeError (exit 3) for an unknown check or probe or a bad name; Error when the
 *   catalogue would demand more than assertLeastPrivilege allows.
 */
export function rbacPlan(catalogue: Catalogue, options: RbacOptions = {}): RbacPlan {
  const selection = options.selection ?? {};
  const name = options.name ?? RBAC_DEFAULTS.name;
  requireSubdomain(name, '--name');
  const subject: RbacSubject = options.subject ?? {
    kind: 'ServiceAccount',
    name: RBAC_DEFAULTS.serviceAccount,
    namespace: RBAC_DEFAULTS.namespace,
  };
  if (subject.kind === 'ServiceAccount') {
    requireSubdomain(subject.name, '--service-account');
    requireLabel(subject.namespace, '--namespace');
  } else if (subject.name.trim() === '' || /\p{Cc}/u.test(subject.name)) {
    throw KubeError.badInput(`--user ${JSON.stringify(subject.name)} is not a user name`);
  }

  const probeAccess = options.probeAccess ?? PROBE_ACCESS;
  const knownProbes = options.probeAccess ? Object.keys(probeAccess).sort() : [...PROBE_NAMES].sort();
  const probes = [...new Set(selection.probes ?? [])].sort() as ProbeName[];
  for (const probe of probes) {
    if (!knownProbes.includes(probe))
      throw KubeError.badInput(`unknown probe "${probe}" in --probe (probes: ${knownProbes.join(', ')})`);
  }
  let probeNamespace: string | undefined;
  if (probes.length > 0) {
    probeNamespace = options.probeNamespace ?? `${name}-probe`;
    requireLabel(probeNamespace, '--probe-namespace');
    if (SYSTEM_NAMESPACES.has(probeNamespace) || probeNamespace.startsWith('kube-'))
      throw KubeError.badInput(
        `--probe-namespace ${probeNamespace} is a namespace of the cluster itself; the probes create pods there: give a namespace only havenkit uses`,
      );
    if (subject.kind === 'ServiceAccount' && subject.namespace === probeNamespace)
      throw KubeError.badInput(
        `--probe-namespace ${probeNamespace} is the service account's namespace: a pod the probes may create there could run as that service account; give another`,
      );
  }

  const checks = selectChecks(catalogue, {
    ...(selection.only !== undefined ? { only: selection.only } : {}),
    ...(selection.suggested !== undefined ? { suggested: selection.suggested } : {}),
    ...(selection.all !== undefined ? { all: selection.all } : {}),
  }).map((c) => c.name);
  const sovereignty = selection.sovereignty === true;
  const readers = sovereignty ? (options.readers ?? registerReaders()) : [];

  const granted = new Map<string, RbacPermission & { neededBy: string[] }>();
  const grant = (p: RbacPermission, by: string): void => {
    const permission: RbacPermission = {
      verb: p.verb,
      group: p.group,
      resource: p.resource,
      ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
      ...(p.resourceName !== undefined ? { resourceName: p.resourceName } : {}),
    };
    const key = permissionKey(permission);
    const entry = granted.get(key) ?? { ...permission, neededBy: [] };
    if (!entry.neededBy.includes(by)) entry.neededBy.push(by);
    granted.set(key, entry);
  };
  for (const check of checks) for (const p of permissionsOf(catalogue, { check })) grant(p, `check ${check}`);
  for (const reader of readers) for (const p of permissionsOf(catalogue, { reader })) grant(p, reader.name);
  grant(CLUSTER_ID_PERMISSION, 'cluster id');
  for (const probe of probes) {
    const access = probeAccess[probe]!;
    for (const p of access.reads) grant(p, `probe ${probe}`);
    for (const p of access.inNamespace) grant({ ...p, namespace: probeNamespace }, `probe ${probe}`);
  }
  const publish = [...(selection.publish ?? [])];
  for (const target of publish) {
    if (!PUBLISHED_RESOURCES.has(`${target.group}/${target.resource}`))
      throw KubeError.badInput(
        `--publish cannot write ${publishText(target)}: only the report's ConfigMap and policy report`,
      );
    requireSubdomain(target.name, '--publish-name');
    if (target.namespace !== undefined) {
      requireLabel(target.namespace, '--publish-namespace');
      if (SYSTEM_NAMESPACES.has(target.namespace) || target.namespace.startsWith('kube-'))
        throw KubeError.badInput(
          `--publish-namespace ${target.namespace} is a namespace of the cluster itself: give havenkit's own namespace`,
        );
    }
    const by = `publish ${publishText(target)}`;
    const where = target.namespace !== undefined ? { namespace: target.namespace } : {};
    grant({ verb: 'create', group: target.group, resource: target.resource, ...where }, by);
    for (const verb of ['get', 'update'])
      grant(
        { verb, group: target.group, resource: target.resource, resourceName: target.name, ...where },
        by,
      );
  }
  // A cluster-wide grant covers the same permission in a namespace: grant it once.
  for (const [key, p] of granted) {
    if (p.namespace === undefined || p.resourceName !== undefined) continue;
    const wide = granted.get(permissionKey({ verb: p.verb, group: p.group, resource: p.resource }));
    if (wide === undefined) continue;
    for (const by of p.neededBy) if (!wide.neededBy.includes(by)) wide.neededBy.push(by);
    granted.delete(key);
  }
  const permissions = [...granted.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, p]) => ({ ...p, neededBy: [...p.neededBy].sort() }));
  assertLeastPrivilege(permissions, probeNamespace);

  const purpose = grantedFor(checks, sovereignty, probes, publish);
  const annotations = { 'havenkit.dev/granted-for': purpose };
  const subjects: NonNullable<RbacObject['subjects']> = [
    subject.kind === 'ServiceAccount'
      ? { kind: 'ServiceAccount', name: subject.name, namespace: subject.namespace }
      : { apiGroup: RBAC_API, kind: 'User', name: subject.name },
  ];
  const objects: RbacObject[] = [];
  if (subject.kind === 'ServiceAccount') {
    if (!SYSTEM_NAMESPACES.has(subject.namespace)) {
      objects.push({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: subject.namespace, labels: LABELS },
      });
    }
    objects.push({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: subject.name, namespace: subject.namespace, labels: LABELS },
      // Its token is asked for (kubectl create token) or mounted by a pod that says so.
      automountServiceAccountToken: false,
    });
  }
  if (probeNamespace !== undefined) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: probeNamespace,
        labels: {
          ...LABELS,
          // node-lsm reads /sys/kernel/security through a read-only hostPath, which the baseline
          // level forbids; the rwx consumer pod meets the restricted level.
          'pod-security.kubernetes.io/enforce': probes.includes('node-lsm') ? 'privileged' : 'restricted',
        },
        annotations: {
          'havenkit.dev/purpose': `the probes of havenkit run here (havenkit check --probe ${probes.join(',')} --probe-namespace ${probeNamespace})`,
        },
      },
    });
  }
  const scopes = new Map<string | undefined, RbacPermission[]>();
  for (const p of permissions) scopes.set(p.namespace, [...(scopes.get(p.namespace) ?? []), p]);
  const ordered = [...scopes.entries()].sort(([a], [b]) =>
    a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const [namespace, scoped] of ordered) {
    const kind = namespace === undefined ? 'ClusterRole' : 'Role';
    const metadata = { name, ...(namespace !== undefined ? { namespace } : {}), labels: LABELS };
    objects.push(
      {
        apiVersion: `${RBAC_API}/v1`,
        kind,
        metadata: { ...metadata, annotations },
        rules: rulesOf(scoped),
      },
      {
        apiVersion: `${RBAC_API}/v1`,
        kind: namespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding',
        metadata,
        roleRef: { apiGroup: RBAC_API, kind, name },
        subjects,
      },
    );
  }
  return {
    objects,
    checks,
    probes,
    sovereignty,
    subject,
    grantedFor: purpose,
    ...(probeNamespace !== undefined ? { probeNamespace } : {}),
    permissions,
  };
}
