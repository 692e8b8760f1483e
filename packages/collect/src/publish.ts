/**
 * `--publish`: the one write of havenkit that is not a probe's — the report, written to named
 * objects of the cluster it is about (a ConfigMap with the json report, a ClusterPolicyReport or an
 * OpenReports ClusterReport), so that dashboards (Policy Reporter, kubectl get) see it. Only when
 * asked for, only the objects named, and never an object someone else owns: an existing object
 * without havenkit's managed-by label is left alone with an error.
 */
import { ApiException, HttpMethod } from '@kubernetes/client-node';
import { gzipSync } from 'node:zlib';
import { KubeError } from './errors.js';
import { loadKubeconfig } from './kubeconfig.js';
import { KubeTransport } from './transport.js';

/** The label every published object carries; an object without it is not replaced. */
export const PUBLISH_LABELS = { 'app.kubernetes.io/managed-by': 'havenkit' } as const;

/** What a ConfigMap may hold (the API server's limit is 1 MiB for the whole object; keep room for metadata). */
export const CONFIGMAP_LIMIT_BYTES = 1_000_000;

/** One object to write: where it lives and its whole content (metadata.name/namespace are set from here). */
export interface PublishedObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** The resource's plural, e.g. configmaps. */
  readonly plural: string;
  readonly name: string;
  /** Absent for cluster-scoped kinds. */
  readonly namespace?: string;
  readonly body: Record<string, unknown>;
}

export interface PublishOptions {
  readonly kubeconfigPath?: string;
  readonly context?: string;
  readonly requestTimeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

export interface PublishOutcome {
  readonly object: string;
  readonly action: 'created' | 'replaced';
}

/** The exit code of a report that was made but could not be published (the CLI's ExitCode.PublishFailed). */
export const PUBLISH_FAILED_EXIT_CODE = 12;

/** A publish that failed: the report exists (files, stdout); the cluster did not take it. */
export class PublishError extends Error {
  readonly exitCode = PUBLISH_FAILED_EXIT_CODE;
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'PublishError';
  }
}

/** "ConfigMap havenkit/havenkit-report", "ClusterPolicyReport havenkit". */
export const objectText = (o: Pick<PublishedObject, 'kind' | 'name' | 'namespace'>): string =>
  `${o.kind} ${o.namespace !== undefined ? `${o.namespace}/` : ''}${o.name}`;

function collectionPath(o: PublishedObject): string {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  const base = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
  return o.namespace !== undefined ? `${base}/namespaces/${o.namespace}/${o.plural}` : `${base}/${o.plural}`;
}

/** The API server's own words for a refused request: the Status message, else the status code. */
function reason(err: unknown): string {
  if (err instanceof ApiException) {
    try {
      const status = JSON.parse(String(err.body)) as { message?: unknown };
      if (typeof status.message === 'string' && status.message !== '')
        return `${err.code}: ${status.message}`;
    } catch {
      // not a Status object
    }
    return `HTTP ${err.code}`;
  }
  return err instanceof Error ? err.message : String(err);
}

const isStatus = (err: unknown, code: number): boolean => err instanceof ApiException && err.code === code;

/**
 * A ConfigMap holding one report file: as text, or gzip-compressed in binaryData when the text
 * would not fit (a large cluster's json report). Throws PublishError when even that does not fit.
 */
export function reportConfigMap(
  name: string,
  namespace: string,
  fileName: string,
  text: string,
  annotations: Readonly<Record<string, string>> = {},
): PublishedObject {
  const metadata = { name, namespace, labels: { ...PUBLISH_LABELS }, annotations: { ...annotations } };
  let content: Record<string, unknown>;
  if (Buffer.byteLength(text) <= CONFIGMAP_LIMIT_BYTES) {
    content = { data: { [fileName]: text } };
  } else {
    const gzipped = gzipSync(text, { level: 9 }).toString('base64');
    if (gzipped.length > CONFIGMAP_LIMIT_BYTES) {
      throw new PublishError(
        `--publish configmap: ${fileName} is ${Buffer.byteLength(text)} bytes, ${gzipped.length} compressed; a ConfigMap holds at most 1 MiB: write it to a file instead (--out-dir on a volume)`,
      );
    }
    content = { binaryData: { [`${fileName}.gz`]: gzipped } };
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    name,
    namespace,
    body: { apiVersion: 'v1', kind: 'ConfigMap', metadata, ...content },
  };
}

interface ExistingMetadata {
  readonly resourceVersion?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly ownerReferences?: unknown[];
  readonly finalizers?: string[];
}

/**
 * The metadata a replace sends: what others added to the object (labels, annotations, owners,
 * finalizers) kept, havenkit's own labels and annotations over them, and the resourceVersion read
 * (so a concurrent change is a conflict, never lost).
 */
export function keptMetadata(
  existing: ExistingMetadata,
  ours: Record<string, unknown> & {
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  },
): Record<string, unknown> {
  return {
    ...ours,
    labels: { ...(existing.labels ?? {}), ...(ours.labels ?? {}) },
    annotations: { ...(existing.annotations ?? {}), ...(ours.annotations ?? {}) },
    ...(existing.ownerReferences !== undefined ? { ownerReferences: existing.ownerReferences } : {}),
    ...(existing.finalizers !== undefined ? { finalizers: existing.finalizers } : {}),
    ...(existing.resourceVersion !== undefined ? { resourceVersion: existing.resourceVersion } : {}),
  };
}

/** The namespace a pod runs in (its service account's), when havenkit runs in a pod. */
export function podNamespace(
  readFile: (file: string) => string | undefined,
  file = '/var/run/secrets/kubernetes.io/serviceaccount/namespace',
): string | undefined {
  const text = readFile(file)?.trim();
  return text !== undefined && text !== '' ? text : undefined;
}

/**
 * Writes the objects, in order: a new object is created, an existing one that havenkit manages is
 * replaced (its resourceVersion taken, so a concurrent change is a conflict, retried once). A kind
 * the cluster does not serve (no PolicyReport CRD), a refusal (403), or an object that is not
 * havenkit's stop the publishing with a PublishError naming the object; what was written before
 * stays written and is named in the message.
 */
export async function publishObjects(
  objects: readonly PublishedObject[],
  options: PublishOptions = {},
): Promise<PublishOutcome[]> {
  const done: PublishOutcome[] = [];
  let transport: KubeTransport | undefined;
  const fail = (o: PublishedObject, why: string): never => {
    const written = done.length > 0 ? ` (written before: ${done.map((d) => d.object).join(', ')})` : '';
    throw new PublishError(`--publish: cannot write ${objectText(o)}: ${why}${written}`);
  };
  try {
    const loaded = loadKubeconfig({
      ...(options.kubeconfigPath !== undefined ? { kubeconfigPath: options.kubeconfigPath } : {}),
      ...(options.context !== undefined ? { context: options.context } : {}),
      ...(options.env !== undefined ? { env: options.env } : {}),
    });
    const client = new KubeTransport(loaded.kubeConfig, {
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });
    transport = client;
    for (const o of objects) {
      const path = collectionPath(o);
      const body = {
        ...o.body,
        metadata: {
          ...(o.body.metadata as Record<string, unknown> | undefined),
          name: o.name,
          ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
        },
      };
      for (let attempt = 1; ; attempt++) {
        let existing: { metadata?: ExistingMetadata } | undefined;
        try {
          existing = await client.get(`${path}/${o.name}`);
        } catch (err) {
          if (err instanceof KubeError) throw err;
          if (!isStatus(err, 404)) fail(o, reason(err));
          // 404: no such object — or no such kind. The group's discovery tells them apart.
          if (o.apiVersion.includes('/')) {
            const served = await client
              .get<{ resources?: { name?: string }[] }>(`/apis/${o.apiVersion}`)
              .catch(() => undefined);
            if (!served?.resources?.some((r) => r.name === o.plural)) {
              fail(
                o,
                `the cluster does not serve ${o.plural}.${o.apiVersion}: install its CustomResourceDefinition, or leave it out of --publish`,
              );
            }
          }
        }
        try {
          if (existing === undefined) {
            await client.post(path, body);
            done.push({ object: objectText(o), action: 'created' });
          } else {
            if (existing.metadata?.labels?.['app.kubernetes.io/managed-by'] !== 'havenkit') {
              fail(
                o,
                "it exists and is not havenkit's (no label app.kubernetes.io/managed-by=havenkit); not replaced",
              );
            }
            await client.request(HttpMethod.PUT, `${path}/${o.name}`, {
              body: { ...body, metadata: keptMetadata(existing.metadata ?? {}, body.metadata) },
            });
            done.push({ object: objectText(o), action: 'replaced' });
          }
          break;
        } catch (err) {
          if (err instanceof PublishError || err instanceof KubeError) throw err;
          // 409: created or changed by someone else between our read and write; read again, once.
          if (isStatus(err, 409) && attempt === 1) continue;
          fail(o, reason(err));
        }
      }
    }
  } catch (err) {
    if (err instanceof PublishError) throw err;
    // Unreachable, bad credentials, anything: the report itself stands; its publishing failed (exit 12).
    throw new PublishError(`--publish: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    transport?.close();
  }
  return done;
}
