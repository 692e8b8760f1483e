import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The backend of an aggregated API, reduced to what kube-apiserver's availability controller checks: it answers
 * `GET /apis/<group>/<version>` with an empty APIResourceList. kube-apiserver verifies every APIService that has a
 * `service` by calling it, and overwrites a status it cannot confirm; so an APIService a scenario wants Available
 * points (through an ExternalName Service to localhost) at one of these. It runs in the test process, unref'd: it
 * lives as long as the test worker and never keeps it alive.
 */
export interface DiscoveryResponder {
  readonly port: number;
  serve(group: string, version: string): void;
}

export async function startDiscoveryResponder(): Promise<DiscoveryResponder> {
  const served = new Set<string>();
  const { key, cert } = selfSignedCert();
  const server = createServer({ key, cert }, (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = /^\/apis\/([^/]+)\/([^/]+)\/?$/.exec(path);
    if (req.method === 'GET' && match && served.has(`${match[1]}/${match[2]}`)) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: `${match[1]}/${match[2]}`,
          resources: [],
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    serve: (group, version) => void served.add(`${group}/${version}`),
  };
}

/** A throwaway self-signed cert (the APIService sets insecureSkipTLSVerify, as metrics-server's does). */
function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'havenkit-responder-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      process.env.OPENSSL ?? 'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        keyFile,
      ].concat([
        '-out',
        certFile,
        '-days',
        '30',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
