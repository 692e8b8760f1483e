import { request } from 'node:https';
import type { RequestOptions } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

/** A manifest: what the API stores, typed only as far as the seeder needs. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; uid?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** An API call that answered with a non-2xx status, with the API server's own Status message. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly reason: string,
    readonly apiMessage: string,
  ) {
    super(`${method} ${path}: HTTP ${status} ${reason}: ${apiMessage}`);
    this.name = 'ApiError';
  }
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/**
 * A minimal JSON client for one kubeconfig: @kubernetes/client-node loads the kubeconfig and supplies the TLS
 * options; requests go through node:https so that any resource, subresource and patch type can be reached
 * generically. Every error is translated here, into ApiError.
 */
export class RestClient {
  private readonly discovery = new Map<string, Promise<ApiResource[]>>();

  private constructor(
    readonly server: URL,
    private readonly tls: RequestOptions,
  ) {}

  static async fromKubeconfig(path: string): Promise<RestClient> {
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error(`kubeconfig ${path} has no current cluster`);
    const tls: RequestOptions = {};
    await kc.applyToHTTPSOptions(tls);
    return new RestClient(new URL(cluster.server), tls);
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (payload !== undefined) headers['Content-Type'] = contentType;
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        new URL(path, this.server),
        { ...this.tls, method, headers, timeout: 30_000 },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out after 30s`)));
      req.on('error', reject);
      req.end(payload);
    });
    if (status >= 200 && status < 300) return (text ? JSON.parse(text) : undefined) as T;
    let reason = '';
    let message = text;
    try {
      const parsed = JSON.parse(text) as { reason?: string; message?: string };
      reason = parsed.reason ?? '';
      message = parsed.message ?? text;
    } catch {
      // not a Status object: keep the raw text
    }
    throw new ApiError(method, path, status, reason, message);
  }

  /**
   * The REST path of a resource (collection if `name` is omitted), found through discovery:
   * e.g. `/apis/apps/v1/namespaces/logging/daemonsets/fluent-bit`.
   */
  async resourcePath(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string> {
    const resource = (await this.resources(apiVersion)).find((r) => r.kind === kind && !r.name.includes('/'));
    if (!resource) throw new Error(`the API server does not serve kind ${kind} in ${apiVersion}`);
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    if (resource.namespaced && !namespace)
      throw new Error(`${kind} ${name ?? ''} is namespaced: give a namespace`);
    const ns = resource.namespaced ? `/namespaces/${namespace}` : '';
    return `${base}${ns}/${resource.name}${name ? `/${name}` : ''}`;
  }

  /** Forgets discovery for an API version (after a CRD for it was created). */
  forget(apiVersion: string): void {
    this.discovery.delete(apiVersion);
  }

  private resources(apiVersion: string): Promise<ApiResource[]> {
    let cached = this.discovery.get(apiVersion);
    if (!cached) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      cached = this.request<{ resources: ApiResource[] }>('GET', path).then((list) => list.resources);
      cached.catch(() => this.discovery.delete(apiVersion));
      this.discovery.set(apiVersion, cached);
    }
    return cached;
  }
}
