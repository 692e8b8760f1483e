import type { KubeObject } from '@havenkit/model';
import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { apiError, makeSnapshot, node, nodes, withResources, type NodeOptions } from '../testing/fixtures.js';
import { nodehardening } from './nodehardening.js';

const talos = (name: string) => node(name, { osImage: 'Talos (v1.11.3)' });
const flatcar = (name: string) =>
  node(name, { osImage: 'Flatcar Container Linux by Kinvolk 4230.2.3 (Oklo)' });

/** A node with the given kernel (the fixture's default is an Ubuntu host kernel). */
function withKernel(item: KubeObject, kernelVersion: string): KubeObject {
  const status = item.status as { nodeInfo: Record<string, string> };
  return { ...item, status: { ...status, nodeInfo: { ...status.nodeInfo, kernelVersion } } };
}

/** A kind node as kind creates it: Debian 12 node image, kind:// providerID. */
const kindNode = (name: string, o: NodeOptions = {}) =>
  node(name, {
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    providerID: `kind://docker/kind/${name}`,
    ...o,
  });

const PERMISSIVE_NOTE = /permissive mode, which logs denials without enforcing them/;

const amazonLinux2 = (name: string) => node(name, { osImage: 'Amazon Linux 2' });

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
    spec: 'passes when the node-lsm probe observes SELinux on an unrecognised OS (EulerOS: no documented default)',
    snapshot: makeSnapshot({
      resources: { nodes: nodes(node('a', { osImage: 'EulerOS 2.0 (SP10)' })) },
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
    reason: 'on 1 node(s): a.',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.name, e.offending === true])).toEqual([
        ['a', true],
        ['b', false],
      ]),
  },
  {
    spec: 'is unknown for an unrecognised OS without a probe',
    snapshot: withResources({ nodes: nodes(talos('a'), node('b', { osImage: 'Some Linux' })) }),
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

  // Containerised nodes: the osImage names the node image, not the host whose kernel they run on.
  {
    spec: 'does not infer AppArmor for a kind node whose osImage is Debian 12',
    snapshot: withResources({ nodes: nodes(kindNode('kind-control-plane')) }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    reason: 'kind-control-plane',
    evidence: (r) => {
      const [item] = r.evidence;
      expect(item?.inferred).toBeUndefined();
      expect(item?.fields['spec.providerID']).toBe('kind://docker/kind/kind-control-plane');
      expect(item?.note?.en).toMatch(/^runs on kind .*--probe node-lsm reads the modules of that kernel$/);
    },
  },
  {
    spec: 'does not infer AppArmor for an Ubuntu osImage on a LinuxKit kernel (Docker Desktop)',
    snapshot: withResources({
      nodes: nodes(withKernel(node('desktop', { osImage: 'Ubuntu 22.04.4 LTS' }), '6.10.0-linuxkit')),
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    evidence: (r) => expect(r.evidence[0]?.fields['status.nodeInfo.kernelVersion']).toBe('6.10.0-linuxkit'),
  },
  {
    spec: 'does not infer AppArmor for an Ubuntu osImage on a WSL 2 kernel',
    snapshot: withResources({
      nodes: nodes(
        withKernel(node('wsl', { osImage: 'Ubuntu 22.04.4 LTS' }), '5.15.153.1-microsoft-standard-WSL2'),
      ),
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'does not infer AppArmor for a minikube node (its kicbase image is Debian)',
    snapshot: withResources({
      nodes: nodes(
        node('minikube', {
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          labels: { 'minikube.k8s.io/name': 'minikube' },
        }),
      ),
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'treats a k3d node (osImage of the rancher/k3s image) as containerised',
    snapshot: withResources({
      nodes: nodes(node('k3d-dev-server-0', { osImage: 'K3s dev', providerID: 'k3s://k3d-dev-server-0' })),
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    evidence: (r) => expect(r.evidence[0]?.note?.en).toMatch(/^runs on k3d/),
  },
  {
    spec: 'still infers the OS default for k3s on a host: providerID k3s:// alone is no container',
    snapshot: withResources({
      nodes: nodes(node('k3s-1', { osImage: 'Ubuntu 24.04.1 LTS', providerID: 'k3s://k3s-1' })),
    }),
    outcome: 'pass',
    evidence: (r) => expect(r.evidence[0]?.inferred).toBe(true),
  },
  {
    spec: 'does not accept Talos by name from the osImage of a containerised node',
    snapshot: withResources({
      nodes: nodes(withKernel(node('talos-docker', { osImage: 'Talos (v1.11.3)' }), '6.10.0-linuxkit')),
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'decides a containerised node by the probe observation: the modules of the host kernel',
    snapshot: makeSnapshot({
      resources: { nodes: nodes(kindNode('a'), kindNode('b')) },
      probes: {
        nodeLsm: { nodes: { a: { lsms: ['capability', 'apparmor'] }, b: { lsms: ['capability'] } } },
      },
    }),
    outcome: 'fail',
    reason: 'on 1 node(s): b.',
    evidence: (r) =>
      expect(r.evidence.map((e) => [e.name, e.note?.en, e.inferred])).toEqual([
        ['a', 'apparmor observed by the node-lsm probe', undefined],
        ['b', 'the node-lsm probe observed no SELinux, AppArmor, LKRG or grsecurity', undefined],
      ]),
  },
  {
    spec: 'passes a containerised node whose kubelet reports AppArmor enabled',
    snapshot: withResources({
      nodes: nodes(kindNode('a', { readyMessage: 'kubelet is posting ready status. AppArmor enabled' })),
    }),
    outcome: 'pass',
  },
  {
    spec: 'names the probe error on a containerised node the probe could not read',
    snapshot: makeSnapshot({
      resources: { nodes: nodes(kindNode('a')) },
      probes: { nodeLsm: { nodes: { a: { lsms: [], error: 'pod did not start' } } } },
    }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    evidence: (r) => expect(r.evidence[0]?.note?.en).toMatch(/failed: pod did not start$/),
  },

  // Documented defaults.
  {
    spec: 'fails an Amazon Linux 2 node (SELinux disabled by default), marked inferred and citing AWS',
    snapshot: withResources({ nodes: nodes(amazonLinux2('al2'), talos('t')) }),
    outcome: 'fail',
    reason: 'on 1 node(s): al2 (inferred from the OS default on 1 node(s)).',
    evidence: (r) => {
      const [item] = r.evidence;
      expect([item?.inferred, item?.offending]).toEqual([true, true]);
      expect(item?.fields.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    },
  },
  {
    spec: 'fails on an Amazon Linux 2 node even when another node is undetermined',
    snapshot: withResources({ nodes: nodes(amazonLinux2('al2'), node('x', { osImage: 'Some Linux' })) }),
    outcome: 'fail',
    reason: 'al2',
  },
  {
    spec: 'passes an Amazon Linux 2 node on which the probe observed SELinux',
    snapshot: makeSnapshot({
      resources: { nodes: nodes(amazonLinux2('al2')) },
      probes: { nodeLsm: { nodes: { al2: { lsms: ['capability', 'selinux'] } } } },
    }),
    outcome: 'pass',
    evidence: (r) => expect(r.evidence[0]?.inferred).toBeUndefined(),
  },
  {
    spec: 'counts the permissive SELinux of Amazon Linux 2023 as enabled, saying it is permissive',
    snapshot: withResources({
      nodes: nodes(
        node('a', { osImage: 'Amazon Linux 2023.10.20260105' }),
        node('b', { osImage: 'Amazon Linux 2023' }),
      ),
    }),
    outcome: 'pass',
    reason: 'inferred from the OS default on 2 node(s)',
    evidence: (r) =>
      expect(
        r.evidence.map((e) => [e.fields.lsm, e.fields.mode, PERMISSIVE_NOTE.test(e.note?.en ?? '')]),
      ).toEqual([
        ['selinux', 'permissive', true],
        ['selinux', 'permissive', true],
      ]),
  },
  {
    spec: 'passes a SLE Micro 5.4 node (SELinux enforcing on every deployment type), inferred',
    snapshot: withResources({ nodes: nodes(node('a', { osImage: 'SUSE Linux Enterprise Micro 5.4' })) }),
    outcome: 'pass',
    evidence: (r) => expect([r.evidence[0]?.inferred, r.evidence[0]?.fields.lsm]).toEqual([true, 'selinux']),
  },
  {
    spec: 'cites the Rocky Linux documentation for its SELinux default',
    snapshot: withResources({ nodes: nodes(node('a', { osImage: 'Rocky Linux 9.6 (Blue Onyx)' })) }),
    outcome: 'pass',
    evidence: (r) => expect(r.evidence[0]?.fields.source).toMatch(/rocky-linux\/documentation/),
  },
  ...[
    ['Azure Linux 2.0', 'CBL-Mariner/Linux'],
    ['Azure Linux 3.0', 'Microsoft Azure Linux 3.0'],
    ['SLE Micro 5.2', 'SUSE Linux Enterprise Micro 5.2'],
  ].map(([system, osImage]): CheckCase => ({
    spec: `is unknown for ${system}, whose default varies, naming it and its source`,
    snapshot: withResources({ nodes: nodes(node('a', { osImage })) }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    evidence: (r) => {
      expect(r.evidence[0]?.note?.en).toMatch(/default security module varies by release or installation/);
      expect(r.evidence[0]?.fields.source).toMatch(/^https:\/\//);
    },
  })),
  {
    spec: 'leaves Huawei Cloud EulerOS unrecognised (no documented default found)',
    snapshot: withResources({ nodes: nodes(node('a', { osImage: 'Huawei Cloud EulerOS 2.0 (x86_64)' })) }),
    outcome: 'unknown',
    cause: 'insufficient-data',
    evidence: (r) => expect(r.evidence[0]?.note?.en).toMatch(/^unrecognised operating system/),
  },
];

describe('nodehardening', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(nodehardening, c);
  });
});
