import ipaddr from 'ipaddr.js';
import type { SpecialPurposeAddresses, SpecialPurposeEntry } from '@havenkit/model';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

interface Block {
  range: Address;
  bits: number;
  entry: SpecialPurposeEntry;
}

const compiled = new WeakMap<SpecialPurposeAddresses, Block[]>();

/**
 * Every prefix of the live registry entries, most specific first. A terminated entry allocates
 * nothing any more (its cells are empty), so the space falls back to the entry around it.
 */
function blocksOf(data: SpecialPurposeAddresses): Block[] {
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
  compiled.set(data, blocks);
  return blocks;
}

/** The most specific live registry entry that contains the address, if any. */
export function specialPurposeEntry(
  address: Address,
  data: SpecialPurposeAddresses,
): SpecialPurposeEntry | undefined {
  return blocksOf(data).find((b) => b.range.kind() === address.kind() && address.match(b.range, b.bits))
    ?.entry;
}

/**
 * False when the most specific live entry says Globally Reachable False: the registries' own rule
 * ("unless allowed by a more specific allocation"). True, N/A and no entry at all are reachable.
 */
export function isGloballyReachable(address: Address, data: SpecialPurposeAddresses): boolean {
  return specialPurposeEntry(address, data)?.globallyReachable !== false;
}
