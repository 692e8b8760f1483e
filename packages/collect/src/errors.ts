import { ApiException } from '@kubernetes/client-node';
import type { ResourceError } from '@havenkit/model';

/** Exit codes the collector's fatal errors carry (the CLI names the same numbers in exit-codes.ts). */
export const KubeExitCode = {
  /** Bad input: no kubeconfig, unknown context, unusable credentials (naming the kubeconfig field). */
  BadInput: 3,
  /** The API server could not be reached, cut off its answers, or is not a Kubernetes API server. */
  Unreachable: 4,
} as const;
export type KubeExitCode = (typeof KubeExitCode)[keyof typeof KubeExitCode];

/**
 * A fatal collection error: one line saying what was wrong and where, with the exit code the
 * CLI uses. Everything that is not fatal (a forbidden list, an unserved group) is recorded in
 * the snapshot as a ResourceError instead.
 */
export class KubeError extends Error {
  constructor(
    message: string,
    readonly exitCode: KubeExitCode,
  ) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'KubeError';
  }

  static badInput(message: string): KubeError {
    return new KubeError(message, KubeExitCode.BadInput);
  }

  static unreachable(message: string): KubeError {
    return new KubeError(message, KubeExitCode.Unreachable);
  }
}

/** Thrown when the caller's AbortSignal fired (Ctrl-C, SIGTERM, a test). */
export class CollectAbortedError extends Error {
  constructor(message = 'collection aborted') {
    super(message);
    this.name = 'CollectAbortedError';
  }
}

/**
 * A body that ended before it was complete (before its Content-Length or its last chunk): a
 * transport error, retried like a reset connection.
 */
export class TruncatedBodyError extends Error {
  readonly code = 'ERR_BODY_TRUNCATED';

  constructor(what: string, received: number, expected: number | undefined, cause?: unknown) {
    super(
      expected !== undefined && Number.isFinite(expected)
        ? `${what}: the answer ended after ${received} of ${expected} bytes (Content-Length)`
        : `${what}: the answer ended after ${received} bytes, before its last chunk`,
      cause !== undefined ? { cause } : undefined,
    );
    this.name = 'TruncatedBodyError';
  }
}

/**
 * A list whose pagination does not end: the server sent a continue token it sent before, or more
 * pages than maxPages. Recorded as an error of the resource, never followed for ever.
 */
export class EndlessListError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'EndlessListError';
  }
}

/**
 * A 2xx answer that is not what the request asked for: an empty body, text that is not JSON, the
 * wrong shape, or a `kind: Status` failure. It is an error of that resource (never "nothing there",
 * never "denied"); `fromStatus` marks one taken from a Kubernetes Status object.
 */
export class UnexpectedAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly fromStatus = false,
  ) {
    super(oneLine(message));
    this.name = 'UnexpectedAnswerError';
  }
}

/** Standard reasons for HTTP statuses whose body carries no Kubernetes Status. */
const REASON_BY_STATUS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** Transport error codes that mean "the server is not there" rather than "it answered badly". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** TLS verification failures: the server answered, but not with a certificate the kubeconfig trusts. */
const TLS_VERIFY_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** True when the server's certificate was not trusted (a kubeconfig problem: wrong CA or server name). */
export function isTlsVerificationError(err: unknown): boolean {
  const code = transportCode(err);
  return code !== undefined && TLS_VERIFY_CODES.has(code);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Parses the body of an unexpected status. client-node 1.x puts the raw response text in
 * `ApiException.body`; the API server usually sends a `Status` object. The one place that
 * reads it.
 */
export function parseStatusBody(body: unknown): { reason?: string; message?: string } {
  let value: unknown = body;
  if (typeof body === 'string') {
    const text = body.trim();
    if (text === '') return {};
    try {
      value = JSON.parse(text);
    } catch {
      return { message: oneLine(text).slice(0, 300) };
    }
  }
  if (value !== null && typeof value === 'object') {
    const status = value as { reason?: unknown; message?: unknown };
    return {
      ...(typeof status.reason === 'string' && status.reason !== '' ? { reason: status.reason } : {}),
      ...(typeof status.message === 'string' && status.message !== ''
        ? { message: oneLine(status.message) }
        : {}),
    };
  }
  return {};
}

/** The system error code of a transport failure (node-fetch wraps it in FetchError.code / errno). */
export function transportCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; errno?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && e.code !== '') return e.code;
    if (typeof e.errno === 'string' && e.errno !== '') return e.errno;
    current = e.cause;
  }
  return undefined;
}

/** True when the error is a timeout of one request (our AbortSignal.timeout fired). */
export function isTimeoutError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'TimeoutError' ||
    (err.name === 'AbortError' && /timeout|timed out/i.test(String((err as { cause?: unknown }).cause ?? '')))
  );
}

/** True when nothing answered: connection refused, DNS failure, reset, TLS failure, timeout. */
export function isTransportError(err: unknown): boolean {
  if (err instanceof ApiException || err instanceof UnexpectedAnswerError) return false;
  if (err instanceof TruncatedBodyError) return true;
  if (!(err instanceof Error)) return false;
  if (isTimeoutError(err)) return true;
  if (err.name === 'FetchError' || err.name === 'AbortError') return true;
  const code = transportCode(err);
  return (
    code !== undefined && (UNREACHABLE_CODES.has(code) || code.startsWith('ERR_TLS') || code.includes('CERT'))
  );
}

/**
 * Translates any error of a request into the snapshot's ResourceError: the HTTP status and the
 * Kubernetes Status reason/message for API errors, code 0 with reason Unreachable/Timeout for
 * transport errors.
 */
export function toResourceError(err: unknown): ResourceError {
  if (err instanceof UnexpectedAnswerError) {
    return { code: err.status, reason: err.reason, message: err.message };
  }
  if (err instanceof TruncatedBodyError) {
    return { code: 0, reason: 'TruncatedBody', message: err.message };
  }
  if (err instanceof EndlessListError) {
    return { code: 0, reason: 'EndlessList', message: err.message };
  }
  if (err instanceof ApiException) {
    const code = typeof err.code === 'number' ? err.code : 0;
    const parsed = parseStatusBody(err.body);
    const reason = parsed.reason ?? REASON_BY_STATUS[code] ?? (code >= 500 ? 'InternalError' : 'Unknown');
    const message = parsed.message ?? `the API server answered HTTP ${code}`;
    return { code, reason, message };
  }
  if (isTimeoutError(err)) {
    return { code: 0, reason: 'Timeout', message: 'the request timed out' };
  }
  if (err instanceof Error) {
    const code = transportCode(err);
    const reason = isTransportError(err) ? 'Unreachable' : 'ClientError';
    const message = oneLine(err.message) || (code ?? 'unknown error');
    return {
      code: 0,
      reason,
      message: code !== undefined && !message.includes(code) ? `${code}: ${message}` : message,
    };
  }
  return { code: 0, reason: 'ClientError', message: oneLine(String(err)) };
}

/** A short human description of a ResourceError, for one-line messages. */
export function describeResourceError(error: ResourceError): string {
  return error.code > 0
    ? `${error.code} ${error.reason}: ${error.message}`
    : `${error.reason}: ${error.message}`;
}
