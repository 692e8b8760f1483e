/**
 * How long the dependency register takes (`havenkit sovereignty --snapshot`, the pure core): the
 * demo snapshot, and a cluster of 5,000 nodes and 50,000 pods in 5,000 Deployments with services,
 * ingresses, volumes and webhooks. Run: `pnpm bench`. Figures are recorded in bench/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { buildRegister, loadSovereigntyFacts } from '../packages/checker/src/index.js';
import type { ClusterSnapshot, KubeObject } from '../packages/checker/src/index.js';

const demo = JSON.parse(
  readFileSync(new URL('../examples/snapshots/demo.json', import.meta.url), 'utf8'),
) as ClusterSnapshot;

const IMAGES = [
  'nginx:1.29',
  'docker.io/library/postgres:17.6',
  'quay.io/jetstack/cert-manager-controller:v1.19.1',
  'registry.k8s.io/coredns/coredns:v1.12.4',
  'ghcr.io/example/app',
  'registry.gitlab.com/example/api',
  'harbor.example.nl/apps/web',
];

const list = (kind: string, items: KubeObject[]) => ({ apiVersion: 'v1', kind: `${kind}List`, items });

/** A cluster of `nodes` nodes and `deployments` Deployments of `podsEach` pods (in 500 namespaces). */
export function largeCluster(nodes: number, deployments: number, podsEach: number): ClusterSnapshot {
  const zones = ['fr-par-1', 'fr-par-2', 'fr-par-3'];
  const nodeItems = Array.from({ length: nodes }, (_, i): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${i}`,
      uid: `n-${i}`,
      labels: { 'topology.kubernetes.io/region': 'fr-par', 'topology.kubernetes.io/zone': zones[i % 3]! },
    },
    spec: { providerID: `scaleway://instance/${zones[i % 3]}/${i}` },
  }));
  const d: KubeObject[] = [];
  const rs: KubeObject[] = [];
  const pods: KubeObject[] = [];
  const services: KubeObject[] = [];
  const ingresses: KubeObject[] = [];
  const claims: KubeObject[] = [];
  const volumes: KubeObject[] = [];
  for (let i = 0; i < deployments; i++) {
    const ns = `ns-${i % 500}`;
    const name = `app-${i}`;
    const labels = { app: name };
    const image = `${IMAGES[i % IMAGES.length]!}:${i % 40}`.replace(/:(\d+\.\d+(\.\d+)?|v[\d.]+):/, ':$1-');
    const spec = {
      containers: [{ name: 'app', image }],
      ...(i % 5 === 0
        ? { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `data-${name}` } }] }
        : {}),
    };
    d.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, uid: `d-${i}` },
      spec: { template: { metadata: { labels }, spec } },
    });
    rs.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-abc`,
        namespace: ns,
        uid: `r-${i}`,
        ownerReferences: [{ kind: 'Deployment', name, controller: true }],
      },
      spec: { template: { metadata: { labels }, spec } },
    });
    for (let p = 0; p < podsEach; p++) {
      pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${name}-abc-${p}`,
          namespace: ns,
          uid: `p-${i}-${p}`,
          labels: { ...labels, 'pod-template-hash': 'abc' },
          ownerReferences: [{ kind: 'ReplicaSet', name: `${name}-abc`, controller: true }],
        },
        spec,
        status: {
          phase: 'Running',
          containerStatuses: [
            { name: 'app', image, imageID: `${image.split(':')[0]}@sha256:${'0'.repeat(63)}${i % 10}` },
          ],
        },
      });
    }
    services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name,
        namespace: ns,
        uid: `s-${i}`,
        ...(i % 50 === 0 ? { annotations: { 'service.beta.kubernetes.io/scw-loadbalancer-id': 'x' } } : {}),
      },
      spec: { type: i % 50 === 0 ? 'LoadBalancer' : 'ClusterIP', selector: labels },
    });
    if (i % 5 === 0) {
      ingresses.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name, namespace: ns, uid: `i-${i}` },
        spec: {
          ingressClassName: 'nginx',
          rules: [{ http: { paths: [{ backend: { service: { name } } }] } }],
        },
      });
      claims.push({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: `data-${name}`, namespace: ns, uid: `c-${i}` },
        spec: { storageClassName: 'sbs-default', volumeName: `pv-${i}` },
      });
      volumes.push({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: `pv-${i}`, uid: `v-${i}` },
        spec: {
          csi: { driver: 'csi.scaleway.com' },
          storageClassName: 'sbs-default',
          claimRef: { namespace: ns, name: `data-${name}` },
          nodeAffinity: {
            required: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'topology.kubernetes.io/zone', values: [zones[i % 3]!] }] },
              ],
            },
          },
        },
      });
    }
  }
  const copy = structuredClone(demo);
  Object.assign(copy.resources, {
    nodes: list('Node', nodeItems),
    pods: list('Pod', pods),
    'deployments.apps': list('Deployment', d),
    'replicasets.apps': list('ReplicaSet', rs),
    'statefulsets.apps': list('StatefulSet', []),
    'daemonsets.apps': list('DaemonSet', []),
    'jobs.batch': list('Job', []),
    'cronjobs.batch': list('CronJob', []),
    services: list('Service', services),
    'ingresses.networking.k8s.io': list('Ingress', ingresses),
    'ingressclasses.networking.k8s.io': list('IngressClass', [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: 'nginx' },
        spec: { controller: 'k8s.io/ingress-nginx' },
      },
    ]),
    persistentvolumeclaims: list('PersistentVolumeClaim', claims),
    persistentvolumes: list('PersistentVolume', volumes),
  });
  return copy;
}

const facts = loadSovereigntyFacts();
const options = { subject: { kind: 'cluster' as const }, tool: { name: 'bench', version: '0' } };
const large = largeCluster(5_000, 5_000, 10);
// For the whole-process figure (farm-bench on `havenkit sovereignty --snapshot`), see bench/README.md.
if (process.env.HAVENKIT_BENCH_WRITE) writeFileSync(process.env.HAVENKIT_BENCH_WRITE, JSON.stringify(large));

const groups = buildRegister(large, facts, options).concentration!.map((g) => g.entity);

describe('dependency register (pure)', () => {
  bench('demo snapshot', () => void buildRegister(demo, facts, options));
  bench('5,000 nodes, 50,000 pods in 5,000 Deployments', () => void buildRegister(large, facts, options), {
    iterations: 3,
  });
  bench(
    'the same, with a cut-off of every group (one register per group)',
    () => {
      for (const g of groups) buildRegister(large, facts, { ...options, without: [g] });
    },
    { iterations: 1 },
  );
});
