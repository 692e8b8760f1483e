import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import {
  both,
  countField,
  fail,
  nameOf,
  nlCount,
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
    return skip(
      NAME,
      both(
        'Not enabled: a suggested check (opt in with --cis).',
        'Niet ingeschakeld: een aanbevolen controle (inschakelen met --cis).',
      ),
    );
  }
  const reports = readList(snapshot, RESOURCE);
  if (!reports.ok) {
    if (reports.cause === 'api-error' && /404|NotFound|NotServed/.test(reports.why.en)) {
      return unknown(
        NAME,
        'insufficient-data',
        both(
          'No CIS benchmark results in the cluster: the Trivy operator is not installed.',
          'Geen CIS-benchmarkresultaten in het cluster: de Trivy-operator is niet geïnstalleerd.',
        ),
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
      both(
        'No CIS benchmark results (ClusterComplianceReport for a CIS spec) were found in the cluster.',
        'Er zijn geen CIS-benchmarkresultaten (ClusterComplianceReport voor een CIS-specificatie) in het cluster gevonden.',
      ),
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
      // Failed controls in this report make the check fail (and only fail: see below).
      ...(failCount !== undefined && failCount > 0 ? { offending: true } : {}),
    };
  });
  if (failed > 0) {
    return fail(
      NAME,
      both(
        `The CIS benchmark results report ${failed} failed control(s).`,
        `De CIS-benchmarkresultaten melden ${nlCount(failed, 'afgekeurde control', 'afgekeurde controls')}.`,
      ),
      evidence,
    );
  }
  // A report without a readable summary is missing data, never a pass.
  if (unreadable.length > 0) {
    return unknown(
      NAME,
      'insufficient-data',
      both(
        `CIS benchmark report(s) without a readable status.summary.failCount: ${unreadable.join(', ')}.`,
        `${unreadable.length === 1 ? 'CIS-benchmarkrapport' : 'CIS-benchmarkrapporten'} zonder leesbare status.summary.failCount: ${unreadable.join(', ')}.`,
      ),
      evidence,
    );
  }
  return pass(
    NAME,
    both(
      'The CIS benchmark results report no failed controls.',
      'De CIS-benchmarkresultaten melden geen afgekeurde controls.',
    ),
    evidence,
  );
};
