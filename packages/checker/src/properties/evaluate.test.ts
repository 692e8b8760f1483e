import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, type ClusterSnapshot, type ComplianceReport, type KubeObject } from '@havenkit/model';
import { loadCatalogue } from '../catalogue/load.js';
import { loadBundledData } from '../data/load.js';
import { evaluate } from '../evaluate.js';
import { fieldsByResource, projectSnapshot } from '../projection.js';
import { parseSnapshot } from '../snapshot/read.js';
import { demoSnapshot } from '../testing/reports.js';
import { list, makeSnapshot } from '../testing/fixtures.js';
import { mutate, mutationArb } from './bad-input.js';

const catalogue = loadCatalogue();
const data = loadBundledData();
const OUTCOMES = ['pass', 'fail', 'skip', 'unknown'];
const { snapshot: demo } = demoSnapshot();

/** The snapshot if it passes validation, else undefined (a refused snapshot is never evaluated). */
function validated(value: unknown): ClusterSnapshot | undefined {
  try {
    return parseSnapshot(value, 'generated.json');
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** Every check yields an outcome with a reason in en and nl; none tripped over the data. */
function expectWellFormed(report: ComplianceReport): void {
  const names = report.results.map((r) => r.name);
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names).size).toBe(names.length);
  for (const result of report.results) {
    expect(OUTCOMES).toContain(result.outcome);
    expect(result).toMatchObject({
      reason: { en: expect.stringMatching(/\S/), nl: expect.stringMatching(/\S/) },
      ...(result.outcome === 'unknown' ? { cause: expect.any(String) } : {}),
    });
    // evaluate() turns a check that throws into unknown: that is a bug of the check all the same.
    expect(result.reason.en).not.toMatch(/^The check could not evaluate the snapshot/);
  }
}

const run = (snapshot: ClusterSnapshot) =>
  evaluate(snapshot, {
    catalogue,
    data,
    suggested: { cis: true, kubescape: true },
    havenReleases: [{ version: 'v12.0.0', date: '2025-06-01' }],
  });

/** Nodes as a crafted snapshot may hold them: any labels, address types and addresses, conditions. */
const nodeArb = (name: string): fc.Arbitrary<KubeObject> =>
  fc
    .record({
      zone: fc.option(fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('z1', 'z2', '-z-'))),
      roles: fc.subarray(['control-plane', 'master', 'worker']),
      addresses: fc.array(
        fc.record({
          type: fc.oneof(
            fc.constantFrom('InternalIP', 'ExternalIP', 'Hostname', 'InternalDNS', 'ExternalDNS'),
            fc.string({ maxLength: 12 }),
          ),
          address: fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 })),
        }),
        { maxLength: 4 },
      ),
      ready: fc.constantFrom('True', 'False', 'Unknown', ''),
      osImage: fc.oneof(fc.constantFrom('Talos (v1.11.0)', 'Ubuntu 24.04 LTS', 'Flatcar'), fc.string()),
      unschedulable: fc.oneof(fc.boolean(), fc.constant('yes')),
    })
    .map((o) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: `uid-${name}`,
        labels: {
          ...(o.zone !== null ? { 'topology.kubernetes.io/zone': o.zone } : {}),
          ...Object.fromEntries(o.roles.map((r) => [`node-role.kubernetes.io/${r}`, ''])),
        },
      },
      spec: { unschedulable: o.unschedulable },
      status: {
        addresses: o.addresses,
        conditions: [{ type: 'Ready', status: o.ready }],
        nodeInfo: { osImage: o.osImage },
      },
    }));

const craftedArb: fc.Arbitrary<unknown> = fc
  .record({
    count: fc.nat({ max: 6 }),
    gitVersion: fc.oneof(
      fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 40 })).map(([a, b]) => `v${a}.${b}.0`),
      fc.string({ maxLength: 12 }),
    ),
    major: fc.option(fc.constantFrom('1', '1+', '2', '')),
  })
  .chain(({ count, gitVersion, major }) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => nodeArb(`node-${i}`))).map((nodes) =>
      makeSnapshot({
        version: { gitVersion, ...(major !== null ? { major } : {}) },
        resources: { nodes: list('Node', nodes) },
      }),
    ),
  );

describe('evaluate() on any snapshot that passes validation', () => {
  it('never throws, and every check yields pass, fail, skip or unknown with a reason in en and nl (damaged demo)', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const snapshot = validated(mutate(demo, mutations));
        if (snapshot) expectWellFormed(run(snapshot));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, and every check yields pass, fail, skip or unknown with a reason in en and nl (crafted nodes)', () => {
    fc.assert(
      fc.property(craftedArb, (value) => {
        const snapshot = validated(value);
        if (snapshot) expectWellFormed(run(snapshot));
      }),
      { numRuns: 150 },
    );
  });
});

/** Pods as a crafted snapshot may hold them, with the images and args the pod checks look for. */
const podArb = (index: number): fc.Arbitrary<KubeObject> =>
  fc
    .record({
      phase: fc.constantFrom('Running', 'Pending', 'Failed', ''),
      owner: fc.option(fc.constantFrom('DaemonSet', 'ReplicaSet', 'Job')),
      controller: fc.boolean(),
      containers: fc.array(
        fc.record({
          image: fc.constantFrom(
            'quay.io/jetstack/cert-manager-controller:v1.16.0',
            'traefik:v3.1',
            'cr.fluentbit.io/fluent/fluent-bit:3.1.0',
            'fluentd:v1',
            'nginx:1.27',
          ),
          args: fc.array(fc.constantFrom('--certificatesresolvers.le.acme.email=a@b', '--log', '-v'), {
            maxLength: 2,
          }),
          command: fc.option(
            fc.array(fc.constantFrom('traefik', '--providers.kubernetescrd'), { maxLength: 2 }),
          ),
        }),
        { maxLength: 2 },
      ),
    })
    .map((o) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `pod-${index}`,
        namespace: index % 2 === 0 ? 'infra' : 'apps',
        uid: `pod-uid-${index}`,
        labels: { app: `a${index}` },
        ...(o.owner !== null
          ? { ownerReferences: [{ kind: o.owner, name: 'owner', controller: o.controller }] }
          : {}),
      },
      spec: {
        containers: o.containers.map((c, i) => ({
          name: `c${i}`,
          image: c.image,
          args: c.args,
          ...(c.command !== null ? { command: c.command } : {}),
          env: [{ name: 'X', value: '1' }],
        })),
        volumes: [{ name: 'v', emptyDir: {} }],
      },
      status: { phase: o.phase, podIP: '10.0.0.1' },
    }));

const podsArb: fc.Arbitrary<ClusterSnapshot> = fc
  .nat({ max: 6 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => podArb(i))))
  .map((pods) =>
    makeSnapshot({
      resources: {
        pods: list('Pod', pods),
        'customresourcedefinitions.apiextensions.k8s.io': list('CustomResourceDefinition', [
          {
            metadata: { name: 'certificates.cert-manager.io', uid: 'crd-1' },
            spec: { group: 'cert-manager.io' },
          },
        ]),
      },
    }),
  );

describe('the fields the catalogue declares are all the checks read', () => {
  // What the collector keeps of each item (needs.resources[].fields): a check that reads a field
  // its catalogue entry does not declare would decide differently on the collected snapshot.
  const declared = fieldsByResource(catalogue.checks);
  const expectSameResults = (snapshot: ClusterSnapshot): void => {
    expect(run(projectSnapshot(snapshot, declared)).results).toEqual(run(snapshot).results);
  };

  it('projecting the demo snapshot changes no result', () => {
    expectSameResults(demo);
  });

  it('projecting a damaged demo snapshot changes no result', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const snapshot = validated(mutate(demo, mutations));
        if (snapshot) expectSameResults(snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it('projecting crafted nodes changes no result', () => {
    fc.assert(
      fc.property(craftedArb, (value) => {
        const snapshot = validated(value);
        if (snapshot) expectSameResults(snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it('projecting crafted pods changes no result', () => {
    fc.assert(
      fc.property(podsArb, (snapshot) => {
        expectSameResults(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});
