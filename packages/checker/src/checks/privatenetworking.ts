import ipaddr from 'ipaddr.js';
import type { Evidence } from '../result.js';
import type { CheckFunction } from './context.js';
import { addressesOf } from './nodes.js';
import { fail, nameOf, pass, readList, unknown, unknownFrom } from './util.js';

const NAME = 'privatenetworking';

/**
 * ipaddr.js range names that are not globally routable: RFC 1918, CGNAT (100.64/10), ULA
 * (fc00::/7), link-local (169.254/16, fe80::/10), loopback and unspecified.
 */
const NON_ROUTABLE = new Set([
  'private',
  'carrierGradeNat',
  'uniqueLocal',
  'linkLocal',
  'loopback',
  'unspecified',
]);

/** Classifies an address: private, public (globally routable) or invalid. */
export function classifyAddress(address: string): 'private' | 'public' | 'invalid' {
  if (!ipaddr.IPv4.isValidFourPartDecimal(address) && !ipaddr.IPv6.isValid(address)) return 'invalid';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  return NON_ROUTABLE.has(ip.range()) ? 'private' : 'public';
}

/** Fails when any node has a globally routable ExternalIP or InternalIP; lists those nodes. */
export const privatenetworking: CheckFunction = (snapshot) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);
  if (nodes.value.length === 0)
    return unknown(NAME, 'insufficient-data', 'The cluster has no nodes to inspect.');

  const publicNodes: string[] = [];
  const invalid: string[] = [];
  const evidence: Evidence[] = [];
  for (const node of nodes.value) {
    const ips = addressesOf(node).filter((a) => a.type === 'ExternalIP' || a.type === 'InternalIP');
    const fields: Evidence['fields'] = {};
    for (const type of ['ExternalIP', 'InternalIP']) {
      const values = ips.filter((a) => a.type === type).map((a) => a.address);
      if (values.length > 0) fields[`status.addresses.${type}`] = values.join(', ');
    }
    const kinds = ips.map((a) => ({ ...a, class: classifyAddress(a.address) }));
    const routable = kinds.filter((a) => a.class === 'public');
    if (routable.length > 0) {
      publicNodes.push(nameOf(node));
      evidence.push({
        kind: 'Node',
        name: nameOf(node),
        fields,
        note: `globally routable: ${routable.map((a) => `${a.address} (${a.type})`).join(', ')}`,
      });
    } else if (kinds.length === 0 || kinds.some((a) => a.class === 'invalid')) {
      // A node that reports no IP address at all is missing data, never evidence of privacy.
      invalid.push(nameOf(node));
      evidence.push({
        kind: 'Node',
        name: nameOf(node),
        fields,
        note:
          kinds.length === 0
            ? 'no ExternalIP or InternalIP reported'
            : 'an address is not a valid IP address',
      });
    } else {
      evidence.push({ kind: 'Node', name: nameOf(node), fields });
    }
  }

  if (publicNodes.length > 0) {
    return fail(
      NAME,
      `${publicNodes.length} node(s) have a globally routable address: ${publicNodes.join(', ')}.`,
      evidence,
    );
  }
  if (invalid.length > 0) {
    return unknown(
      NAME,
      'insufficient-data',
      `Node addresses are missing or could not be parsed on: ${invalid.join(', ')}.`,
      evidence,
    );
  }
  return pass(NAME, `All ${nodes.value.length} nodes have only private addresses.`, evidence);
};
