import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, type ClusterSnapshot, type ComplianceReport, type KubeObject } from '@havenkit/model';
import { loadCatalogue } from '../catalogue/load.js';
import { loadBundledData } from '../data/load.js';
import { evaluate } from '../evaluate.js';
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
