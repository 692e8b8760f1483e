import { ApiException } from '@kubernetes/client-node';
import { UnexpectedAnswerError } from './errors.js';

/**
 * What a well-formed answer to one kind of request looks like: undefined when the parsed body is
 * one, else what is wrong, as the end of "GET /api/v1/nodes answered 200 …" ("without a list:
 * items is null"). Only an answer that passes decides anything; the rest is an error of that
 * resource, never "nothing there" or "denied".
 */
export type AnswerShape = (body: Record<string, unknown>) => string | undefined;

/** The request an answer belongs to, for messages. */
export interface AnsweredRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}

/**
 * Parses the JSON body of a 2xx answer and checks it: not empty, JSON, an object, no `kind:
 * Status` failure, and of `shape` when given.
 * @throws UnexpectedAnswerError naming the request and what is wrong
 */
export function parseAnswer(
  text: string,
  request: AnsweredRequest,
  shape?: AnswerShape,
): Record<string, unknown> {
  const what = `${request.method} ${request.path} answered ${request.status}`;
  const malformed = (problem: string): UnexpectedAnswerError =>
    new UnexpectedAnswerError(request.status, 'MalformedResponse', `${what} ${problem}`);
  if (text.trim() === '') throw malformed('with an empty body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`with text that is not JSON (${excerpt(text)})`);
  }
  if (!isObject(value)) throw malformed(`with JSON that is not an object (${excerpt(text)})`);
  if (value.kind === 'Status' && value.status === 'Failure') {
    const code =
      typeof value.code === 'number' && Number.isInteger(value.code) && value.code > 0
        ? value.code
        : request.status;
    const reason = typeof value.reason === 'string' && value.reason !== '' ? value.reason : 'Failure';
    const message = typeof value.message === 'string' && value.message !== '' ? `${value.message} ` : '';
    throw new UnexpectedAnswerError(code, reason, `${message}(${what} with this Status Failure)`, true);
  }
  const problem = shape?.(value);
  if (problem !== undefined) throw malformed(problem);
  return value;
}

/** True when `value` is absent or a non-empty string. */
function optionalString(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value !== '');
}

/** A page of a List: items an array of objects; kind, apiVersion and metadata.continue strings where present. */
export const listShape: AnswerShape = (body) => {
  if (body.kind === 'Status') return 'with a Status, not a list';
  if (!('items' in body)) return 'without a list: no items';
  if (body.items === null) return 'without a list: items is null';
  if (!Array.isArray(body.items)) return 'without a list: items is not an array';
  const bad = body.items.findIndex((item) => !isObject(item));
  if (bad !== -1) return `with items[${bad}] that is not an object`;
  if (!optionalString(body.kind)) return 'with a kind that is not a name';
  if (!optionalString(body.apiVersion)) return 'with an apiVersion that is not a name';
  if (body.metadata !== undefined && !isObject(body.metadata)) return 'with metadata that is not an object';
  const metadata = (body.metadata ?? {}) as Record<string, unknown>;
  if (metadata.continue !== undefined && typeof metadata.continue !== 'string') {
    return 'with a continue token that is not a string';
  }
  if (metadata.resourceVersion !== undefined && typeof metadata.resourceVersion !== 'string') {
    return 'with a resourceVersion that is not a string';
  }
  return undefined;
};

/** GET /version: a version.Info, of which the checks need gitVersion (etcd's /version has none). */
export const versionShape: AnswerShape = (body) =>
  typeof body.gitVersion === 'string' && body.gitVersion !== '' ? undefined : 'without gitVersion';

const isNames = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '');

/** GET /api: an APIVersions object; every API server serves the core group (v1). */
export const apiVersionsShape: AnswerShape = (body) =>
  isNames(body.versions) && body.versions.length > 0 ? undefined : 'without versions (no APIVersions)';

/** GET /apis: an APIGroupList. */
export const apiGroupListShape: AnswerShape = (body) => {
  if (!Array.isArray(body.groups)) return 'without groups (no APIGroupList)';
  for (const [i, group] of body.groups.entries()) {
    if (!isObject(group) || typeof group.name !== 'string' || group.name === '') {
      return `with groups[${i}] that has no name`;
    }
    const versions = group.versions;
    if (
      !Array.isArray(versions) ||
      !versions.every((v) => isObject(v) && isNames([v.groupVersion, v.version]))
    ) {
      return `with group ${group.name} whose versions are not groupVersion/version pairs`;
    }
    const preferred = group.preferredVersion;
    if (
      preferred !== undefined &&
      !(isObject(preferred) && isNames([preferred.groupVersion, preferred.version]))
    ) {
      return `with group ${group.name} whose preferredVersion is not a groupVersion/version pair`;
    }
  }
  return undefined;
};

/** GET /api/v1, /apis/<group>/<version>: an APIResourceList. */
export const apiResourceListShape: AnswerShape = (body) => {
  if (!Array.isArray(body.resources)) return 'without resources (no APIResourceList)';
  for (const [i, r] of body.resources.entries()) {
    if (!isObject(r) || typeof r.name !== 'string' || r.name === '' || typeof r.kind !== 'string') {
      return `with resources[${i}] that has no name or kind`;
    }
    if (typeof r.namespaced !== 'boolean')
      return `with resource ${r.name} that does not say whether it is namespaced`;
    if (r.verbs !== undefined && !isNames(r.verbs))
      return `with resource ${r.name} whose verbs are not names`;
  }
  return undefined;
};

/**
 * A SubjectAccessReview or SelfSubjectAccessReview: its status with `allowed` (required by the
 * API), `denied` never true together with it, reason and evaluationError strings
 * (https://kubernetes.io/docs/reference/kubernetes-api/authorization-resources/subject-access-review-v1/).
 */
export function accessReviewShape(kind: string): AnswerShape {
  return (body) => {
    if (body.kind !== undefined && body.kind !== kind)
      return `with kind ${excerpt(String(body.kind))}, not ${kind}`;
    const status = body.status;
    if (!isObject(status)) return `without status (no ${kind})`;
    if (typeof status.allowed !== 'boolean') return 'without status.allowed';
    if (status.denied !== undefined && typeof status.denied !== 'boolean')
      return 'with a status.denied that is not true or false';
    if (status.allowed && status.denied === true) return 'with status.allowed and status.denied both true';
    if (status.reason !== undefined && typeof status.reason !== 'string')
      return 'with a status.reason that is not text';
    if (status.evaluationError !== undefined && typeof status.evaluationError !== 'string') {
      return 'with a status.evaluationError that is not text';
    }
    return undefined;
  };
}

/**
 * True when the error is an answer only a Kubernetes API server gives: a `kind: Status` body (other
 * than 404, which any web server answers), in an error status or as a failure in a 2xx.
 */
export function isKubernetesAnswer(err: unknown): boolean {
  if (err instanceof UnexpectedAnswerError) return err.fromStatus;
  if (!(err instanceof ApiException) || err.code === 404) return false;
  try {
    const body: unknown = typeof err.body === 'string' ? JSON.parse(err.body) : err.body;
    return isObject(body) && body.kind === 'Status' && body.apiVersion === 'v1';
  } catch {
    return false;
  }
}
