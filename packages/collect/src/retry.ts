/** How often and how patiently the collector retries one request. */
export interface RetryPolicy {
  /** Attempts in total, the first included. @default 4 */
  readonly maxAttempts: number;
  /** Delay before the first retry; doubled for every further one. @default 250 */
  readonly baseDelayMs: number;
  /** Upper bound of one backoff delay (a server's Retry-After is honoured up to maxRetryAfterMs). @default 8000 */
  readonly maxDelayMs: number;
  /** Upper bound of a server-requested Retry-After delay. @default 30000 */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** What went wrong with one attempt, as far as the retry decision cares. */
export type AttemptFailure =
  { kind: 'status'; status: number; retryAfter?: string } | { kind: 'transport' } | { kind: 'timeout' };

/** HTTP statuses worth another attempt: throttling and transient server errors (501 is permanent). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Parses a Retry-After header: delta-seconds or an HTTP date. Returns milliseconds, or undefined. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return undefined;
}

/**
 * Decides whether to retry after `attempt` (1-based) failed, and how long to wait first.
 * Returns the delay in milliseconds, or undefined to give up. Backoff is exponential with
 * "equal jitter" (half fixed, half random) so that parallel requests spread out; a server's
 * Retry-After (429/503) replaces the computed delay.
 */
export function retryDelay(
  attempt: number,
  failure: AttemptFailure,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  if (failure.kind === 'status' && !isRetryableStatus(failure.status)) return undefined;
  if (failure.kind === 'status') {
    const requested = parseRetryAfter(failure.retryAfter);
    if (requested !== undefined) return Math.min(requested, policy.maxRetryAfterMs);
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Sleeps, waking early (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
