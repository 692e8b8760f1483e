import { ApiException, HttpMethod, RequestContext } from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import { parseAnswer } from './answers.js';
import type { AnswerShape } from './answers.js';
import { carriesCredentials, credentialKind, namesCredentials } from './credentials.js';
import { CollectAbortedError, KubeError, isTimeoutError, isTransportError } from './errors.js';
import { AgentPool, isLoopbackServer } from './agents.js';
import { send } from './http.js';
import { isSecretPath } from './names.js';
import { DEFAULT_RETRY_POLICY, retryDelay, sleep } from './retry.js';
import type { AttemptFailure, RetryPolicy } from './retry.js';

export interface TransportOptions {
  /** Timeout of one attempt of one request. @default 30000 */
  readonly requestTimeoutMs?: number;
  /** @default DEFAULT_RETRY_POLICY */
  readonly retry?: Partial<RetryPolicy>;
  /** Aborts every request in flight and every backoff sleep. */
  readonly signal?: AbortSignal;
  /** Injected for tests. @default Math.random */
  readonly random?: () => number;
  /** Keep-alive connections, shared by every copy made with withSignal. @default a new pool */
  readonly agents?: AgentPool;
}

export interface RequestOptions {
  readonly query?: Record<string, string | number | undefined>;
  readonly body?: unknown;
  /**
   * Retry on 5xx and transport errors too. True for reads and for requests that persist
   * nothing (access reviews); creates retry only on 429, which the server rejected unprocessed.
   * @default true for GET and DELETE, false otherwise
   */
  readonly idempotent?: boolean;
  /** Return the body as text instead of parsing JSON (pod logs). @default false */
  readonly text?: boolean;
  /** What a well-formed answer looks like; any other 2xx answer is thrown as UnexpectedAnswerError. */
  readonly shape?: AnswerShape;
  /** Told the length of a 2xx answer's body (characters) before it is parsed: list pages sized by weight. */
  readonly onBody?: (length: number) => void;
}

/**
 * The collector's HTTP client: client-node's request context (so every kubeconfig auth method
 * works), sent by http.ts (which notices a cut-off body), plus what the generated clients lack: a
 * timeout per attempt, retries with backoff for 429/5xx/transport errors honouring Retry-After,
 * a guard that refuses to read Secrets, and one that refuses to send a request without the
 * credentials the kubeconfig names. Non-2xx answers are thrown as client-node's ApiException with
 * the raw body text, like the generated clients do; a 2xx answer that is not what was asked for
 * (answers.ts) as UnexpectedAnswerError; errors.ts translates both.
 */
export class KubeTransport {
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly random: () => number;
  private readonly agents: AgentPool;
  private readonly compress: boolean;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly options: TransportOptions = {},
  ) {
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
    this.agents = options.agents ?? new AgentPool(8);
    this.compress = !isLoopbackServer(this.server);
  }

  /** Closes the kept-alive connections (they never keep the process alive, but a library caller may want them gone). */
  close(): void {
    this.agents.destroy();
  }

  /** The same client with another abort signal (probe cleanup must outlive an aborted probe). */
  withSignal(signal: AbortSignal | undefined, requestTimeoutMs?: number): KubeTransport {
    return new KubeTransport(this.kubeConfig, {
      ...this.options,
      agents: this.agents,
      signal,
      ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    });
  }

  get server(): string {
    return (this.kubeConfig.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
  }

  async get<T>(path: string, query?: RequestOptions['query'], shape?: AnswerShape): Promise<T> {
    return this.request<T>(HttpMethod.GET, path, { query, ...(shape !== undefined ? { shape } : {}) });
  }

  async post<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>(HttpMethod.POST, path, { ...options, body });
  }

  async delete<T>(path: string, query?: RequestOptions['query'], body?: unknown): Promise<T> {
    return this.request<T>(HttpMethod.DELETE, path, { query, body });
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    if (isSecretPath(path)) {
      // The one guard every request passes: the checker must never see Secret data.
      throw new Error(`refusing to request ${path}: havenkit never reads Secrets`);
    }
    const idempotent = options.idempotent ?? (method === HttpMethod.GET || method === HttpMethod.DELETE);
    for (let attempt = 1; ; attempt++) {
      this.throwIfAborted();
      let failure: AttemptFailure;
      let error: unknown;
      try {
        return await this.attempt<T>(method, path, options);
      } catch (err) {
        if (err instanceof KubeError || err instanceof CollectAbortedError) throw err;
        if (this.options.signal?.aborted) throw new CollectAbortedError();
        error = err;
        if (err instanceof ApiException) {
          failure = { kind: 'status', status: err.code, retryAfter: headerValue(err.headers, 'retry-after') };
        } else if (isTimeoutError(err)) {
          failure = { kind: 'timeout' };
        } else if (isTransportError(err)) {
          failure = { kind: 'transport' };
        } else {
          throw err;
        }
      }
      const retryable = idempotent || (failure.kind === 'status' && failure.status === 429);
      const delay = retryable ? retryDelay(attempt, failure, this.policy, this.random) : undefined;
      if (delay === undefined) throw error;
      await sleep(delay, this.options.signal).catch(() => {
        throw new CollectAbortedError();
      });
    }
  }

  private throwIfAborted(): void {
    if (this.options.signal?.aborted) throw new CollectAbortedError();
  }

  private async attempt<T>(method: HttpMethod, path: string, options: RequestOptions): Promise<T> {
    const context = new RequestContext(`${this.server}${path}`, method);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') context.setQueryParam(name, String(value));
    }
    context.setHeaderParam('Accept', 'application/json');
    context.setHeaderParam('User-Agent', 'havenkit-checker');
    if (options.body !== undefined) {
      context.setHeaderParam('Content-Type', 'application/json');
      context.setBody(JSON.stringify(options.body));
    }
    try {
      await this.kubeConfig.applySecurityAuthentication(context);
    } catch (err) {
      if (err instanceof KubeError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      throw KubeError.badInput(
        `cannot use the credentials of context "${this.kubeConfig.getCurrentContext()}": ${message}`,
      );
    }
    const user = this.kubeConfig.getCurrentUser();
    if (user !== null && namesCredentials(user) && !carriesCredentials(context)) {
      // client-node skips a credential it cannot apply without a word; the request would go out anonymous.
      throw KubeError.badInput(
        `user "${user.name}" (context "${this.kubeConfig.getCurrentContext()}"): ${credentialKind(user)}: gave neither a token nor a client certificate; havenkit sends no request without the credentials the kubeconfig names`,
      );
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    context.setSignal(this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout);
    let status: number;
    let headers: Record<string, string>;
    let text: string;
    try {
      ({ status, headers, text } = await send(context, {
        agent: this.agents.reuse(context.getAgent()),
        compress: this.compress,
      }));
    } catch (err) {
      if (timeout.aborted && !this.options.signal?.aborted) {
        const timeoutError = new Error(`the request timed out after ${this.timeoutMs} ms`);
        timeoutError.name = 'TimeoutError';
        throw timeoutError;
      }
      throw err;
    }
    if (status < 200 || status > 299) {
      throw new ApiException<string>(status, `HTTP ${status} for ${method} ${path}`, text, headers);
    }
    options.onBody?.(text.length);
    if (options.text) return text as T;
    return parseAnswer(text, { method, path, status }, options.shape) as T;
  }
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
