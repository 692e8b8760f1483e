import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { zoneOf } from './nodes.js';
import { both, fail, nameOf, pass, readList, unknownFrom } from './util.js';

const NAME = 'multiaz';

/** At least 2 distinct zones over the nodes (topology.kubernetes.io/zone, falling back to the beta label). */
export const multiaz: CheckFunction = (snapshot) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);

  const evidence: Evidence[] = nodes.value.map((node) => {
    const { zone, label } = zoneOf(node);
    return {
      kind: 'Node',
      name: nameOf(node),
      fields: { [`labels.${label ?? 'topology.kubernetes.io/zone'}`]: zone ?? null },
    };
  });
  const zones = [...new Set(nodes.value.map((n) => zoneOf(n).zone).filter((z): z is string => !!z))].sort();

  if (nodes.value.length === 0) {
    return fail(
      NAME,
      both(
        'The cluster has no nodes, so no availability zones are in use.',
        'Het cluster heeft geen nodes, dus er zijn geen beschikbaarheidszones in gebruik.',
      ),
    );
  }
  if (zones.length >= 2) {
    return pass(
      NAME,
      both(
        `Nodes are spread over ${zones.length} availability zones: ${zones.join(', ')}.`,
        `De nodes zijn verdeeld over ${zones.length} beschikbaarheidszones: ${zones.join(', ')}.`,
      ),
      evidence,
    );
  }
  const which = zones.length === 1 ? `1 availability zone (${zones[0]})` : 'no availability zone label';
  const count = nodes.value.length;
  return fail(
    NAME,
    both(
      `All ${count} nodes are in ${which}; at least 2 zones are required.`,
      zones.length === 1
        ? `${count === 1 ? 'De enige node staat' : `Alle ${count} nodes staan`} in 1 beschikbaarheidszone (${zones[0]}); er zijn minstens 2 zones vereist.`
        : `${count === 1 ? 'De enige node heeft' : `Alle ${count} nodes hebben`} geen label voor een beschikbaarheidszone; er zijn minstens 2 zones vereist.`,
    ),
    evidence,
  );
};
