import { globMatch } from '../checks/util.js';
import {
  message,
  type Evidence,
  type ComplianceReport,
  type ReportResult,
  type VerdictWithWaivers,
  type Waiver,
  type WaiverFile,
  type WaiverOutcome,
  type WaiverReport,
} from '@havenkit/model';

function scopedObjects(waiver: Waiver): { kind: string; name: string; namespace?: string }[] | undefined {
  const { nodes, objects } = waiver.scope;
  if (nodes === undefined && objects === undefined) return undefined;
  return [...(nodes ?? []).map((name) => ({ kind: 'Node', name })), ...(objects ?? [])];
}

function covers(objects: NonNullable<ReturnType<typeof scopedObjects>>, item: Evidence): boolean {
  return objects.some(
    (o) =>
      o.kind === item.kind &&
      item.name !== undefined &&
      globMatch(o.name, item.name) &&
      (o.namespace === undefined || o.namespace === item.namespace),
  );
}

function judge(
  waiver: Waiver,
  result: ReportResult | undefined,
  clusterId: string | undefined,
  asOf: string,
): Omit<WaiverOutcome, 'waiver'> {
  if (waiver.expires < asOf) {
    return { status: 'expired', detail: message('waivers.expired', { expires: waiver.expires, asOf }) };
  }
  if (clusterId === undefined || waiver.scope.clusterId !== clusterId) {
    return {
      status: 'out-of-scope',
      detail: message('waivers.otherCluster', {
        waiverCluster: waiver.scope.clusterId,
        cluster: clusterId ?? message('waivers.clusterWithoutId'),
      }),
    };
  }
  if (result === undefined) {
    return { status: 'not-needed', detail: message('waivers.didNotRun', { check: waiver.check }) };
  }
  if (result.outcome !== 'fail') {
    return {
      status: 'not-needed',
      detail: message('waivers.didNotFail', { check: waiver.check, outcome: result.outcome }),
    };
  }
  const objects = scopedObjects(waiver);
  if (objects !== undefined) {
    const offending = result.evidence.filter((e) => e.offending === true);
    if (offending.length === 0) {
      return { status: 'out-of-scope', detail: message('waivers.noOffendingObject') };
    }
    const uncovered = offending.filter((e) => !covers(objects, e));
    if (uncovered.length > 0) {
      const names = uncovered.map((e) => `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name ?? ''}`);
      return {
        status: 'out-of-scope',
        detail: message('waivers.doesNotCover', { objects: names.join(', ') }),
      };
    }
  }
  return { status: 'applied', detail: message('waivers.applied', { expires: waiver.expires }) };
}

/**
 * The verdict with waivers: failures that are all waived make "compliant-with-waivers", never
 * "compliant" (and "selected-passed-with-waivers" in a run that left mandatory checks out).
 */
function verdictWithWaivers(report: ComplianceReport, results: readonly ReportResult[]): VerdictWithWaivers {
  if (report.verdict !== 'not-compliant') return report.verdict;
  if (results.some((r) => r.outcome === 'fail' && r.waived === undefined)) return 'not-compliant';
  if (report.summary.unknown > 0) return 'inconclusive';
  const partial = (report.metadata.evaluation.notEvaluated ?? []).length > 0;
  return partial ? 'selected-passed-with-waivers' : 'compliant-with-waivers';
}

/**
 * Applies waivers to a report. Pure: expiry is judged against the snapshot's collection date, so
 * re-evaluating the same snapshot with the same waivers gives the same report. The checks' own
 * outcomes, summary counts and verdict are untouched; waived failures get `waived`, the summary
 * counts them apart, and `verdictWithWaivers` is set. The first applicable waiver of a check wins.
 */
export function applyWaivers(report: ComplianceReport, file: WaiverFile, sha256: string): ComplianceReport {
  const asOf = report.metadata.snapshot.collectedAt.slice(0, 10);
  const clusterId = report.metadata.snapshot.clusterId;
  const all = [...report.results, ...report.suggested];
  const outcomes: WaiverOutcome[] = [];
  const waivedBy = new Map<string, number>();
  file.waivers.forEach((waiver, index) => {
    const result = all.find((r) => r.name === waiver.check);
    const judged = judge(waiver, result, clusterId, asOf);
    const earlier = waivedBy.get(waiver.check);
    if (judged.status === 'applied' && earlier !== undefined) {
      outcomes.push({
        waiver,
        status: 'not-needed',
        detail: message('waivers.alreadyWaived', { number: earlier + 1, check: waiver.check }),
      });
      return;
    }
    if (judged.status === 'applied') waivedBy.set(waiver.check, index);
    outcomes.push({ waiver, ...judged });
  });
  const mark = (r: ReportResult): ReportResult => {
    const index = waivedBy.get(r.name);
    if (index === undefined) return r;
    const w = file.waivers[index]!;
    return {
      ...r,
      waived: { index, owner: w.owner, ticket: w.ticket, expires: w.expires, reason: w.reason },
    };
  };
  const results = report.results.map(mark);
  const suggested = report.suggested.map(mark);
  const waivers: WaiverReport = { sha256, asOf, waivers: outcomes };
  return {
    ...report,
    verdictWithWaivers: verdictWithWaivers(report, results),
    summary: { ...report.summary, waived: results.filter((r) => r.waived !== undefined).length },
    results,
    suggested,
    waivers,
  };
}
