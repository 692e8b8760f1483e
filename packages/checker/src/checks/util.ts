export { arrayField, field, globMatch, stringField } from '../objects.js';
import { arrayField, field, globMatch, stringField } from '../objects.js';
import {
  message,
  type LocalizedText,
  type CheckResult,
  type Evidence,
  type UnknownCause,
  type ClusterSnapshot,
  type KubeObject,
  type ResourceError,
} from '@havenkit/model';

export type Fields = Evidence['fields'];

/** A reason or note in both report languages (a message of the catalogue, see @havenkit/model). */
export type Reason = LocalizedText;

export function pass(name: string, reason: Reason, evidence: Evidence[] = []): CheckResult {
  return { name, outcome: 'pass', reason, evidence };
}

export function fail(name: string, reason: Reason, evidence: Evidence[] = []): CheckResult {
  return { name, outcome: 'fail', reason, evidence };
}

export function skip(name: string, reason: Reason, evidence: Evidence[] = []): CheckResult {
  return { name, outcome: 'skip', reason, evidence };
}

export function unknown(
  name: string,
  cause: UnknownCause,
  reason: Reason,
  evidence: Evidence[] = [],
): CheckResult {
  return { name, outcome: 'unknown', cause, reason, evidence };
}

/** Why an API read failed, as an UnknownCause: 401/403 forbidden; 408/504/Timeout timeout; else api-error. */
export function causeOf(error: ResourceError): UnknownCause {
  if (
    error.code === 401 ||
    error.code === 403 ||
    error.reason === 'Forbidden' ||
    error.reason === 'Unauthorized'
  ) {
    return 'forbidden';
  }
  if (error.code === 408 || error.code === 504 || /timeout/i.test(error.reason)) return 'timeout';
  return 'api-error';
}

/** Evidence for a section or resource that could not be read. */
export function errorEvidence(kind: string, name: string, error: ResourceError): Evidence {
  return { kind, name, fields: { code: error.code, reason: error.reason, message: error.message } };
}

/**
 * A read result; `why` is a lower-case clause in both languages ("nodes were not collected"), for
 * people. Checks decide on `cause` and, when the API answered with an error, on `error` (its HTTP
 * status and reason), never on the wording of `why`.
 */
export type Read<T> =
  | { ok: true; value: T }
  | { ok: false; cause: UnknownCause; why: LocalizedText; evidence: Evidence[]; error?: ResourceError };

/**
 * True when the read failed because the API server does not serve the resource: 404, the
 * Kubernetes reason NotFound, or havenkit's NotServed (its API group or type is not on the cluster,
 * e.g. an operator's CRD that is not installed).
 */
export function isNotServed(read: Extract<Read<unknown>, { ok: false }>): boolean {
  const error = read.error;
  // Only an API answer that the resource does not exist: a 403 or a timeout says nothing of it.
  return (
    read.cause === 'api-error' &&
    error !== undefined &&
    (error.code === 404 || error.reason === 'NotFound' || error.reason === 'NotServed')
  );
}

/**
 * The reason evaluate() gives a list that was collected with fewer fields than a check reads
 * (its message lists the missing fields): the check sees it as not collected.
 */
export const FIELDS_NOT_COLLECTED = 'FieldsNotCollected';

/** Sorted once per list, whatever the number of checks that read it. */
const sortedItems = new WeakMap<object, readonly KubeObject[]>();

/**
 * The items of a collected resource (`nodes`, `storageclasses.storage.k8s.io`), or why they are
 * missing: not collected (absent key), forbidden, timeout, API error. Items are sorted by
 * namespace and name so that evidence is deterministic.
 */
export function readList(snapshot: ClusterSnapshot, key: string): Read<readonly KubeObject[]> {
  const read = readUnsorted(snapshot, key);
  if (!read.ok) return read;
  let sorted = sortedItems.get(read.value);
  if (sorted === undefined) {
    sorted = [...read.value].sort(byNamespaceAndName);
    sortedItems.set(read.value, sorted);
  }
  return { ok: true, value: sorted };
}

/**
 * As readList, in the snapshot's own order: for a check that reports a few of 50,000 pods and
 * sorts only those (a stable sort of the few gives them in the order readList would).
 */
export function readUnsorted(snapshot: ClusterSnapshot, key: string): Read<readonly KubeObject[]> {
  const entry = snapshot.resources[key];
  if (entry === undefined) {
    return {
      ok: false,
      cause: 'not-collected',
      why: message('read.notCollected', { resource: key }),
      evidence: [{ kind: 'Resource', name: key, fields: { collected: false } }],
    };
  }
  if ('error' in entry && entry.error.reason === FIELDS_NOT_COLLECTED) {
    return {
      ok: false,
      cause: 'not-collected',
      why: message('read.fieldsNotCollected', { resource: key, fields: entry.error.message }),
      evidence: [
        { kind: 'Resource', name: key, fields: { collected: 'in part', missing: entry.error.message } },
      ],
    };
  }
  if ('error' in entry) return unreadable(key, entry.error);
  // A Status stored as the list (by earlier versions, which read any 200 answer as a list) is an
  // error of that resource, never an empty list.
  if (entry.kind === 'Status') {
    return unreadable(key, {
      code: 200,
      reason: 'MalformedResponse',
      message: `a Status was recorded as the list of ${key}`,
    });
  }
  return { ok: true, value: entry.items };
}

function unreadable(key: string, error: ResourceError): Extract<Read<KubeObject[]>, { ok: false }> {
  return {
    ok: false,
    cause: causeOf(error),
    why: message('read.unreadable', { resource: key, code: error.code, reason: error.reason }),
    evidence: [errorEvidence('Resource', key, error)],
    error,
  };
}

/** The unknown result for a failed read. */
export function unknownFrom(
  name: string,
  read: Extract<Read<unknown>, { ok: false }>,
  extra: Evidence[] = [],
): CheckResult {
  const why = { en: capitalize(read.why.en), nl: capitalize(read.why.nl) };
  return unknown(name, read.cause, message('read.sentence', { why }), [...read.evidence, ...extra]);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function nameOf(object: KubeObject): string {
  return object.metadata?.name ?? '';
}

export function namespaceOf(object: KubeObject): string {
  return object.metadata?.namespace ?? '';
}

/**
 * Orders by namespace, then name, by code unit: Kubernetes names are lowercase DNS labels, so this
 * is the natural order, and unlike locale collation it stays fast on lists of 30,000 pods.
 */
export function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  return compareText(namespaceOf(a), namespaceOf(b)) || compareText(nameOf(a), nameOf(b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const labelsCache = new WeakMap<object, Readonly<Record<string, string>>>();
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Labels as the API defines them, a map of strings (a snapshot may carry anything there). Read once
 * per object: the node checks ask for a node's labels once per platform and role they look for.
 */
export function labelsOf(object: KubeObject): Readonly<Record<string, string>> {
  const cached = labelsCache.get(object);
  if (cached !== undefined) return cached;
  const labels: unknown = object.metadata?.labels;
  const result =
    typeof labels !== 'object' || labels === null || Array.isArray(labels)
      ? NO_LABELS
      : Object.values(labels).every((value) => typeof value === 'string')
        ? // As the API serves them: the object itself, not a copy of 5,000 nodes' labels.
          (labels as Readonly<Record<string, string>>)
        : Object.freeze(
            Object.fromEntries(Object.entries(labels).filter(([, value]) => typeof value === 'string')),
          );
  labelsCache.set(object, result);
  return result;
}

/**
 * A matcher of image repositories against globs that remembers its answers: thousands of pods run
 * a few images, and each is matched against every collector's patterns.
 */
export function repositoryMatcher(patterns: readonly string[]): (repository: string) => boolean {
  const answers = new Map<string, boolean>();
  return (repository) => {
    let answer = answers.get(repository);
    if (answer === undefined) {
      answer = patterns.some((pattern) => globMatch(pattern, repository));
      answers.set(repository, answer);
    }
    return answer;
  };
}

const compiled = new Map<string, RegExp>();

/** The data's patterns compiled once, not once per node and platform (5,000 nodes × 40 platforms). */
export function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = new RegExp(pattern);
    compiled.set(pattern, re);
  }
  return re;
}

/** A Kubernetes condition's status ("True", "False", "Unknown") or undefined. */
export function conditionStatus(object: unknown, type: string): string | undefined {
  const condition = arrayField(object, 'status', 'conditions').find((c) => field(c, 'type') === type);
  return stringField(condition, 'status');
}

const repositories = new Map<string, string>();

/** An image reference without tag or digest: "docker.io/fluent/fluent-bit:3.1@sha256:…" → "docker.io/fluent/fluent-bit". */
export function imageRepository(image: string): string {
  // 50,000 pods run a few hundred images: each reference is taken apart once.
  let repository = repositories.get(image);
  if (repository === undefined) {
    const withoutDigest = image.split('@')[0] ?? image;
    const lastSlash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.indexOf(':', lastSlash + 1);
    repository = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
    if (repositories.size >= 100_000) repositories.clear();
    repositories.set(image, repository);
  }
  return repository;
}

type Container = { name: string; image: string; argv: string[] };
const containersCache = new WeakMap<object, readonly Container[]>();

/** A pod's containers (init containers excluded): name, image, command and args. Read once per pod. */
export function containersOf(pod: KubeObject): readonly Container[] {
  const cached = containersCache.get(pod);
  if (cached !== undefined) return cached;
  const containers = arrayField(pod, 'spec', 'containers').map((c) => ({
    name: stringField(c, 'name') ?? '',
    image: stringField(c, 'image') ?? '',
    argv: [...arrayField(c, 'command'), ...arrayField(c, 'args')].filter(
      (a): a is string => typeof a === 'string',
    ),
  }));
  containersCache.set(pod, containers);
  return containers;
}

export function isRunning(pod: KubeObject): boolean {
  return property(property(pod, 'status'), 'phase') === 'Running';
}

/** One step of field(), without its rest parameter: the pod loops below take it 100,000 times. */
function property(object: unknown, key: string): unknown {
  return object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined;
}

/** Per pods list: the positions of its Running pods by the image references their containers run. */
const runningByImage = new WeakMap<readonly KubeObject[], ReadonlyMap<string, readonly number[]>>();

/**
 * The Running pods of the list by image reference (init containers excluded, as in containersOf),
 * read once for every check that looks for images: one pass over 50,000 pods' raw containers,
 * without building containersOf for pods that no check will look at again.
 */
function runningPodsByImage(pods: readonly KubeObject[]): ReadonlyMap<string, readonly number[]> {
  const cached = runningByImage.get(pods);
  if (cached !== undefined) return cached;
  const byImage = new Map<string, number[]>();
  for (let at = 0; at < pods.length; at++) {
    const pod = pods[at]!;
    if (!isRunning(pod)) continue;
    const containers = property(property(pod, 'spec'), 'containers');
    if (!Array.isArray(containers)) continue;
    for (const container of containers as unknown[]) {
      const value = property(container, 'image');
      const image = typeof value === 'string' ? value : '';
      let positions = byImage.get(image);
      if (positions === undefined) {
        positions = [];
        byImage.set(image, positions);
      }
      // Two containers of one image: the pod once.
      if (positions[positions.length - 1] !== at) positions.push(at);
    }
  }
  runningByImage.set(pods, byImage);
  return byImage;
}

/**
 * The Running pods with a container whose image repository `matches`, sorted by namespace and
 * name (`pods` may be in any order: readUnsorted's). Each image reference is matched once, however
 * many of the pods run it, and only the pods found are sorted, not 50,000.
 */
export function runningPodsWith(
  pods: readonly KubeObject[],
  matches: (repository: string) => boolean,
): KubeObject[] {
  const matched: (readonly number[])[] = [];
  for (const [image, positions] of runningPodsByImage(pods)) {
    if (matches(imageRepository(image))) matched.push(positions);
  }
  // A pod that runs two of the images is in two lists: back to list order, each pod once, so that
  // the stable sort orders pods of one namespace and name as readList does.
  const positions = matched.length === 1 ? matched[0]! : [...new Set(matched.flat())].sort((a, b) => a - b);
  return positions.map((at) => pods[at]!).sort(byNamespaceAndName);
}

/** The kind of the pod's controlling owner (DaemonSet, ReplicaSet, …), if any. */
export function ownerKind(pod: KubeObject): string | undefined {
  const owners = arrayField(pod, 'metadata', 'ownerReferences');
  const controller = owners.find((o) => field(o, 'controller') === true) ?? owners[0];
  return stringField(controller, 'kind');
}

/** A count at the path: a non-negative integer (or its string form), else undefined (absent or malformed). */
export function countField(value: unknown, ...path: string[]): number | undefined {
  const raw = field(value, ...path);
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Parses "1.35", "v1.35", "1.35.2" or "v1.35.2-eks-abc" into a minor number (35), or undefined. */
export function parseMinor(version: string): { major: number; minor: number } | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** The date part (YYYY-MM-DD) of an RFC 3339 timestamp, in UTC. */
export function utcDate(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}
