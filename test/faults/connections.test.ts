/**
 * Lean on the wire: a live check sends its requests over a few kept-alive TLS connections (not a new
 * handshake per request, as client-node's agent would), and asks a server on this machine for no gzip.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../checker/helpers.js';
import { useFaultProxy } from './proxy.js';
import type { FaultProxy } from './proxy.js';

let proxy: FaultProxy;
let kubeconfig: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-faults-connections-'));

useFaultProxy(work, (p, k) => {
  proxy = p;
  kubeconfig = k;
});

describe('a live check', () => {
  it('reuses kept-alive connections: no more connections than requests in flight at once', async () => {
    proxy.faults([]);
    const run = await runCli(['check', '--kubeconfig', kubeconfig, '-o', 'json']);
    expect(run.stderr).toBe('');
    const requests = proxy.requests;
    const connections = new Set(requests.map((r) => r.connection));
    expect(requests.length).toBeGreaterThan(20);
    // The collector has at most 4 list requests in flight, plus the access reviews' 4.
    expect(connections.size).toBeLessThanOrEqual(8);
    expect(connections.size).toBeLessThan(requests.length / 2);
  });

  it('asks a server on a loopback address for no gzip', async () => {
    proxy.faults([]);
    await runCli(['check', '--kubeconfig', kubeconfig, '--only', 'multiaz', '-o', 'json']);
    expect(proxy.requests.length).toBeGreaterThan(0);
    expect(proxy.requests.filter((r) => r.acceptEncoding !== undefined)).toEqual([]);
  });
});
