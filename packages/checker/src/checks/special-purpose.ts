import ipaddr from 'ipaddr.js';
import type { SpecialPurposeAddresses, SpecialPurposeEntry } from '@havenkit/model';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

interface Block {
  range: Address;
  bits: number;
  entry: SpecialPurposeEntry;
}

const compiled = new WeakMap<SpecialPurposeAddresses, Record<'ipv4' | 'ipv6', Block[]>>();

/**
 * Every prefix of the live registry entries, most specific first, by address kind (an address is
 * only ever matched against its own kind's). A terminated entry allocates nothing any more (its
 * cells are empty), so the space falls back to the entry around it.
 */
function blocksOf(data: SpecialPurposeAddresses): Record<'ipv4' | 'ipv6', Block[]> {
  const hit = compiled.get(data);
  if (hit) return hit;
  const blocks = data.registries
    .flatMap((r) => r.entries)
    .filter((entry) => entry.terminated === undefined)
    .flatMap((entry) =>
      entry.prefixes.map((prefix) => {
        const [range, bits] = ipaddr.parseCIDR(prefix);
        return { range, bits, entry };
      }),
    )
    .sort((a, b) => b.bits - a.bits);
  const byKind = {
    ipv4: blocks.filter((b) => b.range.kind() === 'ipv4'),
    ipv6: blocks.filter((b) => b.range.kind() === 'ipv6'),
  };
  compiled.set(data, byKind);
  return byKind;
}

/** The most specific live registry entry that contains the address, if any. */
export function specialPurposeEntry(
  address: Address,
  data: SpecialPurposeAddresses,
): SpecialPurposeEntry | undefined {
  return blocksOf(data)[address.kind()].find((b) => address.match(b.range, b.bits))?.entry;
}

/**
 * False when the most specific live entry says Globally Reachable False: the registries' own rule
 * ("unless allowed by a more specific allocation"). True, N/A and no entry at all are reachable.
 */
export function isGloballyReachable(address: Address, data: SpecialPurposeAddresses): boolean {
  return specialPurposeEntry(address, data)?.globallyReachable !== false;
}
