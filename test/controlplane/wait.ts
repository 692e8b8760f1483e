import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ManagedProcess } from './process.js';
import { sleep, tailLog } from './process.js';

/** Client TLS material for probing an HTTPS endpoint (file paths). */
export interface ProbeTls {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

/** One GET; resolves with the status code and body, or rejects on a connection error. */
export function get(url: string, tls?: ProbeTls): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  const options = tls
    ? { ca: readFileSync(tls.ca), cert: readFileSync(tls.cert), key: readFileSync(tls.key), timeout: 5_000 }
    : { timeout: 5_000 };
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(u, { ...options, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. A failure names the endpoint,
 * the last answer and the tail of the process's log.
 */
export async function waitUntilReady(
  what: string,
  proc: ManagedProcess,
  url: string,
  opts: { tls?: ProbeTls; timeoutMs: number; accept?: (body: string) => boolean },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (proc.hasExited()) {
      throw new Error(
        `${what} exited (${await proc.exited}) before ${url} was ready. Log ${proc.logFile}:\n${tailLog(proc.logFile)}`,
      );
    }
    try {
      const res = await get(url, opts.tls);
      if (res.status === 200 && (opts.accept ?? (() => true))(res.body)) return;
      last = `HTTP ${res.status}: ${res.body.slice(0, 2_000)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(200);
  }
  throw new Error(
    `${what} not ready at ${url} within ${opts.timeoutMs / 1000}s (last: ${last}). Log ${proc.logFile}:\n${tailLog(proc.logFile)}`,
  );
}
