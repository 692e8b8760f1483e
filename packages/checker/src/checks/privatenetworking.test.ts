import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@havenkit/model';
import { loadBundledData } from '../data/load.js';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { forbidden, makeContext, node, nodes, withResources } from '../testing/fixtures.js';
import { classifyAddress, privatenetworking } from './privatenetworking.js';

/** The node with one more entry in status.addresses. */
const withAddress = (n: KubeObject, address: { type: string; address: string }): KubeObject => ({
  ...n,
  status: { ...n.status, addresses: [...((n.status?.addresses as unknown[]) ?? []), address] },
});

const cases: CheckCase[] = [
  {
    spec: 'passes when every node has only private, CGNAT, ULA or link-local addresses',
    snapshot: withResources({
      nodes: nodes(
        node('a', { internalIP: '10.1.2.3' }),
        node('b', { internalIP: ['172.20.0.5', 'fd00::5'] }),
        node('c', { internalIP: '192.168.1.5', externalIP: '100.64.0.9' }),
      ),
    }),
    outcome: 'pass',
  },
  {
    spec: 'fails when a node has a public ExternalIP, listing the node',
    snapshot: withResources({ nodes: nodes(node('a'), node('b', { externalIP: '51.158.10.20' })) }),
    outcome: 'fail',
    reason: '1 node(s) have a globally routable address: b',
    evidence: (r) =>
      expect(r.evidence[1]?.note).toEqual({
        en: 'globally routable: 51.158.10.20 (ExternalIP)',
        nl: 'publiek routeerbaar: 51.158.10.20 (ExternalIP)',
      }),
  },
  {
    spec: 'fails when a node has a globally routable InternalIP (IPv6)',
    snapshot: withResources({ nodes: nodes(node('a', { internalIP: '2001:bc8:1:2::5' })) }),
    outcome: 'fail',
  },
  {
    spec: 'passes a node in the benchmarking range 198.18.0.0/15: it is not globally reachable',
    snapshot: withResources({ nodes: nodes(node('a', { internalIP: '198.18.0.1' })) }),
    outcome: 'pass',
  },
  {
    spec: 'fails a node with an AS112 address: globally reachable, though inside 2001::/23',
    snapshot: withResources({ nodes: nodes(node('a', { internalIP: '2001:4:112::1' })) }),
    outcome: 'fail',
  },
  {
    spec: 'is unknown when an address cannot be parsed',
    snapshot: withResources({ nodes: nodes(node('a', { internalIP: 'not-an-ip' })) }),
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'is unknown, never a pass, when a node reports no IP address',
    snapshot: withResources({
      nodes: nodes(node('a'), { ...node('b'), status: { ...node('b').status, addresses: [] } }),
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'b',
  },
  {
    spec: 'is unknown, never a pass, when a node has an address type the API does not define (externalIP in other case)',
    snapshot: withResources({
      nodes: nodes(node('a'), withAddress(node('b'), { type: 'externalIP', address: '51.158.10.20' })),
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'b',
    evidence: (r) =>
      expect(r.evidence[1]?.note?.en).toContain(
        'address type "externalIP" is not one the Kubernetes API defines',
      ),
  },
  {
    spec: 'passes a node whose InternalDNS and ExternalDNS names sit beside private IPs',
    snapshot: withResources({
      nodes: nodes(
        withAddress(withAddress(node('a'), { type: 'InternalDNS', address: 'a.internal' }), {
          type: 'ExternalDNS',
          address: 'a.example.org',
        }),
      ),
    }),
    outcome: 'pass',
  },
  {
    spec: 'is unknown (forbidden) when nodes may not be listed',
    snapshot: withResources({ nodes: forbidden() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
];

describe('privatenetworking', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(privatenetworking, c);
  });

  it('marks only the nodes with a globally routable address as offending', () => {
    const result = expectCase(privatenetworking, {
      spec: 'offending',
      snapshot: withResources({
        nodes: nodes(
          node('haven-worker-1', { internalIP: '10.0.0.11' }),
          node('haven-worker-2', { internalIP: '10.0.0.12', externalIP: '100.64.0.12' }),
          node('haven-worker-3', { internalIP: '10.0.0.13', externalIP: '51.158.10.20' }),
        ),
      }),
      outcome: 'fail',
    });
    expect(result.reason).toEqual({
      en: '1 node(s) have a globally routable address: haven-worker-3.',
      nl: '1 node heeft een publiek routeerbaar adres: haven-worker-3.',
    });
    expect(result.evidence.map((e) => [e.name, e.offending === true])).toEqual([
      ['haven-worker-1', false],
      ['haven-worker-2', false],
      ['haven-worker-3', true],
    ]);
  });

  it('marks no evidence offending when every address is private or unknown', () => {
    for (const snapshot of [
      withResources({ nodes: nodes(node('a'), node('b', { externalIP: '100.64.0.9' })) }),
      withResources({ nodes: nodes(node('a'), node('b', { internalIP: 'not-an-ip' })) }),
    ]) {
      const result = privatenetworking(snapshot, makeContext());
      expect(result.outcome).not.toBe('fail');
      expect(result.evidence.some((e) => e.offending)).toBe(false);
    }
  });

  const registries = loadBundledData().specialPurposeAddresses;

  it.each([
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.128.0.1', 'public'],
    ['169.254.1.1', 'private'],
    ['127.0.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fe80::1', 'private'],
    ['::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:198.18.0.1', 'private'],
    ['8.8.8.8', 'public'],
    ['2a01:4f8::1', 'public'],
    ['010.1.1.1', 'invalid'],
  ])('classifies %s as %s', (address, expected) => {
    expect(classifyAddress(address, registries)).toBe(expected);
  });

  it.each([
    ['198.18.0.1', 'benchmarking (198.18.0.0/15)'],
    ['198.19.255.254', 'benchmarking, the upper half of the /15'],
    ['192.0.2.1', 'documentation TEST-NET-1'],
    ['198.51.100.7', 'documentation TEST-NET-2'],
    ['203.0.113.5', 'documentation TEST-NET-3'],
    ['100.64.0.1', 'shared address space (100.64.0.0/10)'],
    ['100.127.255.254', 'shared address space, its last /24'],
    ['240.0.0.1', 'reserved (240.0.0.0/4)'],
    ['255.255.255.255', 'limited broadcast'],
    ['192.0.0.8', 'the IPv4 dummy address'],
    ['192.88.99.2', 'the 6a44 relay, live inside the terminated 6to4 relay /24'],
    ['2001:db8::1', 'IPv6 documentation (2001:db8::/32)'],
    ['3fff::1', 'IPv6 documentation (3fff::/20)'],
    ['2001:2::1', 'IPv6 benchmarking, inside 2001::/23'],
    ['2001:10::1', 'the terminated ORCHID /28: 2001::/23 decides again'],
    ['64:ff9b:1::1', 'local-use IPv4/IPv6 translation'],
    ['5f00::1', 'SRv6 SIDs'],
  ])('classifies %s as private: %s is not globally reachable', (address) => {
    expect(classifyAddress(address, registries)).toBe('private');
  });

  it.each([
    ['192.88.99.1', 'the deprecated 6to4 relay anycast: its entry is terminated'],
    ['64:ff9b::808:808', 'NAT64 well-known prefix (64:ff9b::/96, True)'],
    ['2001:4:112::1', 'AS112-v6 (2001:4:112::/48, True) inside 2001::/23 (False)'],
    ['2001:1::1', 'Port Control Protocol anycast (/128, True) inside 2001::/23'],
    ['2001:20::1', 'ORCHIDv2 (True) inside 2001::/23'],
    ['2001:0:4136:e378::1', 'TEREDO (N/A): not said to be unreachable'],
    ['2002:c000:201::1', '6to4 (N/A)'],
    ['192.0.0.9', 'Port Control Protocol anycast (True) inside 192.0.0.0/24 (False)'],
    ['192.31.196.1', 'AS112-v4 (True)'],
    ['224.0.0.1', 'multicast, which the special-purpose registries do not list'],
    ['51.158.10.20', 'an ordinary public address'],
  ])('classifies %s as public: %s', (address) => {
    expect(classifyAddress(address, registries)).toBe('public');
  });
});

describe('the bundled special-purpose address registries', () => {
  const { registries, checked } = loadBundledData().specialPurposeAddresses;
  const entries = registries.flatMap((r) => r.entries.map((e) => ({ registry: r, entry: e })));

  it('has an IPv4 and an IPv6 registry, each with its last-updated date, and the date checked', () => {
    expect(registries.map((r) => r.id)).toEqual(['ipv4', 'ipv6']);
    for (const r of registries) expect(r.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(entries.flatMap(({ registry, entry }) => entry.prefixes.map((p) => [p, registry.id] as const)))(
    'parses %s as a CIDR prefix of the %s registry, with no host bits set',
    (prefix, id) => {
      const [range] = ipaddr.parseCIDR(prefix);
      expect(range.kind()).toBe(id);
      const network = (id === 'ipv4' ? ipaddr.IPv4 : ipaddr.IPv6).networkAddressFromCIDR(prefix);
      expect(network.toString()).toBe(range.toString());
    },
  );

  it('refers only to footnotes the registry has', () => {
    for (const registry of registries) {
      const markers = (registry.footnotes ?? []).map((f) => f.marker);
      const used = registry.entries.flatMap((e) => [e.prefixFootnote, e.globallyReachableFootnote]);
      expect(used.filter((m) => m !== undefined && !markers.includes(m))).toEqual([]);
    }
  });

  it('leaves Globally Reachable empty exactly for the terminated entries', () => {
    for (const { entry } of entries) {
      expect(entry.globallyReachable === null).toBe(entry.terminated !== undefined);
    }
  });
});
