import ipaddr from 'ipaddr.js';
import { message, type Evidence } from '@havenkit/model';
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
  if (nodes.value.length === 0) {
    return unknown(NAME, 'insufficient-data', message('privatenetworking.noNodes'));
  }

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
      const addresses = routable.map((a) => `${a.address} (${a.type})`).join(', ');
      publicNodes.push(nameOf(node));
      // A node with a routable address always makes the check fail: it is the offending object.
      evidence.push({
        kind: 'Node',
        name: nameOf(node),
        fields,
        note: message('privatenetworking.routable', { addresses }),
        offending: true,
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
            ? message('privatenetworking.noAddress')
            : message('privatenetworking.invalidAddress'),
      });
    } else {
      evidence.push({ kind: 'Node', name: nameOf(node), fields });
    }
  }

  if (publicNodes.length > 0) {
    const reason = message('privatenetworking.fail', {
      count: publicNodes.length,
      nodes: publicNodes.join(', '),
    });
    return fail(NAME, reason, evidence);
  }
  if (invalid.length > 0) {
    const reason = message('privatenetworking.unknown', { nodes: invalid.join(', ') });
    return unknown(NAME, 'insufficient-data', reason, evidence);
  }
  return pass(NAME, message('privatenetworking.pass', { count: nodes.value.length }), evidence);
};
