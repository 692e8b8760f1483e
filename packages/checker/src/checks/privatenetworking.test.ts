import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { forbidden, makeContext, node, nodes, withResources } from '../testing/fixtures.js';
import { classifyAddress, privatenetworking } from './privatenetworking.js';

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
    ['8.8.8.8', 'public'],
    ['2a01:4f8::1', 'public'],
    ['010.1.1.1', 'invalid'],
  ])('classifies %s as %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});
