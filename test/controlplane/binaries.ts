import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Versions of the real binaries the suite runs; kept in step with build-binaries.sh. */
export const VERSIONS = {
  kubernetes: process.env.KUBE_VERSION ?? 'v1.37.2',
  etcd: process.env.ETCD_VERSION ?? 'v3.6.16',
  helm: process.env.HELM_VERSION ?? 'v3.22.0',
  kubeScore: process.env.KUBE_SCORE_VERSION ?? 'v1.20.0',
} as const;

export interface BinaryPaths {
  readonly kubeApiserver: string;
  readonly etcd: string;
  readonly helm: string;
  /** github.com/zegl/kube-score, lints the synthesized manifests (test/synth/kube-score.test.ts). */
  readonly kubeScore: string;
}

/** Cache root outside the checkout: `$HAVENKIT_CACHE`, default `~/.cache/havenkit`. */
export function cacheDir(): string {
  return process.env.HAVENKIT_CACHE ?? join(homedir(), '.cache', 'havenkit');
}

export function binaryPaths(): BinaryPaths {
  const bin = join(cacheDir(), 'bin');
  return {
    kubeApiserver: join(bin, `kube-apiserver-${VERSIONS.kubernetes}`),
    etcd: join(bin, `etcd-${VERSIONS.etcd}`),
    helm: join(bin, `helm-${VERSIONS.helm}`),
    kubeScore: join(bin, `kube-score-${VERSIONS.kubeScore}`),
  };
}

const BUILD_SCRIPT = fileURLToPath(new URL('./build-binaries.sh', import.meta.url));

/**
 * Builds every missing binary with build-binaries.sh (a cold kube-apiserver build takes minutes), streaming
 * the script's progress to stderr. Resolves with the paths once all of them exist.
 */
export async function ensureBinaries(): Promise<BinaryPaths> {
  const paths = binaryPaths();
  const missing = Object.values(paths).filter((p) => !existsSync(p));
  if (missing.length === 0) return paths;
  process.stderr.write(`[controlplane] building missing binaries: ${missing.join(', ')}\n`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [BUILD_SCRIPT, 'all'], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${BUILD_SCRIPT} exited with ${code}; see its output above (needs Go and the module proxy)`,
            ),
          ),
    );
  });
  process.stderr.write(`[controlplane] binaries built in ${Math.round((Date.now() - started) / 1000)}s\n`);
  return paths;
}
