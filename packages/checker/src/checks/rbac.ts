import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { causeOf, errorEvidence, fail, pass, unknown } from './util.js';

const NAME = 'rbac';
const RBAC_GROUP_VERSION = 'rbac.authorization.k8s.io/v1';

/**
 * RBAC is enforced, not merely served: the rbac.authorization.k8s.io/v1 API is served, and a
 * SubjectAccessReview for a made-up unprivileged user to list secrets cluster-wide is denied.
 */
export const rbac: CheckFunction = (snapshot) => {
  if ('error' in snapshot.discovery) {
    const error = snapshot.discovery.error;
    const reason = message('rbac.discoveryUnreadable', { code: error.code, reason: error.reason });
    return unknown(NAME, causeOf(error), reason, [errorEvidence('Discovery', 'groupVersions', error)]);
  }
  const served = snapshot.discovery.groupVersions.includes(RBAC_GROUP_VERSION);
  const discoveryEvidence: Evidence = {
    kind: 'Discovery',
    name: 'groupVersions',
    fields: { [RBAC_GROUP_VERSION]: served },
  };

  const reviews = snapshot.access?.unprivileged;
  if (reviews !== undefined && !Array.isArray(reviews)) {
    const error = reviews.error;
    const reason = message('rbac.reviewFailed', { code: error.code, reason: error.reason });
    return unknown(NAME, causeOf(error), reason, [
      discoveryEvidence,
      errorEvidence('SubjectAccessReview', 'unprivileged', error),
    ]);
  }
  const relevant = (reviews ?? []).filter(
    (r) => r.verb === 'list' && r.group === '' && r.resource === 'secrets' && !r.namespace,
  );
  const reviewEvidence: Evidence[] = relevant.map((r) => ({
    kind: 'SubjectAccessReview',
    name: r.user,
    fields: {
      user: r.user,
      groups: r.groups.join(', '),
      verb: r.verb,
      resource: 'secrets',
      allowed: r.allowed,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.evaluationError ? { evaluationError: r.evaluationError } : {}),
    },
  }));
  const evidence = [discoveryEvidence, ...reviewEvidence];

  const allowed = relevant.filter((r) => r.allowed);
  if (allowed.length > 0) {
    const users = allowed.map((r) => r.user).join(', ');
    return fail(NAME, message('rbac.notEnforced', { users }), evidence);
  }
  if (!served) {
    return fail(NAME, message('rbac.notServed', { groupVersion: RBAC_GROUP_VERSION }), evidence);
  }
  if (relevant.length === 0) {
    return unknown(NAME, 'not-collected', message('rbac.notReviewed'), evidence);
  }
  return pass(NAME, message('rbac.pass'), evidence);
};
