import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { AgentPool, isLoopbackServer } from './agents.js';

describe('AgentPool', () => {
  it('gives one keep-alive agent to requests with the same TLS material', () => {
    const pool = new AgentPool(4);
    const a = pool.reuse(new HttpsAgent({ ca: 'CA', cert: 'C', key: 'K' })) as HttpsAgent;
    const b = pool.reuse(new HttpsAgent({ ca: 'CA', cert: 'C', key: 'K' }));
    expect(b).toBe(a);
    expect(a.options).toMatchObject({ keepAlive: true, maxSockets: 4, ca: 'CA', cert: 'C', key: 'K' });
    pool.destroy();
  });

  it('gives another agent when the certificate, the CA, verification or the server name differ', () => {
    const pool = new AgentPool(4);
    const base = pool.reuse(new HttpsAgent({ ca: 'CA', cert: 'C', key: 'K' }));
    for (const options of [
      { ca: 'CA', cert: 'C2', key: 'K' },
      { ca: 'CA2', cert: 'C', key: 'K' },
      { ca: 'CA', cert: 'C', key: 'K', rejectUnauthorized: false },
      { ca: 'CA', cert: 'C', key: 'K', servername: 'api.example' },
    ]) {
      expect(pool.reuse(new HttpsAgent(options))).not.toBe(base);
    }
    pool.destroy();
  });

  it('leaves a proxy agent (a subclass) and a missing agent as they are', () => {
    class ProxyAgent extends HttpsAgent {}
    const pool = new AgentPool(4);
    const proxy = new ProxyAgent({});
    expect(pool.reuse(proxy)).toBe(proxy);
    expect(pool.reuse(undefined)).toBeUndefined();
    const plain = new HttpAgent({});
    expect(pool.reuse(plain)).not.toBe(plain);
    pool.destroy();
  });
});

describe('isLoopbackServer', () => {
  it.each([
    ['https://127.0.0.1:6443', true],
    ['https://127.9.9.9', true],
    ['https://[::1]:6443', true],
    ['https://localhost:8443', true],
    ['https://10.0.0.1:6443', false],
    ['https://api.cluster.example:6443', false],
    ['https://[2001:db8::1]', false],
    ['not a url', false],
  ])('%s → %s', (server, loopback) => {
    expect(isLoopbackServer(server)).toBe(loopback);
  });
});
