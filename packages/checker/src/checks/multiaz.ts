import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { zoneOf } from './nodes.js';
import { fail, nameOf, pass, readList, unknownFrom } from './util.js';

const NAME = 'multiaz';

/**
 * At least 2 distinct zones over the nodes (topology.kubernetes.io/zone, falling back to the beta
 * label); a value that is not a valid label value counts as no zone.
 */
export const multiaz: CheckFunction = (snapshot) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);

  const evidence: Evidence[] = nodes.value.map((node) => {
    const { zone, label, invalid } = zoneOf(node);
    const key = `labels.${label ?? 'topology.kubernetes.io/zone'}`;
    if (invalid !== undefined) {
      const shown = invalid.length > 80 ? `${invalid.slice(0, 79)}…` : invalid;
      return {
        kind: 'Node',
        name: nameOf(node),
        fields: { [key]: shown },
        note: message('multiaz.invalidZone'),
      };
    }
    return { kind: 'Node', name: nameOf(node), fields: { [key]: zone ?? null } };
  });
  const zones = [...new Set(nodes.value.map((n) => zoneOf(n).zone).filter((z): z is string => !!z))].sort();

  if (nodes.value.length === 0) {
    return fail(NAME, message('multiaz.noNodes'));
  }
  if (zones.length >= 2) {
    return pass(NAME, message('multiaz.pass', { count: zones.length, zones: zones.join(', ') }), evidence);
  }
  const count = nodes.value.length;
  const reason =
    zones[0] !== undefined
      ? message('multiaz.oneZone', { nodes: count, zone: zones[0] })
      : message('multiaz.noZone', { nodes: count });
  return fail(NAME, reason, evidence);
};
