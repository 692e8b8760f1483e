import { readFileSync, writeFileSync } from 'node:fs';
import { dump } from 'js-yaml';

/**
 * Writes a self-contained kubeconfig (certificates embedded as *-data) for one user of one server, in the
 * shape `KubeConfig.loadFromFile` of @kubernetes/client-node and kubectl both read.
 */
export function writeKubeconfig(
  file: string,
  opts: { server: string; caCert: string; clientCert: string; clientKey: string; user: string },
): string {
  const b64 = (path: string): string => readFileSync(path).toString('base64');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'havenkit-test',
        cluster: { server: opts.server, 'certificate-authority-data': b64(opts.caCert) },
      },
    ],
    users: [
      {
        name: opts.user,
        user: { 'client-certificate-data': b64(opts.clientCert), 'client-key-data': b64(opts.clientKey) },
      },
    ],
    contexts: [{ name: 'havenkit-test', context: { cluster: 'havenkit-test', user: opts.user } }],
    'current-context': 'havenkit-test',
  };
  writeFileSync(file, dump(config), { mode: 0o600 });
  return file;
}
