import { ApiException } from '@kubernetes/client-node';
import {
  SNAPSHOT_API_VERSION,
  SNAPSHOT_KIND,
  type Catalogue,
  type ClusterSnapshot,
  type CollectedResource,
  type KubeObject,
  type ResourceError,
  type ResourceList,
  type SnapshotAccess,
} from '@havenkit/model';
import { rwxProvisionerFor, loadBundledData, CHECKER_NAME, CHECKER_VERSION } from '@havenkit/checker';
import { madeUpUser, reviewSelf, reviewUnprivileged } from './access.js';
import { isKubernetesAnswer, versionShape } from './answers.js';
import { Discovery } from './discovery.js';
import {
  CollectAbortedError,
  KubeError,
  TruncatedBodyError,
  describeResourceError,
  isTlsVerificationError,
  isTransportError,
  toResourceError,
  transportCode,
} from './errors.js';
import { loadKubeconfig } from './kubeconfig.js';
import { limiter } from './limit.js';
import { listAll, unionLists } from './list.js';
import type { ListOptions } from './list.js';
import { isSecretResource, parseResourceName } from './names.js';
import { planCollection, type PlanSelection } from './plan.js';
import { runProbes } from './probes.js';
import type { ProbeName, ProbeOptions } from './probes.js';
import type { RetryPolicy } from './retry.js';
import { KubeTransport } from './transport.js';

/** Progress of a collection, for a spinner; the library itself never prints. */
export interface CollectProgress {
  readonly phase: 'connect' | 'discovery' | 'resources' | 'access' | 'probes' | 'done';
  readonly message: string;
  readonly done?: number;
  readonly total?: number;
}

export interface CollectOptions {
  /** `--kubeconfig`. @default KUBECONFIG, then ~/.kube/config */
  readonly kubeconfigPath?: string;
  /** `--context`. @default the kubeconfig's current-context */
  readonly context?: string;
  /** Environment for KUBECONFIG. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  readonly catalogue: Catalogue;
  /** Collect for exactly these checks. @default every mandatory check (plus `suggested`) */
  readonly only?: readonly string[];
  /** Suggested checks to collect for too (e.g. "cis"). */
  readonly suggested?: readonly string[];
  /** Collect for every check of the catalogue, suggested included (`havenkit snapshot`). @default false */
  readonly all?: boolean;
  /** Readers besides the checks whose needs are collected too (the register: `registerReaders()`). */
  readonly readers?: PlanSelection['readers'];
  /** Collect for no check, only for `readers`. @default false */
  readonly withoutChecks?: boolean;
  /** Opt-in active probes: the only writes. @default none */
  readonly probes?: readonly ProbeName[];
  readonly probeOptions?: Omit<ProbeOptions, 'signal' | 'onMessage'>;
  readonly onProgress?: (progress: CollectProgress) => void;
  /** Something the caller should tell the user although the collection goes on (one line each). */
  readonly onWarning?: (message: string) => void;
  /** Requests in flight at once. @default 4 */
  readonly concurrency?: number;
  /** Timeout of one attempt of one request. @default 30000 */
  readonly requestTimeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly list?: ListOptions;
  readonly signal?: AbortSignal;
  /**
   * A deadline for the whole collection (`--timeout`): when its signal fires, requests in flight
   * are abandoned and the collection returns what it has read; everything else is recorded as a
   * `Timeout` error (the checks that need it are unknown, cause timeout). `label` names it in
   * those errors ("--timeout 10m"). Unlike `signal`, it never makes the collection throw.
   */
  readonly deadline?: { readonly signal: AbortSignal; readonly label: string };
  /** How long an exec credential plugin may run (then exit 3). @default 60000 */
  readonly execTimeoutMs?: number;
  /** @default CHECKER_NAME and CHECKER_VERSION */
  readonly collector?: { name: string; version: string };
  /** The clock, read once at the start (metadata.collectedAt). @default new Date() */
  readonly now?: () => Date;
}

/** StorageClasses the bundled data (compliance/data/rwx-provisioners.yaml) knows as ReadWriteMany-capable. */
function isKnownRwxStorageClass(storageClass: KubeObject): boolean {
  return rwxProvisionerFor(storageClass, loadBundledData().rwxProvisioners.provisioners) !== undefined;
}

function isList(value: CollectedResource | undefined): value is ResourceList {
  return value !== undefined && !('error' in value);
}

/**
 * Turns errors that make the whole collection pointless into a KubeError: nothing answered
 * (exit 4), or the server refused the credentials (exit 3). Anything else is recorded.
 */
function fatal(err: unknown, server: string, context: string): void {
  if (err instanceof KubeError || err instanceof CollectAbortedError) throw err;
  if (isTlsVerificationError(err)) {
    throw KubeError.badInput(
      `the certificate of ${server} is not trusted by context "${context}" (${transportCode(err)}); check certificate-authority and the server name in the kubeconfig`,
    );
  }
  if (err instanceof TruncatedBodyError) {
    throw KubeError.unreachable(
      `the API server ${server} (context "${context}") cut off its answer: ${err.message}`,
    );
  }
  if (isTransportError(err)) {
    throw KubeError.unreachable(
      `cannot reach the API server ${server} (context "${context}"): ${describeResourceError(toResourceError(err))}`,
    );
  }
  if (err instanceof ApiException && err.code === 401) {
    throw KubeError.badInput(
      `the API server ${server} rejected the credentials of context "${context}" (401 Unauthorized); renew them or pick another --context`,
    );
  }
}

/**
 * Stops the run when what answered is no Kubernetes API server (a web page, a 404 or `{}` for
 * everything, etcd): neither /version nor discovery gave a well-formed answer, and no failure came
 * as a Kubernetes Status. Evaluating such a server would report it not compliant.
 */
function requireKubernetes(
  versionError: unknown,
  discoveryError: unknown,
  server: string,
  context: string,
): void {
  if (versionError === undefined || discoveryError === undefined) return;
  if (isKubernetesAnswer(versionError) || isKubernetesAnswer(discoveryError)) return;
  const answers = [versionError, discoveryError].map((err) => {
    const error = toResourceError(err);
    if (!(err instanceof ApiException)) return error.message;
    // ApiException's message is "HTTP 404 for GET /version"; its body is what the server said.
    const request = /^HTTP (\d+) for (.+)$/.exec(err.message);
    return request ? `${request[2]} answered ${request[1]} (${error.message})` : describeResourceError(error);
  });
  throw KubeError.unreachable(
    `${server} (context "${context}") is not a Kubernetes API server: ${[...new Set(answers)].join('; ')}; check the server URL in the kubeconfig`,
  );
}

/**
 * Collects a ClusterSnapshot: /version, discovery, every resource the selected checks need
 * (paginated, in parallel with bounded concurrency, retried), access reviews, and the opt-in
 * probes. Read-only except for the probes; never reads Secrets. Throws KubeError for bad
 * kubeconfigs (exit 3) and unreachable servers (exit 4); everything else is recorded in the
 * snapshot as `{error}`.
 */
export async function collectSnapshot(options: CollectOptions): Promise<ClusterSnapshot> {
  const collectedAt = (options.now?.() ?? new Date()).toISOString();
  const progress = options.onProgress ?? ((): void => undefined);
  const plan = planCollection(options.catalogue, {
    ...(options.only !== undefined ? { only: options.only } : {}),
    ...(options.suggested !== undefined ? { suggested: options.suggested } : {}),
    ...(options.all !== undefined ? { all: options.all } : {}),
    ...(options.readers !== undefined ? { readers: options.readers } : {}),
    ...(options.withoutChecks !== undefined ? { withoutChecks: options.withoutChecks } : {}),
  });
  const loaded = loadKubeconfig({
    ...(options.kubeconfigPath !== undefined ? { kubeconfigPath: options.kubeconfigPath } : {}),
    ...(options.context !== undefined ? { context: options.context } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
    ...(options.execTimeoutMs !== undefined ? { execTimeoutMs: options.execTimeoutMs } : {}),
  });
  const deadline = options.deadline;
  const signals = [options.signal, deadline?.signal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  /** True when the deadline, not the caller, stopped the collection. */
  const pastDeadline = (): boolean => deadline?.signal.aborted === true && options.signal?.aborted !== true;
  const deadlineError = (): ResourceError => ({
    code: 0,
    reason: 'Timeout',
    message: `the run deadline (${deadline?.label ?? 'timeout'}) passed before this was read`,
  });
  /** The Timeout error of a request the deadline stopped; undefined for any other error. */
  const stoppedByDeadline = (err: unknown): ResourceError | undefined =>
    err instanceof CollectAbortedError && pastDeadline() ? deadlineError() : undefined;
  const transport = new KubeTransport(loaded.kubeConfig, {
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(signal !== undefined ? { signal } : {}),
  });
  const limit = limiter(options.concurrency ?? 4);

  progress({ phase: 'connect', message: `connecting to ${loaded.server}` });
  let version: ClusterSnapshot['version'];
  let versionFailure: unknown;
  try {
    version = await transport.get<ClusterSnapshot['version']>('/version', undefined, versionShape);
  } catch (err) {
    const late = stoppedByDeadline(err);
    if (late === undefined) fatal(err, loaded.server, loaded.context);
    versionFailure = err;
    version = { error: late ?? toResourceError(err) };
  }

  progress({ phase: 'discovery', message: 'discovering API groups' });
  let discovery: Discovery | undefined;
  let discoveryError: ResourceError | undefined;
  let discoveryFailure: unknown;
  try {
    discovery = await Discovery.load(transport);
  } catch (err) {
    const late = stoppedByDeadline(err);
    if (late === undefined) fatal(err, loaded.server, loaded.context);
    discoveryFailure = err;
    discoveryError = late ?? toResourceError(err);
  }
  // Whether a server that ran out of time is Kubernetes is not known: evaluate what there is.
  if (!pastDeadline()) requireKubernetes(versionFailure, discoveryFailure, loaded.server, loaded.context);

  const total = plan.resources.length;
  let done = 0;
  const collectOne = async (
    name: string,
    queries: readonly object[],
    fields: readonly string[] | undefined,
  ): Promise<CollectedResource> => {
    if (isSecretResource(parseResourceName(name))) {
      return { error: { code: 0, reason: 'Refused', message: 'havenkit never reads Secrets' } };
    }
    if (discovery === undefined) {
      return { error: discoveryError ?? { code: 0, reason: 'NotCollected', message: 'discovery failed' } };
    }
    try {
      const mapping = await discovery.resolve(name);
      if ('error' in mapping) return mapping;
      const lists = await Promise.all(
        queries.map((q) => limit(() => listAll(transport, mapping, q, options.list, fields))),
      );
      return unionLists(lists);
    } catch (err) {
      const late = stoppedByDeadline(err);
      if (late !== undefined) return { error: late };
      if (err instanceof KubeError || err instanceof CollectAbortedError) throw err;
      return { error: toResourceError(err) };
    }
  };
  progress({ phase: 'resources', message: 'reading resources', done, total });
  const resourcesP = Promise.all(
    plan.resources.map(async ({ name, queries, fields }) => {
      const result = await collectOne(name, queries, fields);
      done++;
      progress({ phase: 'resources', message: `read ${name}`, done, total });
      return [name, result] as const;
    }),
  );

  // The cluster id scopes waivers: without it every such waiver is out of scope, which must not go unsaid.
  const noClusterId = (why: string): undefined => {
    options.onWarning?.(
      options.withoutChecks
        ? `cannot read the cluster id, the uid of namespace kube-system (${why}); the register names no cluster id; grant get on namespaces in kube-system`
        : `cannot read the cluster id, the uid of namespace kube-system (${why}); the report names no cluster id, so waivers scoped by clusterId do not apply; grant get on namespaces in kube-system`,
    );
    return undefined;
  };
  const clusterIdP = limit(() => transport.get<KubeObject>('/api/v1/namespaces/kube-system')).then(
    (ns) => {
      const uid: unknown = ns.metadata?.uid;
      return typeof uid === 'string' && uid !== '' ? uid : noClusterId('the answer has no metadata.uid');
    },
    (err: unknown) => {
      const late = stoppedByDeadline(err);
      if (late !== undefined) return noClusterId(late.message);
      if (err instanceof KubeError || err instanceof CollectAbortedError) throw err;
      return noClusterId(
        `GET /api/v1/namespaces/kube-system: ${describeResourceError(toResourceError(err))}`,
      );
    },
  );

  const accessP = (async (): Promise<SnapshotAccess> => {
    const access: SnapshotAccess = {};
    if (plan.permissions.length > 0) {
      try {
        access.self = await Promise.all(plan.permissions.map((p) => limit(() => reviewSelf(transport, p))));
      } catch (err) {
        const late = stoppedByDeadline(err);
        if (late === undefined && (err instanceof KubeError || err instanceof CollectAbortedError)) throw err;
        access.self = { error: late ?? toResourceError(err) };
      }
    }
    if (plan.sections.includes('access.unprivileged')) {
      try {
        access.unprivileged = [await limit(() => reviewUnprivileged(transport, madeUpUser()))];
      } catch (err) {
        const late = stoppedByDeadline(err);
        if (late === undefined && (err instanceof KubeError || err instanceof CollectAbortedError)) throw err;
        access.unprivileged = { error: late ?? toResourceError(err) };
      }
    }
    return access;
  })();

  const [entries, clusterId, access] = await Promise.all([resourcesP, clusterIdP, accessP]);
  const resources = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  progress({ phase: 'access', message: 'reviewed access' });

  const snapshot: ClusterSnapshot = {
    apiVersion: SNAPSHOT_API_VERSION,
    kind: SNAPSHOT_KIND,
    metadata: {
      collectedAt,
      collector: options.collector ?? { name: CHECKER_NAME, version: CHECKER_VERSION },
      server: loaded.server,
      context: loaded.context,
      ...(clusterId !== undefined ? { clusterId } : {}),
    },
    version,
    discovery:
      discovery !== undefined
        ? { groupVersions: [...discovery.groupVersions] }
        : { error: discoveryError ?? { code: 0, reason: 'NotCollected', message: 'discovery failed' } },
    resources,
    ...(access.self !== undefined || access.unprivileged !== undefined ? { access } : {}),
  };

  const probes = [...new Set(options.probes ?? [])].sort();
  if (probes.length > 0) {
    const nodes = resources['nodes'];
    const storageClasses = resources['storageclasses.storage.k8s.io'];
    if (pastDeadline()) {
      snapshot.probes = probesNotRun(probes, isList(nodes) ? nodes.items : [], deadlineError().message);
    } else {
      progress({ phase: 'probes', message: `running probes: ${probes.join(', ')}` });
      try {
        const run = await runProbes(
          transport,
          probes,
          {
            ...(isList(nodes) ? { nodes: nodes.items } : {}),
            ...(isList(storageClasses) ? { storageClasses: storageClasses.items } : {}),
          },
          {
            isRwxStorageClass: isKnownRwxStorageClass,
            ...options.probeOptions,
            ...(signal !== undefined ? { signal } : {}),
            onMessage: (message) => progress({ phase: 'probes', message }),
          },
        );
        snapshot.probes = run.probes;
      } catch (err) {
        // The probes cleaned up before throwing; what they found is lost, so they count as not run.
        const late = stoppedByDeadline(err);
        if (late === undefined) throw err;
        snapshot.probes = probesNotRun(probes, isList(nodes) ? nodes.items : [], late.message);
      }
    }
  }
  progress({ phase: 'done', message: 'collected' });
  return snapshot;
}

/** The probe results of probes that did not run (or did not finish), each with `why`. */
function probesNotRun(
  probes: readonly ProbeName[],
  nodes: readonly KubeObject[],
  why: string,
): NonNullable<ClusterSnapshot['probes']> {
  const result: NonNullable<ClusterSnapshot['probes']> = {};
  if (probes.includes('rwx')) result.rwx = { outcome: 'error', message: why };
  if (probes.includes('node-lsm')) {
    const names = nodes.map((n) => n.metadata?.name ?? '').filter((n) => n !== '');
    result.nodeLsm = { nodes: Object.fromEntries(names.sort().map((n) => [n, { lsms: [], error: why }])) };
  }
  return result;
}
