import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  ClusterSnapshot,
  Dependency,
  DependencyRegister,
  FunctionId,
  KubeObject,
  LoadedSovereigntyFacts,
  RegisterFunction,
  SovereigntyFacts,
} from '@havenkit/model';
import { validate } from '../schema.js';
import { loadSovereigntyFacts, mergeFacts, parseUserFacts } from './facts.js';
import { buildRegister, type RegisterOptions } from './register.js';

// Fixtures: snapshots of clusters on each platform (packages/checker/src/sovereignty/fixtures),
// with the node labels, providerIDs, CSI drivers and annotations those platforms show.
const PLATFORMS = [
  'eks',
  'gke',
  'aks',
  'scaleway',
  'ovhcloud',
  'hetzner',
  'stackit',
  'ionos',
  'open-telekom-cloud',
  'on-prem',
] as const;
type Platform = (typeof PLATFORMS)[number];

const facts = loadSovereigntyFacts();
const OPTIONS: RegisterOptions = {
  subject: { kind: 'cluster' },
  tool: { name: 'havenkit', version: '0.0.0-test' },
};

/** A fresh copy of a fixture (tests may change it). */
const fixture = (name: Platform): ClusterSnapshot =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as ClusterSnapshot;

const registerOf = (
  snapshot: ClusterSnapshot,
  f: LoadedSovereigntyFacts = facts,
  options: RegisterOptions = OPTIONS,
): DependencyRegister => buildRegister(snapshot, f, options);

const registers = new Map<Platform, DependencyRegister>();
/** The register of a fixture with the bundled facts (built once). */
function register(name: Platform): DependencyRegister {
  let r = registers.get(name);
  if (r === undefined) {
    r = registerOf(fixture(name));
    registers.set(name, r);
  }
  return r;
}

const fn = (r: DependencyRegister, id: FunctionId): RegisterFunction => {
  const f = r.functions.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no function ${id}`);
  return f;
};
/** The one dependency of a function that `what` (its what or name) names. */
const dep = (r: DependencyRegister, id: FunctionId, what: string, role?: string): Dependency => {
  const found = fn(r, id).dependencies.filter(
    (d) => (d.what === what || d.name === what) && (role === undefined || d.role === role),
  );
  if (found.length !== 1) {
    const seen = fn(r, id).dependencies.map((d) => `${d.name} [${d.what ?? ''}] ${d.role ?? ''}`);
    throw new Error(`${id}: ${found.length} dependencies named ${what}; have ${seen.join('; ')}`);
  }
  return found[0]!;
};
const image = (r: DependencyRegister, reference: string) => {
  const row = r.images.find((i) => i.reference === reference);
  if (row === undefined) throw new Error(`no image ${reference}`);
  return row;
};
const items = (s: ClusterSnapshot, resource: string): KubeObject[] => {
  const entry = s.resources[resource];
  if (entry === undefined || 'error' in entry) throw new Error(`no list ${resource}`);
  return entry.items as KubeObject[];
};
const nodeNames = (s: ClusterSnapshot) => items(s, 'nodes').map((n) => n.metadata?.name);

// --- A user's facts file ----------------------------------------------------------------------

const USER_SOURCE = {
  id: 'gemeente-cmdb',
  url: 'https://cmdb.gemeente-voorbeeld.nl/registries',
  sourceDate: '2026-11-20',
  checked: '2026-12-01',
  confidence: 'verified',
} as const;
const userFacts = (registries: NonNullable<SovereigntyFacts['registries']>): LoadedSovereigntyFacts =>
  mergeFacts(
    facts,
    parseUserFacts(
      {
        apiVersion: 'havenkit.dev/v1alpha1',
        kind: 'SovereigntyFacts',
        sources: [USER_SOURCE],
        registries,
      } satisfies SovereigntyFacts,
      'gemeente-facts.yaml',
    ),
  );
const HARBOR = 'harbor.gemeente-voorbeeld.nl';
const harborFacts = () =>
  userFacts([
    {
      id: 'gemeente-harbor-dockerhub',
      name: 'Harbor proxy cache of Docker Hub',
      prefixes: [`${HARBOR}/dockerhub-proxy`],
      mirrorOf: 'docker.io',
      operator: 'self',
      sources: ['gemeente-cmdb'],
    },
    {
      id: 'gemeente-harbor',
      name: 'Harbor of Gemeente Voorbeeld',
      hosts: [HARBOR],
      operator: 'self',
      sources: ['gemeente-cmdb'],
    },
  ]);

/** The bundled facts with a user's file of these sections (the user's source included). */
const userSections = (sections: Omit<SovereigntyFacts, 'apiVersion' | 'kind' | 'sources'>) =>
  mergeFacts(
    facts,
    parseUserFacts(
      { apiVersion: 'havenkit.dev/v1alpha1', kind: 'SovereigntyFacts', sources: [USER_SOURCE], ...sections },
      'gemeente-facts.yaml',
    ),
  );

// --- Hosting and locations ---------------------------------------------------------------------

describe('hosting', () => {
  const known: [Platform, string, string, string, string][] = [
    ['eks', 'aws', 'Amazon Web Services (EC2, EKS)', 'providerID prefix aws://', 'non-eu'],
    ['gke', 'google', 'Google Cloud (Compute Engine, GKE)', 'providerID prefix gce://', 'non-eu'],
    ['aks', 'microsoft', 'Microsoft Azure (Virtual Machines, AKS)', 'providerID prefix azure://', 'non-eu'],
    ['scaleway', 'scaleway', 'Scaleway (Instances, Kapsule)', 'providerID prefix scaleway://', 'eu'],
    [
      'ovhcloud',
      'ovhcloud',
      'OVHcloud (Public Cloud, Managed Kubernetes Service)',
      'node label node.k8s.ovh/type',
      'eu',
    ],
    ['hetzner', 'hetzner', 'Hetzner (Cloud and dedicated servers)', 'providerID prefix hcloud://', 'eu'],
    [
      'open-telekom-cloud',
      't-systems',
      'Open Telekom Cloud (CCE)',
      'node label cce.cloud.com/cce-nodepool',
      'unknown',
    ],
  ];
  it.each(known)(
    'on %s resolves to the provider entity %s with its matchedBy and the nodes as evidence',
    (platform, entity, what, matchedBy, jurisdiction) => {
      const r = register(platform);
      const hosting = fn(r, 'hosting');
      expect(hosting.status).toBe('in-use');
      expect(hosting.dependencies).toHaveLength(1);
      const d = dep(r, 'hosting', what);
      expect(d).toMatchObject({ entity, matchedBy, jurisdiction, objects: 3 });
      expect(d.evidence.map((e) => [e.kind, e.name])).toEqual(
        nodeNames(fixture(platform)).map((n) => ['Node', n]),
      );
      expect(d.workloads).toBe(r.summary.workloads);
    },
  );

  it('on EKS classes Amazon Web Services, Inc. as controlled outside the EU/EEA by its parent, though its own seat is not known', () => {
    const d = dep(register('eks'), 'hosting', 'Amazon Web Services (EC2, EKS)');
    expect(d.seat).toBeUndefined();
    expect(d.jurisdiction).toBe('non-eu');
    expect(d.ultimateParent).toMatchObject({ entity: 'amazon', seat: 'US' });
    expect(d.laws.map((l) => l.id)).toContain('us-cloud-act');
  });

  it('records the providerID, region and country of each node in its evidence', () => {
    const d = dep(register('eks'), 'hosting', 'Amazon Web Services (EC2, EKS)');
    expect(d.evidence[0]!.fields).toEqual({
      providerID: 'aws:///eu-west-1a/i-0a1b2c3d4e5f60718',
      region: 'eu-west-1',
      country: 'IE',
    });
  });

  it('prefers a providerID prefix over a node label of the same provider (Scaleway Kapsule)', () => {
    expect(dep(register('scaleway'), 'hosting', 'Scaleway (Instances, Kapsule)').matchedBy).toBe(
      'providerID prefix scaleway://',
    );
  });

  const unknown: [Platform, string, string][] = [
    ['stackit', 'unknown provider (openstack://)', 'not in the facts: providerID openstack://'],
    ['ionos', 'unknown provider (ionos://)', 'not in the facts: providerID ionos://'],
    ['on-prem', 'unknown provider', 'not in the facts: no providerID and no known node label'],
  ];
  it.each(unknown)(
    'on %s is unknown (never EU) when the facts know neither the providerID nor a node label',
    (platform, name, matchedBy) => {
      const r = register(platform);
      const d = dep(r, 'hosting', name);
      expect(d).toMatchObject({ matchedBy, jurisdiction: 'unknown', objects: 3 });
      expect(d.entity).toBeUndefined();
      expect(fn(r, 'hosting').jurisdiction).toBe('unknown');
    },
  );
});

describe('locations', () => {
  const located: [Platform, string, string[], number, number][] = [
    ['eks', 'IE', ['eu-west-1'], 3, 2],
    ['gke', 'NL', ['europe-west4'], 3, 1],
    ['aks', 'NL', ['westeurope'], 3, 2],
    ['scaleway', 'NL', ['nl-ams'], 3, 2],
  ];
  it.each(located)(
    'on %s put every node and volume in %s (the region of the facts)',
    (platform, country, regions, nodes, volumes) => {
      expect(register(platform).locations).toEqual([{ country, eea: true, regions, nodes, volumes }]);
    },
  );

  it('on OVHcloud put the nodes of GRA11 in FR, and a Cinder volume of zone nova with them: all nodes are in FR', () => {
    expect(register('ovhcloud').locations).toEqual([
      { country: 'FR', eea: true, regions: ['GRA'], nodes: 3, volumes: 1 },
    ]);
  });

  it('leave a volume whose zone says nothing in an unknown country when the nodes are in more than one', () => {
    const s = fixture('hetzner');
    const pv = (s.resources.persistentvolumes as { items: KubeObject[] }).items[0]!;
    (pv as { spec: Record<string, unknown> }).spec.nodeAffinity = {
      required: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['nova'] }] }],
      },
    };
    const unknownVolumes = (r: DependencyRegister) =>
      r.locations.find((l) => l.country === 'unknown')?.volumes ?? 0;
    expect(unknownVolumes(registerOf(s))).toBe(unknownVolumes(register('hetzner')) + 1);
    expect(registerOf(s).locations.find((l) => l.country === 'unknown')?.regions).toContain('nova');
  });

  it('on Hetzner put fsn1 and nbg1 in DE and ash in the US, outside the EEA', () => {
    const locations = register('hetzner').locations;
    expect(locations.find((l) => l.country === 'DE')).toEqual({
      country: 'DE',
      eea: true,
      regions: ['fsn1', 'nbg1'],
      nodes: 2,
      volumes: 1,
    });
    expect(locations.find((l) => l.country === 'US')).toEqual({
      country: 'US',
      eea: false,
      regions: ['ash'],
      nodes: 1,
      volumes: 0,
    });
  });

  it('on Hetzner locate a volume by its csi.hetzner.cloud/location node affinity', () => {
    const volumes = register('hetzner').locations.filter((l) => l.volumes > 0);
    expect(volumes.map((l) => [l.country, l.volumes])).toEqual([
      ['unknown', 1], // the local-path volume: only a hostname in its node affinity
      ['DE', 1],
    ]);
  });

  const unlocated: [Platform, string[] | undefined][] = [
    ['stackit', ['eu01', 'eu01-1', 'eu01-2']],
    ['ionos', ['de-fra']],
    ['open-telekom-cloud', ['eu-nl-01', 'eu-nl-02', 'eu-nl-03']],
    ['on-prem', undefined],
  ];
  it.each(unlocated)(
    'on %s give the country as unknown (never EU) when the facts have no regions for the provider',
    (platform, regions) => {
      expect(register(platform).locations).toEqual([
        { country: 'unknown', ...(regions ? { regions } : {}), nodes: 3, volumes: expect.any(Number) },
      ]);
    },
  );
});

// --- Control plane -----------------------------------------------------------------------------

describe('control plane', () => {
  it('on Hetzner (k3s) resolves to the provider of the control-plane nodes', () => {
    const d = dep(
      register('hetzner'),
      'control-plane',
      'Hetzner (Cloud and dedicated servers) (machines of the control plane)',
    );
    expect(d).toMatchObject({
      entity: 'hetzner',
      jurisdiction: 'eu',
      matchedBy: 'control-plane node, providerID prefix hcloud://',
      objects: 1,
    });
    expect(d.evidence).toEqual([
      { kind: 'Node', name: 'haven-control-plane-fsn1-abc', fields: { role: 'control-plane' } },
    ]);
  });

  it('on a managed control plane (EKS) whose API server host is not in the facts is unknown, with a note', () => {
    const d = dep(
      register('eks'),
      'control-plane',
      'unknown operator of api.haven-eks.gemeente-voorbeeld.nl',
    );
    expect(d.jurisdiction).toBe('unknown');
    expect(d.evidence).toEqual([{ kind: 'APIServer', name: 'api.haven-eks.gemeente-voorbeeld.nl' }]);
    expect(d.note).toMatch(/apiServers/);
  });

  it('on-premises, a data centre the user declares as their own (entity self) is hosting of their own, with its country', () => {
    const own = userSections({
      providers: [
        {
          id: 'gemeente-dc',
          name: 'Our data centre',
          entity: 'self',
          nodeLabels: [{ key: 'kubernetes.io/hostname', sources: [USER_SOURCE.id] }],
        },
      ],
    });
    const hosting = fn(registerOf(fixture('on-prem'), own), 'hosting');
    expect(hosting.jurisdiction).toBe('self');
    expect(hosting.dependencies).toEqual([
      expect.objectContaining({
        entity: 'self',
        what: 'Our data centre',
        matchedBy: 'node label kubernetes.io/hostname',
      }),
    ]);
  });

  it('refuses a provider whose entity is hosting, naming the field', () => {
    expect(() =>
      userSections({
        providers: [
          {
            id: 'x',
            name: 'X',
            entity: 'hosting',
            providerIds: [{ prefix: 'x://', sources: [USER_SOURCE.id] }],
          },
        ],
      }),
    ).toThrow(/gemeente-facts\.yaml: providers\[0\]\.entity: a provider is the hosting/);
  });

  it('on-premises (kubeadm) is unknown when the control-plane nodes show no provider', () => {
    const d = dep(register('on-prem'), 'control-plane', 'unknown provider of the control-plane nodes');
    expect(d.evidence.map((e) => e.name)).toEqual(['k8s-cp-01']);
  });
});

// --- Storage -----------------------------------------------------------------------------------

describe('storage', () => {
  it('on EKS resolves the in-tree gp2 class to AWS and leaves the EBS CSI driver unknown', () => {
    const r = register('eks');
    expect(dep(r, 'storage', 'Amazon EBS (in-tree)')).toMatchObject({
      entity: 'aws',
      matchedBy: 'CSI provisioner kubernetes.io/aws-ebs',
      jurisdiction: 'non-eu',
    });
    expect(dep(r, 'storage', 'unknown storage (ebs.csi.aws.com)')).toMatchObject({
      what: 'block storage',
      jurisdiction: 'unknown',
      matchedBy: 'not in the facts: provisioner ebs.csi.aws.com',
      workloads: 1,
    });
  });

  it('on GKE and AKS leaves the provider CSI drivers unknown (not in the facts), block and file', () => {
    expect(fn(register('gke'), 'storage').dependencies.map((d) => [d.name, d.jurisdiction])).toEqual([
      ['unknown storage (pd.csi.storage.gke.io)', 'unknown'],
    ]);
    const aks = register('aks');
    expect(dep(aks, 'storage', 'unknown storage (file.csi.azure.com)').what).toBe('file storage');
    expect(dep(aks, 'storage', 'unknown storage (disk.csi.azure.com)').what).toBe('block storage');
  });

  it('on Scaleway resolves block and file storage to Scaleway SAS, with the workloads that mount them', () => {
    const r = register('scaleway');
    expect(dep(r, 'storage', 'Scaleway Block Storage')).toMatchObject({
      entity: 'scaleway',
      jurisdiction: 'eu',
      matchedBy: 'CSI provisioner csi.scaleway.com',
      workloads: 1,
    });
    expect(dep(r, 'storage', 'Scaleway File Storage (file)').workloads).toBe(1);
    expect(fn(r, 'storage').workloads).toBe(2);
  });

  it('on OVHcloud resolves Cinder (entity hosting) to whoever hosts the nodes, with a note', () => {
    const d = dep(register('ovhcloud'), 'storage', 'OpenStack Cinder (block storage)');
    expect(d).toMatchObject({
      entity: 'ovhcloud',
      jurisdiction: 'eu',
      matchedBy: 'CSI provisioner cinder.csi.openstack.org',
      note: 'an open implementation on the hosting provider’s infrastructure',
    });
  });

  it('on STACKIT resolves its own CSI driver to STACKIT and Cinder to an unknown host (the nodes’ provider is unknown)', () => {
    const r = register('stackit');
    expect(dep(r, 'storage', 'STACKIT Block Storage')).toMatchObject({
      entity: 'stackit',
      jurisdiction: 'unknown',
    });
    const cinder = dep(r, 'storage', 'OpenStack Cinder (block storage)');
    expect(cinder.entity).toBeUndefined();
    expect(cinder.name).toBe('whoever hosts the nodes (not known)');
  });

  it('on Hetzner resolves hcloud volumes to Hetzner and the k3s local-path provisioner to unknown', () => {
    const r = register('hetzner');
    expect(dep(r, 'storage', 'Hetzner Cloud Volumes')).toMatchObject({
      entity: 'hetzner',
      jurisdiction: 'eu',
    });
    expect(dep(r, 'storage', 'unknown storage (rancher.io/local-path)').jurisdiction).toBe('unknown');
  });

  it('on IONOS leaves cloud.ionos.com unknown (not in the facts)', () => {
    expect(fn(register('ionos'), 'storage').dependencies.map((d) => d.name)).toEqual([
      'unknown storage (cloud.ionos.com)',
    ]);
  });

  it('on Open Telekom Cloud resolves an Everest volume by its class provisioner when its CSI driver name differs', () => {
    const r = register('open-telekom-cloud');
    expect(dep(r, 'storage', 'Open Telekom Cloud Everest')).toMatchObject({
      entity: 't-systems',
      matchedBy: 'CSI provisioner everest-csi-provisioner',
      evidence: [expect.objectContaining({ kind: 'PersistentVolume' })],
    });
    expect(dep(r, 'storage', 'Open Telekom Cloud Everest (file)').evidence[0]!.fields).toMatchObject({
      accessModes: 'ReadWriteMany',
    });
  });

  it('on-premises resolves Longhorn to the operator (self)', () => {
    const r = register('on-prem');
    expect(fn(r, 'storage').jurisdiction).toBe('self');
    expect(fn(r, 'storage').dependencies.map((d) => d.what)).toEqual(['Longhorn', 'Longhorn (file)']);
  });
});

// --- Load balancing and ingress ----------------------------------------------------------------

describe('load balancing', () => {
  const inferred: [Platform, string, string][] = [
    ['eks', 'aws', 'non-eu'],
    ['gke', 'google', 'non-eu'],
    ['aks', 'microsoft', 'non-eu'],
  ];
  it.each(inferred)(
    'on %s infers the hosting provider (%s) for a Service of type LoadBalancer without annotations',
    (platform, entity, jurisdiction) => {
      const d = dep(register(platform), 'load-balancing', 'the hosting provider’s load balancer');
      expect(d).toMatchObject({
        entity,
        jurisdiction,
        matchedBy: 'Service of type LoadBalancer without an implementation annotation',
        workloads: expect.any(Number),
      });
      expect(d.note).toMatch(/^inferred/);
    },
  );

  const annotated: [Platform, string, string, string, string][] = [
    [
      'scaleway',
      'Scaleway Load Balancer',
      'scaleway',
      'Service annotation service.beta.kubernetes.io/scw-loadbalancer-zone',
      'eu',
    ],
    [
      'ovhcloud',
      'OVHcloud Load Balancer (Octavia)',
      'ovhcloud',
      'Service annotation loadbalancer.ovhcloud.com/flavor',
      'eu',
    ],
    [
      'hetzner',
      'Hetzner Cloud Load Balancer',
      'hetzner',
      'Service annotation load-balancer.hetzner.cloud/location',
      'eu',
    ],
    [
      'stackit',
      'STACKIT Network Load Balancer',
      'stackit',
      'Service annotation lb.stackit.cloud/tcp-proxy-protocol',
      'unknown',
    ],
    [
      'open-telekom-cloud',
      'Open Telekom Cloud Elastic Load Balance',
      't-systems',
      'Service annotation kubernetes.io/elb.class',
      'unknown',
    ],
    ['on-prem', 'MetalLB', 'self', 'Service annotation metallb.io/address-pool', 'self'],
  ];
  it.each(annotated)(
    'on %s resolves the annotation to %s',
    (platform, what, entity, matchedBy, jurisdiction) => {
      expect(dep(register(platform), 'load-balancing', what)).toMatchObject({
        entity,
        matchedBy,
        jurisdiction,
        workloads: 1,
      });
    },
  );

  it('on OVHcloud resolves the OpenStack internal load-balancer annotation to the hosting provider', () => {
    expect(dep(register('ovhcloud'), 'load-balancing', 'OpenStack Octavia')).toMatchObject({
      entity: 'ovhcloud',
      matchedBy: 'Service annotation service.beta.kubernetes.io/openstack-internal-load-balancer',
      note: 'an open implementation on the hosting provider’s infrastructure',
    });
  });

  it('on IONOS is unknown: no annotation, and the hosting provider is not known', () => {
    expect(dep(register('ionos'), 'load-balancing', 'unknown load balancer')).toMatchObject({
      jurisdiction: 'unknown',
      matchedBy: 'not in the facts: Service annotations',
    });
  });
});

describe('ingress', () => {
  const controllers: [Platform, string, string, string][] = [
    ['eks', 'AWS Load Balancer Controller (Application Load Balancer)', 'aws', 'ingress.k8s.aws/alb'],
    ['aks', 'Application Gateway Ingress Controller (Azure)', 'microsoft', 'azure/application-gateway'],
    [
      'stackit',
      'STACKIT Application Load Balancer ingress controller',
      'stackit',
      'stackit.cloud/alb-ingress',
    ],
    ['gke', 'Ingress-NGINX (Kubernetes community)', 'self', 'k8s.io/ingress-nginx'],
    ['on-prem', 'Ingress-NGINX (Kubernetes community)', 'self', 'k8s.io/ingress-nginx'],
  ];
  it.each(controllers)(
    'on %s resolves the IngressClass controller to %s',
    (platform, what, entity, controller) => {
      const d = dep(register(platform), 'ingress', what);
      expect(d).toMatchObject({ entity, matchedBy: `IngressClass controller ${controller}`, workloads: 1 });
      expect(d.evidence[0]!.fields).toEqual({ controller, ingresses: 1 });
    },
  );

  it('on Hetzner (k3s) gives an Ingress without a class to the default IngressClass (Traefik)', () => {
    expect(dep(register('hetzner'), 'ingress', 'Traefik Proxy')).toMatchObject({
      entity: 'self',
      evidence: [
        {
          kind: 'IngressClass',
          name: 'traefik',
          fields: { controller: 'traefik.io/ingress-controller', ingresses: 1 },
        },
      ],
      workloads: 1,
    });
  });
});

// --- Images --------------------------------------------------------------------------------------

describe('images', () => {
  it('take an image without a host as docker.io, Docker Hub, and show its hostedBy chain (AWS, Cloudflare)', () => {
    const r = register('gke');
    expect(image(r, 'postgres:16.4')).toMatchObject({
      host: 'docker.io',
      registry: 'Docker Hub',
      operator: 'docker',
      jurisdiction: 'non-eu',
    });
    const chain = fn(r, 'images').dependencies.filter((d) => d.what === 'Docker Hub');
    expect(chain.map((d) => [d.entity, d.role])).toEqual(
      expect.arrayContaining([
        ['docker', 'operator'],
        ['aws', 'hosting'],
        ['aws', 'storage'],
        ['cloudflare', 'cdn'],
      ]),
    );
    expect(chain.filter((d) => d.role !== 'operator').every((d) => d.via === 'Docker Hub')).toBe(true);
  });

  it('take docker.io with the host written the same as without it', () => {
    const r = register('hetzner');
    expect(image(r, 'docker.io/rancher/mirrored-library-traefik:2.11.10')).toMatchObject({
      host: 'docker.io',
      registry: 'Docker Hub',
    });
    expect(image(r, 'fluent/fluent-bit:3.1.9')).toMatchObject({ host: 'docker.io', registry: 'Docker Hub' });
  });

  it('resolve quay.io, ghcr.io, registry.k8s.io, gcr.io and mcr.microsoft.com to their operators', () => {
    const rows = [
      image(register('eks'), 'quay.io/jetstack/cert-manager-controller:v1.16.2'),
      image(register('ovhcloud'), 'ghcr.io/aureq/cert-manager-webhook-ovh:0.7.3'),
      image(register('eks'), 'registry.k8s.io/metrics-server/metrics-server:v0.7.2'),
      image(register('gke'), 'gke.gcr.io/fluent-bit:v1.8.12-gke.40'),
      image(register('aks'), 'mcr.microsoft.com/oss/kubernetes/metrics-server:v0.7.2'),
    ];
    expect(rows.map((i) => [i.operator, i.jurisdiction])).toEqual([
      ['red-hat', 'non-eu'],
      ['github', 'non-eu'],
      ['kubernetes-project', 'non-eu'], // operator unknown, but hosted by Google and AWS
      ['google', 'non-eu'],
      ['microsoft', 'non-eu'],
    ]);
  });

  it('resolve the Scaleway registry of the region to Scaleway SAS (EU)', () => {
    expect(
      image(register('scaleway'), 'rg.nl-ams.scw.cloud/gemeente-voorbeeld/zaakregister:1.4.2'),
    ).toMatchObject({
      registry: 'Scaleway Container Registry',
      operator: 'scaleway',
      jurisdiction: 'eu',
    });
  });

  const unknownRegistries: [Platform, string][] = [
    ['eks', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/zaakregister:1.4.2'],
    ['eks', 'public.ecr.aws/eks/aws-load-balancer-controller:v2.9.0'],
    ['gke', 'europe-west4-docker.pkg.dev/gemeente-haven-prod/apps/zaakregister:1.4.2'],
    ['aks', 'gemeentevoorbeeld.azurecr.io/zaakregister:1.4.2'],
    ['ovhcloud', 'xv4u7z2k.c1.gra9.container-registry.ovh.net/zaken/zaakregister:1.4.2'],
    ['stackit', 'registry.onstackit.cloud/gemeente-voorbeeld/zaakregister:1.4.2'],
    ['ionos', 'gemeente.cr.de-fra.ionos.com/zaken/zaakregister:1.4.2'],
    ['stackit', 'cr.fluentbit.io/fluent/fluent-bit:3.1.9'],
  ];
  it.each(unknownRegistries)(
    'on %s give a registry not in the facts as unknown, never EU: %s',
    (platform, ref) => {
      const r = register(platform);
      const row = image(r, ref);
      expect(row.jurisdiction).toBe('unknown');
      expect(row.registry).toBeUndefined();
      const host = ref.split('/')[0]!;
      expect(dep(r, 'images', `unknown registry ${host}`)).toMatchObject({
        jurisdiction: 'unknown',
        matchedBy: `not in the facts: registry host ${host}`,
      });
    },
  );

  it('let a user-declared registry (operator self) win over the built-in one for the host it claims', () => {
    const f = userFacts([
      {
        id: 'gemeente-docker-mirror',
        name: 'Docker Hub mirror of Gemeente Voorbeeld',
        hosts: ['docker.io'],
        mirrorOf: 'docker.io',
        operator: 'self',
        sources: ['gemeente-cmdb'],
      },
    ]);
    const r = registerOf(fixture('scaleway'), f);
    expect(image(r, 'postgres:16.4')).toMatchObject({
      registry: 'Docker Hub mirror of Gemeente Voorbeeld',
      operator: 'self',
      mirrorOf: 'docker.io',
    });
    expect(dep(r, 'images', 'Docker Hub mirror of Gemeente Voorbeeld', 'operator').jurisdiction).toBe('self');
    // what it mirrors is still Docker Hub (not the mirror itself, nor unknown)
    expect(dep(r, 'images', 'Docker Hub', 'origin')).toMatchObject({
      entity: 'docker',
      via: 'Docker Hub mirror of Gemeente Voorbeeld',
    });
    expect(r.metadata.facts.files.at(-1)).toBe('gemeente-facts.yaml');
  });

  it('without user facts leave the on-premises Harbor unknown', () => {
    const row = image(register('on-prem'), `${HARBOR}/zaken/zaakregister:2.3.1`);
    expect(row).toMatchObject({ host: HARBOR, jurisdiction: 'unknown' });
  });

  it('show for a Harbor proxy-cache prefix (mirrorOf docker.io) both the proxy (self) and the origin (Docker Hub)', () => {
    const r = registerOf(fixture('on-prem'), harborFacts());
    const proxied = image(r, `${HARBOR}/dockerhub-proxy/library/postgres:16.4`);
    expect(proxied).toMatchObject({
      registry: 'Harbor proxy cache of Docker Hub',
      operator: 'self',
      mirrorOf: 'docker.io',
      jurisdiction: 'non-eu', // the worst link of the chain: the origin
    });
    expect(dep(r, 'images', 'Harbor proxy cache of Docker Hub', 'operator')).toMatchObject({
      entity: 'self',
      matchedBy: `registry prefix ${HARBOR}/dockerhub-proxy`,
    });
    expect(dep(r, 'images', 'Docker Hub', 'origin')).toMatchObject({
      entity: 'docker',
      jurisdiction: 'non-eu',
      via: 'Harbor proxy cache of Docker Hub',
      matchedBy: 'Harbor proxy cache of Docker Hub mirrors docker.io',
      objects: 3,
    });
    expect(image(r, `${HARBOR}/zaken/zaakregister:2.3.1`)).toMatchObject({
      registry: 'Harbor of Gemeente Voorbeeld',
      jurisdiction: 'self',
    });
  });

  it('count the images not pinned by digest, and give the pinned ones their digests', () => {
    const r = register('hetzner');
    const pinned = r.images.filter((i) => i.pinned);
    expect(pinned.map((i) => i.reference)).toEqual([
      'ghcr.io/gemeente-voorbeeld/zaakregister:1.4.2@sha256:3b9a1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    ]);
    expect(pinned[0]!.digests).toEqual([
      'sha256:3b9a1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    ]);
    expect(r.summary.images.unpinned).toBe(r.images.length - 1);
    expect(r.summary.text.en).toContain(`${r.images.length - 1} images are not pinned by digest`);
  });

  it('take the digests a pod runs from status imageID, a Docker Hub short name as the runtime expands it', () => {
    const s = fixture('gke');
    const pod = items(s, 'pods').find((p) => p.metadata?.name === 'postgres-0')!;
    const status = (pod.status as { containerStatuses: { image: string; imageID: string }[] })
      .containerStatuses[0]!;
    expect(status.image).toBe('docker.io/library/postgres:16.4');
    expect(image(registerOf(s), 'postgres:16.4').digests).toEqual([status.imageID.split('@')[1]]);
  });

  it('count each image once with the workloads that run it', () => {
    const r = register('eks');
    expect(image(r, 'quay.io/jetstack/cert-manager-controller:v1.16.2').workloads).toBe(1);
    expect(image(r, 'busybox:1.36').workloads).toBe(1); // the init container of the application
    expect(new Set(r.images.map((i) => i.reference)).size).toBe(r.images.length);
  });
});

// --- Certificates, DNS, backup, observability, endpoints, admission, aggregated APIs ----------

describe('certificates', () => {
  it('resolve a Let’s Encrypt ClusterIssuer to ISRG, with its certificates and their first expiry', () => {
    expect(dep(register('scaleway'), 'certificates', "Let's Encrypt")).toMatchObject({
      entity: 'isrg',
      jurisdiction: 'non-eu',
      matchedBy: 'ACME directory https://acme-v02.api.letsencrypt.org/directory',
      evidence: [
        {
          kind: 'ClusterIssuer',
          name: 'letsencrypt-prod',
          fields: {
            certificates: 1,
            firstNotAfter: '2027-01-05T10:00:00Z',
            server: 'https://acme-v02.api.letsencrypt.org/directory',
          },
        },
      ],
    });
  });

  it('give a CA ClusterIssuer as the operator’s own PKI', () => {
    expect(dep(register('on-prem'), 'certificates', 'your own PKI (ca)')).toMatchObject({
      entity: 'self',
      jurisdiction: 'self',
      evidence: [{ kind: 'ClusterIssuer', name: 'gemeente-ca', fields: { certificates: 1 } }],
    });
  });
});

describe('dns', () => {
  const solvers: [Platform, string, string, string, string][] = [
    ['eks', 'Amazon Route 53', 'aws', 'DNS01 solver route53', 'non-eu'],
    ['gke', 'Google Cloud DNS', 'google', 'DNS01 solver cloudDNS', 'non-eu'],
    ['aks', 'Azure DNS', 'microsoft', 'DNS01 solver azureDNS', 'non-eu'],
  ];
  it.each(solvers)(
    'on %s resolves the built-in DNS01 solver to %s',
    (platform, what, entity, matchedBy, jurisdiction) => {
      expect(dep(register(platform), 'dns', what)).toMatchObject({ entity, matchedBy, jurisdiction });
    },
  );

  const webhooks: [Platform, string, string, string][] = [
    ['scaleway', 'Scaleway Domains and DNS (cert-manager webhook)', 'scaleway', 'eu'],
    ['ovhcloud', 'OVHcloud DNS (cert-manager webhook)', 'ovhcloud', 'eu'],
    ['hetzner', 'Hetzner DNS (cert-manager webhook)', 'hetzner', 'eu'],
    ['stackit', 'STACKIT DNS (cert-manager webhook, external-dns webhook)', 'stackit', 'unknown'],
    ['ionos', 'IONOS DNS (cert-manager webhook, external-dns webhook)', 'ionos', 'unknown'],
    ['open-telekom-cloud', 'Open Telekom Cloud DNS (cert-manager webhook)', 't-systems', 'unknown'],
    ['on-prem', 'TransIP DNS (cert-manager webhook)', 'transip', 'unknown'],
  ];
  it.each(webhooks)('on %s resolves the DNS webhook image to %s', (platform, what, entity, jurisdiction) => {
    const d = dep(register(platform), 'dns', what);
    expect(d).toMatchObject({ entity, jurisdiction, workloads: expect.any(Number) });
    expect(d.matchedBy).toMatch(/^DNS image /);
  });

  it('count the cert-manager webhook, the external-dns webhook and the webhook solver of one DNS operator as one dependency', () => {
    const d = dep(register('ionos'), 'dns', 'IONOS DNS (cert-manager webhook, external-dns webhook)');
    expect(d.objects).toBe(3);
    expect(d.evidence.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'ghcr.io/ionos-cloud/cert-manager-webhook-ionos-cloud:v1.1.0',
        'ghcr.io/ionos-cloud/external-dns-ionos-webhook:v0.6.1',
      ]),
    );
  });

  it('give the webhook solver of an Issuer to the DNS operator whose webhook image runs', () => {
    const d = dep(register('scaleway'), 'dns', 'Scaleway Domains and DNS (cert-manager webhook)');
    expect(d.evidence.map((e) => e.fields?.solver)).toContain('webhook acme.scaleway.com');
  });

  it('give the webhook solver as unknown by its group when no DNS webhook image of the facts runs', () => {
    const s = fixture('scaleway');
    for (const key of ['pods', 'deployments.apps', 'replicasets.apps']) {
      const list = s.resources[key] as { items: KubeObject[] };
      list.items = list.items.filter((o) => !JSON.stringify(o).includes('cert-manager-webhook-scaleway'));
    }
    expect(dep(registerOf(s), 'dns', 'unknown DNS (webhook acme.scaleway.com)').jurisdiction).toBe('unknown');
  });

  it('give external-dns as unknown: its --provider is not read', () => {
    expect(dep(register('gke'), 'dns', 'external-dns (its --provider is not read)')).toMatchObject({
      jurisdiction: 'unknown',
      workloads: 1,
    });
  });
});

describe('backup', () => {
  it('give a Velero BackupStorageLocation whose endpoint is not in the facts as unknown, with provider, endpoint, region and bucket', () => {
    expect(dep(register('scaleway'), 'backup', 'unknown backup store (s3.nl-ams.scw.cloud)')).toMatchObject({
      jurisdiction: 'unknown',
      evidence: [
        {
          kind: 'BackupStorageLocation',
          namespace: 'velero',
          name: 'default',
          fields: {
            provider: 'aws',
            endpoint: 's3.nl-ams.scw.cloud',
            region: 'nl-ams',
            bucket: 'gemeente-voorbeeld-velero',
          },
        },
      ],
    });
  });

  it('name the Velero provider when there is no endpoint', () => {
    expect(
      dep(register('aks'), 'backup', 'unknown backup store (Velero provider velero.io/azure)').jurisdiction,
    ).toBe('unknown');
  });
});

describe('observability', () => {
  it('gives where a log collector of your own sends logs as unknown: its configuration is not read', () => {
    const d = dep(
      register('aks'),
      'observability',
      'where Azure Monitor agent (ama-logs) sends or stores logs',
    );
    expect(d).toMatchObject({ jurisdiction: 'unknown', objects: 1 });
    expect(d.matchedBy).toMatch(/its configuration is not read/);
  });

  it('is none, with a note, when no SaaS agent and no log collector runs', () => {
    const s = fixture('aks');
    for (const key of ['pods', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps']) {
      const list = s.resources[key] as { items: KubeObject[] };
      list.items = list.items.filter((o) => !JSON.stringify(o).includes('ciprod'));
    }
    const f = fn(registerOf(s), 'observability');
    expect(f).toMatchObject({ status: 'none', dependencies: [], workloads: 0 });
    expect(f.note).toMatch(/no known log collector/);
  });
});

describe('external endpoints', () => {
  it('give an ExternalName host not in the facts as unknown', () => {
    expect(
      dep(register('eks'), 'external-endpoints', 'zaken-db.c9akciq32.eu-west-1.rds.amazonaws.com'),
    ).toMatchObject({
      jurisdiction: 'unknown',
      evidence: [
        {
          kind: 'Service',
          namespace: 'zaken',
          name: 'brp-api',
          fields: { externalName: 'zaken-db.c9akciq32.eu-west-1.rds.amazonaws.com' },
        },
      ],
    });
  });
});

describe('admission', () => {
  it('give a webhook with failurePolicy Fail served in the cluster as self, with the workloads behind its Service', () => {
    const d = dep(
      register('gke'),
      'admission',
      'a webhook server in the cluster (cert-manager/cert-manager-webhook)',
    );
    expect(d).toMatchObject({ entity: 'self', matchedBy: 'clientConfig.service', workloads: 1 });
    expect(d.evidence[0]!.fields).toEqual({
      webhook: 'webhook.cert-manager.io',
      service: 'cert-manager/cert-manager-webhook',
    });
  });

  it('give a webhook URL not in the facts as unknown, and leave out a webhook with failurePolicy Ignore', () => {
    const r = register('on-prem');
    const d = dep(r, 'admission', 'unknown webhook server beleid.gemeente-voorbeeld.nl');
    expect(d.evidence.map((e) => e.fields?.webhook)).toEqual(['images.beleid.gemeente-voorbeeld.nl']);
    expect(fn(r, 'admission').dependencies).toHaveLength(2);
  });

  it('count a mutating webhook with failurePolicy Fail too (the AWS Load Balancer Controller’s)', () => {
    expect(
      dep(
        register('eks'),
        'admission',
        'a webhook server in the cluster (kube-system/aws-load-balancer-webhook-service)',
      ).evidence[0]!.kind,
    ).toBe('MutatingWebhookConfiguration');
  });
});

describe('aggregated APIs', () => {
  it('give metrics.k8s.io served by metrics-server as self, and leave out a local APIService', () => {
    const f = fn(register('gke'), 'aggregated-apis');
    expect(f.dependencies).toHaveLength(1);
    expect(f.dependencies[0]).toMatchObject({
      entity: 'self',
      evidence: [
        {
          kind: 'APIService',
          name: 'v1beta1.metrics.k8s.io',
          fields: { group: 'metrics.k8s.io', service: 'kube-system/metrics-server' },
        },
      ],
    });
  });
});

// --- What the snapshot holds ---------------------------------------------------------------------

describe('a snapshot that lacks what a function reads', () => {
  it('gives not collected (never none) for a function whose resource is missing', () => {
    const s = fixture('scaleway');
    delete s.resources.persistentvolumeclaims;
    const f = fn(registerOf(s), 'storage');
    expect(f).toMatchObject({
      status: 'not-collected',
      jurisdiction: 'unknown',
      dependencies: [],
      workloads: 0,
    });
    expect(f.why).toMatch(/^persistentvolumeclaims was not collected/);
  });

  it('gives not collected for an optional CRD resource whose key is missing', () => {
    const s = fixture('scaleway');
    delete s.resources['backupstoragelocations.velero.io'];
    expect(fn(registerOf(s), 'backup').status).toBe('not-collected');
  });

  it('gives unreadable for a forbidden list, for every function that reads it', () => {
    const s = fixture('hetzner');
    s.resources.services = {
      error: {
        code: 403,
        reason: 'Forbidden',
        message:
          'services is forbidden: User "havenkit" cannot list resource "services" in API group "" at the cluster scope',
      },
    };
    const r = registerOf(s);
    expect(fn(r, 'load-balancing')).toMatchObject({ status: 'unreadable', dependencies: [] });
    expect(fn(r, 'external-endpoints').status).toBe('unreadable');
    expect(fn(r, 'load-balancing').why).toMatch(
      /^services could not be read: Forbidden: services is forbidden/,
    );
  });

  it('gives none for a CRD the cluster does not serve (NotServed)', () => {
    const s = fixture('hetzner');
    s.resources['backupstoragelocations.velero.io'] = {
      error: {
        code: 404,
        reason: 'NotServed',
        message: 'the API group velero.io is not served by this cluster',
      },
    };
    expect(fn(registerOf(s), 'backup')).toMatchObject({
      status: 'none',
      jurisdiction: 'self',
      dependencies: [],
    });
  });

  it('gives not collected for a list projected without a field the function reads', () => {
    const s = fixture('ovhcloud');
    const nodes = s.resources.nodes!;
    if ('error' in nodes) throw new Error('nodes');
    nodes.fields = ['metadata.labels', 'status.nodeInfo'];
    const r = registerOf(s);
    expect(fn(r, 'hosting')).toMatchObject({
      status: 'not-collected',
      why: 'nodes was collected without spec.providerID',
    });
    expect(fn(r, 'control-plane').status).toBe('not-collected');
    expect(r.locations.reduce((n, l) => n + l.nodes, 0)).toBe(0);
  });

  it('reads a projected list that holds every field the function reads', () => {
    const s = fixture('ovhcloud');
    const nodes = s.resources.nodes!;
    if ('error' in nodes) throw new Error('nodes');
    nodes.fields = ['metadata.labels', 'spec.providerID', 'status.nodeInfo'];
    expect(fn(registerOf(s), 'hosting').status).toBe('in-use');
  });

  it('gives not collected for a list evaluation marked FieldsNotCollected', () => {
    const s = fixture('ovhcloud');
    s.resources['apiservices.apiregistration.k8s.io'] = {
      error: { code: 0, reason: 'FieldsNotCollected', message: 'spec.service' },
    };
    expect(fn(registerOf(s), 'aggregated-apis')).toMatchObject({
      status: 'not-collected',
      why: 'apiservices.apiregistration.k8s.io was collected without spec.service',
    });
  });

  it('lists no images when the image supply could not be read', () => {
    const s = fixture('gke');
    delete s.resources['cronjobs.batch'];
    const r = registerOf(s);
    expect(fn(r, 'images').status).toBe('not-collected');
    expect(r.images).toEqual([]);
  });
});

describe('manifests before deployment (no nodes)', () => {
  it('let the target provider stand in for the nodes, for hosting, storage and the volumes’ country', () => {
    const s = fixture('scaleway');
    delete s.resources.nodes;
    const r = registerOf(s, facts, {
      ...OPTIONS,
      subject: { kind: 'manifests' },
      targetProvider: 'scaleway',
    });
    expect(fn(r, 'hosting').dependencies).toEqual([
      expect.objectContaining({ entity: 'scaleway', matchedBy: 'provider profile scaleway' }),
    ]);
    expect(r.locations).toEqual([{ country: 'NL', eea: true, regions: ['nl-ams'], nodes: 0, volumes: 2 }]);
  });
});

// --- The summary and the format --------------------------------------------------------------------

describe('the summary', () => {
  const counts = (r: DependencyRegister) => {
    const inUse = r.functions.filter((f) => f.status === 'in-use');
    const outside = inUse.filter((f) =>
      f.dependencies.some((d) => d.jurisdiction === 'non-eu' || d.jurisdiction === 'eu-non-eu-parent'),
    );
    return {
      inUse: inUse.length,
      outsideEuEea: outside.length,
      unknown: inUse.filter((f) => f.dependencies.some((d) => d.jurisdiction === 'unknown')).length,
      notCollected: r.functions.filter((f) => f.status === 'not-collected' || f.status === 'unreadable')
        .length,
    };
  };

  it.each(PLATFORMS)(
    'on %s counts what the functions and images say, and its text gives the same numbers',
    (platform) => {
      const r = register(platform);
      const c = counts(r);
      expect(r.summary.functions).toEqual(c);
      expect(r.summary.images).toEqual({
        total: r.images.length,
        notControlled: r.images.filter((i) => i.operator !== 'self').length,
        outsideEuEea: r.images.filter(
          (i) => i.jurisdiction === 'non-eu' || i.jurisdiction === 'eu-non-eu-parent',
        ).length,
        unknown: r.images.filter((i) => i.registry === undefined).length,
        unpinned: r.images.filter((i) => !i.pinned).length,
      });
      const text = r.summary.text.en;
      expect(text).toContain(
        `${c.outsideEuEea} of ${c.inUse} functions depend on companies controlled outside`,
      );
      expect(text).toContain(
        `${r.summary.images.notControlled} of ${r.images.length} images come from registries`,
      );
      expect(text).toContain(`${c.unknown} functions have a dependency of unknown jurisdiction`);
      expect(r.summary.text.nl).toContain(`${c.outsideEuEea} van ${c.inUse} functies`);
      expect(r.summary.workloads).toBeGreaterThan(0);
    },
  );

  it('counts the functions that were not read in its text', () => {
    const s = fixture('stackit');
    delete s.resources.persistentvolumes;
    s.resources.services = { error: { code: 403, reason: 'Forbidden', message: 'forbidden' } };
    const r = registerOf(s);
    // storage (not collected), load balancing and external endpoints (unreadable)
    expect(r.summary.functions.notCollected).toBe(3);
    expect(r.summary.text.en).toMatch(/; 3 functions were not read\.$/);
  });

  it('lists the functions in use first, then none, then what could not be read', () => {
    const s = fixture('ionos');
    delete s.resources['apiservices.apiregistration.k8s.io'];
    s.resources['backupstoragelocations.velero.io'] = {
      error: {
        code: 404,
        reason: 'NotServed',
        message: 'the API group velero.io is not served by this cluster',
      },
    };
    const statuses = registerOf(s).functions.map((f) => f.status);
    expect(statuses.at(-1)).toBe('not-collected');
    expect(statuses.indexOf('none')).toBeGreaterThan(statuses.lastIndexOf('in-use'));
  });
});

describe('the register format', () => {
  it.each(PLATFORMS)(
    'of %s validates against register.schema.json (and its fixture against snapshot.schema.json)',
    (platform) => {
      expect(validate('snapshot', fixture(platform))).toBeUndefined();
      expect(validate('register', register(platform))).toBeUndefined();
    },
  );

  it('validates with a user’s facts file and with functions not read', () => {
    const s = fixture('on-prem');
    delete s.resources.pods;
    s.resources.services = { error: { code: 403, reason: 'Forbidden', message: 'forbidden' } };
    expect(validate('register', registerOf(fixture('on-prem'), harborFacts()))).toBeUndefined();
    expect(validate('register', registerOf(s, harborFacts()))).toBeUndefined();
  });

  it('is the same for the same snapshot and facts (pure), dated by the snapshot', () => {
    const a = registerOf(fixture('aks'));
    expect(registerOf(fixture('aks'))).toEqual(a);
    expect(a.metadata.generatedAt).toBe('2026-11-01T09:00:00Z');
    expect(a.metadata.facts.files.every((f) => f.startsWith('compliance/sovereignty/'))).toBe(true);
  });

  it('never gives a dependency or image of a fact that is absent as EU', () => {
    for (const platform of PLATFORMS) {
      const r = register(platform);
      const unmatched = r.functions.flatMap((f) => f.dependencies.filter((d) => d.entity === undefined));
      expect(unmatched.every((d) => d.jurisdiction === 'unknown')).toBe(true);
      expect(
        r.images.filter((i) => i.registry === undefined).every((i) => i.jurisdiction === 'unknown'),
      ).toBe(true);
    }
  });
});
