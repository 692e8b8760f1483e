import { randomBytes } from 'node:crypto';
import { ApiException, HttpMethod } from '@kubernetes/client-node';
import type {
  KubeObject,
  NodeLsmProbeResult,
  PermissionNeed,
  ProbeName,
  RwxProbeResult,
  SnapshotProbes,
} from '@havenkit/model';
import { listShape } from './answers.js';
import { CollectAbortedError, describeResourceError, toResourceError } from './errors.js';
import { sleep } from './retry.js';
import type { KubeTransport } from './transport.js';

export { PROBE_NAMES, type ProbeName } from '@havenkit/model';

/** Every object a probe creates carries this label (and lives in a namespace of its own). */
export const PROBE_LABELS = { 'app.kubernetes.io/managed-by': 'havenkit' } as const;
export const PROBE_NAMESPACE_PREFIX = 'havenkit-probe-';
/** In an existing namespace (ProbeOptions.namespace), the objects of one run also carry this label. */
export const PROBE_RUN_LABEL = 'havenkit.dev/probe-run';

/** A permission in the probe's namespace: any verb, a resource or subresource ("pods/log"). */
export interface ProbeNamespacePermission {
  readonly verb: 'get' | 'list' | 'create' | 'deletecollection';
  readonly group: string;
  readonly resource: string;
}

/** What a probe needs of its identity when it runs in an existing namespace (ProbeOptions.namespace). */
export interface ProbeAccess {
  /** Cluster-wide reads, for when the collection did not read them already. */
  readonly reads: readonly PermissionNeed[];
  /** Everything it does in its namespace: the only writes havenkit makes. */
  readonly inNamespace: readonly ProbeNamespacePermission[];
}

const probeNamespace = (...permissions: [ProbeNamespacePermission['verb'], string][]) =>
  permissions.map(([verb, resource]) => ({ verb, group: '', resource }));

/**
 * The requests each probe makes in an existing namespace, as RBAC permissions: what `havenkit rbac
 * --probe` grants, and only there. Kept in step with the code below; test/faults/rbac-command.test.ts
 * runs the probes with exactly these rights on a real API server.
 */
export const PROBE_ACCESS: Readonly<Record<ProbeName, ProbeAccess>> = {
  rwx: {
    reads: [{ verb: 'list', group: 'storage.k8s.io', resource: 'storageclasses' }],
    inNamespace: probeNamespace(
      ['get', 'namespaces'],
      ['create', 'persistentvolumeclaims'],
      ['list', 'persistentvolumeclaims'],
      ['deletecollection', 'persistentvolumeclaims'],
      // The consumer pod of a WaitForFirstConsumer class; cleanup deletes pods either way.
      ['create', 'pods'],
      ['list', 'pods'],
      ['deletecollection', 'pods'],
    ),
  },
  'node-lsm': {
    reads: [{ verb: 'list', group: '', resource: 'nodes' }],
    inNamespace: probeNamespace(
      ['get', 'namespaces'],
      ['create', 'pods'],
      ['list', 'pods'],
      ['get', 'pods/log'],
      ['deletecollection', 'pods'],
      // Cleanup deletes the claims of an interrupted rwx run too.
      ['list', 'persistentvolumeclaims'],
      ['deletecollection', 'persistentvolumeclaims'],
    ),
  },
};

export interface ProbeOptions {
  /** How long the probes may run before their unfinished parts count as pending/error. @default 120000 */
  readonly timeoutMs?: number;
  /** How long cleanup waits for the namespace to disappear before reporting it as terminating. @default 5000 */
  readonly cleanupWaitMs?: number;
  /** Polling interval while waiting. @default 1000 */
  readonly pollIntervalMs?: number;
  /** Image of the node-lsm pods (needs `sh` and `cat`). @default busybox:1.36 */
  readonly image?: string;
  /** Aborts the probes (cleanup still runs). */
  readonly signal?: AbortSignal;
  /** Install SIGINT/SIGTERM handlers for the duration, so that an interrupt removes the namespace. @default true */
  readonly handleSignals?: boolean;
  /**
   * Which StorageClasses support ReadWriteMany (the rwx probe also tries the default class).
   * @default none known: only the default class is tried
   */
  readonly isRwxStorageClass?: (storageClass: KubeObject) => boolean;
  /** Progress messages ("created namespace …", "removed namespace …"). */
  readonly onMessage?: (message: string) => void;
  /** Injected for tests: the random suffix of the namespace. */
  readonly randomSuffix?: () => string;
  /**
   * An existing namespace to probe in (`--probe-namespace`, made by `havenkit rbac --probe`): it is
   * neither created nor deleted, and only this run's objects in it (PROBE_RUN_LABEL) are removed
   * afterwards. An identity needs only PROBE_ACCESS there. @default a namespace of their own
   */
  readonly namespace?: string;
}

/** What the probes already know from the collection (saves a list each). */
export interface ProbeInputs {
  readonly nodes?: readonly KubeObject[];
  readonly storageClasses?: readonly KubeObject[];
}

export interface ProbeCleanup {
  readonly namespace: string;
  /** removed: gone; terminating: deletion accepted, the cluster is still finishing it; failed: could not delete. */
  readonly outcome: 'removed' | 'terminating' | 'failed' | 'not-created';
  readonly message: string;
  /** What is still in the cluster when the outcome is failed, as kind/namespace/name (namespace/name for the namespace). */
  readonly left?: readonly string[];
}

export interface ProbeRun {
  readonly probes: SnapshotProbes;
  readonly cleanup: ProbeCleanup;
}

/** Thrown after cleanup when SIGINT/SIGTERM interrupted the probes; exitCode follows the shell convention. */
export class ProbeInterruptedError extends Error {
  readonly exitCode: number;
  constructor(
    readonly signal: NodeJS.Signals,
    cleanup: ProbeCleanup,
  ) {
    super(`interrupted by ${signal} while probing; ${cleanup.message}`);
    this.name = 'ProbeInterruptedError';
    this.exitCode = 128 + (signal === 'SIGINT' ? 2 : 15);
  }
}

function isDefaultClass(sc: KubeObject): boolean {
  const a = sc.metadata?.annotations ?? {};
  return (
    a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

/** The storage classes the rwx probe tries: RWX-capable ones, and the default class. Pure. */
export function rwxCandidates(
  storageClasses: readonly KubeObject[],
  isRwx: (storageClass: KubeObject) => boolean = () => false,
): { name: string; waitForFirstConsumer: boolean }[] {
  return storageClasses
    .filter((sc) => isRwx(sc) || isDefaultClass(sc))
    .map((sc) => ({
      name: sc.metadata?.name ?? '',
      waitForFirstConsumer: sc.volumeBindingMode === 'WaitForFirstConsumer',
    }))
    .filter((c) => c.name !== '')
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Parses the node-lsm pod's output ("lockdown,capability,yama,apparmor\nlkrg") into sorted module names. */
export function parseLsmOutput(output: string): string[] {
  return [
    ...new Set(
      output
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => /^[a-z0-9_-]+$/i.test(s)),
    ),
  ].sort();
}

function message(err: unknown): string {
  return describeResourceError(toResourceError(err));
}

/**
 * Runs the requested probes in a namespace of their own, and always removes it; or, with
 * `options.namespace`, in that existing namespace, removing only the objects of this run.
 */
export async function runProbes(
  transport: KubeTransport,
  requested: readonly ProbeName[],
  inputs: ProbeInputs,
  options: ProbeOptions = {},
): Promise<ProbeRun> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pollMs = options.pollIntervalMs ?? 1000;
  const say = options.onMessage ?? ((): void => undefined);
  const abort = new AbortController();
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second signal while cleaning up is ignored: cleanup is bounded by timeouts.
    if (interrupted !== undefined) return;
    interrupted = signal;
    abort.abort(new CollectAbortedError(`interrupted by ${signal}`));
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  const outer = options.signal;
  const onOuterAbort = (): void => abort.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const deadline = AbortSignal.any([abort.signal, AbortSignal.timeout(timeoutMs)]);
  const work = transport.withSignal(abort.signal, Math.min(30_000, timeoutMs));
  // Cleanup must work after an abort: its own client, no abort signal, short timeouts.
  const cleanupClient = transport.withSignal(undefined, 10_000);
  const suffix = (options.randomSuffix ?? ((): string => randomBytes(4).toString('hex')))();
  const existing = options.namespace;
  const namespace = existing ?? `${PROBE_NAMESPACE_PREFIX}${suffix}`;
  // In a namespace of their own the objects need no run of their own; in an existing one, they do.
  const scope: ProbeScope =
    existing === undefined
      ? { namespace, labels: PROBE_LABELS, stem: 'havenkit' }
      : { namespace, labels: { ...PROBE_LABELS, [PROBE_RUN_LABEL]: suffix }, stem: `havenkit-${suffix}` };
  const probes: SnapshotProbes = {};
  let created = false;
  // True once the create may have reached the API server without our knowing its answer (Ctrl-C,
  // a timeout, a reset connection): the namespace may exist, so cleanup must look for it.
  let maybeCreated = false;
  let failure: unknown;
  try {
    if (existing === undefined) {
      maybeCreated = true;
      await createNamespace(work, namespace, requested.includes('node-lsm')).catch((err: unknown) => {
        // An answer (403, 409 AlreadyExists, 422) says it was not created, and a 409 is not ours to delete.
        if (err instanceof ApiException) maybeCreated = false;
        throw err;
      });
      say(`created probe namespace ${namespace}`);
    } else {
      await work.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}`);
      say(`probing in namespace ${namespace}`);
    }
    created = true;
    const tasks: Promise<void>[] = [];
    if (requested.includes('rwx')) {
      tasks.push(
        probeRwx(work, scope, inputs, options, deadline, pollMs, timeoutMs).then((r) => {
          probes.rwx = r;
        }),
      );
    }
    if (requested.includes('node-lsm')) {
      tasks.push(
        probeNodeLsm(work, scope, inputs, options, deadline, pollMs, timeoutMs).then((r) => {
          probes.nodeLsm = r;
        }),
      );
    }
    await Promise.all(tasks);
  } catch (err) {
    failure = err;
  }
  const cleanup: ProbeCleanup =
    existing !== undefined
      ? created
        ? await removeRunObjects(cleanupClient, scope)
        : { namespace, outcome: 'not-created', message: `nothing was created in namespace ${namespace}` }
      : created || maybeCreated
        ? await removeNamespace(cleanupClient, namespace, options.cleanupWaitMs ?? 5000, pollMs, !created)
        : { namespace, outcome: 'not-created', message: `probe namespace ${namespace} was not created` };
  if (cleanup.outcome !== 'not-created') say(cleanup.message);
  outer?.removeEventListener('abort', onOuterAbort);
  if (handleSignals) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // An interrupted run has no result: the caller must not write a half-probed snapshot.
  if (interrupted !== undefined) throw new ProbeInterruptedError(interrupted, cleanup);
  if (outer?.aborted) throw new CollectAbortedError(`probes aborted; ${cleanup.message}`);
  if (failure !== undefined && !created) {
    // The namespace could not be created (or used): every requested probe could not run.
    const why =
      existing === undefined
        ? `could not create namespace ${namespace}: ${message(failure)}`
        : `cannot probe in namespace ${namespace} (--probe-namespace): ${message(failure)}`;
    if (requested.includes('rwx')) probes.rwx = { outcome: 'error', message: why };
    if (requested.includes('node-lsm')) {
      const nodes = (inputs.nodes ?? []).map((n) => n.metadata?.name ?? '').filter((n) => n !== '');
      probes.nodeLsm = { nodes: Object.fromEntries(nodes.sort().map((n) => [n, { lsms: [], error: why }])) };
    }
    say(why);
  } else if (failure !== undefined) {
    throw failure;
  }
  return { probes, cleanup };
}

async function createNamespace(t: KubeTransport, name: string, allowHostPath: boolean): Promise<void> {
  await t.post(`/api/v1/namespaces`, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        ...PROBE_LABELS,
        'app.kubernetes.io/name': 'havenkit-probe',
        // The node-lsm pods mount /sys/kernel/security read-only (hostPath), which the
        // "baseline" Pod Security level forbids although the pods are not privileged.
        ...(allowHostPath ? { 'pod-security.kubernetes.io/enforce': 'privileged' } : {}),
      },
      annotations: {
        'havenkit.dev/purpose': 'temporary namespace of havenkit active probes; safe to delete',
      },
    },
  });
}

/** What a probe creates inside its namespace, deleted before the namespace itself. */
const PROBE_CHILDREN = [
  { kind: 'pod', plural: 'pods', query: { gracePeriodSeconds: 0 } },
  { kind: 'persistentvolumeclaim', plural: 'persistentvolumeclaims', query: {} },
] as const;

const PROBE_SELECTOR = 'app.kubernetes.io/managed-by=havenkit';

/** Where one run probes: its namespace, the labels of its objects and the stem of their names. */
interface ProbeScope {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly stem: string;
}

/** The label selector of exactly the objects of one run. */
const selectorOf = (scope: ProbeScope): string =>
  Object.entries(scope.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/**
 * Cleanup in an existing namespace: deletes this run's pods (grace 0) and claims, both tried
 * whatever became of the other, and leaves the namespace. A failure names what was left.
 */
async function removeRunObjects(t: KubeTransport, scope: ProbeScope): Promise<ProbeCleanup> {
  const { namespace } = scope;
  const ns = encodeURIComponent(namespace);
  const selector = selectorOf(scope);
  const left: string[] = [];
  const why: string[] = [];
  for (const child of PROBE_CHILDREN) {
    try {
      await t.delete(`/api/v1/namespaces/${ns}/${child.plural}`, { ...child.query, labelSelector: selector });
    } catch (err) {
      if (isNotFound(err)) continue;
      why.push(message(err));
      left.push(...(await leftChildren(t, namespace, child.kind, child.plural, selector)));
    }
  }
  if (why.length === 0) {
    return {
      namespace,
      outcome: 'removed',
      message: `removed the probe objects from namespace ${namespace}`,
    };
  }
  return {
    namespace,
    outcome: 'failed',
    left,
    message: `could not delete the probe objects in namespace ${namespace} (${[...new Set(why)].join('; ')}); left behind: ${left.join(', ')}; delete them with: kubectl delete pods,persistentvolumeclaims --namespace ${namespace} -l ${selector}`,
  };
}

const isNotFound = (err: unknown): boolean => err instanceof ApiException && err.code === 404;

/**
 * Deletes the probe pods (grace 0), claims and the namespace, then waits a little for it to go.
 * Every delete is tried whatever became of the others (a 403 on pods does not keep the namespace),
 * and a failure names exactly what was left. `uncertain`: the create's answer was never seen (an
 * interrupt during it), so a namespace that is not there yet is looked for until `waitMs` passed.
 */
export async function removeNamespace(
  t: KubeTransport,
  namespace: string,
  waitMs: number,
  pollMs: number,
  uncertain = false,
): Promise<ProbeCleanup> {
  const ns = encodeURIComponent(namespace);
  const until = Date.now() + waitMs;
  // Children first: a namespace whose pods never ran (no kubelet, unschedulable) would
  // otherwise wait for their graceful termination.
  const failedChildren: { kind: string; plural: string; error: unknown }[] = [];
  for (const child of PROBE_CHILDREN) {
    try {
      await t.delete(`/api/v1/namespaces/${ns}/${child.plural}`, {
        ...child.query,
        labelSelector: PROBE_SELECTOR,
      });
    } catch (err) {
      if (!isNotFound(err)) failedChildren.push({ ...child, error: err });
    }
  }
  let namespaceError: unknown;
  for (;;) {
    try {
      await t.delete(`/api/v1/namespaces/${ns}`, { propagationPolicy: 'Background' });
      break;
    } catch (err) {
      if (!isNotFound(err)) {
        namespaceError = err;
        break;
      }
      if (!uncertain)
        return { namespace, outcome: 'removed', message: `removed probe namespace ${namespace}` };
      // The create may still be on its way through the API server.
      if (Date.now() >= until) {
        return { namespace, outcome: 'not-created', message: `probe namespace ${namespace} was not created` };
      }
      await sleep(Math.min(pollMs, Math.max(0, until - Date.now())));
    }
  }
  if (namespaceError !== undefined) {
    // The namespace stays, and with it whatever its children deletes could not remove.
    const left = [`namespace/${namespace}`];
    for (const child of failedChildren)
      left.push(...(await leftChildren(t, namespace, child.kind, child.plural, PROBE_SELECTOR)));
    const why = [namespaceError, ...failedChildren.map((c) => c.error)].map(message);
    return {
      namespace,
      outcome: 'failed',
      left,
      message: `could not delete probe namespace ${namespace} (${[...new Set(why)].join('; ')}); left behind: ${left.join(', ')}; delete it with: kubectl delete namespace ${namespace}`,
    };
  }
  for (;;) {
    try {
      await t.get(`/api/v1/namespaces/${ns}`);
    } catch (err) {
      if (isNotFound(err)) {
        return { namespace, outcome: 'removed', message: `removed probe namespace ${namespace}` };
      }
    }
    if (Date.now() >= until) break;
    await sleep(Math.min(pollMs, Math.max(0, until - Date.now())));
  }
  return {
    namespace,
    outcome: 'terminating',
    message: `deleted probe namespace ${namespace} (the cluster is still finalizing it)`,
  };
}

/** The probe objects of one kind still in the namespace, as kind/namespace/name (or the kind, when they cannot be listed). */
async function leftChildren(
  t: KubeTransport,
  namespace: string,
  kind: string,
  plural: string,
  selector: string,
): Promise<string[]> {
  try {
    const list = await t.get<{ items: KubeObject[] }>(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/${plural}`,
      { labelSelector: selector },
      listShape,
    );
    return list.items.map((item) => `${kind}/${namespace}/${item.metadata?.name ?? '?'}`);
  } catch {
    return [`${plural} in namespace/${namespace} (they could not be listed)`];
  }
}

interface PvcStatus {
  items?: {
    metadata?: { name?: string };
    spec?: { storageClassName?: string };
    status?: { phase?: string };
  }[];
}

async function listStorageClasses(t: KubeTransport, inputs: ProbeInputs): Promise<readonly KubeObject[]> {
  if (inputs.storageClasses !== undefined) return inputs.storageClasses;
  const list = await t.get<{ items?: KubeObject[] }>(
    '/apis/storage.k8s.io/v1/storageclasses',
    undefined,
    listShape,
  );
  return list.items ?? [];
}

async function probeRwx(
  t: KubeTransport,
  scope: ProbeScope,
  inputs: ProbeInputs,
  options: ProbeOptions,
  deadline: AbortSignal,
  pollMs: number,
  timeoutMs: number,
): Promise<RwxProbeResult> {
  const started = Date.now();
  const ns = encodeURIComponent(scope.namespace);
  let candidates: { name: string | undefined; waitForFirstConsumer: boolean }[];
  try {
    candidates = rwxCandidates(await listStorageClasses(t, inputs), options.isRwxStorageClass);
  } catch (err) {
    return { outcome: 'error', message: `could not list StorageClasses: ${message(err)}` };
  }
  // No candidate: one claim without a class (the cluster's default, or a pre-provisioned RWX volume).
  if (candidates.length === 0) candidates = [{ name: undefined, waitForFirstConsumer: false }];
  const claims = new Map<string, string | undefined>();
  try {
    for (const [i, c] of candidates.entries()) {
      const claim = `${scope.stem}-rwx-${i}`;
      await t.post(`/api/v1/namespaces/${ns}/persistentvolumeclaims`, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: claim, labels: { ...scope.labels } },
        spec: {
          accessModes: ['ReadWriteMany'],
          resources: { requests: { storage: '1Gi' } },
          ...(c.name !== undefined ? { storageClassName: c.name } : {}),
        },
      });
      claims.set(claim, c.name);
      if (c.waitForFirstConsumer) {
        // Such classes bind only for a pod that uses the claim.
        await t.post(
          `/api/v1/namespaces/${ns}/pods`,
          consumerPod(`${scope.stem}-rwx-consumer-${i}`, claim, scope, options),
        );
      }
    }
  } catch (err) {
    if (deadline.aborted) return { outcome: 'error', message: 'interrupted before the claims were created' };
    return { outcome: 'error', message: `could not create a ReadWriteMany claim: ${message(err)}` };
  }
  const tried = candidates.map((c) => c.name ?? '(default)').join(', ');
  while (!deadline.aborted) {
    try {
      const list = await t.get<PvcStatus>(
        `/api/v1/namespaces/${ns}/persistentvolumeclaims`,
        { labelSelector: selectorOf(scope) },
        listShape,
      );
      // Only this run's claims: an existing namespace may hold others.
      const bound = (list.items ?? []).find(
        (p) => claims.has(p.metadata?.name ?? '') && p.status?.phase === 'Bound',
      );
      if (bound !== undefined) {
        const storageClass = bound.spec?.storageClassName ?? claims.get(bound.metadata?.name ?? '');
        const durationMs = Date.now() - started;
        return {
          outcome: 'bound',
          ...(storageClass !== undefined ? { storageClass } : {}),
          message: `ReadWriteMany claim ${bound.metadata?.name ?? ''} bound${storageClass ? ` (StorageClass ${storageClass})` : ''} in ${(durationMs / 1000).toFixed(1)} s`,
          durationMs,
        };
      }
    } catch (err) {
      if (deadline.aborted) break;
      return { outcome: 'error', message: `could not read the claims: ${message(err)}` };
    }
    await sleep(pollMs, deadline).catch(() => undefined);
  }
  return {
    outcome: 'pending',
    message: `no ReadWriteMany claim bound within ${Math.round(timeoutMs / 1000)} s (StorageClasses tried: ${tried})`,
    durationMs: Date.now() - started,
  };
}

const HARDENED_CONTAINER = {
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: 65534,
  runAsGroup: 65534,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

function consumerPod(name: string, claim: string, scope: ProbeScope, options: ProbeOptions): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { ...scope.labels } },
    spec: {
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      containers: [
        {
          name: 'consumer',
          image: options.image ?? 'busybox:1.36',
          command: ['true'],
          securityContext: HARDENED_CONTAINER,
          resources: { requests: { cpu: '10m', memory: '8Mi' }, limits: { memory: '16Mi' } },
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    },
  };
}

function lsmPod(
  name: string,
  node: string,
  timeoutMs: number,
  scope: ProbeScope,
  options: ProbeOptions,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { ...scope.labels, 'havenkit.dev/probe': 'node-lsm' } },
    spec: {
      // Bound to the node directly: no scheduler decision, and tolerating every taint so that
      // control-plane nodes are read too.
      nodeName: node,
      tolerations: [{ operator: 'Exists' }],
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: 0,
      activeDeadlineSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)),
      containers: [
        {
          name: 'lsm',
          image: options.image ?? 'busybox:1.36',
          command: [
            'sh',
            '-c',
            'cat /host/security/lsm; echo; if [ -d /host/module/lkrg ]; then echo lkrg; fi',
          ],
          securityContext: HARDENED_CONTAINER,
          resources: { requests: { cpu: '10m', memory: '8Mi' }, limits: { memory: '16Mi' } },
          volumeMounts: [
            { name: 'security', mountPath: '/host/security', readOnly: true },
            { name: 'module', mountPath: '/host/module', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'security', hostPath: { path: '/sys/kernel/security', type: 'Directory' } },
        { name: 'module', hostPath: { path: '/sys/module', type: 'Directory' } },
      ],
    },
  };
}

interface PodStatusList {
  items?: {
    metadata?: { name?: string };
    spec?: { nodeName?: string };
    status?: { phase?: string; reason?: string; message?: string };
  }[];
}

async function probeNodeLsm(
  t: KubeTransport,
  scope: ProbeScope,
  inputs: ProbeInputs,
  options: ProbeOptions,
  deadline: AbortSignal,
  pollMs: number,
  timeoutMs: number,
): Promise<NodeLsmProbeResult> {
  const ns = encodeURIComponent(scope.namespace);
  let nodeNames: string[];
  try {
    const nodes =
      inputs.nodes ??
      (await t.get<{ items?: KubeObject[] }>('/api/v1/nodes', undefined, listShape)).items ??
      [];
    nodeNames = nodes
      .map((n) => n.metadata?.name ?? '')
      .filter((n) => n !== '')
      .sort();
  } catch {
    return { nodes: {} };
  }
  const result: NodeLsmProbeResult = { nodes: {} };
  const podOf = new Map<string, string>();
  for (const [i, node] of nodeNames.entries()) {
    const pod = `${scope.stem}-lsm-${i}`;
    try {
      await t.post(`/api/v1/namespaces/${ns}/pods`, lsmPod(pod, node, timeoutMs, scope, options));
      podOf.set(pod, node);
    } catch (err) {
      result.nodes[node] = {
        lsms: [],
        error: deadline.aborted ? 'interrupted' : `could not create the probe pod: ${message(err)}`,
      };
    }
  }
  const lastState = new Map<string, string>();
  while (podOf.size > 0 && !deadline.aborted) {
    try {
      const list = await t.get<PodStatusList>(
        `/api/v1/namespaces/${ns}/pods`,
        { labelSelector: `${selectorOf(scope)},havenkit.dev/probe=node-lsm` },
        listShape,
      );
      for (const p of list.items ?? []) {
        const pod = p.metadata?.name ?? '';
        const node = podOf.get(pod);
        if (node === undefined) continue;
        const phase = p.status?.phase ?? 'Pending';
        lastState.set(pod, [phase, p.status?.reason, p.status?.message].filter(Boolean).join(': '));
        if (phase === 'Succeeded') {
          try {
            const log = await t.request<string>(
              HttpMethod.GET,
              `/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod)}/log`,
              { text: true },
            );
            result.nodes[node] = { lsms: parseLsmOutput(log) };
          } catch (err) {
            result.nodes[node] = { lsms: [], error: `could not read the probe output: ${message(err)}` };
          }
          podOf.delete(pod);
        } else if (phase === 'Failed') {
          result.nodes[node] = { lsms: [], error: `probe pod failed (${lastState.get(pod) ?? phase})` };
          podOf.delete(pod);
        }
      }
    } catch (err) {
      if (deadline.aborted) break;
      for (const node of podOf.values())
        result.nodes[node] = { lsms: [], error: `could not read the probe pods: ${message(err)}` };
      podOf.clear();
      break;
    }
    if (podOf.size > 0) await sleep(pollMs, deadline).catch(() => undefined);
  }
  for (const [pod, node] of podOf) {
    result.nodes[node] = {
      lsms: [],
      error: `timed out after ${Math.round(timeoutMs / 1000)} s (pod ${lastState.get(pod) ?? 'Pending'})`,
    };
  }
  return { nodes: Object.fromEntries(Object.entries(result.nodes).sort(([a], [b]) => a.localeCompare(b))) };
}
