import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { apiError, makeSnapshot, node, nodes, withResources } from '../testing/fixtures.js';
import { nodehardening } from './nodehardening.js';

const talos = (name: string) => node(name, { osImage: 'Talos (v1.11.3)' });
const flatcar = (name: string) =>
  node(name, { osImage: 'Flatcar Container Linux by Kinvolk 4230.2.3 (Oklo)' });

const cases: CheckCase[] = [
  {
    spec: 'passes for Talos and Flatcar nodes by osImage (observed, not inferred)',
    snapshot: withResources({ nodes: nodes(talos('a'), flatcar('b')) }),
    outcome: 'pass',
    evidence: (r) => expect(r.evidence.some((e) => e.inferred)).toBe(false),
  },
  {
    spec: 'passes for Ubuntu and RHEL CoreOS nodes with the evidence marked inferred',
    snapshot: withResources({
      nodes: nodes(
        node('a', { osImage: 'Ubuntu 24.04.1 LTS' }),
        node('b', { osImage: 'Red Hat Enterprise Linux CoreOS 418.94' }),
      ),
    }),
    outcome: 'pass',
    reason: 'inferred from the OS default on 2 node(s)',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.inferred, e.fields.lsm])).toEqual([
        [true, 'apparmor'],
        [true, 'selinux'],
      ]),
  },
  {
    spec: 'passes when the node-lsm probe observes SELinux on an unrecognised OS',
    snapshot: makeSnapshot({
      resources: { nodes: nodes(node('a', { osImage: 'Amazon Linux 2023.6' })) },
      probes: { nodeLsm: { nodes: { a: { lsms: ['capability', 'selinux', 'bpf'] } } } },
    }),
    outcome: 'pass',
  },
  {
    spec: 'passes when the kubelet reports AppArmor enabled',
    snapshot: withResources({
      nodes: nodes(
        node('a', {
          osImage: 'Some Linux',
          readyMessage: 'kubelet is posting ready status. AppArmor enabled',
        }),
      ),
    }),
    outcome: 'pass',
  },
  {
    spec: 'fails when the probe observes no security module, even on a distribution with a default LSM',
    snapshot: makeSnapshot({
      resources: { nodes: nodes(node('a', { osImage: 'Ubuntu 24.04.1 LTS' }), talos('b')) },
      probes: { nodeLsm: { nodes: { a: { lsms: ['capability', 'yama'] } } } },
    }),
    outcome: 'fail',
    reason: 'on 1 node(s): a',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.name, e.offending === true])).toEqual([
        ['a', true],
        ['b', false],
      ]),
  },
  {
    spec: 'is unknown for an unrecognised OS without a probe',
    snapshot: withResources({ nodes: nodes(talos('a'), node('b', { osImage: 'Amazon Linux 2' })) }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'b',
  },
  {
    spec: 'is unknown (api-error) when nodes could not be listed',
    snapshot: withResources({ nodes: apiError() }),
    outcome: 'unknown',
    cause: 'api-error',
  },
];

describe('nodehardening', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(nodehardening, c);
  });
});
