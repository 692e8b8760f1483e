/**
 * Registers for the renderers' tests: the demo snapshot's (built by buildRegister), the same cut
 * off from Docker (`--without docker`) and a made one with every field a register can have,
 * hostile text from a cluster in every place a cluster can put text.
 */
import type { DependencyRegister } from '@havenkit/model';
import { readSnapshotFile } from '../snapshot/read.js';
import { loadSovereigntyFacts } from '../sovereignty/facts.js';
import { buildRegister } from '../sovereignty/register.js';
import { DEMO_SNAPSHOT_PATH } from './reports.js';

/** Markup, table pipes, backtick runs, a line break and Markdown punctuation in one string. */
export const EVIL = '<script>alert(1)</script> | `tick` ``two`` \n# new line *em* [x](javascript:y)';

/** Resources an older snapshot lacks: load balancing, external endpoints and images are not collected. */
export const NOT_COLLECTED = ['services', 'deployments.apps'] as const;

/**
 * The register of examples/snapshots/demo.json with the bundled facts; with `older`, of the demo
 * without the NOT_COLLECTED resources (a snapshot from an older havenkit).
 */
export function demoRegister(options: { older?: boolean } = {}): DependencyRegister {
  const snapshot = readSnapshotFile(DEMO_SNAPSHOT_PATH).snapshot;
  if (options.older) for (const resource of NOT_COLLECTED) delete snapshot.resources[resource];
  return buildRegister(snapshot, loadSovereigntyFacts(), {
    subject: { kind: 'cluster' },
    tool: { name: 'havenkit', version: 'test' },
  });
}

/** The entity the cut-off register is cut off from. */
export const CUT_OFF_ENTITY = 'docker';

/** The register of examples/snapshots/demo.json with the bundled facts, cut off from Docker. */
export function cutOffRegister(): DependencyRegister {
  return buildRegister(readSnapshotFile(DEMO_SNAPSHOT_PATH).snapshot, loadSovereigntyFacts(), {
    subject: { kind: 'cluster' },
    tool: { name: 'havenkit', version: 'test' },
    without: [CUT_OFF_ENTITY],
  });
}

/**
 * A register with a function outside the EU/EEA (with its parent, laws and sources), one in the
 * EU, one with nothing found, one unreadable and one not collected; pinned, unpinned and unknown
 * images; countries in and outside the EU/EEA and an unknown one; a flagged group and one that is
 * not; a cut-off with a certificate expiry, a cluster-wide workload and hostile names throughout.
 */
export function madeRegister(): DependencyRegister {
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'DependencyRegister',
    metadata: {
      generatedAt: '2026-11-01T09:00:00Z',
      tool: { name: 'havenkit', version: 'test' },
      subject: {
        kind: 'cluster',
        server: 'https://"><script>alert(1)</script>',
        context: EVIL,
        clusterId: 'cluster-1',
        snapshotSha256: 'a'.repeat(64),
      },
      facts: { files: ['compliance/sovereignty/entities.yaml'] },
    },
    summary: {
      functions: { inUse: 2, outsideEuEea: 1, unknown: 0, notCollected: 2 },
      images: { total: 3, notControlled: 2, outsideEuEea: 1, unknown: 1, unpinned: 2 },
      workloads: 4,
      text: {
        en: '1 of 2 functions depend on companies controlled outside the EU/EEA (laws that reach them: US CLOUD Act); 2 of 3 images come from registries you do not control; 2 functions were not read.',
        nl: '1 van 2 functies hangen af van bedrijven met zeggenschap buiten de EU/EER (wetten die hen bereiken: US CLOUD Act); 2 van 3 images komen uit registers die u niet zelf beheert; 2 functies zijn niet gelezen.',
      },
    },
    functions: [
      {
        id: 'load-balancing',
        label: { en: 'Load balancing', nl: 'Loadbalancing' },
        status: 'in-use',
        jurisdiction: 'eu-non-eu-parent',
        workloads: 3,
        dependencies: [
          {
            entity: 'aws-emea',
            name: 'Amazon Web Services EMEA SARL',
            what: 'Elastic Load Balancing',
            role: 'operator',
            jurisdiction: 'eu-non-eu-parent',
            seat: 'LU',
            ultimateParent: { entity: 'amazon', name: 'Amazon.com, Inc.', seat: 'US' },
            laws: [{ id: 'us-cloud-act', name: 'US CLOUD Act' }],
            matchedBy: 'Service annotation service.beta.kubernetes.io/aws-load-balancer-type',
            objects: 25,
            workloads: 3,
            evidence: [
              {
                kind: 'Service',
                namespace: 'shop',
                name: EVIL,
                fields: { [EVIL]: EVIL, 'spec.type': 'LoadBalancer', port: 443, internal: false, none: null },
              },
              { kind: 'Service', namespace: 'shop', name: 'web' },
            ],
            sources: ['https://aws.amazon.com/legal/?a=(b)|c d', 'javascript:alert(1)'],
            note: EVIL,
          },
        ],
      },
      {
        id: 'hosting',
        label: { en: 'Hosting (nodes)', nl: 'Hosting (nodes)' },
        status: 'in-use',
        jurisdiction: 'eu',
        workloads: 4,
        dependencies: [
          {
            entity: 'leaseweb',
            name: 'Leaseweb Netherlands B.V.',
            jurisdiction: 'eu',
            seat: 'NL',
            laws: [],
            matchedBy: 'providerID prefix leaseweb://',
            objects: 3,
            workloads: 4,
            evidence: [
              { kind: 'Node', name: 'node-1', fields: { providerID: 'leaseweb://1' } },
              { kind: 'Node', name: 'node-2', fields: { providerID: 'leaseweb://2' } },
              { kind: 'Node', name: 'node-3', fields: { providerID: 'leaseweb://3' } },
            ],
            sources: ['https://www.leaseweb.com/en/legal'],
          },
        ],
      },
      {
        id: 'observability',
        label: { en: 'Logging and monitoring export', nl: 'Export van logs en metrics' },
        status: 'none',
        jurisdiction: 'self',
        workloads: 0,
        dependencies: [],
        note: 'no agent of a known SaaS service runs',
      },
      {
        id: 'backup',
        label: { en: 'Backup', nl: 'Back-up' },
        status: 'unreadable',
        why: `backupstoragelocations.velero.io could not be read: Forbidden: ${EVIL}`,
        jurisdiction: 'unknown',
        workloads: 0,
        dependencies: [],
      },
      {
        id: 'dns',
        label: { en: 'DNS', nl: 'DNS' },
        status: 'not-collected',
        why: 'issuers.cert-manager.io was not collected (a snapshot from an older havenkit, or --only)',
        jurisdiction: 'unknown',
        workloads: 0,
        dependencies: [],
      },
    ],
    images: [
      {
        reference: 'nginx:1.27',
        host: 'docker.io',
        registry: 'Docker Hub',
        operator: 'docker',
        jurisdiction: 'non-eu',
        pinned: false,
        workloads: 2,
      },
      {
        reference: `registry.example.nl/app@sha256:${'b'.repeat(64)}`,
        host: 'registry.example.nl',
        registry: 'Our registry',
        operator: 'self',
        jurisdiction: 'self',
        pinned: true,
        digests: [`sha256:${'b'.repeat(64)}`],
        workloads: 1,
      },
      {
        reference: 'evil.example/`x`|y:<script>',
        host: 'evil.example',
        jurisdiction: 'unknown',
        pinned: false,
        workloads: 1,
      },
    ],
    locations: [
      { country: 'US', eea: false, nodes: 0, volumes: 2 },
      { country: 'unknown', nodes: 1, volumes: 0 },
      { country: 'NL', eea: true, regions: ['nl-ams-1'], nodes: 3, volumes: 4 },
    ],
    concentration: [
      {
        entity: 'amazon',
        name: 'Amazon.com, Inc.',
        seat: 'US',
        jurisdiction: 'eu-non-eu-parent',
        functions: ['certificates', 'load-balancing', 'observability'],
        critical: ['certificates', 'load-balancing'],
        workloads: 3,
        entities: ['aws-emea'],
      },
      {
        entity: EVIL,
        name: EVIL,
        jurisdiction: 'eu',
        functions: ['hosting'],
        critical: ['hosting'],
        workloads: 4,
        entities: [EVIL],
      },
    ],
    cutOff: {
      without: ['amazon', EVIL],
      entities: [{ entity: 'aws-emea', name: 'Amazon Web Services EMEA SARL' }],
      workloads: {
        total: 4,
        affected: [
          { workload: `Deployment/shop/${EVIL}`, namespace: 'shop', effects: ['unreachable'] },
          { workload: 'ClusterIssuer/letsencrypt', namespace: '', effects: ['no-renewal'] },
        ],
      },
      namespaces: [
        { namespace: 'shop', affected: 1, total: 3 },
        { namespace: '', affected: 1, total: 1 },
      ],
      functions: [
        {
          id: 'load-balancing',
          effect: 'unreachable',
          objects: 25,
          evidence: [{ kind: 'Service', namespace: 'shop', name: EVIL }],
        },
        {
          id: 'certificates',
          effect: 'no-renewal',
          objects: 1,
          evidence: [{ kind: 'Certificate', namespace: 'shop', name: 'web-tls' }],
          firstExpiry: '2026-12-01T00:00:00Z',
        },
      ],
      summary: {
        en: `If Amazon.com, Inc. and ${EVIL} is cut off: 1 of 4 workloads are unreachable from outside; certificates stop renewing, the first on 1 Dec 2026.`,
        nl: `Als Amazon.com, Inc. en ${EVIL} wegvalt: 1 van 4 workloads zijn van buitenaf onbereikbaar; certificaten worden niet meer vernieuwd, het eerste op 1 december 2026.`,
      },
    },
  };
}

/**
 * `register` with a cut-off of `workloads` affected workloads in as many namespaces, and
 * `namespaces` namespace rows: for the caps of the cut-off tables.
 */
export function withManyAffected(
  register: DependencyRegister,
  workloads: number,
  namespaces: number,
): DependencyRegister {
  return {
    ...register,
    cutOff: {
      ...register.cutOff!,
      workloads: {
        total: workloads,
        affected: Array.from({ length: workloads }, (_, i) => ({
          workload: `Deployment/ns${i}/app`,
          namespace: `ns${i}`,
          effects: ['cannot-restart' as const, 'unreachable' as const],
        })),
      },
      namespaces: Array.from({ length: namespaces }, (_, i) => ({
        namespace: `ns${i}`,
        affected: 1,
        total: 2,
      })),
    },
  };
}
