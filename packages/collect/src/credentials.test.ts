import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCert } from '../../../test/support/certs.js';
import { loadKubeconfig } from './kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let cert: string;
let key: string;
beforeAll(() => {
  const pair = selfSignedCert('someone', 1);
  cert = pair.cert.toString('utf8');
  key = pair.key.toString('utf8');
});

const b64 = (text: string): string => Buffer.from(text).toString('base64');
let n = 0;

/** A kubeconfig whose one user is `user` (as YAML flow mappings: JSON is YAML). */
function withUser(user: Record<string, unknown>): string {
  const file = join(dir, `config-${++n}.yaml`);
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'ctx',
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:6443' } }],
      users: [{ name: 'me', user }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'me' } }],
    }),
  );
  return file;
}

const load = (user: Record<string, unknown>): ReturnType<typeof loadKubeconfig> =>
  loadKubeconfig({ kubeconfigPath: withUser(user) });

describe('credentials the kubeconfig names must be usable (exit 3, naming the field)', () => {
  it('accepts a matching client certificate and key', () => {
    expect(() => load({ 'client-certificate-data': b64(cert), 'client-key-data': b64(key) })).not.toThrow();
  });

  it.each([
    [
      'a certificate that is no PEM certificate',
      () => ({ 'client-certificate-data': b64('garbage'), 'client-key-data': b64(key) }),
      /user "me" \(context "ctx"\): client-certificate-data: not a PEM certificate/,
    ],
    [
      'a key that is no PEM key',
      () => ({ 'client-certificate-data': b64(cert), 'client-key-data': b64('garbage') }),
      /client-key-data: not a PEM private key/,
    ],
    [
      'a key of another certificate',
      () => ({
        'client-certificate-data': b64(cert),
        'client-key-data': b64(
          generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
            type: 'pkcs8',
            format: 'pem',
          }) as string,
        ),
      }),
      /client-key-data: does not belong to the certificate of client-certificate-data/,
    ],
    [
      'a certificate without a key',
      () => ({ 'client-certificate-data': b64(cert) }),
      /client-certificate-data without client-key or client-key-data/,
    ],
    [
      'a certificate file that does not exist',
      () => ({ 'client-certificate': join(dir, 'nope.crt'), 'client-key-data': b64(key) }),
      /client-certificate: .*nope\.crt does not exist/,
    ],
    ['a missing tokenFile', () => ({ tokenFile: join(dir, 'nope') }), /tokenFile: .*nope does not exist/],
    [
      'an empty tokenFile',
      () => {
        writeFileSync(join(dir, 'empty-token'), '\n');
        return { tokenFile: join(dir, 'empty-token') };
      },
      /tokenFile: .*empty-token is empty/,
    ],
    [
      'an unknown auth-provider',
      () => ({ 'auth-provider': { name: 'keycloak' } }),
      /auth-provider: "keycloak" is not supported \(havenkit supports azure, gcp, oidc\)/,
    ],
  ])('refuses %s', (_title, user, message) => {
    expect(() => load(user())).toThrow(message);
  });

  it('reads tokenFile, relative to the kubeconfig, which client-node ignores', () => {
    writeFileSync(join(dir, 'token'), 'abc123\n');
    expect(load({ tokenFile: 'token' }).kubeConfig.getCurrentUser()?.token).toBe('abc123');
  });

  it('lets token win over tokenFile, like client-go', () => {
    expect(load({ token: 'inline', tokenFile: join(dir, 'nope') }).kubeConfig.getCurrentUser()?.token).toBe(
      'inline',
    );
  });

  it('leaves a user without credentials anonymous, as kubectl does', () => {
    expect(load({}).kubeConfig.getCurrentUser()?.token).toBeUndefined();
  });
});
