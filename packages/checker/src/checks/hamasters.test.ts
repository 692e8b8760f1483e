import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import {
  endpointSlice,
  endpoints,
  forbidden,
  list,
  node,
  nodes,
  withResources,
} from '../testing/fixtures.js';
import { hamasters } from './hamasters.js';

const cp = (name: string, role = 'control-plane') => node(name, { roles: [role] });
const workers = [node('w1'), node('w2'), node('w3')];
const slices = (...addresses: string[]) =>
  list('EndpointSlice', [endpointSlice(addresses)], 'discovery.k8s.io/v1');

const cases: CheckCase[] = [
  {
    spec: 'passes with 3 nodes labelled node-role.kubernetes.io/control-plane',
    snapshot: withResources({ nodes: nodes(cp('cp1'), cp('cp2'), cp('cp3'), ...workers) }),
    outcome: 'pass',
    reason: '3 control-plane nodes',
  },
  {
    spec: 'counts the legacy master role and RKE controlplane=true',
    snapshot: withResources({
      nodes: nodes(
        cp('m1', 'master'),
        node('r1', { labels: { 'node-role.kubernetes.io/controlplane': 'true' } }),
        cp('c1'),
      ),
    }),
    outcome: 'pass',
  },
  {
    spec: 'does not count RKE controlplane=false',
    snapshot: withResources({
      nodes: nodes(
        cp('c1'),
        cp('c2'),
        node('r1', { labels: { 'node-role.kubernetes.io/controlplane': 'false' } }),
      ),
      'endpointslices.discovery.k8s.io': slices('10.0.0.1', '10.0.0.2'),
    }),
    outcome: 'fail',
  },
  {
    spec: 'passes with 3 distinct API server addresses in the default/kubernetes EndpointSlice',
    snapshot: withResources({
      nodes: nodes(...workers),
      'endpointslices.discovery.k8s.io': slices('10.0.0.1', '10.0.0.2', '10.0.0.3'),
    }),
    outcome: 'pass',
    reason: '3 endpoints',
  },
  {
    spec: 'passes with 3 addresses in the default/kubernetes Endpoints',
    snapshot: withResources({
      nodes: nodes(...workers),
      endpoints: list('Endpoints', [endpoints(['10.0.0.1', '10.0.0.2', '10.0.0.3'])]),
    }),
    outcome: 'pass',
  },
  {
    spec: 'passes for a recognised managed control plane, naming it, as inferred evidence',
    snapshot: withResources({
      nodes: nodes(node('n1', { labels: { 'k8s.scaleway.com/kapsule': 'abc' } })),
      'endpointslices.discovery.k8s.io': slices('10.0.0.1'),
    }),
    outcome: 'pass',
    reason: 'Scaleway Kubernetes Kapsule',
    evidence: (r) =>
      expect(r.evidence[0]).toMatchObject({
        inferred: true,
        fields: { 'labels.k8s.scaleway.com/kapsule': 'abc' },
      }),
  },
  {
    spec: 'recognises EKS from the server version',
    snapshot: withResources(
      { nodes: nodes(...workers), 'endpointslices.discovery.k8s.io': slices('10.0.0.1', '10.0.0.2') },
      { version: { major: '1', minor: '34+', gitVersion: 'v1.34.2-eks-ecaa3a6' } },
    ),
    outcome: 'pass',
    reason: 'Amazon EKS',
  },
  {
    spec: 'fails with one control-plane node and one endpoint on a self-managed cluster',
    snapshot: withResources({
      nodes: nodes(cp('cp1'), ...workers),
      'endpointslices.discovery.k8s.io': slices('10.0.0.1'),
    }),
    outcome: 'fail',
    reason: 'Only 1 control-plane node(s) and 1 API server endpoint(s)',
  },
  {
    spec: 'is unknown when fewer than 3 control-plane nodes and the endpoints could not be read',
    snapshot: withResources({
      nodes: nodes(cp('cp1'), ...workers),
      'endpointslices.discovery.k8s.io': forbidden(),
      endpoints: forbidden(),
    }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown (forbidden) when nodes may not be listed',
    snapshot: withResources({ nodes: forbidden() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
];

describe('hamasters', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(hamasters, c);
  });
});
