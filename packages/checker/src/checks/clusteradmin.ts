import type { PermissionNeed, Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { both, causeOf, errorEvidence, nlCount, pass, unknown } from './util.js';

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
    return unknown(
      NAME,
      'not-collected',
      both(
        'The permissions of the identity were not reviewed (no access.self in the snapshot).',
        'De rechten van de identiteit zijn niet gecontroleerd (geen access.self in de snapshot).',
      ),
    );
  }
  if (!Array.isArray(self)) {
    return unknown(
      NAME,
      causeOf(self.error),
      both(
        `The permissions of the identity could not be reviewed (${self.error.code} ${self.error.reason}).`,
        `De rechten van de identiteit konden niet worden gecontroleerd (${self.error.code} ${self.error.reason}).`,
      ),
      [errorEvidence('SelfSubjectAccessReview', 'self', self.error)],
    );
  }
  if (needed.length === 0) {
    return pass(
      NAME,
      both(
        'The enabled checks need no permissions.',
        'De ingeschakelde controles hebben geen rechten nodig.',
      ),
    );
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
      ...(review ? {} : { note: both('not reviewed', 'niet gecontroleerd') }),
    };
  });
  // Missing permissions make the run incomplete, not the cluster non-compliant: unknown (exit 2,
  // inconclusive), so the auditor re-runs with a fuller identity instead of reporting a failure.
  if (missing.length > 0) {
    return unknown(
      NAME,
      'forbidden',
      both(
        `The identity lacks ${missing.length} permission(s) the checks need: ${missing.join('; ')}.`,
        `De identiteit mist ${nlCount(missing.length, 'recht dat', 'rechten die')} de controles nodig hebben: ${missing.join('; ')}.`,
      ),
      evidence,
    );
  }
  if (unreviewed.length > 0) {
    return unknown(
      NAME,
      'not-collected',
      both(
        `${unreviewed.length} permission(s) were not reviewed: ${unreviewed.join('; ')}.`,
        unreviewed.length === 1
          ? `1 recht is niet gecontroleerd: ${unreviewed.join('; ')}.`
          : `${unreviewed.length} rechten zijn niet gecontroleerd: ${unreviewed.join('; ')}.`,
      ),
      evidence,
    );
  }
  return pass(
    NAME,
    both(
      `The identity has all ${needed.length} permissions the enabled checks need.`,
      `De identiteit heeft alle ${needed.length} rechten die de ingeschakelde controles nodig hebben.`,
    ),
    evidence,
  );
};
