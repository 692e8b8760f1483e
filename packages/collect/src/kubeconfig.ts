import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig, loadYaml } from '@kubernetes/client-node';
import type { Cluster, Context, User } from '@kubernetes/client-node';
import { checkCredentials } from './credentials.js';
import { DEFAULT_EXEC_TIMEOUT_MS, boundExecPlugins } from './exec-timeout.js';
import { KubeError } from './errors.js';

/** Which kubeconfig and context to use; the same rules as kubectl. */
export interface KubeconfigSelection {
  /** `--kubeconfig`: exactly this file (it must exist). */
  readonly kubeconfigPath?: string;
  /** `--context`: this context instead of the kubeconfig's current-context. */
  readonly context?: string;
  /** Environment to read KUBECONFIG / in-cluster variables from. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Home directory for ~/.kube/config. @default os.homedir() */
  readonly homeDir?: string;
  /** How long an exec credential plugin may run before the run stops with exit 3. @default 60000 */
  readonly execTimeoutMs?: number;
}

export interface LoadedKubeconfig {
  readonly kubeConfig: KubeConfig;
  /** The context in use ("in-cluster" inside a pod without kubeconfig). */
  readonly context: string;
  /** The API server URL of that context's cluster. */
  readonly server: string;
  /** The files that were merged (empty for in-cluster configuration). */
  readonly files: readonly string[];
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** An http(s) URL without whitespace (a broken YAML value would otherwise become a strange request URL). */
function isServerUrl(server: string): boolean {
  if (/\s/.test(server)) return false;
  try {
    const url = new URL(server);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function readOne(file: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw KubeError.badInput(`cannot read kubeconfig ${file}: ${message}`);
  }
  return kc;
}

/**
 * The entry of user `name` as written in the first of `files` that defines it (kubectl's merge
 * rule), with that file: client-node keeps only the fields it knows.
 */
function rawUser(
  files: readonly string[],
  name: string,
): { file: string; raw?: Record<string, unknown> } | undefined {
  for (const file of files) {
    let doc: unknown;
    try {
      doc = loadYaml<unknown>(readFileSync(file, 'utf8'));
    } catch {
      continue; // readOne already read it; a second read that fails changes nothing
    }
    const users = (doc as { users?: unknown } | null)?.users;
    if (!Array.isArray(users)) continue;
    const entry = users.find(
      (u): u is { name: string; user?: unknown } =>
        typeof u === 'object' && u !== null && (u as { name?: unknown }).name === name,
    );
    if (entry === undefined) continue;
    const raw = entry.user;
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? { file, raw: raw as Record<string, unknown> }
      : { file };
  }
  return undefined;
}

/**
 * Merges kubeconfig files like kubectl: for clusters, users and contexts the first file that
 * defines a name wins, and so does the first current-context set. (client-node's own merge
 * throws on duplicates and lets the last current-context win.)
 */
export function mergeKubeconfigs(configs: readonly KubeConfig[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const kc of configs) {
    for (const c of kc.clusters ?? []) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.users ?? []) if (!users.has(u.name)) users.set(u.name, u);
    for (const x of kc.contexts ?? []) if (!contexts.has(x.name)) contexts.set(x.name, x);
    if (currentContext === '' && kc.currentContext) currentContext = kc.currentContext;
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
  });
  return merged;
}

/** The kubeconfig files to read, kubectl's order of precedence: --kubeconfig, KUBECONFIG, ~/.kube/config. */
export function kubeconfigFiles(selection: KubeconfigSelection): { files: string[]; origin: string } {
  const env = selection.env ?? process.env;
  if (selection.kubeconfigPath !== undefined && selection.kubeconfigPath !== '') {
    const file = path.resolve(selection.kubeconfigPath);
    if (!isFile(file)) {
      throw KubeError.badInput(`kubeconfig ${selection.kubeconfigPath} does not exist (--kubeconfig)`);
    }
    return { files: [file], origin: '--kubeconfig' };
  }
  const fromEnv = env.KUBECONFIG;
  if (fromEnv !== undefined && fromEnv !== '') {
    const listed = fromEnv.split(path.delimiter).filter((f) => f !== '');
    // kubectl ignores files in KUBECONFIG that do not exist, as long as one does.
    const files = listed.map((f) => path.resolve(f)).filter(isFile);
    if (files.length === 0) {
      throw KubeError.badInput(
        `no kubeconfig found: none of the files in KUBECONFIG exist (${listed.join(path.delimiter)})`,
      );
    }
    return { files, origin: 'KUBECONFIG' };
  }
  const home = selection.homeDir ?? homedir();
  const defaultFile = path.join(home, '.kube', 'config');
  if (isFile(defaultFile)) return { files: [defaultFile], origin: '~/.kube/config' };
  return { files: [], origin: 'none' };
}

/**
 * The context names of the kubeconfig (the files of kubeconfigFiles, merged like kubectl), sorted,
 * without selecting or validating any of them: what `check --all-contexts` and
 * `check --kubeconfig-dir` run over. Throws a one-line KubeError (exit 3) when there is no
 * kubeconfig or a file cannot be read.
 */
export function kubeconfigContexts(selection: KubeconfigSelection = {}): {
  files: readonly string[];
  contexts: string[];
} {
  const { files } = kubeconfigFiles(selection);
  if (files.length === 0) {
    throw KubeError.badInput(
      'no kubeconfig found: pass --kubeconfig FILE, set KUBECONFIG or create ~/.kube/config',
    );
  }
  const kc = files.length === 1 ? readOne(files[0] as string) : mergeKubeconfigs(files.map(readOne));
  return { files, contexts: (kc.contexts ?? []).map((c) => c.name).sort() };
}

/**
 * Loads the kubeconfig and selects the context. Unlike client-node's loadFromDefault() it never
 * falls back to http://localhost:8080: without a kubeconfig (and outside a pod) it throws a
 * one-line KubeError (exit 3).
 */
export function loadKubeconfig(selection: KubeconfigSelection = {}): LoadedKubeconfig {
  const env = selection.env ?? process.env;
  const { files } = kubeconfigFiles(selection);
  let kc: KubeConfig;
  if (files.length === 0) {
    if (env.KUBERNETES_SERVICE_HOST && existsSync(SERVICE_ACCOUNT_TOKEN)) {
      if (selection.context !== undefined) {
        throw KubeError.badInput(
          `context "${selection.context}" not found: no kubeconfig, only the in-cluster service account`,
        );
      }
      kc = new KubeConfig();
      kc.loadFromCluster();
      const server = kc.getCurrentCluster()?.server ?? '';
      return { kubeConfig: kc, context: 'in-cluster', server, files: [] };
    }
    throw KubeError.badInput(
      'no kubeconfig found: pass --kubeconfig FILE, set KUBECONFIG or create ~/.kube/config (havenkit never falls back to http://localhost:8080)',
    );
  }
  kc = files.length === 1 ? readOne(files[0] as string) : mergeKubeconfigs(files.map(readOne));
  const where = files.join(path.delimiter);
  const contextNames = (kc.contexts ?? []).map((c) => c.name).sort();
  const known = contextNames.length > 0 ? `contexts: ${contextNames.join(', ')}` : 'it defines no contexts';
  const contextName = selection.context ?? kc.currentContext;
  if (!contextName) {
    throw KubeError.badInput(`kubeconfig ${where} has no current-context; pass --context (${known})`);
  }
  const context = kc.getContextObject(contextName);
  if (context === null) {
    const flag = selection.context !== undefined ? '--context' : 'current-context';
    throw KubeError.badInput(
      `context "${contextName}" (${flag}) not found in kubeconfig ${where} (${known})`,
    );
  }
  kc.setCurrentContext(contextName);
  const cluster = kc.getCurrentCluster();
  if (cluster === null) {
    throw KubeError.badInput(
      `context "${contextName}" refers to cluster "${context.cluster}", which kubeconfig ${where} does not define`,
    );
  }
  if (!cluster.server) {
    throw KubeError.badInput(`cluster "${cluster.name}" in kubeconfig ${where} has no server URL`);
  }
  if (!isServerUrl(cluster.server)) {
    throw KubeError.badInput(
      `cluster "${cluster.name}" in kubeconfig ${where} has an invalid server URL: ${JSON.stringify(cluster.server.slice(0, 80))}`,
    );
  }
  if (context.user && kc.getUser(context.user) === null) {
    throw KubeError.badInput(
      `context "${contextName}" refers to user "${context.user}", which kubeconfig ${where} does not define`,
    );
  }
  if (context.user) {
    const source = rawUser(files, context.user);
    const file = source?.file ?? where;
    kc = checkCredentials(kc, {
      file,
      context: contextName,
      ...(source?.raw !== undefined ? { raw: source.raw } : {}),
    });
    const timeoutMs = selection.execTimeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const user = context.user;
    boundExecPlugins(
      kc,
      timeoutMs,
      (command) =>
        `kubeconfig ${file}, user "${user}" (context "${contextName}"): exec.command: the credential plugin ${JSON.stringify(command)} did not finish within ${timeoutMs / 1000} s; run it by hand to see what it waits for (a login, a prompt)`,
    );
  }
  return { kubeConfig: kc, context: contextName, server: cluster.server, files };
}
