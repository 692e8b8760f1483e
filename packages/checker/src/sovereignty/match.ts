/**
 * What the register and exit readiness both match a cluster's objects by: an object as evidence,
 * and the provider a node shows (its providerID prefix or a node label, against the facts). Pure.
 */
import type { KubeObject, LoadedSovereigntyFacts, ProviderFact, RegisterEvidence } from '@havenkit/model';
import { stringField } from '../objects.js';
import { stringMap } from './workloads.js';

export const evidenceOf = (
  kind: string,
  o: KubeObject,
  fields?: Record<string, string | number | boolean | null>,
): RegisterEvidence => ({
  kind,
  ...(o.metadata?.namespace ? { namespace: o.metadata.namespace } : {}),
  name: o.metadata?.name ?? '',
  ...(fields && Object.keys(fields).length > 0 ? { fields } : {}),
});

export interface ProviderMatch {
  readonly provider: ProviderFact;
  readonly matchedBy: string;
  readonly sources: readonly string[];
}

/** The provider a node shows: the longest providerID prefix, else a node label; specific wins among equals. */
export function providerOfNode(facts: LoadedSovereigntyFacts, node: KubeObject): ProviderMatch | undefined {
  const providerId = stringField(node, 'spec', 'providerID') ?? '';
  const labels = stringMap(node.metadata?.labels);
  let best: (ProviderMatch & { score: number }) | undefined;
  const offer = (m: ProviderMatch, score: number) => {
    const s = score + (m.provider.specific ? 0.5 : 0);
    if (best === undefined || s > best.score) best = { ...m, score: s };
  };
  for (const provider of facts.providers) {
    for (const p of provider.providerIds ?? []) {
      if (providerId.startsWith(p.prefix))
        offer(
          { provider, matchedBy: `providerID prefix ${p.prefix}`, sources: p.sources },
          1000 + p.prefix.length,
        );
    }
    for (const l of provider.nodeLabels ?? []) {
      const keys = l.key.endsWith('/')
        ? Object.keys(labels).filter((k) => k.startsWith(l.key))
        : l.key in labels
          ? [l.key]
          : [];
      const hit = keys.find((k) => l.value === undefined || labels[k] === l.value);
      if (hit !== undefined) {
        offer(
          {
            provider,
            matchedBy: `node label ${l.value === undefined ? hit : `${hit}=${l.value}`}`,
            sources: l.sources,
          },
          100 + l.key.length,
        );
      }
    }
  }
  return best;
}

export const REGION_LABELS = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];
export const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
