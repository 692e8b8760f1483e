import type {
  CheckDefinition,
  BundledData,
  IntegrityResult,
  CheckResult,
  ClusterSnapshot,
} from '@havenkit/model';

/** One Haven release, as given with --haven-releases. */
export interface HavenRelease {
  /** "v13.0.0" */
  version: string;
  /** Release date, YYYY-MM-DD or RFC 3339. */
  date: string;
}

/** Everything a check may use besides the snapshot. Plain data: no I/O, no clock, no environment. */
export interface CheckContext {
  /** The Haven version the catalogue implements, e.g. "v12.8.0". */
  readonly havenVersion: string;
  readonly data: BundledData;
  /** The checks of this evaluation (clusteradmin verifies their permissions). */
  readonly enabledChecks: readonly CheckDefinition[];
  /** Overrides the latest Kubernetes minor from the bundled table, e.g. "1.35". */
  readonly latestKubernetes?: string;
  /** Haven releases; absent means offline (havenversion skips). */
  readonly havenReleases?: readonly HavenRelease[];
  /** Opt-ins for the suggested checks. */
  readonly suggested: { readonly cis: boolean; readonly kubescape: boolean };
  /** The result of verifying the toolkit's own files (shavalidation). */
  readonly integrity?: IntegrityResult;
}

/** A Haven check: pure, deterministic, never throws on odd data (evaluate turns a throw into unknown). */
export type CheckFunction = (snapshot: ClusterSnapshot, context: CheckContext) => CheckResult;
