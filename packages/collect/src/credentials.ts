import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { KubeConfig, RequestContext, User } from '@kubernetes/client-node';
import { KubeError } from './errors.js';

/**
 * The auth-provider names client-node implements (azure_auth.js, gcp_auth.js, oidc_auth.js in
 * @kubernetes/client-node 1.4); any other name would be silently skipped, and the requests sent
 * anonymous. An auth-provider with `config.tokenFile` (file_auth.js) or `config.exec`
 * (exec_auth.js) is handled whatever its name.
 */
const AUTH_PROVIDERS = ['azure', 'gcp', 'oidc'] as const;

/** Where a user's credentials come from, for messages: `kubeconfig F, user "u" (context "c")`. */
export interface CredentialSource {
  /** The kubeconfig file that defines the user. */
  readonly file: string;
  readonly context: string;
  /** The user entry as written in that file (client-node drops fields it does not know, like tokenFile). */
  readonly raw?: Record<string, unknown>;
}

/**
 * Checks the credentials of the context's user before any request, and applies `tokenFile`, which
 * client-node ignores (it knows only its own `token-file`): every credential the kubeconfig names
 * must be usable, or the run stops with exit 3 naming the field. Without this a broken client
 * certificate, a missing token file or an unknown auth-provider made the requests go out
 * anonymous, and the report inconclusive instead of the kubeconfig wrong.
 * Field names are client-go's (https://kubernetes.io/docs/reference/config-api/kubeconfig.v1/).
 * @returns the kubeconfig, with the user's token read from tokenFile where that applies
 */
export function checkCredentials(kc: KubeConfig, source: CredentialSource): KubeConfig {
  const user = kc.getCurrentUser();
  if (user === null) return kc;
  const where = `kubeconfig ${source.file}, user "${user.name}" (context "${source.context}")`;
  const bad = (field: string, problem: string): KubeError =>
    KubeError.badInput(`${where}: ${field}: ${problem}`);
  const base = path.dirname(source.file);

  const cert = readPem(user.certFile, user.certData, 'client-certificate', bad);
  const key = readPem(user.keyFile, user.keyData, 'client-key', bad);
  if (cert !== undefined && key === undefined) {
    throw KubeError.badInput(`${where}: ${cert.field} without client-key or client-key-data`);
  }
  if (key !== undefined && cert === undefined) {
    throw KubeError.badInput(`${where}: ${key.field} without client-certificate or client-certificate-data`);
  }
  if (cert !== undefined && key !== undefined) {
    let certificate: X509Certificate;
    let privateKey: KeyObject;
    try {
      if (!cert.text.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM block');
      certificate = new X509Certificate(cert.text);
    } catch {
      throw bad(cert.field, 'not a PEM certificate');
    }
    try {
      if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.text)) throw new Error('no PEM block');
      privateKey = createPrivateKey(key.text);
    } catch {
      throw bad(key.field, 'not a PEM private key');
    }
    if (!certificate.checkPrivateKey(privateKey)) {
      throw bad(key.field, `does not belong to the certificate of ${cert.field}`);
    }
  }

  const provider = user.authProvider as
    { name?: unknown; config?: Record<string, unknown> } | undefined | null;
  if (provider !== undefined && provider !== null) {
    const config = provider.config ?? {};
    if (typeof config.tokenFile === 'string') {
      readToken(path.resolve(base, config.tokenFile), 'auth-provider.config.tokenFile', bad);
    } else if (config.exec === undefined && provider.name !== 'exec') {
      if (typeof provider.name !== 'string' || provider.name === '')
        throw bad('auth-provider', 'has no name');
      if (!(AUTH_PROVIDERS as readonly string[]).includes(provider.name)) {
        throw bad(
          'auth-provider',
          `"${provider.name}" is not supported (havenkit supports ${AUTH_PROVIDERS.join(', ')}); use an exec credential plugin`,
        );
      }
    }
  }

  const tokenFile = source.raw?.tokenFile;
  if (tokenFile !== undefined && !user.token) {
    if (typeof tokenFile !== 'string' || tokenFile === '') throw bad('tokenFile', 'must be a file path');
    const token = readToken(path.resolve(base, tokenFile), 'tokenFile', bad);
    // client-go: "If both Token and TokenFile are present, Token takes precedence" (checked above).
    kc.users = kc.users.map((u) => (u === user ? { ...u, token } : u));
  }
  return kc;
}

function readPem(
  file: string | undefined,
  data: string | undefined,
  field: 'client-certificate' | 'client-key',
  bad: (field: string, problem: string) => KubeError,
): { field: string; text: string } | undefined {
  // client-node reads the file when both are set (bufferFromFileOrString), so that is what to check.
  if (file) {
    try {
      return { field, text: readFileSync(file, 'utf8') };
    } catch (err) {
      throw bad(field, `${file} ${describeFileError(err)}`);
    }
  }
  if (data) return { field: `${field}-data`, text: Buffer.from(data, 'base64').toString('utf8') };
  return undefined;
}

function readToken(file: string, field: string, bad: (field: string, problem: string) => KubeError): string {
  let token: string;
  try {
    if (!statSync(file).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' });
    token = readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw bad(field, `${file} ${describeFileError(err)}`);
  }
  if (token === '') throw bad(field, `${file} is empty`);
  return token;
}

function describeFileError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES') return 'cannot be read (permission denied)';
  if (code === 'EISDIR' || code === 'ENOTFILE') return 'is not a regular file';
  return `cannot be read (${code ?? (err as Error).message})`;
}

/** True when the kubeconfig user names any credential (a user without one is anonymous on purpose). */
export function namesCredentials(user: User | null): boolean {
  if (user === null) return false;
  return Boolean(
    user.certData ||
    user.certFile ||
    user.keyData ||
    user.keyFile ||
    user.token ||
    user.username ||
    user.password ||
    user.exec ||
    user.authProvider,
  );
}

/** The kind of credential a user names, for messages. */
export function credentialKind(user: User): string {
  if (user.exec) return 'exec';
  if (user.authProvider) return 'auth-provider';
  if (user.token) return 'token';
  if (user.certData || user.certFile) return 'client-certificate';
  return 'username';
}

/** True when the request carries credentials: an Authorization header or a client certificate on its agent. */
export function carriesCredentials(context: RequestContext): boolean {
  const headers = context.getHeaders();
  if (Object.entries(headers).some(([k, v]) => k.toLowerCase() === 'authorization' && v !== '')) return true;
  // Every agent client-node makes (https.Agent, hpagent, socks-proxy-agent) keeps its options here.
  const options = (context.getAgent() as { options?: { cert?: unknown; pfx?: unknown } } | undefined)
    ?.options;
  return Boolean(options?.cert) || Boolean(options?.pfx);
}
