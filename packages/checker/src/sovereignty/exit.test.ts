import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, ExitFinding, ExitKind, KubeObject } from '@havenkit/model';
import { missingFields } from '../projection.js';
import { validate } from '../schema.js';
import { parseYaml } from '../yaml.js';
import {
  EXIT_KINDS,
  EXIT_READS,
  exitReadiness,
  exitTargetOf,
  quantityBytes,
  sizeText,
  type ExitTarget,
  type ProfileForExit,
} from './exit.js';
import { loadSovereigntyFacts } from './facts.js';
import { loadRegisterFunctions } from './functions.js';
import { buildRegister } from './register.js';

const facts = loadSovereigntyFacts();

/** A provider profile of havenkit (packages/constructs/src/profiles), as the CLI makes it a target. */
const profile = (id: string): ExitTarget =>
  exitTargetOf(
    parseYaml(
      readFileSync(new URL(`../../../constructs/src/profiles/${id}.yaml`, import.meta.url), 'utf8'),
      `${id}.yaml`,
    ) as ProfileForExit,
  );
const OVH = profile('ovhcloud');
const SCALEWAY = profile('scaleway');
/** A target without ReadWriteMany storage (no bundled profile lacks it). */
const NO_RWX: ExitTarget = {
  ...OVH,
  id: 'block-only',
  name: 'Block-only cloud',
  storage: { ...OVH.storage, rwx: { supported: false, reason: 'no file storage service' } },
};

const PLATFORMS = [
  'aks',
  'eks',
  'gke',
  'hetzner',
  'ionos',
  'on-prem',
  'open-telekom-cloud',
  'ovhcloud',
  'scaleway',
  'stackit',
] as const;
const fixture = (name: (typeof PLATFORMS)[number]): ClusterSnapshot =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as ClusterSnapshot;

// ---------------------------------------------------------------------------------------------
// A small Scaleway cluster, made of the objects each case adds
// ---------------------------------------------------------------------------------------------

const list = (items: readonly KubeObject[], fields?: string[]) => ({
  apiVersion: 'v1',
  kind: 'List',
  items: [...items],
  ...(fields ? { fields } : {}),
});

const NODES: KubeObject[] = [1, 2].map((i) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: `scw-node-${i}`,
    labels: { 'topology.kubernetes.io/region': 'fr-par', 'topology.kubernetes.io/zone': `fr-par-${i}` },
  },
  spec: { providerID: `scaleway://instance/fr-par-${i}/0000000${i}` },
}));

/** A snapshot with every list exit readiness reads (empty unless given) and two Scaleway nodes. */
function cluster(resources: Record<string, readonly KubeObject[]> = {}): ClusterSnapshot {
  const all: Record<string, ReturnType<typeof list>> = { nodes: list(NODES) };
  for (const kind of EXIT_KINDS) for (const { resource } of EXIT_READS[kind]) all[resource] = list([]);
  for (const [resource, items] of Object.entries(resources)) all[resource] = list(items);
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'ClusterSnapshot',
    metadata: { collectedAt: '2026-11-01T09:00:00Z', collector: { name: 'test', version: '0' } },
    version: { gitVersion: 'v1.33.0' },
    discovery: { groupVersions: ['v1'] },
    resources: all,
  } as ClusterSnapshot;
}

const obj = (
  kind: string,
  name: string,
  rest: Record<string, unknown> = {},
  namespace?: string,
): KubeObject =>
  ({
    kind,
    metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
    ...rest,
  }) as KubeObject;

const storageClass = (name: string, provisioner: string) => obj('StorageClass', name, { provisioner });
/** A claim bound to a volume (that the snapshot need not hold), or with `bound: false` one still pending. */
const claim = (name: string, className: string, size: string, modes = ['ReadWriteOnce'], bound = true) =>
  obj(
    'PersistentVolumeClaim',
    name,
    {
      spec: {
        storageClassName: className,
        accessModes: modes,
        resources: { requests: { storage: size } },
        ...(bound ? { volumeName: `pvc-${name}` } : {}),
      },
    },
    'zaken',
  );
const deployment = (name: string, spec: Record<string, unknown>) =>
  obj(
    'Deployment',
    name,
    { spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [], ...spec } } } },
    'zaken',
  );

const only = (findings: readonly ExitFinding[], kind: ExitKind) => findings.filter((f) => f.kind === kind);

describe('exit readiness: each kind of finding and its effort', () => {
  it.each<[string, Record<string, readonly KubeObject[]>, ExitTarget, Partial<ExitFinding>]>([
    [
      'a claim of a vendor storage class is a data migration, with its claims and size',
      {
        'storageclasses.storage.k8s.io': [storageClass('sbs-default', 'csi.scaleway.com')],
        persistentvolumeclaims: [
          claim('data-postgres-0', 'sbs-default', '10Gi'),
          claim('archief', 'sbs-default', '500Mi'),
        ],
      },
      OVH,
      {
        kind: 'storage-class',
        effort: 'data-migration',
        what: 'sbs-default',
        detail: 'csi.scaleway.com',
        entity: { entity: 'scaleway', name: 'Scaleway SAS' },
        objects: 2,
        claims: 2,
        bytes: 10 * 2 ** 30 + 500 * 2 ** 20,
        unsized: 0,
      },
    ],
    [
      'a ReadWriteMany claim onto a target without ReadWriteMany storage is a re-architecture, citing the profile’s reason',
      {
        'storageclasses.storage.k8s.io': [storageClass('scw-fs', 'filestorage.csi.scaleway.com')],
        persistentvolumeclaims: [claim('documenten', 'scw-fs', '50Gi', ['ReadWriteMany'])],
      },
      NO_RWX,
      { kind: 'storage-class', effort: 're-architecture', what: 'scw-fs', reason: 'no file storage service' },
    ],
    [
      'a claim without a bound volume holds no data yet: a config change to the target’s class',
      {
        'storageclasses.storage.k8s.io': [storageClass('sbs-default', 'csi.scaleway.com')],
        persistentvolumeclaims: [claim('nieuw', 'sbs-default', '10Gi', ['ReadWriteOnce'], false)],
      },
      OVH,
      {
        kind: 'storage-class',
        effort: 'config-change',
        what: 'sbs-default',
        change: {
          en: 'make the claim (no volume bound yet, so no data) with StorageClass csi-cinder-high-speed (cinder.csi.openstack.org) at OVHcloud Managed Kubernetes',
          nl: 'maak de claim (nog geen volume gebonden, dus geen data) aan met StorageClass csi-cinder-high-speed (cinder.csi.openstack.org) bij OVHcloud Managed Kubernetes',
        },
      },
    ],
    [
      'Service annotations of the current provider’s load balancer are a config change',
      {
        services: [
          obj(
            'Service',
            'ingress-nginx-controller',
            {
              metadata: {
                name: 'ingress-nginx-controller',
                namespace: 'ingress-nginx',
                annotations: { 'service.beta.kubernetes.io/scw-loadbalancer-zone': 'fr-par-1' },
              },
              spec: { type: 'LoadBalancer', selector: { app: 'ingress-nginx' } },
            },
            'ingress-nginx',
          ),
        ],
      },
      OVH,
      {
        kind: 'load-balancer',
        effort: 'config-change',
        what: 'Scaleway Load Balancer',
        objects: 1,
        change: {
          en: 'replace the annotations service.beta.kubernetes.io/scw-loadbalancer- with those of OVHcloud Managed Kubernetes: loadbalancer.ovhcloud.com/flavor: small',
          nl: 'vervang de annotaties service.beta.kubernetes.io/scw-loadbalancer- door die van OVHcloud Managed Kubernetes: loadbalancer.ovhcloud.com/flavor: small',
        },
      },
    ],
    [
      'an IngressClass of a vendor’s ingress controller is a config change',
      {
        'ingressclasses.networking.k8s.io': [
          obj('IngressClass', 'stackit-alb', { spec: { controller: 'stackit.cloud/alb-ingress' } }),
        ],
        'ingresses.networking.k8s.io': [
          obj('Ingress', 'web', { spec: { ingressClassName: 'stackit-alb' } }, 'zaken'),
        ],
      },
      OVH,
      {
        kind: 'ingress-class',
        effort: 'config-change',
        what: 'stackit-alb',
        entity: { entity: 'stackit', name: 'STACKIT GmbH & Co. KG' },
        objects: 2,
      },
    ],
    [
      'images in a registry of the hosting provider’s group are to mirror, with their count',
      {
        'deployments.apps': [
          deployment('zaakregister', {
            containers: [{ name: 'app', image: 'rg.fr-par.scw.cloud/gemeente/zaakregister:1.4.2' }],
          }),
          deployment('portaal', {
            containers: [{ name: 'app', image: 'rg.nl-ams.scw.cloud/gemeente/portaal:2.0' }],
          }),
          deployment('nginx', { containers: [{ name: 'app', image: 'nginx:1.29' }] }),
        ],
      },
      OVH,
      {
        kind: 'registry',
        effort: 'config-change',
        what: 'Scaleway Container Registry',
        images: 2,
        objects: 2,
        workloads: 2,
      },
    ],
    [
      'a CRD in a cloud vendor’s API group is a re-architecture',
      {
        'customresourcedefinitions.apiextensions.k8s.io': [
          obj('CustomResourceDefinition', 'buckets.s3.services.k8s.aws'),
          obj('CustomResourceDefinition', 'dbinstances.rds.services.k8s.aws'),
          obj('CustomResourceDefinition', 'certificates.cert-manager.io'),
        ],
      },
      OVH,
      {
        kind: 'vendor-api',
        effort: 're-architecture',
        what: 'AWS Controllers for Kubernetes (ACK)',
        detail: 's3.services.k8s.aws, rds.services.k8s.aws',
        entity: { entity: 'aws', name: 'Amazon Web Services, Inc.' },
        objects: 2,
      },
    ],
    [
      'a node selector on the current provider’s node label is a config change',
      {
        'deployments.apps': [
          deployment('zaakregister', { nodeSelector: { 'k8s.scaleway.com/pool-name': 'default' } }),
        ],
      },
      OVH,
      {
        kind: 'placement',
        effort: 'config-change',
        what: 'k8s.scaleway.com/pool-name',
        detail: 'Scaleway (Instances, Kapsule)',
        objects: 1,
      },
    ],
    [
      'a toleration of the current provider’s node label is a config change',
      {
        'deployments.apps': [
          deployment('gpu', {
            tolerations: [{ key: 'k8s.scaleway.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          }),
        ],
      },
      OVH,
      { kind: 'placement', effort: 'config-change', what: 'k8s.scaleway.com/gpu', objects: 1 },
    ],
    [
      'a zone pin the target does not have is a config change',
      {
        'deployments.apps': [
          deployment('postgres', {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [
                    {
                      matchExpressions: [
                        { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['fr-par-1'] },
                      ],
                    },
                  ],
                },
              },
            },
          }),
        ],
      },
      OVH,
      {
        kind: 'placement',
        effort: 'config-change',
        what: 'topology.kubernetes.io/zone=fr-par-1',
        change: {
          en: 'pin to a zone of OVHcloud Managed Kubernetes (eu-west-par-a, eu-west-par-b, eu-west-par-c) instead of fr-par-1, or remove the pin',
          nl: 'pin op een zone van OVHcloud Managed Kubernetes (eu-west-par-a, eu-west-par-b, eu-west-par-c) in plaats van fr-par-1, of haal de pin weg',
        },
      },
    ],
  ])('%s', (_name, resources, target, expected) => {
    const exit = exitReadiness(cluster(resources), facts, target);
    expect(exit.findings).toEqual([expect.objectContaining(expected)]);
    expect(exit.notRead).toEqual([]);
  });

  it('a zone pin the target has is nothing to change', () => {
    const pinned = deployment('postgres', {
      nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-par-b' },
    });
    const exit = exitReadiness(cluster({ 'deployments.apps': [pinned] }), facts, OVH);
    expect(exit.findings).toEqual([]);
  });

  it('a bound volume’s capacity is the claim’s size; a claim whose volume was not collected counts its request', () => {
    const bound = {
      ...claim('data-postgres-0', 'sbs-default', '5Gi'),
      spec: {
        storageClassName: 'sbs-default',
        volumeName: 'pvc-1',
        resources: { requests: { storage: '5Gi' } },
      },
    } as KubeObject;
    const volume = obj('PersistentVolume', 'pvc-1', {
      spec: {
        storageClassName: 'sbs-default',
        capacity: { storage: '20Gi' },
        accessModes: ['ReadWriteOnce'],
      },
    });
    const exit = exitReadiness(
      cluster({
        'storageclasses.storage.k8s.io': [storageClass('sbs-default', 'csi.scaleway.com')],
        persistentvolumes: [volume],
        persistentvolumeclaims: [bound, claim('archief', 'sbs-default', '1Gi')],
      }),
      facts,
      OVH,
    );
    expect(exit.findings.map((f) => [f.claims, f.bytes])).toEqual([[2, 21 * 2 ** 30]]);
    expect(exit.counts).toMatchObject({ dataMigration: 1, claims: 2, bytes: 21 * 2 ** 30 });
  });

  it('a workload template that uses no provider label and pins no zone needs nothing changed', () => {
    const plain = deployment('web', { nodeSelector: { 'kubernetes.io/os': 'linux' } });
    expect(exitReadiness(cluster({ 'deployments.apps': [plain] }), facts, OVH).findings).toEqual([]);
  });

  it('lists the findings worst effort first', () => {
    const exit = exitReadiness(
      cluster({
        'storageclasses.storage.k8s.io': [storageClass('sbs-default', 'csi.scaleway.com')],
        persistentvolumeclaims: [claim('data', 'sbs-default', '10Gi')],
        'deployments.apps': [
          deployment('zaakregister', { nodeSelector: { 'k8s.scaleway.com/pool-name': 'default' } }),
        ],
        'customresourcedefinitions.apiextensions.k8s.io': [
          obj('CustomResourceDefinition', 'buckets.s3.services.k8s.aws'),
        ],
      }),
      facts,
      OVH,
    );
    expect(exit.findings.map((f) => f.effort)).toEqual([
      're-architecture',
      'data-migration',
      'config-change',
    ]);
  });

  it('says it in one line, in English and Dutch', () => {
    const exit = exitReadiness(
      cluster({
        'storageclasses.storage.k8s.io': [storageClass('sbs-default', 'csi.scaleway.com')],
        persistentvolumeclaims: [claim('a', 'sbs-default', '100Gi'), claim('b', 'sbs-default', '20Gi')],
        'deployments.apps': [
          deployment('zaakregister', { nodeSelector: { 'k8s.scaleway.com/pool-name': 'default' } }),
        ],
      }),
      facts,
      OVH,
    );
    expect(exit.summary).toEqual({
      en: 'To move to OVHcloud Managed Kubernetes: 1 config change, 1 data migration (2 claims, 120 GiB), no re-architecture.',
      nl: 'Om naar OVHcloud Managed Kubernetes te verhuizen: 1 configuratiewijziging, 1 datamigratie (2 claims, 120 GiB), geen herontwerp.',
    });
  });
});

describe('exit readiness: nothing to change, not collected, no target', () => {
  const scaleway = () => fixture('scaleway');

  it('has nothing to change on a cluster already on the target', () => {
    const snapshot = scaleway();
    snapshot.resources['customresourcedefinitions.apiextensions.k8s.io'] = list([]);
    const exit = exitReadiness(snapshot, facts, SCALEWAY);
    expect(exit.findings).toEqual([]);
    expect(exit.notRead).toEqual([]);
    expect(exit.summary.en).toBe('To move to Scaleway Kapsule: nothing to change.');
  });

  it.each(EXIT_KINDS)(
    'gives %s "not collected" on a snapshot without the fields it reads, never nothing to change',
    (kind) => {
      const snapshot = cluster();
      const { resource } = EXIT_READS[kind][0]!;
      // A list kept without the fields (an older snapshot); the CRDs' name is always kept, so without the list.
      if (kind === 'vendor-api') delete snapshot.resources[resource];
      else snapshot.resources[resource] = list([], ['metadata.labels']);
      const mine = exitReadiness(snapshot, facts, OVH).notRead.filter((n) => n.kind === kind);
      expect(mine).toEqual([
        {
          kind,
          status: 'not-collected',
          why: expect.objectContaining({ en: expect.stringContaining(resource) }),
        },
      ]);
    },
  );

  it('gives vendor APIs "not collected" when the snapshot has no CRDs, and says so in the summary', () => {
    const exit = exitReadiness(scaleway(), facts, SCALEWAY);
    expect(exit.notRead).toEqual([
      {
        kind: 'vendor-api',
        status: 'not-collected',
        why: expect.objectContaining({
          en: expect.stringMatching(/^customresourcedefinitions\.apiextensions\.k8s\.io was not collected/),
        }),
      },
    ]);
    expect(exit.summary.en).toBe('To move to Scaleway Kapsule: nothing to change; not read: vendor APIs.');
    expect(exit.summary.nl).toBe(
      "Om naar Scaleway Kapsule te verhuizen: niets te veranderen; niet gelezen: API's van leveranciers.",
    );
  });

  it('gives a kind "unreadable" when its list could not be read', () => {
    const snapshot = cluster();
    snapshot.resources.services = {
      error: { code: 403, reason: 'Forbidden', message: 'services is forbidden' },
    };
    expect(exitReadiness(snapshot, facts, OVH).notRead).toEqual([
      {
        kind: 'load-balancer',
        status: 'unreadable',
        why: expect.objectContaining({ en: expect.stringContaining('Forbidden') }),
      },
    ]);
  });

  it('without a target, lists what ties the workloads to the current provider', () => {
    const exit = exitReadiness(scaleway(), facts);
    expect(exit.target).toBeUndefined();
    expect(exit.from.groups).toEqual([{ entity: 'iliad', name: 'Iliad S.A.' }]);
    expect(exit.findings.map((f) => [f.kind, f.what])).toEqual([
      ['storage-class', 'sbs-default'],
      ['storage-class', 'scw-fs'],
      ['load-balancer', 'Scaleway Load Balancer'],
      ['registry', 'Scaleway Container Registry'],
    ]);
    expect(exit.summary.en).toMatch(
      /^To leave Scaleway \(Instances, Kapsule\): 2 config changes, 2 data migrations/,
    );
  });

  it('reads only fields the register collects (CRDs’ names aside, which the checks collect)', () => {
    const needs = loadRegisterFunctions().flatMap((f) => f.needs.resources);
    for (const kind of EXIT_KINDS.filter((k) => k !== 'vendor-api')) {
      for (const { resource, fields } of EXIT_READS[kind]) {
        const kept = needs.filter((n) => n.resource === resource).flatMap((n) => n.fields);
        expect(missingFields(kept, fields), `${kind}: ${resource}`).toEqual([]);
      }
    }
  });
});

describe('exit readiness of the platform fixtures (to OVHcloud)', () => {
  it.each<[(typeof PLATFORMS)[number], ExitKind[]]>([
    ['aks', ['storage-class', 'storage-class', 'load-balancer', 'ingress-class', 'registry']],
    ['eks', ['storage-class', 'storage-class', 'load-balancer', 'ingress-class']],
    ['gke', ['storage-class', 'load-balancer', 'registry']],
    ['hetzner', ['storage-class', 'storage-class', 'load-balancer']],
    ['ionos', ['storage-class', 'load-balancer']],
    ['on-prem', ['storage-class', 'storage-class']],
    ['open-telekom-cloud', ['storage-class', 'storage-class', 'load-balancer']],
    ['ovhcloud', []],
    ['scaleway', ['storage-class', 'storage-class', 'load-balancer', 'registry']],
    ['stackit', ['storage-class', 'storage-class', 'load-balancer', 'ingress-class']],
  ])('%s shows %j, and vendor APIs as not collected (no CRDs in the fixture)', (platform, kinds) => {
    const exit = exitReadiness(fixture(platform), facts, OVH);
    expect(exit.findings.map((f) => f.kind)).toEqual(kinds);
    expect(exit.notRead.map((n) => n.kind)).toEqual(['vendor-api']);
  });

  it('aks: mcr.microsoft.com is Microsoft’s, the group that hosts the nodes: its 3 images are to mirror', () => {
    const [registry] = only(exitReadiness(fixture('aks'), facts, OVH).findings, 'registry');
    expect(registry).toMatchObject({
      what: 'Microsoft Artifact Registry (Microsoft Container Registry)',
      images: 3,
    });
  });

  it('eks: the ECR images are not to mirror, because the facts do not know ECR (unknown, never guessed)', () => {
    const exit = exitReadiness(fixture('eks'), facts, OVH);
    expect(only(exit.findings, 'registry')).toEqual([]);
    expect(only(exit.findings, 'ingress-class')[0]).toMatchObject({ what: 'alb', entity: { entity: 'aws' } });
  });

  it('gke: the images on gke.gcr.io are Google’s, the group that hosts the nodes', () => {
    const [registry] = only(exitReadiness(fixture('gke'), facts, OVH).findings, 'registry');
    expect(registry).toMatchObject({ what: 'Google Container Registry', images: 2 });
  });

  it('aks: the Azure Files claim moves to the target’s ReadWriteMany class', () => {
    const rwx = only(exitReadiness(fixture('aks'), facts, OVH).findings, 'storage-class').find(
      (f) => f.what === 'azurefile-csi',
    )!;
    expect(rwx).toMatchObject({ effort: 'data-migration', claims: 1, bytes: 50 * 2 ** 30 });
    expect(rwx.change.en).toBe(
      'copy the data of 1 claim (50 GiB) to StorageClass manila-nfs (nfs.manila.csi.openstack.org) at OVHcloud Managed Kubernetes',
    );
  });

  it.each([
    'exoscale',
    'hetzner',
    'ionos',
    'onprem',
    'open-telekom-cloud',
    'openstack',
    'ovhcloud',
    'scaleway',
    'stackit',
    'upcloud',
  ])('on-prem to %s: no registry to mirror, and its data to migrate', (id) => {
    const exit = exitReadiness(fixture('on-prem'), facts, profile(id));
    expect(only(exit.findings, 'registry')).toEqual([]);
    expect(exit.counts).toMatchObject({ dataMigration: 2, claims: 2, bytes: 60 * 2 ** 30 });
  });

  it('on-prem to generic: the ReadWriteMany volume has nowhere to go (generic names no RWX class)', () => {
    const exit = exitReadiness(fixture('on-prem'), facts, profile('generic'));
    expect(exit.counts).toMatchObject({ dataMigration: 1, claims: 1, bytes: 10 * 2 ** 30 });
    expect(exit.counts.reArchitecture).toBeGreaterThan(0);
  });

  it.each(PLATFORMS)(
    '%s: the register with --exit-to validates, with the cut-off of the hosting group',
    (platform) => {
      const register = buildRegister(fixture(platform), facts, {
        subject: { kind: 'cluster' },
        tool: { name: 'havenkit', version: 'test' },
        exitTo: OVH,
      });
      expect(validate('register', register)).toBeUndefined();
      const groups = register.exit!.from.groups.map((g) => g.entity);
      expect(register.exit!.disruption?.without ?? []).toEqual(groups);
    },
  );
});

describe('sizes', () => {
  it.each<[unknown, number | undefined]>([
    ['10Gi', 10 * 2 ** 30],
    ['500Mi', 500 * 2 ** 20],
    ['1.5Ti', 1.5 * 2 ** 40],
    ['100G', 100e9],
    ['1e3', 1000],
    ['3', 3],
    ['ten', undefined],
    ['10 Gi', undefined],
    [undefined, undefined],
  ])('quantityBytes(%j) is %j', (value, bytes) => {
    expect(quantityBytes(value)).toBe(bytes);
  });

  it.each<[number, string, string]>([
    [120 * 2 ** 30, '120 GiB', '120 GiB'],
    [1.5 * 2 ** 40, '1.5 TiB', '1,5 TiB'],
    [512, '512 B', '512 B'],
  ])('writes %d bytes as %s (Dutch: %s)', (bytes, en, nl) => {
    expect([sizeText(bytes, 'en'), sizeText(bytes, 'nl')]).toEqual([en, nl]);
  });
});
