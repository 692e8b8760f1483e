import ipaddr from 'ipaddr.js';
import { message, type Evidence, type SpecialPurposeAddresses } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { NODE_ADDRESS_TYPES, addressesOf } from './nodes.js';
import { isGloballyReachable } from './special-purpose.js';
import { fail, nameOf, pass, readList, unknown, unknownFrom } from './util.js';

const NAME = 'privatenetworking';

const FOUR_PART_DECIMAL = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * The address when it is what ipaddr's isValidFourPartDecimal accepts (four decimal parts without
 * leading zeros, each at most 255), read in one pass: ipaddr validates, then parses, each time
 * through every notation it knows: nearly half of this check's time over 5,000 nodes.
 */
function fourPartDecimal(address: string): ipaddr.IPv4 | undefined {
  const match = FOUR_PART_DECIMAL.exec(address);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? new ipaddr.IPv4(octets) : undefined;
}

/**
 * Classifies an address: private (not globally reachable by the IANA special-purpose registries in
 * compliance/data/special-purpose-addresses.yaml), public (globally routable) or invalid. An
 * IPv4-mapped IPv6 address is the IPv4 address it carries.
 */
export function classifyAddress(
  address: string,
  registries: SpecialPurposeAddresses,
): 'private' | 'public' | 'invalid' {
  const v4 = fourPartDecimal(address);
  if (v4 !== undefined) return isGloballyReachable(v4, registries) ? 'public' : 'private';
  if (!ipaddr.IPv4.isValidFourPartDecimal(address) && !ipaddr.IPv6.isValid(address)) return 'invalid';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  return isGloballyReachable(ip, registries) ? 'public' : 'private';
}

/** Fails when any node has a globally routable ExternalIP or InternalIP; lists those nodes. */
export const privatenetworking: CheckFunction = (snapshot, context) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);
  if (nodes.value.length === 0) {
    return unknown(NAME, 'insufficient-data', message('privatenetworking.noNodes'));
  }

  const publicNodes: string[] = [];
  const invalid: string[] = [];
  const evidence: Evidence[] = [];
  for (const node of nodes.value) {
    const addresses = addressesOf(node);
    const ips = addresses.filter((a) => a.type === 'ExternalIP' || a.type === 'InternalIP');
    // A type the API does not define ("internalIP", "PublicIP") may hold any address: it is not
    // known to be private, so the node is unknown rather than passed on its other addresses.
    const unrecognised = addresses.filter((a) => !NODE_ADDRESS_TYPES.includes(a.type));
    const fields: Evidence['fields'] = {};
    for (const type of ['ExternalIP', 'InternalIP']) {
      const values = ips.filter((a) => a.type === type).map((a) => a.address);
      if (values.length > 0) fields[`status.addresses.${type}`] = values.join(', ');
    }
    const kinds = ips.map((a) => ({
      ...a,
      class: classifyAddress(a.address, context.data.specialPurposeAddresses),
    }));
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
    } else if (unrecognised.length > 0 || kinds.length === 0 || kinds.some((a) => a.class === 'invalid')) {
      // A node that reports no IP address at all is missing data, never evidence of privacy.
      invalid.push(nameOf(node));
      const types = [...new Set(unrecognised.map((a) => JSON.stringify(a.type)))].join(', ');
      evidence.push({
        kind: 'Node',
        name: nameOf(node),
        fields,
        note:
          unrecognised.length > 0
            ? message('privatenetworking.unrecognisedType', { types })
            : kinds.length === 0
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
