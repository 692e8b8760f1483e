import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import {
  both,
  countField,
  fail,
  nameOf,
  namespaceOf,
  nlCount,
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
    return skip(
      NAME,
      both(
        'Not enabled: a suggested check (opt in with --kubescape).',
        'Niet ingeschakeld: een aanbevolen controle (inschakelen met --kubescape).',
      ),
    );
  }
  const summaries = readList(snapshot, RESOURCE);
  if (!summaries.ok) {
    if (summaries.cause === 'api-error' && /404|NotFound|NotServed/.test(summaries.why.en)) {
      return unknown(
        NAME,
        'insufficient-data',
        both(
          'No Kubescape results in the cluster: the Kubescape operator is not installed.',
          'Geen Kubescape-resultaten in het cluster: de Kubescape-operator is niet geïnstalleerd.',
        ),
        summaries.evidence,
      );
    }
    return unknownFrom(NAME, summaries);
  }
  if (summaries.value.length === 0) {
    return unknown(
      NAME,
      'insufficient-data',
      both(
        'No Kubescape scan summaries were found in the cluster.',
        'Er zijn geen Kubescape-scansamenvattingen in het cluster gevonden.',
      ),
    );
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
    return fail(
      NAME,
      both(
        `Kubescape reports ${critical} critical finding(s).`,
        `Kubescape meldt ${nlCount(critical, 'kritieke bevinding', 'kritieke bevindingen')}.`,
      ),
      evidence,
    );
  }
  // A summary without a readable critical count is missing data, never a pass.
  if (unreadable.length > 0) {
    return unknown(
      NAME,
      'insufficient-data',
      both(
        `Kubescape scan summaries without a readable spec.severities.critical: ${unreadable.join(', ')}.`,
        `Kubescape-scansamenvattingen zonder leesbare spec.severities.critical: ${unreadable.join(', ')}.`,
      ),
      evidence,
    );
  }
  return pass(
    NAME,
    both(
      `Kubescape reports no critical findings in ${summaries.value.length} scan summaries.`,
      `Kubescape meldt geen kritieke bevindingen in ${nlCount(summaries.value.length, 'scansamenvatting', 'scansamenvattingen')}.`,
    ),
    evidence,
  );
};
