import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCert } from '../support/certs.js';

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
  // A throwaway self-signed cert: the APIService sets insecureSkipTLSVerify, as metrics-server's does.
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
