/**
 * Which clusters a fleet run checks: the contexts given with --context, every context of the
 * kubeconfig (--all-contexts), or every context of every kubeconfig file in a directory
 * (--kubeconfig-dir); and the sub-directory of --out-dir each cluster's reports go to.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/** One cluster of a fleet run: a context of a kubeconfig. */
export interface FleetCluster {
  /** The name in the table and fleet.json: the context, or `<file>/<context>` (see selectClusters). */
  readonly name: string;
  readonly context: string;
  /** The kubeconfig file the child reads (`--kubeconfig`); absent: KUBECONFIG, then ~/.kube/config. */
  readonly kubeconfig?: string;
  /** The entry cannot be checked at all (a kubeconfig file that cannot be read): bad input, exit 3. */
  readonly error?: string;
}

/** A file of --kubeconfig-dir that is not a kubeconfig, and why; it is not a cluster. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface ClusterSelection {
  /** --context, already split into names (see splitContexts). */
  readonly contexts?: readonly string[];
  readonly allContexts?: boolean;
  readonly kubeconfigDir?: string;
  /** --kubeconfig (with --context or --all-contexts). */
  readonly kubeconfig?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Where the contexts of a kubeconfig come from; the collector's, loaded when a fleet needs it. */
type ContextLister = (selection: { kubeconfigPath?: string; env?: NodeJS.ProcessEnv }) => {
  files: readonly string[];
  contexts: string[];
};

async function contextLister(): Promise<ContextLister> {
  // Imported here, not at the top: @havenkit/collect brings @kubernetes/client-node.
  const { kubeconfigContexts } = await import('@havenkit/collect');
  return kubeconfigContexts;
}

/** "a,b" and "c" → [a, b, c], without empty names and repeats, in the order given. */
export function splitContexts(values: readonly string[]): string[] {
  const names = values.flatMap((v) => v.split(',')).map((s) => s.trim());
  return [...new Set(names.filter((s) => s !== ''))];
}

/**
 * What --context selects: one context (today's single-cluster run, the value as given) or several.
 * A value with a comma is a list, unless the kubeconfig has a context of exactly that name.
 */
export async function contextsOfFlag(
  values: readonly string[] | undefined,
  kubeconfig: string | undefined,
): Promise<{ single: string | undefined } | { several: string[] }> {
  if (values === undefined || values.length === 0) return { single: undefined };
  if (values.length === 1 && !values[0]!.includes(',')) return { single: values[0] };
  if (values.length === 1) {
    let known: readonly string[] = [];
    try {
      known = (await contextLister())(
        kubeconfig !== undefined ? { kubeconfigPath: kubeconfig } : {},
      ).contexts;
    } catch {
      // The single run reports an unreadable kubeconfig in its own words.
    }
    if (known.includes(values[0]!)) return { single: values[0] };
  }
  const names = splitContexts(values);
  return names.length > 1 ? { several: names } : { single: names[0] ?? values[0] };
}

/** A file that says it is a kubeconfig, even if it cannot be read as one. */
const KUBECONFIG_KEYS = /^(?:apiVersion|kind|clusters|contexts|users|current-context)\s*:/m;

function looksLikeKubeconfig(file: string): boolean {
  try {
    return KUBECONFIG_KEYS.test(readFileSync(file, 'utf8').slice(0, 65_536));
  } catch {
    return false;
  }
}

/**
 * The clusters of a fleet run, sorted by name; with --kubeconfig-dir also the files skipped.
 *
 * Names: with --context and --all-contexts (one kubeconfig, merged like kubectl) a cluster is its
 * context. With --kubeconfig-dir every regular, not hidden file of DIR (links followed, no
 * sub-directories) that defines contexts is a kubeconfig; each of its contexts is a cluster, named
 * by the context when no other file of DIR has a context of that name, else `<file>/<context>`. A
 * file that looks like a kubeconfig but cannot be read is one cluster, named after the file, that
 * fails with bad input (exit 3); other files (no contexts, not YAML) are skipped.
 */
export async function selectClusters(
  selection: ClusterSelection,
): Promise<{ clusters: FleetCluster[]; skipped: SkippedFile[] }> {
  const env = selection.env ?? process.env;
  if (selection.kubeconfigDir !== undefined) return fromDirectory(selection.kubeconfigDir, env);
  if (selection.allContexts === true) {
    const list = await contextLister();
    const { contexts, files } = list({
      ...(selection.kubeconfig !== undefined ? { kubeconfigPath: selection.kubeconfig } : {}),
      env,
    });
    if (contexts.length === 0) {
      throw new UserError(
        `--all-contexts: kubeconfig ${files.join(', ')} defines no contexts`,
        ExitCode.BadInput,
      );
    }
    return { clusters: contexts.map((c) => cluster(c, c, selection.kubeconfig)), skipped: [] };
  }
  const contexts = [...(selection.contexts ?? [])].sort(byName);
  return { clusters: contexts.map((c) => cluster(c, c, selection.kubeconfig)), skipped: [] };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function cluster(name: string, context: string, kubeconfig: string | undefined): FleetCluster {
  return { name, context, ...(kubeconfig !== undefined ? { kubeconfig } : {}) };
}

async function fromDirectory(
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ clusters: FleetCluster[]; skipped: SkippedFile[] }> {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    entries = readdirSync(dir).sort(byName);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : code;
    throw new UserError(`cannot read --kubeconfig-dir ${dir}: ${why ?? 'unreadable'}`, ExitCode.BadInput);
  }
  const list = await contextLister();
  const skipped: SkippedFile[] = [];
  const found: { file: string; contexts: string[]; error?: string }[] = [];
  for (const entry of entries) {
    // Not hidden files: a mounted Secret also shows its files under ..data and ..<timestamp>.
    if (entry.startsWith('.')) continue;
    const file = resolve(join(dir, entry));
    try {
      if (!statSync(file).isFile()) continue;
    } catch {
      continue; // a dangling link
    }
    try {
      // Each file on its own, as the child reads it (--kubeconfig FILE; KUBECONFIG plays no part).
      const { contexts } = list({ kubeconfigPath: file, env });
      if (contexts.length > 0) found.push({ file, contexts });
      else skipped.push({ file, reason: 'defines no contexts' });
    } catch (err) {
      if (looksLikeKubeconfig(file)) found.push({ file, contexts: [], error: (err as Error).message });
      else skipped.push({ file, reason: 'not a kubeconfig' });
    }
  }
  const seen = new Map<string, number>();
  for (const { contexts } of found) for (const c of contexts) seen.set(c, (seen.get(c) ?? 0) + 1);
  const clusters = found.flatMap(({ file, contexts, error }): FleetCluster[] => {
    if (error !== undefined) return [{ name: basename(file), context: '', kubeconfig: file, error }];
    return contexts.map((c) => cluster(seen.get(c) === 1 ? c : `${basename(file)}/${c}`, c, file));
  });
  if (clusters.length === 0) {
    throw new UserError(`--kubeconfig-dir ${dir} holds no kubeconfig with a context`, ExitCode.BadInput);
  }
  return { clusters: clusters.sort((a, b) => byName(a.name, b.name)), skipped };
}

/** Names a directory never gets: the fleet summary sits next to the cluster directories. */
const RESERVED = new Set(['fleet.json', 'fleet.txt']);
const MAX_DIRECTORY_LENGTH = 80;

/**
 * The sub-directory of --out-dir of each cluster, in the same order: the name with every character
 * but letters, digits, ".", "_" and "-" replaced by "_", no leading dot (never "." or ".." or a
 * hidden directory), at most 80 characters, and unique also on a file system that ignores case
 * (a repeat gets "-2", "-3", …).
 */
export function clusterDirectories(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let base = name
      .normalize('NFC')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[.]+/, '_')
      .slice(0, MAX_DIRECTORY_LENGTH);
    if (base === '') base = 'cluster';
    if (RESERVED.has(base.toLowerCase())) base = `${base}_`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
