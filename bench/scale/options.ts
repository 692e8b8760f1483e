/**
 * Options of the scale benchmark. `pnpm bench:scale --sizes 500x5000 --runs 1` runs
 * `vitest run --config bench/scale/vitest.config.ts -- --sizes 500x5000 --runs 1`: the script ends in `--`
 * so that vitest leaves the options alone (it refuses options it does not know), and the config, which runs
 * in vitest's own process, parses them from its argv and hands them to the benchmark file as JSON in
 * HAVENKIT_SCALE_OPTIONS. Every option can also be given as an environment variable (argv wins).
 */

export interface ScaleSize {
  readonly nodes: number;
  readonly pods: number;
}

export interface ScaleOptions {
  readonly sizes: readonly ScaleSize[];
  /** Runs of every command per size; the table shows medians. */
  readonly runs: number;
  /** Also time `kubectl get … -o json` (built by test/controlplane/build-binaries.sh kubectl when missing). */
  readonly kubectl: boolean;
  /** Markdown file to write the table to. */
  readonly out?: string;
  /** A fresh etcd + kube-apiserver for every size instead of growing one cluster. */
  readonly fresh: boolean;
  /** Concurrent requests while seeding. */
  readonly seedConcurrency: number;
  /** Keep the run directory (PKI, etcd data, logs, snapshots, outputs) afterwards. */
  readonly keep: boolean;
  /** The built checkout whose CLI is measured. @default this checkout */
  readonly root?: string;
}

export const DEFAULT_SIZES = '500x5000,2000x20000,5000x50000';

export const USAGE = `pnpm bench:scale [--sizes NxP,...] [--runs N] [--kubectl] [--out FILE.md] [--fresh]
                 [--seed-concurrency N] [--keep] [--root DIR]

  --sizes             nodes x pods per cluster size (default ${DEFAULT_SIZES})
  --runs              runs of every command per size; the table shows medians (default 3)
  --kubectl           also time kubectl get nodes,pods,... -A -o json (builds kubectl when missing)
  --out               also write the markdown table to this file
  --fresh             a fresh etcd + kube-apiserver per size (default: grow one cluster size by size)
  --seed-concurrency  requests in flight while seeding (default 32, over at most 16 connections)
  --keep              keep the run directory (logs, snapshots, command output) afterwards
  --root              measure the CLI of another built checkout (default: this one)

Environment instead of flags: HAVENKIT_SCALE_SIZES, HAVENKIT_SCALE_RUNS, HAVENKIT_SCALE_KUBECTL=1,
HAVENKIT_SCALE_OUT, HAVENKIT_SCALE_FRESH=1, HAVENKIT_SCALE_SEED_CONCURRENCY, HAVENKIT_KEEP_RUN=1,
HAVENKIT_SCALE_ROOT.`;

export function parseSizes(text: string): ScaleSize[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^(\d+)x(\d+)$/i.exec(s);
      if (!m) throw new Error(`--sizes: "${s}" is not NODESxPODS (e.g. 500x5000)`);
      const nodes = Number(m[1]);
      const pods = Number(m[2]);
      if (nodes < 4) throw new Error(`--sizes: "${s}": at least 4 nodes (3 of them are control-plane nodes)`);
      if (pods < 10) throw new Error(`--sizes: "${s}": at least 10 pods`);
      return { nodes, pods };
    });
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${text}" is not a positive whole number`);
  return n;
}

const truthy = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0' && v !== 'false';

/**
 * Parses the options after the first `--` of `argv` (vitest's own argv; extra `--` are skipped, so
 * `pnpm bench:scale -- --runs 1` works too), over the environment's defaults. Returns 'help' for --help.
 */
export function parseScaleArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ScaleOptions | 'help' {
  const sep = argv.indexOf('--');
  const args = sep >= 0 ? argv.slice(sep + 1).filter((a) => a !== '--') : [];
  let sizes = env.HAVENKIT_SCALE_SIZES ?? DEFAULT_SIZES;
  let runs = env.HAVENKIT_SCALE_RUNS ?? '3';
  let kubectl = truthy(env.HAVENKIT_SCALE_KUBECTL);
  let out = env.HAVENKIT_SCALE_OUT || undefined;
  let fresh = truthy(env.HAVENKIT_SCALE_FRESH);
  let seedConcurrency = env.HAVENKIT_SCALE_SEED_CONCURRENCY ?? '32';
  let keep = truthy(env.HAVENKIT_KEEP_RUN);
  let root = env.HAVENKIT_SCALE_ROOT || undefined;
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] as string;
    const eq = raw.indexOf('=');
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '--sizes':
        sizes = value();
        break;
      case '--runs':
        runs = value();
        break;
      case '--kubectl':
        kubectl = true;
        break;
      case '--out':
        out = value();
        break;
      case '--fresh':
        fresh = true;
        break;
      case '--seed-concurrency':
        seedConcurrency = value();
        break;
      case '--keep':
        keep = true;
        break;
      case '--root':
        root = value();
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new Error(`unknown option "${raw}"\n\n${USAGE}`);
    }
  }
  const parsed = parseSizes(sizes);
  if (parsed.length === 0) throw new Error('--sizes: give at least one size');
  return {
    sizes: parsed,
    runs: positiveInt('--runs', runs),
    kubectl,
    ...(out !== undefined ? { out } : {}),
    fresh,
    seedConcurrency: positiveInt('--seed-concurrency', seedConcurrency),
    keep,
    ...(root !== undefined ? { root } : {}),
  };
}
