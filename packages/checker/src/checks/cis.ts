import type { Evidence } from '../result.js';
import type { CheckFunction } from './context.js';
import { fail, field, nameOf, pass, readList, skip, stringField, unknown, unknownFrom } from './util.js';

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
  const evidence: Evidence[] = cisReports.map((r) => {
    const failCount = Number(field(r, 'status', 'summary', 'failCount') ?? 0);
    const passCount = Number(field(r, 'status', 'summary', 'passCount') ?? 0);
    failed += failCount;
    return {
      kind: 'ClusterComplianceReport',
      name: nameOf(r),
      fields: {
        'spec.compliance.id': stringField(r, 'spec', 'compliance', 'id') ?? null,
        'status.summary.failCount': failCount,
        'status.summary.passCount': passCount,
        'status.updateTimestamp': stringField(r, 'status', 'updateTimestamp') ?? null,
      },
    };
  });
  if (failed === 0) return pass(NAME, `The CIS benchmark results report no failed controls.`, evidence);
  return fail(NAME, `The CIS benchmark results report ${failed} failed control(s).`, evidence);
};
