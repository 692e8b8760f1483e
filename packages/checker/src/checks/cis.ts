import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import {
  countField,
  fail,
  isNotServed,
  nameOf,
  pass,
  readList,
  skip,
  stringField,
  unknown,
  unknownFrom,
} from './util.js';

const NAME = 'cis';
const RESOURCE = 'clustercompliancereports.aquasecurity.github.io';

/**
 * Suggested, opt-in: reads CIS benchmark results already in the cluster (Trivy operator
 * ClusterComplianceReports whose id names a CIS spec). Pass when none failed, fail with counts,
 * unknown when there are no results.
 */
export const cis: CheckFunction = (snapshot, context) => {
  if (!context.suggested.cis) {
    return skip(NAME, message('cis.notEnabled'));
  }
  const reports = readList(snapshot, RESOURCE);
  if (!reports.ok) {
    // Decided on the API's answer (404, NotFound, NotServed), never on the wording of `why`.
    if (isNotServed(reports)) {
      return unknown(NAME, 'insufficient-data', message('cis.notInstalled'), reports.evidence);
    }
    return unknownFrom(NAME, reports);
  }
  const cisReports = reports.value.filter((r) =>
    /cis/i.test(stringField(r, 'spec', 'compliance', 'id') ?? nameOf(r)),
  );
  if (cisReports.length === 0) {
    return unknown(NAME, 'insufficient-data', message('cis.noResults'));
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
      // Failed controls in this report make the check fail (and only fail: see below).
      ...(failCount !== undefined && failCount > 0 ? { offending: true } : {}),
    };
  });
  if (failed > 0) {
    return fail(NAME, message('cis.fail', { failed }), evidence);
  }
  // A report without a readable summary is missing data, never a pass.
  if (unreadable.length > 0) {
    const reason = message('cis.unreadable', { reports: unreadable.join(', '), count: unreadable.length });
    return unknown(NAME, 'insufficient-data', reason, evidence);
  }
  return pass(NAME, message('cis.pass'), evidence);
};
