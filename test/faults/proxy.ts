/**
 * A fault-injecting HTTPS proxy in front of the real kube-apiserver of the test control plane. It terminates TLS
 * with the API server's own serving certificate (SANs 127.0.0.1, localhost), so a kubeconfig that trusts the
 * cluster trusts the proxy too, and forwards every request upstream under the client's own identity: a client
 * certificate signed by the run's CA is impersonated (through the admin certificate), a bearer token is passed on,
 * and a request without credentials goes upstream anonymous. Per request path (and method) a fault can answer a
 * fixed status and body, truncate the upstream body before its Content-Length, delay, or reset the connection.
 * Every request is recorded with the identity it came with.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { controlPlane } from '../controlplane/index.js';
import { createServer, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { Pki } from '../controlplane/pki.js';

/** What a fault does to a matching request. */
export type FaultAction =
  /** Answer this status and body without asking the API server (an object is sent as JSON). */
  | {
      readonly respond: {
        readonly status: number;
        readonly body?: string | object;
        readonly contentType?: string;
      };
    }
  /** Forward, then send the API server's status, headers and Content-Length, but only the first bytes of its body. */
  | { readonly truncate: { readonly keepBytes?: number } }
  /** Wait, then forward (or apply `then`). */
  | { readonly delayMs: number; readonly then?: FaultAction }
  /** Destroy the connection without answering. */
  | { readonly reset: true };

export interface Fault {
  /** The request path without the query: exactly this string, or matching this expression. */
  readonly path: string | RegExp;
  /** @default any method */
  readonly method?: string;
  /** Only the first n matching requests; later ones pass through. @default every one */
  readonly times?: number;
  readonly action: FaultAction;
}

/** Who a request came as. */
export type RequestIdentity =
  | { readonly kind: 'certificate'; readonly user: string }
  | { readonly kind: 'token' }
  | { readonly kind: 'anonymous' };

export interface RecordedRequest {
  readonly method: string;
  /** The path with its query. */
  readonly url: string;
  readonly identity: RequestIdentity;
  /** The fault applied, by index in the list given to `faults()`, or undefined when forwarded untouched. */
  readonly fault?: number;
  /** The TLS connection it came on: 1 for the first the proxy accepted, and so on. */
  readonly connection: number;
  /** The Accept-Encoding header the client sent, if any. */
  readonly acceptEncoding?: string;
}

export interface FaultProxy {
  /** https://127.0.0.1:<port> */
  readonly url: string;
  /** Replaces the faults (the first match applies) and clears the record of requests. */
  faults(faults: readonly Fault[]): void;
  /** The requests since the last `faults()`. */
  readonly requests: readonly RecordedRequest[];
  /** Writes a copy of `kubeconfig` whose servers point at the proxy; returns `file`. */
  kubeconfig(from: string, file: string): string;
  stop(): Promise<void>;
}

/** Bodies the issue names, ready to use in `respond`. */
export const BODIES = {
  empty: '',
  emptyObject: {},
  emptyStatus: { status: {} },
  nullItems: { kind: 'List', apiVersion: 'v1', metadata: {}, items: null },
  statusFailure: {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'etcdserver: request timed out',
    reason: 'InternalError',
    code: 500,
  },
  html: '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in</h1></body></html>',
  notFound: '404 page not found\n',
} as const;

/** Every path. */
export const EVERYTHING = /^\//;

/** Starts the proxy in front of `upstream` (an https URL of an API server using `pki`). */
export async function startFaultProxy(upstream: string, pki: Pki): Promise<FaultProxy> {
  const target = new URL(upstream);
  const ca = readFileSync(pki.caCert);
  const admin = { cert: readFileSync(pki.adminCert), key: readFileSync(pki.adminKey) };
  let rules: { fault: Fault; left: number }[] = [];
  let requests: RecordedRequest[] = [];
  const peers = new WeakMap<IncomingMessage, PeerCertificate>();
  const connections = new WeakMap<object, number>();

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    identity: RequestIdentity,
    respond: (upstream: IncomingMessage) => void,
    fail: (err: Error) => void,
  ): void => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
    // Identity bodies only, so that truncation counts the bytes the client would count.
    delete headers['accept-encoding'];
    delete headers['connection'];
    const withCert = identity.kind === 'certificate';
    if (withCert) {
      delete headers['authorization'];
      // Read when the request came: a delayed request may be forwarded after its client hung up.
      const peer = peers.get(req) ?? (req.socket as TLSSocket).getPeerCertificate();
      headers['impersonate-user'] = identity.user;
      const groups = peer?.subject?.O;
      if (groups !== undefined) headers['impersonate-group'] = Array.isArray(groups) ? groups : [groups];
    }
    const out = httpsRequest(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers,
        ca,
        ...(withCert ? admin : {}),
        agent: false,
      },
      respond,
    );
    out.on('error', fail);
    out.end(body);
  };

  const apply = (
    action: FaultAction,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    identity: RequestIdentity,
  ): void => {
    if ('respond' in action) {
      const { status, body: answer = '', contentType } = action.respond;
      const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
      res.writeHead(status, {
        'Content-Type': contentType ?? (typeof answer === 'string' ? 'text/plain' : 'application/json'),
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
    } else if ('truncate' in action) {
      forward(
        req,
        body,
        identity,
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () => {
            const full = Buffer.concat(chunks);
            const keep = Math.min(action.truncate.keepBytes ?? Math.floor(full.length / 2), full.length - 1);
            const headers = { ...up.headers, 'content-length': String(full.length) };
            delete headers['transfer-encoding'];
            res.writeHead(up.statusCode ?? 502, headers);
            res.write(full.subarray(0, Math.max(0, keep)), () => res.socket?.destroy());
          });
        },
        () => res.socket?.destroy(),
      );
    } else if ('delayMs' in action) {
      setTimeout(() => {
        if (action.then) apply(action.then, req, res, body, identity);
        else pass(req, res, body, identity);
      }, action.delayMs);
    } else {
      res.socket?.destroy();
    }
  };

  const pass = (req: IncomingMessage, res: ServerResponse, body: Buffer, identity: RequestIdentity): void =>
    forward(
      req,
      body,
      identity,
      (up) => {
        // The upstream leg is one connection per request (agent: false); the client's may stay open.
        const { connection: _connection, ...headers } = up.headers;
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      },
      (err) => {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`fault proxy: upstream failed: ${err.message}`);
      },
    );

  const server = createServer(
    {
      key: readFileSync(pki.servingKey),
      cert: readFileSync(pki.servingCert),
      ca,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      peers.set(req, (req.socket as TLSSocket).getPeerCertificate());
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const identity = identityOf(req);
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const index = rules.findIndex(
          (r) =>
            r.left > 0 &&
            (r.fault.method === undefined || r.fault.method === req.method) &&
            (typeof r.fault.path === 'string' ? r.fault.path === path : r.fault.path.test(path)),
        );
        const rule = rules[index];
        const encoding = req.headers['accept-encoding'];
        requests.push({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          identity,
          connection: connections.get(req.socket) ?? 0,
          ...(encoding !== undefined ? { acceptEncoding: encoding } : {}),
          ...(rule ? { fault: index } : {}),
        });
        const body = Buffer.concat(chunks);
        if (rule) {
          rule.left--;
          apply(rule.fault.action, req, res, body, identity);
        } else {
          pass(req, res, body, identity);
        }
      });
    },
  );
  let accepted = 0;
  server.on('secureConnection', (socket) => connections.set(socket, ++accepted));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    faults(faults) {
      rules = faults.map((fault) => ({ fault, left: fault.times ?? Number.POSITIVE_INFINITY }));
      requests = [];
    },
    get requests() {
      return requests;
    },
    kubeconfig(from, file) {
      writeFileSync(
        file,
        readFileSync(from, 'utf8').replace(/server: https:\/\/127\.0\.0\.1:\d+/g, `server: ${url}`),
        { mode: 0o600 },
      );
      return file;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function identityOf(req: IncomingMessage): RequestIdentity {
  const socket = req.socket as TLSSocket;
  if (socket.authorized) {
    const cn = socket.getPeerCertificate().subject?.CN;
    const user = Array.isArray(cn) ? cn[0] : cn;
    if (user) return { kind: 'certificate', user };
  }
  if (req.headers.authorization) return { kind: 'token' };
  return { kind: 'anonymous' };
}

/**
 * One fault proxy for a test file, in front of the shared API server: started before the file's
 * tests, with a kubeconfig through it written to `work`, and stopped (and `work` removed) after.
 */
export function useFaultProxy(work: string, ready: (proxy: FaultProxy, kubeconfig: string) => void): void {
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    const cp = controlPlane();
    proxy = await startFaultProxy(cp.server, cp.pki);
    ready(proxy, proxy.kubeconfig(cp.kubeconfig, join(work, 'proxy.kubeconfig')));
  });
  afterAll(async () => {
    await proxy?.stop();
    rmSync(work, { recursive: true, force: true });
  });
}
