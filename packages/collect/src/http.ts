import { request as httpRequest } from 'node:http';
import type { Agent, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip, createInflate } from 'node:zlib';
import type { RequestContext } from '@kubernetes/client-node';
import { TruncatedBodyError } from './errors.js';

/** One HTTP answer, read to its end. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

/**
 * Sends client-node's request context (URL, headers, body, signal and the agent that carries the
 * kubeconfig's TLS material) with node:http(s), and reads the whole body. Unlike client-node's
 * node-fetch library it rejects when the connection closes before the body is complete (before
 * its Content-Length, or before the last chunk): node-fetch's promise then never settles, and the
 * process exited 13 without a word. Redirects are not followed, so credentials never go elsewhere.
 */
export interface SendOptions {
  /** The agent to send with instead of the context's (a pooled keep-alive one, agents.ts). */
  readonly agent?: unknown;
  /** Ask for a gzip-compressed answer. @default true */
  readonly compress?: boolean;
}

export function send(context: RequestContext, options: SendOptions = {}): Promise<HttpAnswer> {
  const url = new URL(context.getUrl());
  const agent = options.agent ?? context.getAgent();
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  const body = context.getBody();
  const payload = typeof body === 'string' ? body : undefined;
  const signal = context.getSignal();
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = request(
      url,
      {
        method: context.getHttpMethod(),
        headers: {
          // The API server compresses large answers when asked (not worth it on loopback).
          ...(options.compress !== false ? { 'Accept-Encoding': 'gzip' } : {}),
          ...context.getHeaders(),
          ...(payload !== undefined ? { 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
        },
        ...(agent !== undefined ? { agent: agent as Agent } : {}),
        ...(signal !== undefined ? { signal } : {}),
      },
      (res) => readBody(res, `${context.getHttpMethod()} ${url.pathname}`).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function readBody(res: IncomingMessage, what: string): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const expected = headers['content-length'] !== undefined ? Number(headers['content-length']) : undefined;
    let received = 0;
    res.on('data', (chunk: Buffer) => (received += chunk.length));
    // The raw body is complete only when the parser saw its end; 'close' without it is a cut-off body.
    res.on('close', () => {
      if (!res.complete) reject(new TruncatedBodyError(what, received, expected));
    });
    res.on('error', (err) => {
      if (!res.complete) reject(new TruncatedBodyError(what, received, expected, err));
      else reject(err);
    });
    const decoded = decode(res, headers['content-encoding']);
    const chunks: Buffer[] = [];
    decoded.on('data', (chunk: Buffer) => chunks.push(chunk));
    decoded.on('error', (err) => {
      reject(res.complete ? err : new TruncatedBodyError(what, received, expected, err));
    });
    decoded.on('end', () => {
      if (!res.complete) return; // 'close' rejects
      resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

function decode(res: IncomingMessage, encoding: string | undefined): NodeJS.ReadableStream {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip());
    case 'deflate':
      return res.pipe(createInflate());
    default:
      return res;
  }
}
