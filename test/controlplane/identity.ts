import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeKubeconfig } from './kubeconfig.js';
import type { Pki } from './pki.js';
import { issueClientCert } from './pki.js';

/**
 * Issues a client cert for `user` in `groups` from the run's CA and writes a kubeconfig for it against `server`.
 * Files go to `<runDir>/identities/`, with a random suffix so parallel workers never collide.
 */
export function writeIdentityKubeconfig(
  runDir: string,
  pki: Pki,
  server: string,
  user: string,
  groups: readonly string[],
): string {
  const dir = join(runDir, 'identities');
  mkdirSync(dir, { recursive: true });
  const stem = `${user.replace(/[^A-Za-z0-9._-]/g, '_')}-${randomBytes(4).toString('hex')}`;
  const cert = issueClientCert({ dir, caCert: pki.caCert, caKey: pki.caKey }, stem, user, groups);
  return writeKubeconfig(join(dir, `${stem}.kubeconfig`), {
    server,
    caCert: pki.caCert,
    clientCert: cert.cert,
    clientKey: cert.key,
    user,
  });
}
