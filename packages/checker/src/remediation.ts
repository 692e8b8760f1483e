import {
  message,
  type CheckDefinition,
  type CheckResult,
  type LocalizedText,
  type PermissionNeed,
  type UnknownCause,
} from '@havenkit/model';
import { neededPermissions } from './checks/clusteradmin.js';
import { normalizeRemediation } from './remediation-text.js';

/** The generic remediation of each cause, for a check whose catalogue file has none of its own. */
const GENERIC: Readonly<Record<Exclude<UnknownCause, 'forbidden'>, LocalizedText>> = {
  'not-collected': message('remediation.notCollected'),
  timeout: message('remediation.timeout'),
  'api-error': message('remediation.apiError'),
  'insufficient-data': message('remediation.insufficientData'),
};

/** Prefix of the roles the forbidden remediation creates: havenkit-<check>. */
export const ROLE_PREFIX = 'havenkit';

/**
 * What to do about a result, in English and Dutch, as normalized remediation text (each paragraph
 * on one line); undefined for pass and skip. A failure gets the check's `remediation.fail`; an
 * unknown the check's advice for its cause (`remediation.unknown`) or else the generic advice for
 * the cause, and for forbidden also the RBAC manifest granting the permissions the check needs
 * (see permissionsToGrant) with the commands that bind it. Pure.
 */
export function remediationOf(
  definition: CheckDefinition,
  result: Pick<CheckResult, 'outcome' | 'cause'>,
  enabledChecks: readonly CheckDefinition[],
): LocalizedText | undefined {
  const text = resolve(definition, result, enabledChecks);
  return text && { en: normalizeRemediation(text.en), nl: normalizeRemediation(text.nl) };
}

function resolve(
  definition: CheckDefinition,
  result: Pick<CheckResult, 'outcome' | 'cause'>,
  enabledChecks: readonly CheckDefinition[],
): LocalizedText | undefined {
  const own = definition.remediation;
  if (result.outcome === 'fail') return own?.fail;
  if (result.outcome !== 'unknown') return undefined;
  const cause = result.cause ?? 'insufficient-data';
  const specific = own?.unknown?.[cause];
  if (cause !== 'forbidden') return specific ?? GENERIC[cause];
  const permissions = permissionsToGrant(definition, enabledChecks);
  const role = roleName(definition);
  const grant =
    permissions.length > 0
      ? message('remediation.grant', {
          manifest: rbacManifest(role, permissions),
          bindings: bindingCommands(role, permissions),
        })
      : message('remediation.defaultRoles');
  return paragraphs(specific ?? message('remediation.forbidden'), grant);
}

/**
 * The permissions a forbidden check needs granted: its own `needs.permissions`, or, for a check
 * that reads `access.self` (the identity's reviews of every enabled check's permissions, i.e.
 * clusteradmin), those of every enabled check, so that one role makes the whole run complete.
 */
export function permissionsToGrant(
  definition: CheckDefinition,
  enabledChecks: readonly CheckDefinition[],
): PermissionNeed[] {
  return definition.needs.sections?.includes('access.self') === true
    ? neededPermissions(enabledChecks)
    : neededPermissions([definition]);
}

function roleName(definition: CheckDefinition): string {
  return definition.needs.sections?.includes('access.self') === true
    ? ROLE_PREFIX
    : `${ROLE_PREFIX}-${definition.name}`;
}

/** A YAML scalar that is always read back as this string ("" stays the core group). */
const quote = (value: string): string => JSON.stringify(value);
/** A name as YAML: plain when it is a DNS label (as Kubernetes names are), else quoted. */
const plain = (value: string): string =>
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) ? value : quote(value);

/** An RBAC PolicyRule: what rbacManifest writes and `havenkit rbac` generates. */
export interface PolicyRule {
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
}

/**
 * One rule per API group and set of verbs, groups, resources and verbs sorted: the usual shape of a
 * ClusterRole. Namespaces are ignored (rbacManifest groups by namespace first). Pure.
 */
export function policyRules(
  permissions: readonly { readonly verb: string; readonly group: string; readonly resource: string }[],
): PolicyRule[] {
  const byGroup = new Map<string, Map<string, Set<string>>>();
  for (const p of permissions) {
    const resources = byGroup.get(p.group) ?? new Map<string, Set<string>>();
    byGroup.set(p.group, resources);
    const verbs = resources.get(p.resource) ?? new Set<string>();
    resources.set(p.resource, verbs);
    verbs.add(p.verb);
  }
  const result: PolicyRule[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    const byVerbs = new Map<string, string[]>();
    for (const [resource, verbs] of byGroup.get(group) ?? []) {
      const key = [...verbs].sort().join(',');
      byVerbs.set(key, [...(byVerbs.get(key) ?? []), resource]);
    }
    for (const verbs of [...byVerbs.keys()].sort()) {
      result.push({
        apiGroups: [group],
        resources: (byVerbs.get(verbs) ?? []).sort(),
        verbs: verbs.split(','),
      });
    }
  }
  return result;
}

/** policyRules as the YAML lines of a `rules:` block. */
function rules(permissions: readonly PermissionNeed[]): string[] {
  return [
    'rules:',
    ...policyRules(permissions).flatMap((rule) => [
      `  - apiGroups: [${rule.apiGroups.map(quote).join(', ')}]`,
      `    resources: [${rule.resources.map(quote).join(', ')}]`,
      `    verbs: [${rule.verbs.map(quote).join(', ')}]`,
    ]),
  ];
}

/** Namespaced permissions by namespace (sorted), cluster-wide ones under undefined. */
function byNamespace(permissions: readonly PermissionNeed[]): [string | undefined, PermissionNeed[]][] {
  const groups = new Map<string | undefined, PermissionNeed[]>();
  for (const p of permissions) groups.set(p.namespace, [...(groups.get(p.namespace) ?? []), p]);
  return [...groups.entries()].sort(([a], [b]) =>
    a === undefined ? -1 : b === undefined ? 1 : a.localeCompare(b, 'en'),
  );
}

/**
 * The RBAC objects granting exactly these permissions: a ClusterRole for the cluster-wide ones and
 * a Role per namespace for the namespaced ones (a ClusterRole would grant those everywhere).
 */
export function rbacManifest(name: string, permissions: readonly PermissionNeed[]): string {
  return byNamespace(permissions)
    .map(([namespace, granted]) =>
      [
        'apiVersion: rbac.authorization.k8s.io/v1',
        `kind: ${namespace === undefined ? 'ClusterRole' : 'Role'}`,
        'metadata:',
        `  name: ${plain(name)}`,
        ...(namespace === undefined ? [] : [`  namespace: ${plain(namespace)}`]),
        ...rules(granted),
      ].join('\n'),
    )
    .join('\n---\n');
}

/** The kubectl commands binding the objects of rbacManifest to a user (USER is a placeholder). */
export function bindingCommands(name: string, permissions: readonly PermissionNeed[]): string {
  return byNamespace(permissions)
    .map(([namespace]) =>
      namespace === undefined
        ? `kubectl create clusterrolebinding ${name} --clusterrole=${name} --user=USER`
        : `kubectl create rolebinding ${name} --namespace=${namespace} --role=${name} --user=USER`,
    )
    .join('\n');
}

function paragraphs(first: LocalizedText, second: LocalizedText): LocalizedText {
  return { en: `${first.en}\n\n${second.en}`, nl: `${first.nl}\n\n${second.nl}` };
}
