import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway self-signed P-256 certificate and its key (PEM), made with openssl (OPENSSL to use
 * another binary). `cn` is the subject's common name, also its DNS subjectAltName.
 */
export function selfSignedCert(cn = 'localhost', days = 30): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'havenkit-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      process.env.OPENSSL ?? 'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        String(days),
        '-subj',
        `/CN=${cn}`,
        '-addext',
        `subjectAltName=DNS:${cn}`,
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
