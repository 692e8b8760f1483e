import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toResourceError } from './errors.js';
import { PAGE_BYTES, listAll, nextPageSize } from './list.js';
import type { ResourceMapping } from './names.js';
import { KubeTransport } from './transport.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;
let handler: Handler = (_req, res) => res.end('{}');
const requests: string[] = [];
let server: Server;
let kubeConfig: KubeConfig;

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function status(
  res: ServerResponse,
  code: number,
  reason: string,
  headers: Record<string, string> = {},
): void {
  json(
    res,
    code,
    { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message: `${reason} (test)` },
    headers,
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  kubeConfig = new KubeConfig();
  // Plain HTTP is allowed by client-node only with insecure-skip-tls-verify: fine for a local fake.
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'fake', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'secret-token' }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'u' }],
    currentContext: 'fake',
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests.length = 0;
});

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50 }, random: () => 0.5 };
const nodes: ResourceMapping = {
  name: 'nodes',
  plural: 'nodes',
  group: '',
  version: 'v1',
  kind: 'Node',
  namespaced: false,
};

function node(name: string): object {
  return { metadata: { name, uid: `uid-${name}`, managedFields: [{ manager: 'kubelet' }] } };
}

describe('KubeTransport', () => {
  it('sends the kubeconfig credentials and parses JSON', async () => {
    let auth: string | undefined;
    handler = (req, res) => {
      auth = req.headers.authorization;
      json(res, 200, { gitVersion: 'v1.37.2' });
    };
    await expect(new KubeTransport(kubeConfig, fast).get('/version')).resolves.toEqual({
      gitVersion: 'v1.37.2',
    });
    expect(auth).toBe('Bearer secret-token');
  });

  it('retries 429 honouring Retry-After, and 5xx with backoff', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      if (calls === 1) status(res, 429, 'TooManyRequests', { 'Retry-After': '0' });
      else if (calls === 2) status(res, 503, 'ServiceUnavailable');
      else json(res, 200, { ok: true });
    };
    const t = new KubeTransport(kubeConfig, fast);
    await expect(t.get('/api')).resolves.toEqual({ ok: true });
    expect(calls).toBe(3);
  });

  it('gives up after maxAttempts and throws an ApiException with the raw Status body', async () => {
    handler = (_req, res) => status(res, 500, 'InternalError');
    const t = new KubeTransport(kubeConfig, { ...fast, retry: { ...fast.retry, maxAttempts: 3 } });
    const err = await t.get('/api').catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    expect(toResourceError(err)).toEqual({
      code: 500,
      reason: 'InternalError',
      message: 'InternalError (test)',
    });
  });

  it('does not retry 403 or 404', async () => {
    handler = (_req, res) => status(res, 403, 'Forbidden');
    const err = await new KubeTransport(kubeConfig, fast).get('/api/v1/nodes').catch((e: unknown) => e);
    expect(requests).toHaveLength(1);
    expect(toResourceError(err)).toMatchObject({ code: 403, reason: 'Forbidden' });
  });

  it('times out a hanging request, retries, then reports Timeout', async () => {
    handler = () => undefined; // never answers
    const t = new KubeTransport(kubeConfig, {
      ...fast,
      requestTimeoutMs: 50,
      retry: { ...fast.retry, maxAttempts: 2 },
    });
    const err = await t.get('/api').catch((e: unknown) => e);
    expect(requests).toHaveLength(2);
    expect(toResourceError(err)).toEqual({ code: 0, reason: 'Timeout', message: 'the request timed out' });
  });

  it('never requests Secrets', async () => {
    handler = (_req, res) => json(res, 200, { items: [] });
    const t = new KubeTransport(kubeConfig, fast);
    await expect(t.get('/api/v1/secrets')).rejects.toThrow(/never reads Secrets/);
    await expect(t.get('/api/v1/namespaces/kube-system/secrets/x')).rejects.toThrow(/never reads Secrets/);
    expect(requests).toHaveLength(0);
  });
});

describe('nextPageSize', () => {
  it('takes as many items as weigh about the page weight, judged by the page just read', () => {
    expect(nextPageSize(PAGE_BYTES, 250 * 10_240, 250)).toBe(153); // pods of 10 KiB
    expect(nextPageSize(PAGE_BYTES, 100 * 40_000, 100)).toBe(39); // pods of 40 KB
  });

  it('stays between 10 and 500 items', () => {
    expect(nextPageSize(PAGE_BYTES, 100 * 500, 100)).toBe(500);
    expect(nextPageSize(PAGE_BYTES, 10 * 5_000_000, 10)).toBe(10);
  });

  it('starts over at 100 after a page without items', () => {
    expect(nextPageSize(PAGE_BYTES, 40, 0)).toBe(100);
  });
});

describe('listAll', () => {
  it('follows continue tokens and strips managedFields', async () => {
    handler = (_req, res, url) => {
      const token = url.searchParams.get('continue');
      expect(url.searchParams.get('limit')).toBe('2');
      if (!token)
        json(res, 200, {
          apiVersion: 'v1',
          kind: 'NodeList',
          metadata: { resourceVersion: '10', continue: 'p2' },
          items: [node('a'), node('b')],
        });
      else
        json(res, 200, {
          apiVersion: 'v1',
          kind: 'NodeList',
          metadata: { resourceVersion: '10' },
          items: [node('c')],
        });
    };
    const list = await listAll(new KubeTransport(kubeConfig, fast), nodes, {}, { pageSize: 2 });
    expect(list).toEqual({
      apiVersion: 'v1',
      kind: 'NodeList',
      metadata: { resourceVersion: '10' },
      items: ['a', 'b', 'c'].map((n) => ({ metadata: { name: n, uid: `uid-${n}` } })),
    });
    expect(requests).toEqual(['GET /api/v1/nodes?limit=2', 'GET /api/v1/nodes?limit=2&continue=p2']);
  });

  it('sizes pages by weight: 100 items first, then as many as weigh about pageBytes', async () => {
    // Items of about 1,000 characters: a page of 50,000 characters holds about 49 of them.
    const heavy = (name: string) => ({
      metadata: { name, uid: `uid-${name}`, labels: { pad: 'x'.repeat(950) } },
    });
    handler = (_req, res, url) => {
      const limit = Number(url.searchParams.get('limit'));
      const token = url.searchParams.get('continue');
      const items = Array.from({ length: limit }, (_, i) => heavy(`${token ?? 'p1'}-${i}`));
      json(res, 200, { kind: 'NodeList', metadata: token ? {} : { continue: 'p2' }, items });
    };
    const list = await listAll(new KubeTransport(kubeConfig, fast), nodes, {}, { pageBytes: 50_000 });
    const limits = requests.map((r) =>
      Number(new URL(r.split(' ')[1]!, 'http://x').searchParams.get('limit')),
    );
    expect(limits[0]).toBe(100);
    expect(limits[1]).toBeGreaterThanOrEqual(45);
    expect(limits[1]).toBeLessThanOrEqual(50);
    expect(list.items).toHaveLength(100 + limits[1]!);
  });

  it('keeps a given pageSize for every page', async () => {
    handler = (_req, res, url) =>
      json(res, 200, {
        kind: 'NodeList',
        metadata: url.searchParams.get('continue') ? {} : { continue: 'p2' },
        items: [node('a'), node('b'), node('c')],
      });
    await listAll(new KubeTransport(kubeConfig, fast), nodes, {}, { pageSize: 3 });
    expect(requests).toEqual(['GET /api/v1/nodes?limit=3', 'GET /api/v1/nodes?limit=3&continue=p2']);
  });

  it('relists from scratch when the continue token expired (410 Gone)', async () => {
    let expired = false;
    handler = (_req, res, url) => {
      const token = url.searchParams.get('continue');
      if (!token)
        json(res, 200, {
          kind: 'NodeList',
          metadata: { continue: 'old' },
          items: [node(expired ? 'x' : 'a')],
        });
      else if (token === 'old' && !expired) {
        expired = true;
        status(res, 410, 'Expired');
      } else json(res, 200, { kind: 'NodeList', metadata: {}, items: [node('y')] });
    };
    const list = await listAll(new KubeTransport(kubeConfig, fast), nodes, {}, { pageSize: 1 });
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['x', 'y']);
    expect(requests).toHaveLength(4);
  });

  it('gives up after maxPages pages of ever new continue tokens, naming the cause', async () => {
    let page = 0;
    handler = (_req, res) =>
      json(res, 200, { kind: 'NodeList', metadata: { continue: `p${++page}` }, items: [node(`n${page}`)] });
    const error = await listAll(new KubeTransport(kubeConfig, fast), nodes, {}, { maxPages: 5 }).catch(
      (err: unknown) => err,
    );
    expect(requests).toHaveLength(5);
    expect(toResourceError(error)).toEqual({
      code: 0,
      reason: 'EndlessList',
      message: 'GET /api/v1/nodes: gave up after 5 pages (the server kept sending continue tokens)',
    });
  });

  it('stops at a continue token it was sent before', async () => {
    handler = (_req, res, url) => {
      const token = url.searchParams.get('continue');
      json(res, 200, {
        kind: 'NodeList',
        metadata: { continue: token === 'b' ? 'a' : token ? 'b' : 'a' },
        items: [],
      });
    };
    const error = await listAll(new KubeTransport(kubeConfig, fast), nodes).catch((err: unknown) => err);
    expect(requests).toEqual([
      'GET /api/v1/nodes?limit=100',
      'GET /api/v1/nodes?limit=100&continue=a',
      'GET /api/v1/nodes?limit=100&continue=b',
    ]);
    expect(toResourceError(error)).toMatchObject({ reason: 'EndlessList' });
    expect(toResourceError(error).message).toMatch(/the same continue token again after 2 pages/);
  });

  it('passes namespace and selectors', async () => {
    handler = (_req, res) => json(res, 200, { kind: 'EndpointsList', metadata: {}, items: [] });
    const endpoints: ResourceMapping = {
      ...nodes,
      name: 'endpoints',
      plural: 'endpoints',
      kind: 'Endpoints',
      namespaced: true,
    };
    await listAll(new KubeTransport(kubeConfig, fast), endpoints, {
      namespace: 'default',
      fieldSelector: 'metadata.name=kubernetes',
    });
    expect(requests).toEqual([
      'GET /api/v1/namespaces/default/endpoints?limit=100&fieldSelector=metadata.name%3Dkubernetes',
    ]);
  });
});

describe('answers that decide nothing', () => {
  it.each([
    ['an empty body', '', /answered 200 with an empty body/],
    ['{}', '{}', /answered 200 without a list: no items/],
    ['null items', '{"kind":"NodeList","items":null}', /answered 200 without a list: items is null/],
    ['items that are no objects', '{"items":[1]}', /answered 200 with items\[0\] that is not an object/],
    ['HTML', '<html><body>Sign in</body></html>', /answered 200 with text that is not JSON \("<html>/],
  ])(
    'a list answered 200 with %s is an error of the resource, never an empty list',
    async (_t, body, message) => {
      handler = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(body);
      };
      const err = await listAll(new KubeTransport(kubeConfig, fast), nodes).catch((e: unknown) => e);
      expect(toResourceError(err)).toMatchObject({ code: 200, reason: 'MalformedResponse', message });
      expect(requests).toHaveLength(1); // an answer, not a transport failure: not retried
    },
  );

  it('a Status failure in a 200 is the error it states', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        code: 500,
        reason: 'InternalError',
        message: 'etcdserver: request timed out',
      });
    const err = await listAll(new KubeTransport(kubeConfig, fast), nodes).catch((e: unknown) => e);
    expect(toResourceError(err)).toEqual({
      code: 500,
      reason: 'InternalError',
      message: 'etcdserver: request timed out (GET /api/v1/nodes answered 200 with this Status Failure)',
    });
  });
});

describe('a body cut off before its end', () => {
  const cutOff = (res: ServerResponse, withLength: boolean): void => {
    const text = JSON.stringify({ kind: 'NodeList', items: [node('a')] });
    res.writeHead(200, {
      'Content-Type': 'application/json',
      ...(withLength ? { 'Content-Length': String(text.length) } : {}),
    });
    res.write(text.slice(0, 10), () => res.socket?.destroy());
  };

  it('before its Content-Length is retried, then succeeds', async () => {
    let calls = 0;
    handler = (_req, res) => {
      if (++calls === 1) cutOff(res, true);
      else json(res, 200, { kind: 'NodeList', items: [node('a')] });
    };
    const list = await listAll(new KubeTransport(kubeConfig, fast), nodes);
    expect(list.items).toHaveLength(1);
    expect(calls).toBe(2);
  });

  it.each([
    ['before its Content-Length', true, /ended after 10 of \d+ bytes \(Content-Length\)/],
    ['before its last chunk', false, /ended after \d+ bytes, before its last chunk/],
  ])('%s, every time, is a TruncatedBody error (never a hang)', async (_t, withLength, message) => {
    handler = (_req, res) => cutOff(res, withLength);
    const t = new KubeTransport(kubeConfig, { ...fast, retry: { ...fast.retry, maxAttempts: 2 } });
    const err = await listAll(t, nodes).catch((e: unknown) => e);
    expect(requests).toHaveLength(2);
    expect(toResourceError(err)).toMatchObject({ code: 0, reason: 'TruncatedBody', message });
  });
});

describe('credentials', () => {
  it('refuses to send a request when an exec plugin gives no credential (never anonymous)', async () => {
    const exec = new KubeConfig();
    const cluster = kubeConfig.getCurrentCluster();
    exec.loadFromOptions({
      clusters: [{ name: 'fake', server: cluster?.server ?? '', skipTLSVerify: true }],
      users: [
        {
          name: 'plugin',
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: process.execPath,
            args: ['-e', 'console.log(JSON.stringify({ kind: "ExecCredential", status: {} }))'],
          },
        },
      ],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'plugin' }],
      currentContext: 'fake',
    });
    await expect(new KubeTransport(exec, fast).get('/version')).rejects.toThrow(
      /user "plugin" \(context "fake"\): exec: gave neither a token nor a client certificate/,
    );
    expect(requests).toHaveLength(0);
  });
});
