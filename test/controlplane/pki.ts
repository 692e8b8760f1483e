import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PEM file paths of the test cluster's PKI. Keys are made with Node's crypto (ECDSA P-256, RSA for the
 * service-account signer); certificates are made with the `openssl` CLI from our own config files, so the
 * result does not depend on the machine's openssl.cnf.
 */
export interface Pki {
  readonly dir: string;
  readonly caCert: string;
  readonly caKey: string;
  /** kube-apiserver serving cert, SANs 127.0.0.1 and localhost. */
  readonly servingCert: string;
  readonly servingKey: string;
  /** Service-account token signer (private) and verifier (public). */
  readonly serviceAccountKey: string;
  readonly serviceAccountPub: string;
  /** Client cert for `havenkit-admin` in group `system:masters`. */
  readonly adminCert: string;
  readonly adminKey: string;
}

/** A client certificate signed by the test CA. */
export interface ClientCert {
  readonly cert: string;
  readonly key: string;
}

const OPENSSL = process.env.OPENSSL ?? 'openssl';

/** Creates a CA, the API server's serving cert, the service-account key pair and the admin client cert in `dir`. */
export function createPki(dir: string): Pki {
  mkdirSync(dir, { recursive: true });
  const caKey = writeEcKey(join(dir, 'ca.key'));
  const caCert = join(dir, 'ca.crt');
  const caConf = join(dir, 'ca.cnf');
  writeFileSync(
    caConf,
    [
      '[req]',
      'distinguished_name = dn',
      'prompt = no',
      '[dn]',
      'CN = havenkit-test-ca',
      '[v3_ca]',
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,keyCertSign,cRLSign,digitalSignature',
      'subjectKeyIdentifier = hash',
      '',
    ].join('\n'),
  );
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-config',
      caConf,
      '-extensions',
      'v3_ca',
      '-key',
      caKey,
      '-days',
      '3650',
    ].concat(['-sha256', '-out', caCert]),
  );

  const serving = signLeaf(dir, { caCert, caKey }, 'apiserver', '/CN=kube-apiserver', 'serverAuth', [
    'IP:127.0.0.1',
    'DNS:localhost',
  ]);

  const sa = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const serviceAccountKey = join(dir, 'sa.key');
  const serviceAccountPub = join(dir, 'sa.pub');
  writeFileSync(serviceAccountKey, sa.privateKey, { mode: 0o600 });
  writeFileSync(serviceAccountPub, sa.publicKey);

  const admin = issueClientCert({ dir, caCert, caKey }, 'admin', 'havenkit-admin', ['system:masters']);
  return {
    dir,
    caCert,
    caKey,
    servingCert: serving.cert,
    servingKey: serving.key,
    serviceAccountKey,
    serviceAccountPub,
    adminCert: admin.cert,
    adminKey: admin.key,
  };
}

/**
 * Issues a client certificate for `user` (the subject CN) in `groups` (one O each), which kube-apiserver's
 * x509 authenticator maps to that user and those groups. Files are written as `<dir>/<fileStem>.{crt,key}`.
 */
export function issueClientCert(
  ca: Pick<Pki, 'dir' | 'caCert' | 'caKey'>,
  fileStem: string,
  user: string,
  groups: readonly string[],
): ClientCert {
  const subject = ['CN=' + rdnValue(user, 'user'), ...groups.map((g) => 'O=' + rdnValue(g, 'group'))];
  return signLeaf(ca.dir, ca, fileStem, '/' + subject.join('/'), 'clientAuth', []);
}

function signLeaf(
  dir: string,
  ca: { caCert: string; caKey: string },
  stem: string,
  subject: string,
  usage: 'serverAuth' | 'clientAuth',
  sans: readonly string[],
): ClientCert {
  const key = writeEcKey(join(dir, `${stem}.key`));
  const cert = join(dir, `${stem}.crt`);
  const csr = join(dir, `${stem}.csr`);
  const conf = join(dir, `${stem}.cnf`);
  writeFileSync(
    conf,
    [
      '[req]',
      'distinguished_name = dn',
      '[dn]',
      '[v3_leaf]',
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature,keyEncipherment',
      `extendedKeyUsage = ${usage}`,
      'authorityKeyIdentifier = keyid',
      ...(sans.length > 0 ? [`subjectAltName = ${sans.join(',')}`] : []),
      '',
    ].join('\n'),
  );
  openssl(['req', '-new', '-config', conf, '-key', key, '-subj', subject, '-out', csr]);
  const serial = '0x' + randomBytes(16).toString('hex').replace(/^./, '1');
  openssl(
    ['x509', '-req', '-in', csr, '-CA', ca.caCert, '-CAkey', ca.caKey, '-set_serial', serial].concat([
      '-days',
      '365',
      '-sha256',
      '-extfile',
      conf,
      '-extensions',
      'v3_leaf',
      '-out',
      cert,
    ]),
  );
  return { cert, key };
}

function writeEcKey(file: string): string {
  const { privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  writeFileSync(file, privateKey, { mode: 0o600 });
  return file;
}

function rdnValue(value: string, what: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9:._@-]*$/.test(value)) {
    throw new Error(`client cert ${what} '${value}': use letters, digits and : . _ @ - only`);
  }
  return value;
}

function openssl(args: readonly string[]): void {
  try {
    execFileSync(OPENSSL, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    throw new Error(
      `openssl ${args.slice(0, 2).join(' ')} failed (is /usr/bin/openssl installed?): ${stderr}`,
    );
  }
}
