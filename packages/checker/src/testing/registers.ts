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
        substitutable: false,
        notSubstitutable: ['load-balancing'],
      },
      {
        entity: EVIL,
        name: EVIL,
        jurisdiction: 'eu',
        functions: ['hosting'],
        critical: ['hosting'],
        workloads: 4,
        entities: [EVIL],
        substitutable: true,
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
    scores: madeScores(),
    rules: madeRules(),
  };
}

/**
 * The made register's scores: an objective limited by three reasons (one more than the renderers
 * show), one at SEAL-3 for want of an attestation and one only an attestation can show; criteria
 * observed, partly observed and needing an attestation; hostile text in a party, a criterion's name
 * and what to ask the supplier for.
 */
function madeScores(): NonNullable<DependencyRegister['scores']> {
  const jurisdiction = {
    seal: 1,
    criterion: 'SOV-2.1',
    text: {
      en: 'Load balancing: Amazon Web Services EMEA SARL (EU, controlled from outside)',
      nl: 'Loadbalancing: Amazon Web Services EMEA SARL (EU, zeggenschap van buiten)',
    },
    parties: ['Amazon Web Services EMEA SARL'],
  };
  const laws = {
    seal: 1,
    criterion: 'SOV-2.2',
    text: {
      en: `Load balancing: ${EVIL} (reached by US CLOUD Act, unless mitigations are attested)`,
      nl: `Loadbalancing: ${EVIL} (bereikt door US CLOUD Act, tenzij maatregelen zijn aangetoond)`,
    },
    parties: [EVIL],
  };
  const notRead = {
    seal: 2,
    text: {
      en: 'DNS was not read (not collected): what it would show counts as the worst',
      nl: 'DNS is niet gelezen (niet verzameld): wat het zou laten zien telt als het slechtste',
    },
  };
  const partly = {
    seal: 3,
    criterion: 'SOV-6.1',
    text: {
      en: 'the subject shows an indicator only: SEAL-4 needs an attestation',
      nl: 'het onderwerp toont alleen een aanwijzing: SEAL-4 vraagt een verklaring',
    },
  };
  return {
    framework: { id: 'eu-csf', name: 'EU Cloud Sovereignty Framework', version: '1.2.1' },
    weights: {
      id: 'framework-1.2.1',
      name: { en: 'Framework v1.2.1 (October 2025)', nl: 'Raamwerk v1.2.1 (oktober 2025)' },
    },
    seal: { atMost: 1, limitedBy: ['SOV-2'], unscored: ['SOV-8'] },
    score: { atMost: 72.5, observed: 3, attestation: 2 },
    objectives: [
      {
        id: 'SOV-2',
        name: { en: 'Legal & Jurisdictional Sovereignty', nl: 'Juridische soevereiniteit en rechtsmacht' },
        weight: 10,
        atMost: 1,
        score: 0.5,
        limits: [jurisdiction, laws, notRead],
        criteria: [
          {
            id: 'SOV-2.1',
            name: { en: 'Primary Legal Jurisdiction', nl: 'Primaire rechtsmacht' },
            evidence: 'observed',
            gates: true,
            atMost: 1,
            reasons: [jurisdiction],
          },
          {
            id: 'SOV-2.2',
            name: { en: 'Extraterritorial Laws', nl: 'Wetten met extraterritoriale werking' },
            evidence: 'partly',
            gates: true,
            atMost: 1,
            reasons: [laws],
            attestation: {
              en: 'The mitigations against extraterritorial laws (contract clauses, legal structures).',
              nl: 'De maatregelen tegen wetten met extraterritoriale werking (contractclausules, juridische structuren).',
            },
          },
          {
            id: 'SOV-2.4',
            name: { en: `Export Control Restrictions ${EVIL}`, nl: `Exportbeperkingen ${EVIL}` },
            evidence: 'attestation',
            gates: true,
            attestation: {
              en: `Whether the services fall under non-EU export controls: ${EVIL}`,
              nl: `Of de diensten onder exportregels van buiten de EU vallen: ${EVIL}`,
            },
          },
        ],
      },
      {
        id: 'SOV-6',
        name: { en: 'Technology Sovereignty', nl: 'Technologische soevereiniteit' },
        weight: 15,
        atMost: 3,
        score: 0.9,
        limits: [partly],
        criteria: [
          {
            id: 'SOV-6.1',
            name: { en: 'Interoperability & Open interfaces', nl: 'Interoperabiliteit en open interfaces' },
            evidence: 'partly',
            gates: true,
            atMost: 3,
            reasons: [partly],
            attestation: {
              en: 'Whether the provider’s APIs beyond Kubernetes are open and documented.',
              nl: 'Of de API’s van de provider naast Kubernetes open en gedocumenteerd zijn.',
            },
          },
        ],
      },
      {
        id: 'SOV-8',
        name: { en: 'Environmental Sustainability', nl: 'Duurzaamheid' },
        weight: 5,
        score: 1,
        limits: [],
        criteria: [
          {
            id: 'SOV-8.1',
            name: { en: 'Energy efficiency', nl: 'Energie-efficiëntie' },
            evidence: 'attestation',
            gates: true,
            attestation: {
              en: 'The data centres’ PUE and energy use.',
              nl: 'De PUE en het energiegebruik van de datacenters.',
            },
          },
        ],
      },
    ],
  };
}

/** The made register's rules: one with a source that may be a link, one whose source may not; hostile findings. */
function madeRules(): NonNullable<DependencyRegister['rules']> {
  return [
    {
      id: 'DORA-29-1-a',
      name: {
        en: 'DORA Art. 29(1)(a) — not easily substitutable',
        nl: 'DORA art. 29(1)(a) — niet eenvoudig vervangbaar',
      },
      asks: {
        en: 'Whether an ICT third-party service provider is not easily substitutable.',
        nl: 'Of een derde aanbieder van ICT-diensten niet eenvoudig vervangbaar is.',
      },
      source: { url: 'https://eur-lex.europa.eu/eli/reg/2022/2554/oj?a=(b)|c d', confidence: 'secondary' },
      findings: [
        {
          shows: 'substitutability',
          text: {
            en: '1 group is not easily substitutable: Amazon.com, Inc. (load-balancing)',
            nl: '1 groep is niet eenvoudig te vervangen: Amazon.com, Inc. (load-balancing)',
          },
        },
        {
          shows: 'concentration',
          text: {
            en: `2 groups by ultimate parent; 1 serves two or more critical functions: ${EVIL}`,
            nl: `2 groepen naar uiteindelijke moeder; 1 bedient twee of meer kritieke functies: ${EVIL}`,
          },
        },
      ],
    },
    {
      id: EVIL,
      name: { en: `A rule ${EVIL}`, nl: `Een regel ${EVIL}` },
      asks: { en: `What it asks ${EVIL}`, nl: `Wat ze vraagt ${EVIL}` },
      source: { url: 'javascript:alert(1)', confidence: 'unverified' },
      findings: [],
    },
  ];
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
