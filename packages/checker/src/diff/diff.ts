import type { Evidence, Outcome, ComplianceReport, ReportResult, VerdictWithWaivers } from '@havenkit/model';
import { comparable, isDateField } from './volatile.js';

/** A check's state for comparison: its outcome, and whether a failure was waived. */
export interface CheckState {
  outcome: Outcome;
  waived: boolean;
}

/** How one piece of evidence changed: an object seen in one report only, or different fields. */
export interface EvidenceChange {
  change: 'added' | 'removed' | 'changed';
  /** "Node haven-worker-3", "StorageClass nfs", "Pod kube-system/metrics-server-1". */
  object: string;
  /** For "changed": field → [old, new]. */
  fields?: Record<string, [Evidence['fields'][string] | undefined, Evidence['fields'][string] | undefined]>;
}

export interface CheckChange {
  name: string;
  label: string;
  mandatory: boolean;
  old: CheckState;
  new: CheckState;
  /**
   * The check got worse: pass/skip → unknown → fail, a failure lost its waiver, or a failing check
   * has a new offending object (another node with a public address).
   */
  regressed: boolean;
  /** Objects offending now that were not before (the check failed in both reports). */
  newlyOffending: string[];
  improved: boolean;
  evidence: EvidenceChange[];
}

export interface ReportDiff {
  old: { havenVersion: string; collectedAt: string; verdict: VerdictWithWaivers; clusterId?: string };
  new: { havenVersion: string; collectedAt: string; verdict: VerdictWithWaivers; clusterId?: string };
  /** The reports are of different clusters (different metadata.snapshot.clusterId). */
  differentClusters: boolean;
  /**
   * Evaluation settings that differ (only, latestKubernetes, suggested, havenReleases): the reports
   * may not be comparable check for check.
   */
  settingsChanged: string[];
  verdictChanged: boolean;
  /** Checks in the new report only (a newer catalogue, or --only). */
  added: { name: string; label: string; outcome: Outcome }[];
  /** Checks in the old report only. */
  removed: { name: string; label: string; outcome: Outcome }[];
  /** Checks in both whose outcome or evidence changed, in the new report's order. */
  changed: CheckChange[];
  /**
   * Anything regressed: the verdict, a mandatory check's outcome or offending objects, or a
   * mandatory check of the same catalogue that is no longer evaluated (left out with --only).
   */
  regressed: boolean;
}

// Worse is higher. A waived failure sits between unknown and an unwaived failure.
const RANK: Record<Outcome, number> = { pass: 0, skip: 0, unknown: 1, fail: 3 };
const rank = (s: CheckState) => (s.outcome === 'fail' && s.waived ? 2 : RANK[s.outcome]);
// A partial run (--only) ranks next to its full-run counterpart: it is not worse for having run fewer checks.
const VERDICT_RANK: Record<VerdictWithWaivers, number> = {
  compliant: 0,
  'selected-passed': 0,
  'compliant-with-waivers': 1,
  'selected-passed-with-waivers': 1,
  inconclusive: 2,
  'not-compliant': 3,
};

/** The evidence properties besides fields that are compared, as pseudo-fields. */
function markers(e: Evidence | undefined): Record<string, string | boolean | undefined> {
  return { '(offending)': e?.offending, '(inferred)': e?.inferred, '(note)': e?.note?.en };
}

function objectKey(e: Evidence): string {
  const where = e.namespace ? `${e.namespace}/` : '';
  return e.name !== undefined ? `${e.kind} ${where}${e.name}` : e.kind;
}

/**
 * Evidence differences by object; several items of the same object are compared in order. What
 * only dates the evidence (./volatile.ts) is no difference.
 */
export function diffEvidence(oldItems: readonly Evidence[], newItems: readonly Evidence[]): EvidenceChange[] {
  const group = (items: readonly Evidence[]) => {
    const map = new Map<string, Evidence[]>();
    items.forEach((e) => map.set(objectKey(e), [...(map.get(objectKey(e)) ?? []), e]));
    return map;
  };
  const before = group(oldItems);
  const after = group(newItems);
  const changes: EvidenceChange[] = [];
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const key of keys) {
    const a = before.get(key) ?? [];
    const b = after.get(key) ?? [];
    if (a.length === 0) {
      changes.push({ change: 'added', object: key });
      continue;
    }
    if (b.length === 0) {
      changes.push({ change: 'removed', object: key });
      continue;
    }
    const fields: NonNullable<EvidenceChange['fields']> = {};
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const fa = { ...a[i]?.fields, ...markers(a[i]) };
      const fb = { ...b[i]?.fields, ...markers(b[i]) };
      for (const f of [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort()) {
        if (isDateField(f) || comparable(fa[f]) === comparable(fb[f])) continue;
        fields[a.length > 1 || b.length > 1 ? `[${i}].${f}` : f] = [fa[f], fb[f]];
      }
    }
    if (Object.keys(fields).length > 0) changes.push({ change: 'changed', object: key, fields });
  }
  return changes;
}

/** The names of the evaluation settings that differ between the reports. */
function settingsChanged(a: ComplianceReport, b: ComplianceReport): string[] {
  const x = a.metadata.evaluation as unknown as Record<string, unknown>;
  const y = b.metadata.evaluation as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])]
    .filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
    .sort();
}

const stateOf = (r: ReportResult): CheckState => ({ outcome: r.outcome, waived: r.waived !== undefined });
const verdictOf = (r: ComplianceReport): VerdictWithWaivers => r.verdictWithWaivers ?? r.verdict;

/**
 * What changed between two reports of (normally) the same cluster: the verdict, checks added or
 * removed between catalogue versions, and per check the outcome and the evidence. Pure.
 */
export function diffReports(oldReport: ComplianceReport, newReport: ComplianceReport): ReportDiff {
  const all = (r: ComplianceReport) => [...r.results, ...r.suggested];
  const before = new Map(all(oldReport).map((r) => [r.name, r]));
  const after = new Map(all(newReport).map((r) => [r.name, r]));
  const summary = (r: ReportResult) => ({ name: r.name, label: r.label, outcome: r.outcome });

  const changed: CheckChange[] = [];
  for (const next of all(newReport)) {
    const prev = before.get(next.name);
    if (!prev) continue;
    const o = stateOf(prev);
    const n = stateOf(next);
    const evidence = diffEvidence(prev.evidence, next.evidence);
    const outcomeChanged = o.outcome !== n.outcome || o.waived !== n.waived;
    if (!outcomeChanged && evidence.length === 0) continue;
    const wasOffending = new Set(prev.evidence.filter((e) => e.offending === true).map(objectKey));
    const newlyOffending =
      o.outcome === 'fail' && n.outcome === 'fail'
        ? [...new Set(next.evidence.filter((e) => e.offending === true).map(objectKey))].filter(
            (k) => !wasOffending.has(k),
          )
        : [];
    changed.push({
      name: next.name,
      label: next.label,
      mandatory: next.mandatory,
      old: o,
      new: n,
      regressed: rank(n) > rank(o) || newlyOffending.length > 0,
      improved: rank(n) < rank(o),
      newlyOffending,
      evidence,
    });
  }
  const side = (r: ComplianceReport) => ({
    havenVersion: r.metadata.havenVersion,
    collectedAt: r.metadata.snapshot.collectedAt,
    verdict: verdictOf(r),
    ...(r.metadata.snapshot.clusterId !== undefined ? { clusterId: r.metadata.snapshot.clusterId } : {}),
  });
  const oldSide = side(oldReport);
  const newSide = side(newReport);
  const removed = all(oldReport).filter((r) => !after.has(r.name));
  const sameCatalogue = oldSide.havenVersion === newSide.havenVersion;
  return {
    old: oldSide,
    new: newSide,
    differentClusters: oldSide.clusterId !== newSide.clusterId,
    settingsChanged: settingsChanged(oldReport, newReport),
    verdictChanged: oldSide.verdict !== newSide.verdict,
    added: all(newReport)
      .filter((r) => !before.has(r.name))
      .map(summary),
    removed: removed.map(summary),
    changed,
    regressed:
      VERDICT_RANK[newSide.verdict] > VERDICT_RANK[oldSide.verdict] ||
      changed.some((c) => c.mandatory && c.regressed) ||
      (sameCatalogue && removed.some((r) => r.mandatory)) ||
      all(newReport).some((r) => !before.has(r.name) && r.mandatory && r.outcome === 'fail' && !r.waived),
  };
}
