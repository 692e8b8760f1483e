import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { both, causeOf, errorEvidence, fail, pass, unknown } from './util.js';

const NAME = 'rbac';
const RBAC_GROUP_VERSION = 'rbac.authorization.k8s.io/v1';

/**
 * RBAC is enforced, not merely served: the rbac.authorization.k8s.io/v1 API is served, and a
 * SubjectAccessReview for a made-up unprivileged user to list secrets cluster-wide is denied.
 */
export const rbac: CheckFunction = (snapshot) => {
  if ('error' in snapshot.discovery) {
    const error = snapshot.discovery.error;
    return unknown(
      NAME,
      causeOf(error),
      both(
        `API discovery could not be read (${error.code} ${error.reason}).`,
        `De API-discovery kon niet worden gelezen (${error.code} ${error.reason}).`,
      ),
      [errorEvidence('Discovery', 'groupVersions', error)],
    );
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
    return unknown(
      NAME,
      causeOf(error),
      both(
        `The access review for an unprivileged user failed (${error.code} ${error.reason}).`,
        `De toegangscontrole (SubjectAccessReview) voor een gebruiker zonder rechten is mislukt (${error.code} ${error.reason}).`,
      ),
      [discoveryEvidence, errorEvidence('SubjectAccessReview', 'unprivileged', error)],
    );
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
    return fail(
      NAME,
      both(
        `An unprivileged user (${allowed.map((r) => r.user).join(', ')}) may list secrets cluster-wide: authorization is not enforced.`,
        `Een gebruiker zonder rechten (${allowed.map((r) => r.user).join(', ')}) mag secrets in het hele cluster opvragen: autorisatie wordt niet afgedwongen.`,
      ),
      evidence,
    );
  }
  if (!served) {
    return fail(
      NAME,
      both(
        `The ${RBAC_GROUP_VERSION} API is not served.`,
        `De API ${RBAC_GROUP_VERSION} wordt niet aangeboden.`,
      ),
      evidence,
    );
  }
  if (relevant.length === 0) {
    return unknown(
      NAME,
      'not-collected',
      both(
        'RBAC is served, but no access review for an unprivileged user was collected, so enforcement is unproven.',
        'RBAC wordt aangeboden, maar er is geen toegangscontrole voor een gebruiker zonder rechten verzameld, dus afdwinging is niet aangetoond.',
      ),
      evidence,
    );
  }
  return pass(
    NAME,
    both(
      'RBAC is served and enforced: an unprivileged user may not list secrets cluster-wide.',
      'RBAC wordt aangeboden en afgedwongen: een gebruiker zonder rechten mag geen secrets in het hele cluster opvragen.',
    ),
    evidence,
  );
};
