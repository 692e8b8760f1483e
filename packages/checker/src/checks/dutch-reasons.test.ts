import type {
  IntegrityResult,
  Outcome,
  AccessReviewResult,
  ClusterSnapshot,
  KubeObject,
} from '@havenkit/model';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { loadBundledData } from '../data/load.js';
import { complianceDir } from '../paths.js';
import { readSnapshotFile } from '../snapshot/read.js';
import {
  apiService,
  crd,
  DEFAULT_GROUP_VERSIONS,
  endpoints,
  endpointSlice,
  forbidden,
  list,
  makeContext,
  makeSnapshot,
  node,
  nodes,
  notServed,
  persistentVolume,
  pod,
  pods,
  resourceError,
  storageClass,
  withResources,
} from '../testing/fixtures.js';
import type { CheckContext } from './context.js';
import { checkFunctions } from './index.js';
import { neededPermissions } from './clusteradmin.js';

/**
 * Every reason and every evidence note exists in English and Dutch, and the Dutch is a
 * translation, not a copy. Every check runs over every scenario; together the scenarios reach
 * each outcome of each check and nearly every reason a check can give.
 */

const demo = readSnapshotFile(join(complianceDir(), '..', 'examples', 'snapshots', 'demo.json')).snapshot;

const CIS = 'clustercompliancereports.aquasecurity.github.io';
const KUBESCAPE = 'configurationscansummaries.spdx.softwarecomposition.kubescape.io';
const RESOURCE_KEYS = [
  'nodes',
  'pods',
  'customresourcedefinitions.apiextensions.k8s.io',
  'apiservices.apiregistration.k8s.io',
  'endpoints',
  'endpointslices.discovery.k8s.io',
  'storageclasses.storage.k8s.io',
  'persistentvolumes',
  CIS,
  KUBESCAPE,
];

const cisReport = (id: string, failCount?: number): KubeObject => ({
  apiVersion: 'aquasecurity.github.io/v1alpha1',
  kind: 'ClusterComplianceReport',
  metadata: { name: id },
  spec: { compliance: { id } },
  status: failCount === undefined ? {} : { summary: { failCount, passCount: 100 } },
});
const cisReports = (...items: KubeObject[]) => list('ClusterComplianceReport', items);
const scanSummary = (namespace: string, critical?: number): KubeObject => ({
  apiVersion: 'spdx.softwarecomposition.kubescape.io/v1beta1',
  kind: 'ConfigurationScanSummary',
  metadata: { name: namespace, namespace },
  spec: critical === undefined ? {} : { severities: { critical, high: 1, medium: 2, low: 3 } },
});
const scanSummaries = (...items: KubeObject[]) => list('ConfigurationScanSummary', items);
const classes = (...items: KubeObject[]) => list('StorageClass', items, 'storage.k8s.io/v1');
const volumes = (...items: KubeObject[]) => list('PersistentVolume', items);
const crds = (...names: string[]) => list('CustomResourceDefinition', names.map(crd));
const apiServices = (...items: KubeObject[]) => list('APIService', items);
const slices = (...addresses: string[]) => list('EndpointSlice', [endpointSlice(addresses)]);
const certManager = (phase = 'Running') =>
  pod('cert-manager', 'cert-manager-abc', {
    image: 'quay.io/jetstack/cert-manager-controller:v1.19.1',
    phase,
  });

const needed = neededPermissions(loadCatalogue().checks.filter((c) => c.mandatory));
const selfReviews = (allowed: (resource: string) => boolean | undefined): AccessReviewResult[] =>
  needed.flatMap((p) => {
    const verdict = allowed(p.resource);
    return verdict === undefined ? [] : [{ ...p, allowed: verdict }];
  });
const unprivileged = (allowed: boolean) => [
  {
    user: 'havenkit-unprivileged-x',
    groups: ['system:authenticated'],
    verb: 'list',
    group: '',
    resource: 'secrets',
    allowed,
  },
];
const suggested = { suggested: { cis: true, kubescape: true } };
const mismatch: IntegrityResult = {
  status: 'mismatch',
  manifest: 'm',
  files: 42,
  mismatches: [{ path: 'dist/evaluate.js', expected: 'aa', actual: 'bb' }],
};

const data = loadBundledData();
// From a checkout: a gap in a table compiled from a file index is doubt (unknown), not a failure.
const kapsuleWithout130 = {
  ...data,
  cncfPlatforms: {
    ...data.cncfPlatforms,
    compiledFrom: 'checkout' as const,
    platforms: data.cncfPlatforms.platforms.map((p) =>
      p.id === 'scaleway-kapsule' ? { ...p, minors: (p.minors ?? []).filter((m) => m !== '1.30') } : p,
    ),
  },
};

interface Scenario {
  name: string;
  snapshot: ClusterSnapshot;
  context?: Partial<CheckContext>;
}

const scenarios: Scenario[] = [
  {
    name: 'the demo cluster',
    snapshot: demo,
    context: { integrity: { status: 'verified', manifest: 'm', files: 12 } },
  },
  {
    name: 'the demo cluster with the suggested checks, Haven releases and a bound RWX probe',
    snapshot: {
      ...demo,
      resources: { ...demo.resources, [CIS]: notServed(), [KUBESCAPE]: scanSummaries() },
      probes: { rwx: { outcome: 'bound', storageClass: 'csi-cephfs', message: 'bound in 4s' } },
    },
    context: { ...suggested, havenReleases: [{ version: 'v12.8.0', date: '2026-04-01' }] },
  },
  {
    name: 'a snapshot in which nothing was collected',
    snapshot: makeSnapshot(),
    context: { ...suggested, havenReleases: [{ version: 'v13.0.0', date: '2026-08-15' }] },
  },
  {
    name: 'a snapshot in which everything was forbidden or failed',
    snapshot: makeSnapshot({
      version: resourceError(403, 'Forbidden'),
      discovery: resourceError(503, 'ServiceUnavailable'),
      access: { self: resourceError(403, 'Forbidden'), unprivileged: resourceError(403, 'Forbidden') },
      resources: Object.fromEntries(RESOURCE_KEYS.map((key) => [key, forbidden()])),
    }),
    context: {
      ...suggested,
      havenReleases: [{ version: 'v13.0.0', date: '2026-07-01' }],
      integrity: { status: 'unavailable', manifest: 'm', message: 'no manifest' },
    },
  },
  {
    name: 'a small cluster that fails nearly everything',
    snapshot: makeSnapshot({
      version: { gitVersion: 'v1.33.5' },
      access: { self: selfReviews((r) => r !== 'pods'), unprivileged: unprivileged(true) },
      probes: { nodeLsm: { nodes: { cp1: { lsms: ['capability', 'yama'] } } } },
      resources: {
        nodes: nodes(
          node('cp1', { roles: ['control-plane'], zone: 'z1' }),
          node('w1', { zone: 'z1', externalIP: '51.158.10.20' }),
          node('w2', { zone: 'z1', ready: false }),
          node('w3', { zone: 'z1', unschedulable: true }),
        ),
        pods: pods(certManager(), pod('app', 'web', { image: 'nginx:1.29' })),
        'customresourcedefinitions.apiextensions.k8s.io': crds(),
        'apiservices.apiregistration.k8s.io': apiServices(),
        'endpointslices.discovery.k8s.io': slices('10.0.0.1'),
        'storageclasses.storage.k8s.io': classes(storageClass('sbs', 'csi.scaleway.com')),
        persistentvolumes: volumes(persistentVolume('pv1', ['ReadWriteOnce'])),
        [CIS]: cisReports(cisReport('k8s-cis-1.23', 7)),
        [KUBESCAPE]: scanSummaries(scanSummary('a', 1), scanSummary('b', 0)),
      },
    }),
    context: {
      ...suggested,
      havenReleases: [{ version: 'latest', date: 'soon' }],
      integrity: mismatch,
    },
  },
  {
    name: 'a cluster with missing and unreadable data',
    snapshot: makeSnapshot({
      version: { gitVersion: 'devel' },
      access: { self: selfReviews((r) => (r === 'nodes' ? undefined : true)), unprivileged: [] },
      probes: {
        rwx: { outcome: 'pending', message: 'not bound after 120s' },
        nodeLsm: { nodes: { c: { lsms: [], error: 'pod did not start' } } },
      },
      resources: {
        nodes: nodes(
          node('a', { osImage: 'Amazon Linux 2', internalIP: 'not-an-ip' }),
          node('b', { osImage: 'Talos (v1.11.3)' }),
          node('c', { osImage: 'Some Linux' }),
          { ...node('d'), status: { ...node('d').status, addresses: [] } },
        ),
        pods: pods(certManager('Pending')),
        'customresourcedefinitions.apiextensions.k8s.io': crds('certificates.cert-manager.io'),
        'apiservices.apiregistration.k8s.io': apiServices(apiService('v1beta1.metrics.k8s.io', 'False')),
        [CIS]: cisReports(cisReport('k8s-cis-1.23', 0), cisReport('k8s-cis-1.24')),
        [KUBESCAPE]: scanSummaries(scanSummary('a', 0), scanSummary('b')),
      },
    }),
    context: { ...suggested, havenVersion: 'latest', havenReleases: [] },
  },
  {
    name: 'a cluster without nodes, long ago',
    snapshot: makeSnapshot({
      metadata: { collectedAt: '2000-01-01T00:00:00Z', collector: { name: 't', version: '0' } },
      version: { gitVersion: 'v1.34.6+k3s1' },
      discovery: { groupVersions: DEFAULT_GROUP_VERSIONS.filter((g) => !g.startsWith('rbac')) },
      access: { self: [], unprivileged: unprivileged(false) },
      probes: { rwx: { outcome: 'error', message: 'no StorageClass' } },
      resources: {
        nodes: nodes(),
        endpoints: list('Endpoints', [endpoints(['10.0.0.1', '10.0.0.2', '10.0.0.3'])]),
        'storageclasses.storage.k8s.io': forbidden(),
        [CIS]: cisReports(cisReport('k8s-nsa-1.0', 0)),
        [KUBESCAPE]: notServed(),
      },
    }),
    context: { ...suggested, enabledChecks: [], havenReleases: [{ version: 'v12.0.0', date: '2026-01-01' }] },
  },
  {
    name: 'a managed cluster that passes everything',
    snapshot: makeSnapshot({
      version: { gitVersion: 'v1.35.1' },
      access: { self: selfReviews(() => true), unprivileged: unprivileged(false) },
      probes: { nodeLsm: { nodes: { a: { lsms: ['capability', 'selinux'] }, b: { lsms: ['yama'] } } } },
      resources: {
        nodes: nodes(
          ...[
            node('a', { osImage: 'Amazon Linux 2023.6', zone: 'nl-ams-1' }),
            node('b', { osImage: 'Talos (v1.11.3)', zone: 'nl-ams-2' }),
            node('c', {
              osImage: 'Some Linux',
              readyMessage: 'kubelet is posting ready status. AppArmor enabled',
            }),
            node('d', { osImage: 'Ubuntu 24.04.1 LTS', zone: 'nl-ams-3' }),
          ].map((n) => ({
            ...n,
            metadata: { ...n.metadata, labels: { ...n.metadata?.labels, 'k8s.scaleway.com/kapsule': 'k' } },
          })),
        ),
        pods: pods(
          pod('traefik', 'traefik-abc', {
            image: 'docker.io/traefik:v3.5',
            args: ['--certificatesresolvers.le.acme.email=ops@example.nl'],
          }),
          pod('logging', 'fb', { image: 'fluent/fluent-bit:4.0' }),
        ),
        'customresourcedefinitions.apiextensions.k8s.io': crds(),
        'apiservices.apiregistration.k8s.io': apiServices(apiService('v1beta1.metrics.k8s.io', 'True')),
        'storageclasses.storage.k8s.io': classes(storageClass('scw-fs', 'filestorage.csi.scaleway.com')),
        persistentvolumes: volumes(),
        [CIS]: cisReports(cisReport('k8s-cis-1.23', 0)),
        [KUBESCAPE]: scanSummaries(scanSummary('default', 0)),
      },
    }),
    context: { ...suggested, integrity: { status: 'verified', manifest: 'm', files: 42 } },
  },
  {
    name: 'a Gardener cluster on the latest Kubernetes, with RWX volumes and unreadable endpoints, CRDs and review',
    snapshot: makeSnapshot({
      version: { gitVersion: 'v1.37.0' },
      access: { unprivileged: resourceError(500, 'InternalError') },
      resources: {
        pods: pods(certManager()),
        'customresourcedefinitions.apiextensions.k8s.io': forbidden(),
        nodes: nodes(
          node('cp1', { roles: ['control-plane'], zone: 'z1' }),
          node('w1', { labels: { 'worker.gardener.cloud/pool': 'p1' } }),
        ),
        'endpointslices.discovery.k8s.io': forbidden(),
        endpoints: forbidden(),
        'storageclasses.storage.k8s.io': classes(storageClass('sbs', 'csi.scaleway.com')),
        persistentvolumes: volumes(persistentVolume('share', ['ReadWriteMany'], '')),
      },
    }),
  },
  {
    name: 'an UpCloud cluster too old for the conformance data, with PersistentVolumes not collected',
    snapshot: makeSnapshot({
      version: { gitVersion: 'v1.30.2' },
      resources: {
        nodes: nodes(node('u', { providerID: 'upcloud:////0123' })),
        'storageclasses.storage.k8s.io': classes(storageClass('sbs', 'csi.scaleway.com')),
      },
    }),
  },
  {
    name: 'a Kapsule cluster on a minor without a conformance submission',
    snapshot: makeSnapshot({
      version: { gitVersion: 'v1.30.2' },
      resources: { nodes: nodes(node('k', { providerID: 'scaleway://instance/nl-ams-1/1' })) },
    }),
    context: { data: kapsuleWithout130 },
  },
  {
    name: 'a plain cluster whose nodes may not be listed',
    snapshot: withResources({ nodes: forbidden() }),
  },
];

const runs = scenarios.flatMap((scenario) =>
  Object.entries(checkFunctions).map(([check, fn]) => ({
    scenario: scenario.name,
    check,
    result: fn(scenario.snapshot, makeContext(scenario.context)),
  })),
);

describe('reasons and notes in Dutch', () => {
  it.each(runs)('$check over $scenario', ({ result }) => {
    expect(result.reason.en.trim()).not.toBe('');
    expect(result.reason.nl.trim()).not.toBe('');
    expect(result.reason.nl).not.toBe(result.reason.en);
    for (const item of result.evidence) {
      if (item.note === undefined) continue;
      expect(item.note.en.trim()).not.toBe('');
      expect(item.note.nl.trim()).not.toBe('');
      expect(item.note.nl).not.toBe(item.note.en);
    }
  });

  it('never marks evidence offending unless the check failed', () => {
    const marked = runs.filter(
      (r) => r.result.outcome !== 'fail' && r.result.evidence.some((e) => e.offending),
    );
    expect(marked.map((r) => `${r.check} over ${r.scenario}`)).toEqual([]);
  });

  it('reaches every outcome of every check', () => {
    const seen = new Map<string, Set<Outcome>>();
    for (const { check, result } of runs) {
      if (!seen.has(check)) seen.set(check, new Set());
      seen.get(check)!.add(result.outcome);
    }
    const all: Outcome[] = ['pass', 'fail', 'skip', 'unknown'];
    // Only the optional and offline checks skip; clusteradmin reports missing permissions as
    // unknown, never as a failure of the cluster.
    const canSkip = new Set(['cis', 'cncf', 'havenversion', 'kubescape']);
    for (const check of Object.keys(checkFunctions)) {
      const expected = all.filter(
        (o) => (o !== 'skip' || canSkip.has(check)) && (o !== 'fail' || check !== 'clusteradmin'),
      );
      expect([check, [...(seen.get(check) ?? [])].sort()]).toEqual([check, expected.sort()]);
    }
  });
});
