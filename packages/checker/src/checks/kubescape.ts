import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import {
  countField,
  fail,
  isNotServed,
  nameOf,
  namespaceOf,
  pass,
  readList,
  skip,
  unknown,
  unknownFrom,
} from './util.js';

const NAME = 'kubescape';
const RESOURCE = 'configurationscansummaries.spdx.softwarecomposition.kubescape.io';

/**
 * Suggested, opt-in: reads the Kubescape operator's ConfigurationScanSummaries. Pass when they
 * report no critical-severity findings, fail when they do, unknown when there are none.
 */
export const kubescape: CheckFunction = (snapshot, context) => {
  if (!context.suggested.kubescape) {
    return skip(NAME, message('kubescape.notEnabled'));
  }
  const summaries = readList(snapshot, RESOURCE);
  if (!summaries.ok) {
    // Decided on the API's answer (404, NotFound, NotServed), never on the wording of `why`.
    if (isNotServed(summaries)) {
      return unknown(NAME, 'insufficient-data', message('kubescape.notInstalled'), summaries.evidence);
    }
    return unknownFrom(NAME, summaries);
  }
  if (summaries.value.length === 0) {
    return unknown(NAME, 'insufficient-data', message('kubescape.noSummaries'));
  }
  let critical = 0;
  const unreadable: string[] = [];
  const evidence: Evidence[] = summaries.value.map((s) => {
    const count = (level: string) => countField(s, 'spec', 'severities', level) ?? null;
    const criticalCount = count('critical');
    if (criticalCount === null) unreadable.push(nameOf(s));
    critical += criticalCount ?? 0;
    return {
      kind: 'ConfigurationScanSummary',
      ...(namespaceOf(s) ? { namespace: namespaceOf(s) } : {}),
      name: nameOf(s),
      fields: {
        critical: count('critical'),
        high: count('high'),
        medium: count('medium'),
        low: count('low'),
      },
      // Critical findings in this summary make the check fail (and only fail: see below).
      ...(criticalCount !== null && criticalCount > 0 ? { offending: true } : {}),
    };
  });
  if (critical > 0) {
    return fail(NAME, message('kubescape.fail', { critical }), evidence);
  }
  // A summary without a readable critical count is missing data, never a pass.
  if (unreadable.length > 0) {
    const reason = message('kubescape.unreadable', {
      summaries: unreadable.join(', '),
      count: unreadable.length,
    });
    return unknown(NAME, 'insufficient-data', reason, evidence);
  }
  return pass(NAME, message('kubescape.pass', { count: summaries.value.length }), evidence);
};
