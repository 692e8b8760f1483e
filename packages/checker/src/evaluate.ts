import { loadCatalogue } from './catalogue/load.js';
import {
  InputError,
  message,
  oneLine,
  REPORT_API_VERSION,
  REPORT_KIND,
  type Catalogue,
  type CheckDefinition,
  type BundledData,
  type IntegrityResult,
  type CheckResult,
  type ComplianceReport,
  type ReportResult,
  type ReportSummary,
  type Verdict,
  type ClusterSnapshot,
} from '@havenkit/model';
import { checkFunctions } from './checks/index.js';
import type { CheckContext, HavenRelease } from './checks/context.js';
import { FIELDS_NOT_COLLECTED, parseMinor } from './checks/util.js';
import { missingFields } from './projection.js';
import { loadBundledData } from './data/load.js';
import { remediationOf } from './remediation.js';
import { CHECKER_NAME, CHECKER_VERSION } from './version.js';

export interface EvaluateOptions {
  /** @default the bundled catalogue (loadCatalogue()) */
  readonly catalogue?: Catalogue;
  /** @default the bundled data (loadBundledData()) */
  readonly data?: BundledData;
  /** Run only these checks (by name). Unknown names throw an InputError. @default every check */
  readonly only?: readonly string[];
  /** Latest Kubernetes minor ("1.35"), overriding the bundled release table. */
  readonly latestKubernetes?: string;
  /** Haven releases; absent: havenversion is skipped as offline. */
  readonly havenReleases?: readonly HavenRelease[];
  /** Opt in to the suggested checks. @default both off */
  readonly suggested?: { readonly cis?: boolean; readonly kubescape?: boolean };
  /** Result of verifyIntegrity(); absent: shavalidation is unknown. */
  readonly integrity?: IntegrityResult;
  /** sha256 of the snapshot file, recorded in the report's metadata. */
  readonly snapshotSha256?: string;
}

function runCheck(
  definition: CheckDefinition,
  snapshot: ClusterSnapshot,
  context: CheckContext,
): CheckResult {
  const fn = checkFunctions[definition.name];
  if (!fn) throw new InputError(`check "${definition.name}" has no function`);
  try {
    return fn(viewFor(definition, snapshot), context);
  } catch (error) {
    // A check that trips over unexpected data is never a pass.
    return {
      name: definition.name,
      outcome: 'unknown',
      cause: 'insufficient-data',
      reason: message('evaluate.checkFailed', { error: oneLine((error as Error).message) }),
      evidence: [],
    };
  }
}

/**
 * The snapshot as one check may read it: a list kept with fewer fields than the check declares
 * (`fields` of the list, from a collection for other checks) is replaced by an error that the
 * check reads as not collected, so no check is ever evaluated on objects missing what it reads.
 */
function viewFor(definition: CheckDefinition, snapshot: ClusterSnapshot): ClusterSnapshot {
  let resources: ClusterSnapshot['resources'] | undefined;
  for (const need of definition.needs.resources) {
    const entry = snapshot.resources[need.resource];
    if (entry === undefined || 'error' in entry || entry.fields === undefined) continue;
    const missing = missingFields(entry.fields, need.fields);
    if (missing.length === 0) continue;
    resources ??= { ...snapshot.resources };
    resources[need.resource] = {
      error: { code: 0, reason: FIELDS_NOT_COLLECTED, message: missing.join(', ') },
    };
  }
  return resources !== undefined ? { ...snapshot, resources } : snapshot;
}

function toReportResult(
  definition: CheckDefinition,
  result: CheckResult,
  context: CheckContext,
): ReportResult {
  // What to do, resolved here so that every renderer and the signed JSON say the same.
  const remediation = remediationOf(definition, result, context.enabledChecks);
  return {
    name: definition.name,
    label: definition.label,
    category: definition.category,
    mandatory: definition.mandatory,
    rationale: { en: definition.rationale.en, nl: definition.rationale.nl },
    outcome: result.outcome,
    reason: result.reason,
    ...(result.outcome === 'unknown' ? { cause: result.cause ?? 'insufficient-data' } : {}),
    evidence: result.evidence,
    ...(remediation !== undefined ? { remediation } : {}),
  };
}

/** Counts outcomes. */
export function summarize(results: readonly ReportResult[]): ReportSummary {
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  return {
    total: results.length,
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    unknown: count('unknown'),
    waived: results.filter((r) => r.waived !== undefined).length,
  };
}

/**
 * not-compliant when a mandatory check failed; inconclusive when none failed and one is unknown;
 * else compliant, but only when every mandatory check ran: a run that left mandatory checks out
 * (`notEvaluated`, from --only) says what it is, selected-passed, and never claims compliance.
 */
export function verdictOf(summary: ReportSummary, notEvaluated: readonly string[] = []): Verdict {
  if (summary.failed > 0) return 'not-compliant';
  if (summary.unknown > 0) return 'inconclusive';
  return notEvaluated.length > 0 ? 'selected-passed' : 'compliant';
}

/**
 * Evaluates every enabled check on the snapshot. Pure and deterministic: the same snapshot and
 * options give the same report, byte for byte (no clock: "now" is snapshot.metadata.collectedAt).
 * @throws InputError (exitCode 3) for an unknown name in `only` or a malformed latestKubernetes.
 */
export function evaluate(snapshot: ClusterSnapshot, options: EvaluateOptions = {}): ComplianceReport {
  const catalogue = options.catalogue ?? loadCatalogue();
  const data = options.data ?? loadBundledData();
  const names = new Set(catalogue.checks.map((c) => c.name));
  for (const name of options.only ?? []) {
    if (!names.has(name)) {
      throw new InputError(
        `unknown check "${name}" in --only; known checks: ${[...names].sort().join(', ')}`,
      );
    }
  }
  if (options.latestKubernetes !== undefined && !parseMinor(options.latestKubernetes)) {
    throw new InputError(
      `latest Kubernetes version "${options.latestKubernetes}" is not a version like 1.35`,
    );
  }
  const only = options.only ? new Set(options.only) : undefined;
  const suggested = {
    cis: options.suggested?.cis ?? false,
    kubescape: options.suggested?.kubescape ?? false,
  };
  const selected = catalogue.checks.filter((c) => !only || only.has(c.name));
  const optedIn = (c: CheckDefinition) => c.mandatory || suggested[c.name as keyof typeof suggested] === true;

  const context: CheckContext = {
    havenVersion: catalogue.havenVersion,
    data,
    enabledChecks: selected.filter(optedIn),
    suggested,
    ...(options.latestKubernetes !== undefined ? { latestKubernetes: options.latestKubernetes } : {}),
    ...(options.havenReleases !== undefined ? { havenReleases: options.havenReleases } : {}),
    ...(options.integrity !== undefined ? { integrity: options.integrity } : {}),
  };

  const all = selected.map((definition) =>
    toReportResult(definition, runCheck(definition, snapshot, context), context),
  );
  const results = all.filter((r) => r.mandatory);
  const summary = summarize(results);
  const notEvaluated = catalogue.checks
    .filter((c) => c.mandatory && !selected.includes(c))
    .map((c) => c.name);
  const { collectedAt, server, context: kubeContext, clusterId } = snapshot.metadata;
  return {
    apiVersion: REPORT_API_VERSION,
    kind: REPORT_KIND,
    metadata: {
      havenVersion: catalogue.havenVersion,
      checker: { name: CHECKER_NAME, version: CHECKER_VERSION },
      snapshot: {
        collectedAt,
        ...(server !== undefined ? { server } : {}),
        ...(kubeContext !== undefined ? { context: kubeContext } : {}),
        ...(clusterId !== undefined ? { clusterId } : {}),
        ...(options.snapshotSha256 !== undefined ? { sha256: options.snapshotSha256 } : {}),
      },
      evaluation: {
        ...(options.only !== undefined ? { only: [...options.only] } : {}),
        ...(notEvaluated.length > 0 ? { notEvaluated } : {}),
        ...(options.latestKubernetes !== undefined ? { latestKubernetes: options.latestKubernetes } : {}),
        suggested,
        ...(options.havenReleases !== undefined
          ? { havenReleases: options.havenReleases.map(({ version, date }) => ({ version, date })) }
          : {}),
      },
    },
    verdict: verdictOf(summary, notEvaluated),
    summary,
    results,
    suggested: all.filter((r) => !r.mandatory),
  };
}
