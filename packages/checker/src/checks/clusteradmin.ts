import { message, type PermissionNeed, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { causeOf, errorEvidence, pass, unknown } from './util.js';

const NAME = 'clusteradmin';

export function permissionText(p: PermissionNeed): string {
  const resource = p.group ? `${p.resource}.${p.group}` : p.resource;
  return `${p.verb} ${resource}${p.namespace ? ` in ${p.namespace}` : ''}`;
}

/** The permissions the given checks need, deduplicated and sorted. */
export function neededPermissions(
  checks: readonly { needs: { permissions: PermissionNeed[] } }[],
): PermissionNeed[] {
  const byKey = new Map<string, PermissionNeed>();
  for (const check of checks) for (const p of check.needs.permissions) byKey.set(permissionText(p), p);
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([, p]) => p);
}

/**
 * The collector's identity has every permission the enabled checks need (SelfSubjectAccessReviews
 * in the snapshot); the missing ones are reported. A cluster-wide grant covers a namespaced need.
 */
export const clusteradmin: CheckFunction = (snapshot, context) => {
  const needed = neededPermissions(context.enabledChecks);
  const self = snapshot.access?.self;
  if (self === undefined) {
    return unknown(NAME, 'not-collected', message('clusteradmin.notReviewed'));
  }
  if (!Array.isArray(self)) {
    const { code, reason } = self.error;
    return unknown(NAME, causeOf(self.error), message('clusteradmin.reviewFailed', { code, reason }), [
      errorEvidence('SelfSubjectAccessReview', 'self', self.error),
    ]);
  }
  if (needed.length === 0) {
    return pass(NAME, message('clusteradmin.noneNeeded'));
  }

  const missing: string[] = [];
  const unreviewed: string[] = [];
  const evidence: Evidence[] = needed.map((p) => {
    const same = self.filter((r) => r.verb === p.verb && r.group === p.group && r.resource === p.resource);
    const review =
      same.find((r) => (r.namespace ?? '') === (p.namespace ?? '')) ??
      (p.namespace ? same.find((r) => !r.namespace) : undefined);
    const text = permissionText(p);
    if (!review) unreviewed.push(text);
    else if (!review.allowed) missing.push(text);
    return {
      kind: 'SelfSubjectAccessReview',
      name: text,
      fields: {
        verb: p.verb,
        group: p.group,
        resource: p.resource,
        namespace: p.namespace ?? null,
        allowed: review ? review.allowed : null,
      },
      ...(review ? {} : { note: message('clusteradmin.permissionNotReviewed') }),
    };
  });
  // Missing permissions make the run incomplete, not the cluster non-compliant: unknown (exit 2,
  // inconclusive), so the auditor re-runs with a fuller identity instead of reporting a failure.
  if (missing.length > 0) {
    const reason = message('clusteradmin.missing', {
      count: missing.length,
      permissions: missing.join('; '),
    });
    return unknown(NAME, 'forbidden', reason, evidence);
  }
  if (unreviewed.length > 0) {
    const reason = message('clusteradmin.unreviewed', {
      count: unreviewed.length,
      permissions: unreviewed.join('; '),
    });
    return unknown(NAME, 'not-collected', reason, evidence);
  }
  return pass(NAME, message('clusteradmin.pass', { count: needed.length }), evidence);
};
