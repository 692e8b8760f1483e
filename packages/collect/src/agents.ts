import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AgentOptions } from 'node:https';
import { isIP } from 'node:net';

/** The TLS options of client-node's agent that decide which connection may be shared. */
const TLS_OPTIONS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

function keyOf(options: AgentOptions): string {
  const hash = createHash('sha256');
  for (const name of TLS_OPTIONS) {
    const value: unknown = options[name];
    hash.update(`${name}\u0000`);
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      hash.update(Buffer.isBuffer(part) ? part : String(part ?? ''));
      hash.update('\u0001');
    }
  }
  return hash.digest('hex');
}

/**
 * Keep-alive agents in place of the one client-node builds for every request (a new TLS handshake
 * per request: 139 at 5,000 nodes). An agent is shared only by requests with the same TLS material
 * (CA, client certificate and key, verification, server name): an exec plugin that rotates its
 * certificate gets a new one. Proxy agents (a subclass) are used as client-node made them. Idle
 * sockets never keep the process alive (Node unrefs them).
 */
export class AgentPool {
  private readonly agents = new Map<string, HttpAgent>();

  constructor(private readonly maxSockets: number) {}

  /** The pooled agent for client-node's `agent`, or `agent` itself when it is not a plain one. */
  reuse(agent: unknown): unknown {
    const plainHttps = agent instanceof HttpsAgent && agent.constructor === HttpsAgent;
    const plainHttp = !plainHttps && agent instanceof HttpAgent && agent.constructor === HttpAgent;
    if (!plainHttps && !plainHttp) return agent;
    const options = (agent as HttpAgent & { options: AgentOptions }).options;
    const key = `${plainHttps ? 'https' : 'http'}:${keyOf(options)}`;
    let pooled = this.agents.get(key);
    if (pooled === undefined) {
      const shared = { ...options, keepAlive: true, maxSockets: this.maxSockets };
      pooled = plainHttps ? new HttpsAgent(shared) : new HttpAgent(shared);
      this.agents.set(key, pooled);
    }
    return pooled;
  }

  /** Closes every pooled connection. */
  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}

/**
 * True when the server is this machine (a loopback address or localhost): compressing there costs
 * CPU on both ends and saves no transfer, so the collector does not ask for gzip.
 */
export function isLoopbackServer(server: string): boolean {
  let host: string;
  try {
    host = new URL(server).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}
