import { describe, expect, it } from 'vitest';
import { loadBundledData } from '../data/load.js';
import type { BundledData, CheckResult, CollectedResource, PlatformDefinition } from '@havenkit/model';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { forbidden, makeSnapshot, node, nodes, resourceError } from '../testing/fixtures.js';
import { cncf } from './cncf.js';

const data = loadBundledData();
const { from, to } = data.cncfPlatforms.minorRange;
const minorNumber = (minor: string) => Number(minor.split('.')[1]);

const kapsule = nodes(
  node('scw-a', {
    providerID: 'scaleway://instance/nl-ams-1/1234',
    labels: { 'k8s.scaleway.com/pool-name': 'default' },
  }),
);
const at = (gitVersion: string, resources: Record<string, CollectedResource> = { nodes: kapsule }) =>
  makeSnapshot({ version: { gitVersion }, resources });
const on = (gitVersion: string, ...cluster: Parameters<typeof nodes>) =>
  at(gitVersion, { nodes: nodes(...cluster) });

/** The bundled data with one platform changed. */
const withPlatform = (id: string, change: (p: PlatformDefinition) => PlatformDefinition): BundledData => ({
  ...data,
  cncfPlatforms: {
    ...data.cncfPlatforms,
    platforms: data.cncfPlatforms.platforms.map((p) => (p.id === id ? change(p) : p)),
  },
});
const without = (minor: string) => (p: PlatformDefinition) => {
  const submissions = { ...p.submissions };
  delete submissions[minor];
  return { ...p, minors: (p.minors ?? []).filter((m) => m !== minor), submissions };
};

const recognisedAs = (id: string) => (r: CheckResult) => expect(r.evidence[0]?.note?.en).toContain(`(${id})`);
const submission = (r: CheckResult) => r.evidence[1]?.fields.submission;
const link = (minor: string, dir: string) =>
  `https://github.com/cncf/k8s-conformance/tree/master/v${minor}/${dir}`;

const cases: CheckCase[] = [
  {
    spec: 'passes for a recognised platform with a certified submission for the server minor',
    snapshot: at('v1.35.1'),
    outcome: 'pass',
    reason: 'Scaleway Kubernetes Kapsule has a certified conformance submission for Kubernetes v1.35',
    evidence: (r) => expect(submission(r)).toBe(link('1.35', 'scaleway')),
  },
  {
    spec: 'recognises K3s from the version string',
    snapshot: on('v1.34.6+k3s1', node('a')),
    outcome: 'pass',
    reason: 'K3s',
  },
  {
    spec: 'passes an RKE2 cluster on a minor RKE2 certified as "RKE Government", linking that submission',
    snapshot: on('v1.33.5+rke2r1', node('server-1', { providerID: 'rke2://server-1' })),
    outcome: 'pass',
    reason: 'Rancher RKE2 has a certified conformance submission for Kubernetes v1.33',
    evidence: (r) => {
      recognisedAs('rke2')(r);
      expect(submission(r)).toBe(link('1.33', 'rke-government'));
    },
  },
  {
    spec: 'links every directory of an RKE2 minor, the rke2 one and the Rancher-provisioned one',
    snapshot: on('v1.36.1+rke2r1', node('server-1')),
    outcome: 'pass',
    evidence: (r) => expect(submission(r)).toBe(`${link('1.36', 'rancher')}, ${link('1.36', 'rke2')}`),
  },
  {
    spec: 'recognises EKS Anywhere, not EKS, from the EKS version string on a cluster with control-plane nodes',
    snapshot: on('v1.30.7-eks-68cabf3', node('eksa-cp-1', { roles: ['control-plane'] }), node('eksa-md-0-1')),
    outcome: 'pass',
    reason: 'Amazon EKS Anywhere',
    evidence: (r) => {
      recognisedAs('eks-anywhere')(r);
      expect(r.evidence[0]?.fields).toMatchObject({ gitVersion: 'v1.30.7-eks-68cabf3' });
      expect(submission(r)).toContain(link('1.30', 'eks-a'));
    },
  },
  {
    spec: 'recognises EKS from the same version string when no node is a control-plane node',
    snapshot: on('v1.34.2-eks-ecaa3a6', node('ip-10-0-1-1.ec2.internal')),
    outcome: 'pass',
    evidence: (r) => {
      recognisedAs('eks')(r);
      expect(submission(r)).toBe(link('1.34', 'eks'));
    },
  },
  {
    spec: 'recognises EKS from its version on a cluster without nodes (EKS Anywhere always has some)',
    snapshot: on('v1.34.2-eks-ecaa3a6'),
    outcome: 'pass',
    evidence: recognisedAs('eks'),
  },
  {
    spec: 'is unknown when nodes may not be listed and the version is shared by EKS and EKS Anywhere',
    snapshot: at('v1.34.2-eks-ecaa3a6', { nodes: forbidden() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'passes a Gardener shoot (STACKIT SKE) on a minor with Gardener-based submissions',
    snapshot: on(
      'v1.31.3',
      node('shoot--p-c-pool-z1-1', { labels: { 'worker.gardener.cloud/pool': 'pool' } }),
    ),
    outcome: 'pass',
    reason: 'Gardener',
    evidence: (r) => {
      expect(submission(r)).toContain(link('1.31', 'stackit-kubernetes-engine'));
      expect(submission(r)).toContain(link('1.31', 'gardener-openstack'));
    },
  },
  {
    spec: 'passes IONOS Managed Kubernetes on a certified minor',
    snapshot: on('v1.30.4', node('pool-a', { labels: { 'enterprise.cloud.ionos.com/datacenter-id': 'd' } })),
    outcome: 'pass',
    evidence: (r) => expect(submission(r)).toBe(link('1.30', 'ionos-cloud')),
  },
  {
    spec: 'fails IONOS Managed Kubernetes on a minor it never certified, now closed to submissions',
    snapshot: on('v1.25.9', node('pool-a', { providerID: 'ionos://0a1b' })),
    outcome: 'fail',
    reason: 'no longer accepts submissions',
  },
  {
    spec: 'passes Open Telekom Cloud CCE from its version string on a certified minor',
    snapshot: on('v1.25.2-r0-CCE22.12.1', node('192.168.0.10')),
    outcome: 'pass',
    evidence: (r) => expect(submission(r)).toBe(link('1.25', 'otc-cce')),
  },
  {
    spec: 'passes Exoscale SKS on a recent minor',
    snapshot: on('v1.36.0', node('pool-0f8aa-myftv', { providerID: 'exoscale://1f2e' })),
    outcome: 'pass',
    evidence: (r) => expect(submission(r)).toBe(link('1.36', 'exoscale')),
  },
  {
    spec: 'passes UpCloud UKS on a minor between its first and last submission',
    snapshot: on('v1.30.2', node('u', { providerID: 'upcloud:////0123' })),
    outcome: 'pass',
    evidence: (r) => expect(submission(r)).toBe(link('1.30', 'upcloud')),
  },
  {
    spec: 'recognises K3s on Hetzner servers as K3s (the distribution, not the provider)',
    snapshot: on(
      'v1.33.4+k3s1',
      node('k3s-agent-1', {
        providerID: 'hcloud://123456',
        labels: { 'instance.hetzner.cloud/provided-by': 'cloud' },
      }),
    ),
    outcome: 'pass',
    evidence: recognisedAs('k3s'),
  },
  {
    spec: 'skips a Hetzner cluster whose distribution was not recognised, saying why Hetzner has no submission',
    snapshot: on('v1.33.4', node('cx22-1', { providerID: 'hcloud://123456' })),
    outcome: 'skip',
    reason: 'Hetzner rents servers and has no Kubernetes product of its own',
  },
  {
    spec: 'is unknown for a minor older than the bundled data covers',
    snapshot: at(`v1.${minorNumber(from) - 1}.2`),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: `covers Kubernetes v${from} to v${to}`,
  },
  {
    spec: 'is unknown when the bundled data does not cover the minor yet',
    snapshot: at(`v1.${minorNumber(to) + 1}.0`),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: `not v1.${minorNumber(to) + 1}`,
  },
  {
    spec: 'skips an unknown platform (as the official checker does)',
    snapshot: on('v1.35.0', node('plain')),
    outcome: 'skip',
  },
  {
    spec: 'is unknown when nodes may not be listed and the version names no platform',
    snapshot: at('v1.35.0', { nodes: forbidden() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown when /version could not be read',
    snapshot: makeSnapshot({ version: resourceError(0, 'Timeout'), resources: { nodes: kapsule } }),
    outcome: 'unknown',
    cause: 'timeout',
  },
];

describe('cncf', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(cncf, c);
  });

  it('fails when a platform has no submission for a minor that no longer accepts submissions', () => {
    const fromCheckout = withPlatform('scaleway-kapsule', without('1.30'));
    expectCase(cncf, {
      spec: 'gap in a table from a checkout',
      snapshot: at('v1.30.2'),
      context: {
        data: { ...fromCheckout, cncfPlatforms: { ...fromCheckout.cncfPlatforms, compiledFrom: 'checkout' } },
      },
      outcome: 'fail',
      reason: 'no certified',
    });
  });

  it('fails for a minor before the first certified one, also with a table from a file index', () => {
    const first = [
      ...(data.cncfPlatforms.platforms.find((p) => p.id === 'scaleway-kapsule')?.minors ?? []),
    ].sort((a, b) => minorNumber(a) - minorNumber(b))[0]!;
    expectCase(cncf, {
      spec: 'before the first',
      snapshot: at(`v${first}.3`),
      context: { data: withPlatform('scaleway-kapsule', without(first)) },
      outcome: 'fail',
      reason: 'no certified',
    });
  });

  it('is unknown, never a failure, for a gap between certified minors in a table compiled from a file index', () => {
    expect(data.cncfPlatforms.compiledFrom).toBe('file-index');
    expectCase(cncf, {
      spec: 'gap in a file-index table',
      snapshot: at('v1.30.2'),
      context: { data: withPlatform('scaleway-kapsule', without('1.30')) },
      outcome: 'unknown',
      cause: 'insufficient-data',
      reason: 'the gap may be missing data',
    });
  });

  it('is unknown when a platform has no submission yet for a minor that still accepts them', () => {
    expectCase(cncf, {
      spec: 'open',
      snapshot: at(`v${to}.0`),
      context: { data: withPlatform('scaleway-kapsule', without(to)) },
      outcome: 'unknown',
      cause: 'insufficient-data',
      reason: 'still accepted',
    });
  });

  it('skips a recognised platform whose bundled data lists no submission', () => {
    expectCase(cncf, {
      spec: 'no data',
      snapshot: on('v1.35.0', node('g', { labels: { 'worker.gardener.cloud/pool': 'p1' } })),
      context: { data: withPlatform('gardener', (p) => ({ ...p, minors: [], submissions: {} })) },
      outcome: 'skip',
      reason: 'no conformance data',
    });
  });

  it.each(data.cncfPlatforms.platforms)(
    '$id has submission minors or says why it has none, not both',
    ({ conformanceDirs, noSubmission, minors }) => {
      const has = {
        conformanceDirs: (conformanceDirs?.length ?? 0) > 0,
        minors: (minors?.length ?? 0) > 0,
        reason: !!noSubmission?.reason.en && !!noSubmission.reason.nl && !!noSubmission.source,
      };
      expect([
        { conformanceDirs: true, minors: true, reason: false },
        { conformanceDirs: false, minors: false, reason: true },
      ]).toContainEqual(has);
    },
  );
});
