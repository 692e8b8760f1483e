import { randomBytes } from 'node:crypto';
import type { PermissionNeed, AccessReviewResult } from '@havenkit/model';
import { accessReviewShape } from './answers.js';
import type { KubeTransport } from './transport.js';

const AUTHORIZATION = '/apis/authorization.k8s.io/v1';

/** A review as accessReviewShape admits it: an explicit answer, nothing else decides. */
interface ReviewStatus {
  status: { allowed: boolean; denied?: boolean; reason?: string; evaluationError?: string };
}

function resourceAttributes(p: PermissionNeed): Record<string, string> {
  return {
    verb: p.verb,
    group: p.group,
    resource: p.resource,
    ...(p.namespace ? { namespace: p.namespace } : {}),
  };
}

function toResult(p: PermissionNeed, review: ReviewStatus): AccessReviewResult {
  const s = review.status;
  return {
    verb: p.verb,
    group: p.group,
    resource: p.resource,
    ...(p.namespace ? { namespace: p.namespace } : {}),
    allowed: s.allowed,
    ...(s.denied !== undefined ? { denied: s.denied } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.evaluationError ? { evaluationError: s.evaluationError } : {}),
  };
}

/**
 * May the collector's own identity do this? One SelfSubjectAccessReview; the API server
 * answers without persisting anything (the only "create" the checker makes besides SARs).
 */
export async function reviewSelf(transport: KubeTransport, p: PermissionNeed): Promise<AccessReviewResult> {
  const review = await transport.post<ReviewStatus>(
    `${AUTHORIZATION}/selfsubjectaccessreviews`,
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: resourceAttributes(p) },
    },
    { idempotent: true, shape: accessReviewShape('SelfSubjectAccessReview') },
  );
  return toResult(p, review);
}

/** A made-up user that no binding can name: havenkit:rbac-probe:<random>. */
export function madeUpUser(random: () => string = () => randomBytes(6).toString('hex')): {
  user: string;
  groups: string[];
} {
  return { user: `havenkit:rbac-probe:${random()}`, groups: ['system:authenticated'] };
}

/** The permission the rbac check asks about: list Secrets cluster-wide (the request itself reads nothing). */
export const UNPRIVILEGED_PERMISSION: PermissionNeed = { verb: 'list', group: '', resource: 'secrets' };

/**
 * May a made-up, unprivileged user list Secrets cluster-wide? One SubjectAccessReview (needs
 * `create subjectaccessreviews`); RBAC is enforced when the answer is "not allowed". An answer
 * without an explicit status.allowed is thrown (UnexpectedAnswerError), never read as "denied".
 */
export async function reviewUnprivileged(
  transport: KubeTransport,
  identity: { user: string; groups: string[] },
  p: PermissionNeed = UNPRIVILEGED_PERMISSION,
): Promise<AccessReviewResult & { user: string; groups: string[] }> {
  const review = await transport.post<ReviewStatus>(
    `${AUTHORIZATION}/subjectaccessreviews`,
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user: identity.user, groups: identity.groups, resourceAttributes: resourceAttributes(p) },
    },
    { idempotent: true, shape: accessReviewShape('SubjectAccessReview') },
  );
  return { ...toResult(p, review), user: identity.user, groups: [...identity.groups] };
}
