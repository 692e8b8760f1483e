import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  accessReviewShape,
  apiGroupListShape,
  apiResourceListShape,
  apiVersionsShape,
  isKubernetesAnswer,
  parseAnswer,
  versionShape,
} from './answers.js';
import { UnexpectedAnswerError } from './errors.js';

const sar = accessReviewShape('SubjectAccessReview');
const post = { method: 'POST', path: '/apis/authorization.k8s.io/v1/subjectaccessreviews', status: 201 };

describe('an access review decides only with an explicit status.allowed', () => {
  it('accepts a denial and an allowance', () => {
    expect(sar({ kind: 'SubjectAccessReview', status: { allowed: false } })).toBeUndefined();
    expect(
      sar({ status: { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "x"' } }),
    ).toBeUndefined();
  });

  it.each([
    ['{}', {}, 'without status (no SubjectAccessReview)'],
    ['{"status":{}}', { status: {} }, 'without status.allowed'],
    ['allowed as text', { status: { allowed: 'false' } }, 'without status.allowed'],
    [
      'allowed and denied',
      { status: { allowed: true, denied: true } },
      'with status.allowed and status.denied both true',
    ],
    [
      'another kind',
      { kind: 'Namespace', status: { allowed: false } },
      'with kind "Namespace", not SubjectAccessReview',
    ],
    [
      'a reason that is a number',
      { status: { allowed: false, reason: 5 } },
      'with a status.reason that is not text',
    ],
  ])('refuses %s', (_t, body, problem) => {
    expect(sar(body)).toBe(problem);
  });

  it('throws the problem with the request it belongs to', () => {
    expect(() => parseAnswer('{"status":{}}', post, sar)).toThrow(
      'POST /apis/authorization.k8s.io/v1/subjectaccessreviews answered 201 without status.allowed',
    );
  });
});

describe('discovery and /version answers', () => {
  it('need gitVersion (etcd has none)', () => {
    expect(versionShape({ gitVersion: 'v1.35.1' })).toBeUndefined();
    expect(versionShape({ etcdserver: '3.5.21', etcdcluster: '3.5.0' })).toBe('without gitVersion');
  });

  it('need the core versions, the groups and the resources as the API defines them', () => {
    expect(apiVersionsShape({ kind: 'APIVersions', versions: ['v1'] })).toBeUndefined();
    expect(apiVersionsShape({})).toMatch(/without versions/);
    expect(
      apiGroupListShape({
        groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }] }],
      }),
    ).toBeUndefined();
    expect(apiGroupListShape({ groups: [{ name: 'apps', versions: [{ version: 1 }] }] })).toMatch(
      /apps whose versions/,
    );
    expect(
      apiResourceListShape({ resources: [{ name: 'nodes', kind: 'Node', namespaced: false }] }),
    ).toBeUndefined();
    expect(apiResourceListShape({ resources: null })).toMatch(/without resources/);
  });
});

describe('isKubernetesAnswer', () => {
  const status = (code: number): string =>
    JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason: 'Forbidden' });

  it('is true for a Status body in an error, other than 404', () => {
    expect(isKubernetesAnswer(new ApiException(403, 'HTTP 403 for GET /version', status(403), {}))).toBe(
      true,
    );
    expect(isKubernetesAnswer(new ApiException(404, 'HTTP 404 for GET /version', status(404), {}))).toBe(
      false,
    );
  });

  it('is false for a web page, and true for a Status failure in a 200', () => {
    expect(isKubernetesAnswer(new ApiException(403, 'HTTP 403 for GET /version', '<html></html>', {}))).toBe(
      false,
    );
    expect(isKubernetesAnswer(new UnexpectedAnswerError(200, 'MalformedResponse', 'x'))).toBe(false);
    expect(isKubernetesAnswer(new UnexpectedAnswerError(500, 'InternalError', 'x', true))).toBe(true);
  });
});
