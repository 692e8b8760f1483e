import type { Evidence } from '../result.js';
import type { CheckFunction } from './context.js';
import { countField, fail, nameOf, pass, readList, skip, stringField, unknown, unknownFrom } from './util.js';

const NAME = 'cis';
const RESOURCE = 'clustercompliancereports.aquasecurity.github.io';

/**
 * Suggested, opt-in: reads CIS benchmark results already in the cluster (Trivy operator
 * ClusterComplianceReports whose id names a CIS spec). Pass when none failed, fail with counts,
 * unknown when there are no results.
 */
export const cis: CheckFunction = (snapshot, context) => {
  if (!context.suggested.cis) return skip(NAME, 'Not enabled: a suggested check (opt in with --cis).');
  const reports = readList(snapshot, RESOURCE);
  if (!reports.ok) {
    if (reports.cause === 'api-error' && /404|NotFound|NotServed/.test(reports.why)) {
      return unknown(
        NAME,
        'insufficient-data',
        'No CIS benchmark results in the cluster: the Trivy operator is not installed.',
        reports.evidence,
      );
    }
    return unknownFrom(NAME, reports);
  }
  const cisReports = reports.value.filter((r) =>
    /cis/i.test(stringField(r, 'spec', 'compliance', 'id') ?? nameOf(r)),
  );
  if (cisReports.length === 0) {
    return unknown(
      NAME,
      'insufficient-data',
      'No CIS benchmark results (ClusterComplianceReport for a CIS spec) were found in the cluster.',
    );
  }
  let failed = 0;
  const unreadable: string[] = [];
  const evidence: Evidence[] = cisReports.map((r) => {
    const failCount = countField(r, 'status', 'summary', 'failCount');
    const passCount = countField(r, 'status', 'summary', 'passCount');
    if (failCount === undefined) unreadable.push(nameOf(r));
    failed += failCount ?? 0;
    return {
      kind: 'ClusterComplianceReport',
      name: nameOf(r),
      fields: {
        'spec.compliance.id': stringField(r, 'spec', 'compliance', 'id') ?? null,
        'status.summary.failCount': failCount ?? null,
        'status.summary.passCount': passCount ?? null,
        'status.updateTimestamp': stringField(r, 'status', 'updateTimestamp') ?? null,
      },
    };
  });
  if (failed > 0)
    return fail(NAME, `The CIS benchmark results report ${failed} failed control(s).`, evidence);
  // A report without a readable summary is missing data, never a pass.
  if (unreadable.length > 0) {
    return unknown(
      NAME,
      'insufficient-data',
      `CIS benchmark report(s) without a readable status.summary.failCount: ${unreadable.join(', ')}.`,
      evidence,
    );
  }
  return pass(NAME, `The CIS benchmark results report no failed controls.`, evidence);
};
