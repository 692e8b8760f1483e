import { Agent, request } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AdminCredentials } from './cluster.js';

/** A non-2xx answer, with the API server's Status message. */
export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    let message = body;
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      // not a Status: keep the text
    }
    super(`${method} ${path}: HTTP ${status}: ${message.slice(0, 2_000)}`);
    this.name = 'HttpError';
  }
}

/**
 * The seeder's client: node:https over a keep-alive Agent (at most `maxSockets` connections, requests beyond
 * them queue in the agent), the admin client certificate, JSON bodies. 429, 5xx and dropped connections are
 * retried a few times; anything else non-2xx throws HttpError.
 */
export class ApiClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(
    private readonly admin: AdminCredentials,
    maxSockets = 16,
  ) {
    this.agent = new Agent({
      keepAlive: true,
      maxSockets,
      ca: admin.ca,
      cert: admin.cert,
      key: admin.key,
    });
    this.base = new URL(admin.server);
  }

  get(path: string): Promise<string> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown, fieldManager?: string): Promise<string> {
    return this.request('POST', withManager(path, fieldManager), body);
  }

  /** Merge-patch; for a status subresource `path` ends in /status. */
  patch(path: string, body: unknown, fieldManager?: string): Promise<string> {
    return this.request('PATCH', withManager(path, fieldManager), body, 'application/merge-patch+json');
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<string> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    for (let attempt = 1; ; attempt++) {
      try {
        const { status, text } = await this.once(method, path, payload, contentType);
        if (status >= 200 && status < 300) return text;
        if ((status === 429 || status >= 500) && attempt < 5) {
          await sleep(200 * attempt);
          continue;
        }
        throw new HttpError(method, path, status, text);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (!(err instanceof HttpError) && attempt < 5 && (code === 'ECONNRESET' || code === 'EPIPE')) {
          await sleep(200 * attempt);
          continue;
        }
        throw err;
      }
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private once(
    method: string,
    path: string,
    payload: string | undefined,
    contentType: string,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'User-Agent': 'havenkit-scale-seed',
      };
      if (payload !== undefined) {
        headers['Content-Type'] = contentType;
        headers['Content-Length'] = String(Buffer.byteLength(payload));
      }
      const req = request(
        new URL(path, this.base),
        { method, headers, agent: this.agent, timeout: 120_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 120 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function withManager(path: string, fieldManager: string | undefined): string {
  if (fieldManager === undefined) return path;
  return `${path}${path.includes('?') ? '&' : '?'}fieldManager=${encodeURIComponent(fieldManager)}`;
}

/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; rejects with the first error (the
 * others still in flight are awaited first, so nothing runs on afterwards).
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      const i = next++;
      if (i >= count) return;
      try {
        await task(i);
      } catch (err) {
        failure ??= err;
        return;
      }
      done++;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure !== undefined) throw failure;
}
