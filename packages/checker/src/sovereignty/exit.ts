/**
 * Exit readiness (`havenkit sovereignty --exit-to PROVIDER`): what must change to move a cluster's
 * workloads to another provider (a provider profile), from the snapshot alone. Per kind of finding
 * what ties the workloads to where they run now: the claims and sizes of every storage class with
 * data, load-balancer annotations of the current provider, its ingress controllers, the images in
 * its registries, CRDs of a cloud vendor's controllers, and node selectors, node affinity and
 * tolerations on its node labels or on zones the target does not have; each with its effort.
 * Without a target, what ties the workloads to the providers that host them now. A kind whose
 * resources or fields the snapshot lacks is "not read", never "nothing to change". Pure.
 */
import {
  HOSTING_ENTITY,
  SELF_ENTITY,
  message,
  type ClusterSnapshot,
  type CutOff,
  type ExitEffort,
  type ExitFinding,
  type ExitKind,
  type ExitReadiness,
  type KubeObject,
  type Language,
  type LoadedSovereigntyFacts,
  type ProviderFact,
  type RegisterEvidence,
  type RegisterText,
} from '@havenkit/model';
import { FIELDS_NOT_COLLECTED } from '../checks/util.js';
import { arrayField, field, stringField } from '../objects.js';
import { missingFields } from '../projection.js';
import { matchesPattern, resolveEntity } from './facts.js';
import { matchRegistry, parseImageReference } from './images.js';
import { pushTo, selects, stringMap, workloadsOf, type Workload } from './workloads.js';
import { REGION_LABELS, ZONE_LABELS, evidenceOf, providerOfNode } from './match.js';

/**
 * Where the workloads would move to: the parts of a provider profile (packages/constructs
 * profiles/*.yaml) that exit readiness compares with. The CLI builds it from the profile.
 */
export interface ExitTarget {
  /** The profile's id; the facts' provider with this id (if any) is the target's company. */
  readonly id: string;
  readonly name: string;
  readonly storage: {
    /** The class ReadWriteOnce claims get (the profile's class, else its cluster default). */
    readonly rwo: { readonly class?: string; readonly provisioner?: string };
    readonly rwx: {
      readonly supported: boolean;
      readonly class?: string;
      readonly provisioner?: string;
      /** Why there is no ReadWriteMany storage (supported: false). */
      readonly reason?: string;
    };
  };
  /** The annotations every Service of type LoadBalancer needs there. */
  readonly loadBalancer: { readonly annotations: Readonly<Record<string, string>> };
  readonly ingress?: { readonly className?: string };
  /** The zone label and the zones the profile knows (empty: not listed). */
  readonly zones?: { readonly label: string; readonly known: readonly string[] };
}

/** The parts of a provider profile (compliance/schemas/provider-profile.schema.json) a target is made of. */
export interface ProfileForExit {
  readonly id: string;
  readonly name: string;
  readonly storage: {
    readonly rwo?: {
      readonly class?: string;
      readonly clusterDefault?: string;
      readonly provisioner?: string;
    };
    readonly rwx: {
      readonly supported: boolean;
      readonly class?: string;
      readonly provisioner?: string;
      readonly reason?: string;
    };
  };
  readonly loadBalancer?: { readonly annotations?: Readonly<Record<string, string>> };
  readonly ingress?: { readonly className?: string };
  readonly zones?: { readonly label?: string; readonly known?: readonly string[] };
}

/** The target of a provider profile: a ReadWriteOnce claim gets its class, else its cluster default. */
export function exitTargetOf(profile: ProfileForExit): ExitTarget {
  const rwo = profile.storage.rwo ?? {};
  const rwoClass = rwo.class ?? rwo.clusterDefault;
  const rwx = profile.storage.rwx;
  const className = profile.ingress?.className;
  return {
    id: profile.id,
    name: profile.name,
    storage: {
      rwo: {
        ...(rwoClass !== undefined ? { class: rwoClass } : {}),
        ...(rwo.provisioner !== undefined ? { provisioner: rwo.provisioner } : {}),
      },
      rwx: {
        supported: rwx.supported,
        ...(rwx.class !== undefined ? { class: rwx.class } : {}),
        ...(rwx.provisioner !== undefined ? { provisioner: rwx.provisioner } : {}),
        ...(rwx.reason !== undefined ? { reason: rwx.reason } : {}),
      },
    },
    loadBalancer: { annotations: { ...(profile.loadBalancer?.annotations ?? {}) } },
    ...(className !== undefined ? { ingress: { className } } : {}),
    zones: {
      label: profile.zones?.label ?? 'topology.kubernetes.io/zone',
      known: [...(profile.zones?.known ?? [])],
    },
  };
}

/** At most this many evidence objects per finding (the counts say how many there are). */
export const EXIT_EVIDENCE_LIMIT = 10;

type Need = { readonly resource: string; readonly fields: readonly string[] };

const TEMPLATE = ['affinity.nodeAffinity', 'nodeSelector', 'tolerations'];
const placementOf = (resource: string, prefix: string): Need => ({
  resource,
  fields: TEMPLATE.map((f) => `${prefix}.${f}`),
});

/**
 * What each kind reads (resource and fields). Every field but the CRDs' is in the register's needs
 * (compliance/register/functions.yaml), so `havenkit snapshot` collects it; CRDs' names are
 * collected by the checks, and by `sovereignty --exit-to` on a live cluster.
 */
export const EXIT_READS: Readonly<Record<ExitKind, readonly Need[]>> = {
  'storage-class': [
    { resource: 'storageclasses.storage.k8s.io', fields: ['provisioner'] },
    {
      resource: 'persistentvolumes',
      fields: [
        'spec.accessModes',
        'spec.capacity.storage',
        'spec.claimRef',
        'spec.csi.driver',
        'spec.storageClassName',
      ],
    },
    {
      resource: 'persistentvolumeclaims',
      fields: [
        'spec.accessModes',
        'spec.resources.requests.storage',
        'spec.storageClassName',
        'spec.volumeName',
      ],
    },
  ],
  'load-balancer': [
    {
      resource: 'services',
      fields: ['metadata.annotations', 'spec.loadBalancerClass', 'spec.selector', 'spec.type'],
    },
  ],
  'ingress-class': [
    { resource: 'ingressclasses.networking.k8s.io', fields: ['spec.controller'] },
    { resource: 'ingresses.networking.k8s.io', fields: ['metadata.annotations', 'spec.ingressClassName'] },
  ],
  registry: [
    { resource: 'pods', fields: ['spec.containers[].image', 'spec.initContainers[].image'] },
    { resource: 'deployments.apps', fields: ['spec.template.spec.containers[].image'] },
    { resource: 'statefulsets.apps', fields: ['spec.template.spec.containers[].image'] },
    { resource: 'daemonsets.apps', fields: ['spec.template.spec.containers[].image'] },
    { resource: 'jobs.batch', fields: ['spec.template.spec.containers[].image'] },
    { resource: 'cronjobs.batch', fields: ['spec.jobTemplate.spec.template.spec.containers[].image'] },
  ],
  'vendor-api': [{ resource: 'customresourcedefinitions.apiextensions.k8s.io', fields: ['metadata.name'] }],
  placement: [
    placementOf('deployments.apps', 'spec.template.spec'),
    placementOf('statefulsets.apps', 'spec.template.spec'),
    placementOf('daemonsets.apps', 'spec.template.spec'),
    placementOf('jobs.batch', 'spec.template.spec'),
    placementOf('cronjobs.batch', 'spec.jobTemplate.spec.template.spec'),
  ],
};

/** The kinds in the order findings of one effort are listed. */
export const EXIT_KINDS: readonly ExitKind[] = [
  'storage-class',
  'load-balancer',
  'ingress-class',
  'registry',
  'vendor-api',
  'placement',
];

/** Efforts from the most to the least work: the order findings are listed in. */
export const EXIT_EFFORTS: readonly ExitEffort[] = ['re-architecture', 'data-migration', 'config-change'];

/** The message of each kind and effort. */
export const EXIT_KIND_TEXT = {
  'storage-class': 'register.exitKindStorageClass',
  'load-balancer': 'register.exitKindLoadBalancer',
  'ingress-class': 'register.exitKindIngressClass',
  registry: 'register.exitKindRegistry',
  'vendor-api': 'register.exitKindVendorApi',
  placement: 'register.exitKindPlacement',
} as const satisfies Record<ExitKind, string>;

export const EXIT_EFFORT_TEXT = {
  'config-change': 'register.exitEffortConfigChange',
  'data-migration': 'register.exitEffortDataMigration',
  're-architecture': 'register.exitEffortReArchitecture',
} as const satisfies Record<ExitEffort, string>;

// ---------------------------------------------------------------------------------------------
// Reading the snapshot
// ---------------------------------------------------------------------------------------------

type Read =
  | { ok: true; items: (resource: string) => readonly KubeObject[] }
  | { ok: false; status: 'not-collected' | 'unreadable'; why: RegisterText };

/** The lists a kind reads, or why it cannot be read (unreadable wins over not collected). */
function readKind(snapshot: ClusterSnapshot, kind: ExitKind): Read {
  let problem: Extract<Read, { ok: false }> | undefined;
  const lists = new Map<string, readonly KubeObject[]>();
  for (const { resource, fields } of EXIT_READS[kind]) {
    const entry = snapshot.resources[resource];
    let found: Extract<Read, { ok: false }> | undefined;
    if (entry === undefined) {
      found = { ok: false, status: 'not-collected', why: message('register.notCollected', { resource }) };
    } else if ('error' in entry) {
      const e = entry.error;
      if (e.reason === FIELDS_NOT_COLLECTED) {
        found = {
          ok: false,
          status: 'not-collected',
          why: message('register.fieldsNotCollected', { resource, fields: e.message }),
        };
      } else if (e.code === 404 || e.reason === 'NotFound' || e.reason === 'NotServed') {
        lists.set(resource, []);
      } else {
        found = {
          ok: false,
          status: 'unreadable',
          why: message('register.unreadable', { resource, reason: `${e.reason}: ${e.message}` }),
        };
      }
    } else if (!Array.isArray(entry.items)) {
      found = {
        ok: false,
        status: 'unreadable',
        why: message('register.unreadable', { resource, reason: 'not a list' }),
      };
    } else {
      const missing = missingFields(entry.fields, fields);
      if (missing.length > 0) {
        found = {
          ok: false,
          status: 'not-collected',
          why: message('register.fieldsNotCollected', { resource, fields: missing.join(', ') }),
        };
      } else {
        lists.set(resource, entry.items);
      }
    }
    if (
      found &&
      (problem === undefined || (found.status === 'unreadable' && problem.status !== 'unreadable'))
    )
      problem = found;
  }
  if (problem) return problem;
  return { ok: true, items: (resource) => lists.get(resource) ?? [] };
}

const listOf = (snapshot: ClusterSnapshot, resource: string): readonly KubeObject[] => {
  const entry = snapshot.resources[resource];
  return entry !== undefined && !('error' in entry) && Array.isArray(entry.items) ? entry.items : [];
};

// ---------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity ("10Gi", "500M", "1e9") in bytes; undefined when it is none. */
export function quantityBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\+?(\d+(?:\.\d+)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE])?)$/.exec(
    value.trim(),
  );
  if (!match) return undefined;
  const n = Number(match[1]) * (match[2] !== undefined ? 10 ** Number(match[2]) : SUFFIX[match[3] ?? '']!);
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Bytes as a reader writes them: "120 GiB", "1.5 TiB" ("1,5 TiB" in Dutch). */
export function sizeText(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  const number = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return `${language === 'nl' ? number.replace('.', ',') : number} ${UNITS[unit]}`;
}

/** The size of claims in both languages, or "size not shown" when none shows one. */
function sizeOf(bytes: number, claims: number, unsized: number): RegisterText {
  if (bytes === 0 && unsized === claims) return message('register.exitSizeUnknown');
  return { en: sizeText(bytes, 'en'), nl: sizeText(bytes, 'nl') };
}

// ---------------------------------------------------------------------------------------------
// Who hosts the nodes, and who the target is
// ---------------------------------------------------------------------------------------------

/** Whether a node label key is one of a provider's node-label matchers (a key, or a prefix ending in /). */
const labelOf = (provider: ProviderFact, key: string): boolean =>
  (provider.nodeLabels ?? []).some((l) => (l.key.endsWith('/') ? key.startsWith(l.key) : key === l.key));

interface Situation {
  readonly facts: LoadedSovereigntyFacts;
  readonly target?: ExitTarget;
  /** Where the change goes: the target's name, or "the new provider". */
  readonly where: RegisterText | string;
  /** The entities that host the nodes now (`hosting` resolves to the first). */
  readonly hosting: readonly string[];
  /** Their groups (ultimate parents), companies only. */
  readonly groups: ReadonlySet<string>;
  /** The target's group, when the facts know its provider. */
  readonly targetGroup?: string;
  /** Every node is already at the target's provider. */
  readonly onTarget: boolean;
}

const groupOf = (facts: LoadedSovereigntyFacts, entity: string): string =>
  resolveEntity(facts, entity).ultimateParent.id;

/** An entity as the findings name it: hosting resolved; undefined when not known. */
function resolved(s: Situation, entity: string | undefined): string | undefined {
  if (entity === HOSTING_ENTITY) return s.hosting.find((e) => e !== SELF_ENTITY);
  return entity;
}

const isCompany = (entity: string | undefined): entity is string =>
  entity !== undefined && entity !== SELF_ENTITY && entity !== HOSTING_ENTITY;

/** Whether an entity belongs to the target's group. */
const ofTarget = (s: Situation, entity: string | undefined): boolean =>
  s.targetGroup !== undefined && isCompany(entity) && groupOf(s.facts, entity) === s.targetGroup;

const entityRef = (s: Situation, entity: string | undefined): ExitFinding['entity'] | undefined => {
  if (!isCompany(entity)) return undefined;
  const e = s.facts.entities.find((x) => x.id === entity);
  return e ? { entity, name: e.name } : undefined;
};

// ---------------------------------------------------------------------------------------------
// Findings per kind
// ---------------------------------------------------------------------------------------------

/** One finding being put together: its objects and workloads are gathered before it is written. */
interface Draft {
  readonly kind: ExitKind;
  readonly effort: ExitEffort;
  readonly what: string;
  readonly detail?: string;
  readonly entity?: string;
  readonly evidence: RegisterEvidence[];
  readonly workloads: Set<string>;
  /** The detail, gathered from the objects when `detail` is not given (the API groups seen). */
  readonly seen: Set<string>;
  claims: number;
  bytes: number;
  unsized: number;
  images: number;
  change: (objects: Draft) => RegisterText;
  reason?: string;
}

class Drafts {
  readonly #byKey = new Map<string, Draft>();
  constructor(private readonly s: Situation) {}

  get(key: string, make: () => Omit<Draft, 'evidence' | 'workloads' | 'seen' | Counted>): Draft {
    let d = this.#byKey.get(key);
    if (d === undefined) {
      const counted = { claims: 0, bytes: 0, unsized: 0, images: 0 };
      d = { ...make(), evidence: [], workloads: new Set(), seen: new Set(), ...counted };
      this.#byKey.set(key, d);
    }
    return d;
  }

  findings(): ExitFinding[] {
    return [...this.#byKey.values()].map((d) => {
      const entity = entityRef(this.s, d.entity);
      const detail = d.detail ?? (d.seen.size > 0 ? [...d.seen].join(', ') : undefined);
      return {
        kind: d.kind,
        effort: d.effort,
        what: d.what,
        ...(detail !== undefined ? { detail } : {}),
        ...(entity !== undefined ? { entity } : {}),
        objects: d.evidence.length,
        evidence: d.evidence.slice(0, EXIT_EVIDENCE_LIMIT),
        ...(d.workloads.size > 0 ? { workloads: d.workloads.size } : {}),
        ...(d.kind === 'storage-class' ? { claims: d.claims, bytes: d.bytes, unsized: d.unsized } : {}),
        ...(d.kind === 'registry' ? { images: d.images } : {}),
        change: d.change(d),
        ...(d.reason !== undefined ? { reason: d.reason } : {}),
      };
    });
  }
}

type Counted = 'claims' | 'bytes' | 'unsized' | 'images';

type Body = (
  s: Situation,
  items: (resource: string) => readonly KubeObject[],
  drafts: Drafts,
  ctx: Shared,
) => void;

/** What several kinds share: the workloads and who mounts each claim. */
interface Shared {
  readonly workloads: ReadonlyMap<string, Workload>;
  readonly byClaim: ReadonlyMap<string, string[]>;
  readonly byNamespace: ReadonlyMap<string, Workload[]>;
}

const modesOf = (o: unknown): string[] =>
  arrayField(o, 'spec', 'accessModes').filter((m): m is string => typeof m === 'string');

const BODIES: Record<ExitKind, Body> = {
  'storage-class'(s, items, drafts, ctx) {
    if (s.onTarget) return;
    const classes = new Map(
      items('storageclasses.storage.k8s.io').map((c) => [
        c.metadata?.name ?? '',
        stringField(c, 'provisioner'),
      ]),
    );
    const volumes = new Map(items('persistentvolumes').map((v) => [v.metadata?.name ?? '', v]));
    const claimed = new Set<string>();
    const entries: {
      object: KubeObject;
      kind: string;
      className: string;
      bytes?: number;
      /** The size as the object writes it. */
      size?: string;
      modes: string[];
      driver?: string;
      claimKey?: string;
      /** A volume is bound (or there is one): data exists. A claim still pending holds none yet. */
      hasData: boolean;
    }[] = [];
    for (const c of items('persistentvolumeclaims')) {
      const volumeName = stringField(c, 'spec', 'volumeName');
      const pv = volumeName ? volumes.get(volumeName) : undefined;
      if (pv) claimed.add(volumeName!);
      const className =
        stringField(c, 'spec', 'storageClassName') ?? stringField(pv, 'spec', 'storageClassName') ?? '';
      const capacity = field(pv, 'spec', 'capacity', 'storage');
      const request = field(c, 'spec', 'resources', 'requests', 'storage');
      const size = quantityBytes(capacity) !== undefined ? capacity : request;
      const bytes = quantityBytes(size);
      const modes = modesOf(c).length > 0 ? modesOf(c) : modesOf(pv);
      const driver = stringField(pv, 'spec', 'csi', 'driver');
      entries.push({
        object: c,
        kind: 'PersistentVolumeClaim',
        className,
        ...(bytes !== undefined ? { bytes, size: String(size) } : {}),
        modes,
        ...(driver !== undefined ? { driver } : {}),
        claimKey: `${c.metadata?.namespace ?? ''}/${c.metadata?.name ?? ''}`,
        hasData: volumeName !== undefined,
      });
    }
    // Volumes without a collected claim still hold data.
    for (const [name, pv] of volumes) {
      if (claimed.has(name)) continue;
      const capacity = field(pv, 'spec', 'capacity', 'storage');
      const bytes = quantityBytes(capacity);
      const driver = stringField(pv, 'spec', 'csi', 'driver');
      const ref = field(pv, 'spec', 'claimRef');
      const claimKey = stringField(ref, 'name')
        ? `${stringField(ref, 'namespace') ?? ''}/${stringField(ref, 'name')}`
        : undefined;
      entries.push({
        object: pv,
        kind: 'PersistentVolume',
        className: stringField(pv, 'spec', 'storageClassName') ?? '',
        ...(bytes !== undefined ? { bytes, size: String(capacity) } : {}),
        modes: modesOf(pv),
        ...(driver !== undefined ? { driver } : {}),
        ...(claimKey !== undefined ? { claimKey } : {}),
        hasData: true,
      });
    }
    const target = s.target;
    for (const e of entries) {
      const provisioner = classes.get(e.className) ?? e.driver;
      const impl = s.facts.storage.find(
        (f) =>
          (provisioner !== undefined && f.provisioners.includes(provisioner)) ||
          (e.driver !== undefined && f.provisioners.includes(e.driver)),
      );
      const entity = resolved(s, impl?.entity);
      const rwx = e.modes.includes('ReadWriteMany');
      const noRwx = rwx && target !== undefined && !target.storage.rwx.supported;
      const className = e.className || '—';
      const to = target === undefined ? undefined : rwx ? target.storage.rwx : target.storage.rwo;
      const same =
        to?.provisioner !== undefined &&
        to.provisioner === provisioner &&
        (to.class === undefined || to.class === e.className);
      // A claim without a volume has no data yet: at the target it is made anew, in the target's class.
      if (!e.hasData && !noRwx && same) continue;
      const draft = drafts.get(`${className}\u0000${rwx}\u0000${e.hasData}`, () => ({
        kind: 'storage-class',
        effort: noRwx ? 're-architecture' : e.hasData ? 'data-migration' : 'config-change',
        what: className,
        detail: `${provisioner ?? '?'}${rwx ? ', ReadWriteMany' : ''}`,
        ...(entity !== undefined ? { entity } : {}),
        ...(noRwx && target.storage.rwx.reason !== undefined ? { reason: target.storage.rwx.reason } : {}),
        change: (d) => {
          const size = sizeOf(d.bytes, d.claims, d.unsized);
          if (noRwx)
            return message('register.exitChangeRwx', {
              target: s.where,
              reason: target.storage.rwx.reason ?? 'no ReadWriteMany storage',
              claims: d.claims,
            });
          const toClass =
            to?.class !== undefined
              ? `${to.class}${to.provisioner !== undefined ? ` (${to.provisioner})` : ''}`
              : undefined;
          if (!e.hasData)
            return toClass !== undefined
              ? message('register.exitChangeStorageUnbound', {
                  claims: d.claims,
                  class: toClass,
                  target: s.where,
                })
              : message('register.exitChangeStorageUnboundDefault', { claims: d.claims, target: s.where });
          if (same && to?.provisioner !== undefined)
            return message('register.exitChangeStorageKeep', {
              claims: d.claims,
              size,
              target: s.where,
              provisioner: to.provisioner,
              class: className,
            });
          if (toClass !== undefined)
            return message('register.exitChangeStorage', {
              claims: d.claims,
              size,
              class: toClass,
              target: s.where,
            });
          return message('register.exitChangeStorageDefault', { claims: d.claims, size, target: s.where });
        },
      }));
      draft.claims++;
      if (e.bytes !== undefined) draft.bytes += e.bytes;
      else draft.unsized++;
      draft.evidence.push(
        evidenceOf(e.kind, e.object, {
          ...(e.size !== undefined ? { size: e.size } : {}),
          ...(e.modes.length > 0 ? { accessModes: e.modes.join(',') } : {}),
        }),
      );
      for (const w of e.claimKey ? (ctx.byClaim.get(e.claimKey) ?? []) : []) draft.workloads.add(w);
    }
  },

  'load-balancer'(s, items, drafts, ctx) {
    if (s.onTarget) return;
    const wanted = Object.entries(s.target?.loadBalancer.annotations ?? {});
    const annotationsText = wanted.map(([k, v]) => `${k}: ${v}`).join(', ');
    for (const svc of items('services')) {
      if (stringField(svc, 'spec', 'type') !== 'LoadBalancer') continue;
      const keys = Object.keys(stringMap(svc.metadata?.annotations));
      const lbClass = stringField(svc, 'spec', 'loadBalancerClass');
      const selector = stringMap(field(svc, 'spec', 'selector'));
      const workloads = (ctx.byNamespace.get(svc.metadata?.namespace ?? '') ?? [])
        .filter((w) => selects(selector, w.labels))
        .map((w) => w.key);
      let fact: (typeof s.facts.loadBalancers)[number] | undefined;
      let matched: string[] = [];
      for (const lb of s.facts.loadBalancers) {
        matched = keys.filter((a) =>
          lb.annotations.some(
            (p) => a === p || ((p.endsWith('/') || p.endsWith('-') || p.endsWith('.')) && a.startsWith(p)),
          ),
        );
        if (matched.length > 0) {
          fact = lb;
          break;
        }
      }
      let draft: Draft | undefined;
      if (fact !== undefined) {
        const entity = resolved(s, fact.entity);
        // Software of your own (MetalLB) goes along; the target's own load balancer stays.
        if (fact.entity === SELF_ENTITY || ofTarget(s, entity)) continue;
        const prefixes = fact.annotations.join(', ');
        draft = drafts.get(`fact\u0000${fact.name}`, () => ({
          kind: 'load-balancer',
          effort: 'config-change',
          what: fact.name,
          detail: prefixes,
          ...(entity !== undefined ? { entity } : {}),
          change: () =>
            wanted.length > 0
              ? message('register.exitChangeLbReplace', {
                  annotation: prefixes,
                  target: s.where,
                  annotations: annotationsText,
                })
              : message('register.exitChangeLbRemove', { annotation: prefixes, target: s.where }),
        }));
      } else if (lbClass !== undefined) {
        draft = drafts.get(`class\u0000${lbClass}`, () => ({
          kind: 'load-balancer',
          effort: 'config-change',
          what: `loadBalancerClass ${lbClass}`,
          change: () => message('register.exitChangeLbClass', { class: lbClass, target: s.where }),
        }));
      } else if (wanted.length > 0) {
        // No annotation of an implementation: the cloud controller answers it, with the target's annotations.
        const entity = s.hosting.find(isCompany);
        draft = drafts.get('inferred', () => ({
          kind: 'load-balancer',
          effort: 'config-change',
          what: 'spec.type: LoadBalancer',
          ...(entity !== undefined ? { entity } : {}),
          change: () =>
            message('register.exitChangeLbAdd', { target: s.where, annotations: annotationsText }),
        }));
      }
      if (draft === undefined) continue;
      draft.evidence.push(
        evidenceOf('Service', svc, {
          ...(matched.length > 0 ? { annotation: matched.join(',') } : {}),
          ...(lbClass !== undefined ? { loadBalancerClass: lbClass } : {}),
        }),
      );
      for (const w of workloads) draft.workloads.add(w);
    }
  },

  'ingress-class'(s, items, drafts) {
    if (s.onTarget) return;
    const classes = items('ingressclasses.networking.k8s.io');
    const defaultClass = classes.find(
      (c) => stringMap(c.metadata?.annotations)['ingressclass.kubernetes.io/is-default-class'] === 'true',
    );
    const byClass = new Map<string, KubeObject[]>();
    for (const ing of items('ingresses.networking.k8s.io')) {
      const name =
        stringField(ing, 'spec', 'ingressClassName') ??
        stringMap(ing.metadata?.annotations)['kubernetes.io/ingress.class'] ??
        defaultClass?.metadata?.name ??
        '';
      pushTo(byClass, name, ing);
    }
    for (const cls of classes) {
      const controller = stringField(cls, 'spec', 'controller') ?? '';
      const fact = s.facts.ingressControllers.find((f) => f.controllers.includes(controller));
      // A controller the facts do not know is not known to be tied (the register shows it as unknown).
      if (fact === undefined || fact.entity === SELF_ENTITY) continue;
      const entity = resolved(s, fact.entity);
      if (ofTarget(s, entity)) continue;
      const name = cls.metadata?.name ?? '';
      const ingresses = byClass.get(name) ?? [];
      const className = s.target?.ingress?.className;
      const draft = drafts.get(name, () => ({
        kind: 'ingress-class',
        effort: 'config-change',
        what: name,
        detail: `${fact.name} (${controller})`,
        ...(entity !== undefined ? { entity } : {}),
        change: () =>
          className !== undefined
            ? message('register.exitChangeIngressClass', {
                class: className,
                target: s.where,
                ingresses: ingresses.length,
              })
            : message('register.exitChangeIngressOwn', { target: s.where, ingresses: ingresses.length }),
      }));
      draft.evidence.push(evidenceOf('IngressClass', cls, { controller, ingresses: ingresses.length }));
      for (const ing of ingresses) draft.evidence.push(evidenceOf('Ingress', ing, { class: name }));
    }
  },

  registry(s, _items, drafts, ctx) {
    if (s.groups.size === 0) return;
    const byImage = new Map<string, string[]>();
    for (const w of ctx.workloads.values()) for (const image of w.images) pushTo(byImage, image, w.key);
    for (const [reference, workloads] of [...byImage].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const parsed = parseImageReference(reference);
      const match = parsed ? matchRegistry(s.facts, parsed) : undefined;
      if (!match || match.registry.mirrorOf !== undefined) continue;
      const operator = resolved(s, match.registry.operator);
      if (!isCompany(operator) || !s.groups.has(groupOf(s.facts, operator)) || ofTarget(s, operator))
        continue;
      const r = match.registry;
      const draft = drafts.get(r.id, () => ({
        kind: 'registry',
        effort: 'config-change',
        what: r.name,
        detail: [...(r.hosts ?? []), ...(r.prefixes ?? [])].join(', '),
        entity: operator,
        change: (d) => message('register.exitChangeRegistry', { images: d.images, target: s.where }),
      }));
      draft.images++;
      draft.evidence.push({ kind: 'Image', name: reference, fields: { workloads: workloads.length } });
      for (const w of workloads) draft.workloads.add(w);
    }
  },

  'vendor-api'(s, items, drafts) {
    for (const crd of items('customresourcedefinitions.apiextensions.k8s.io')) {
      const name = crd.metadata?.name ?? '';
      // A CRD's name is <plural>.<group> (the API server requires it).
      const group = name.slice(name.indexOf('.') + 1);
      const fact = s.facts.apiGroups.find((f) => f.groups.some((g) => matchesPattern(g, group)));
      if (fact === undefined || ofTarget(s, fact.entity)) continue;
      const draft = drafts.get(fact.name, () => ({
        kind: 'vendor-api',
        effort: 're-architecture',
        what: fact.name,
        entity: fact.entity,
        change: () => message('register.exitChangeVendorApi', { name: fact.name, target: s.where }),
      }));
      draft.evidence.push(evidenceOf('CustomResourceDefinition', crd, { group }));
      draft.seen.add(group);
    }
  },

  placement(s, items, drafts) {
    const known = s.target?.zones?.known ?? [];
    const zoneKeys = new Set([
      ...ZONE_LABELS,
      ...REGION_LABELS,
      ...(s.target?.zones ? [s.target.zones.label] : []),
    ]);
    const labelProviders = s.facts.providers.filter((p) => (p.nodeLabels ?? []).length > 0);
    const templates: { kind: string; object: KubeObject; spec: unknown }[] = [];
    for (const [resource, kind] of [
      ['deployments.apps', 'Deployment'],
      ['statefulsets.apps', 'StatefulSet'],
      ['daemonsets.apps', 'DaemonSet'],
      ['jobs.batch', 'Job'],
    ] as const) {
      for (const o of items(resource)) {
        // A CronJob's Jobs are the CronJob's: its template is read once.
        if (
          kind === 'Job' &&
          arrayField(o, 'metadata', 'ownerReferences').some((r) => field(r, 'kind') === 'CronJob')
        )
          continue;
        templates.push({ kind, object: o, spec: field(o, 'spec', 'template', 'spec') });
      }
    }
    for (const o of items('cronjobs.batch'))
      templates.push({
        kind: 'CronJob',
        object: o,
        spec: field(o, 'spec', 'jobTemplate', 'spec', 'template', 'spec'),
      });

    for (const { kind, object, spec } of templates) {
      const uses: { in: string; key: string; values: string[] }[] = [];
      for (const [key, value] of Object.entries(stringMap(field(spec, 'nodeSelector'))))
        uses.push({ in: 'nodeSelector', key, values: [value] });
      const affinity = field(spec, 'affinity', 'nodeAffinity');
      const expressions = [
        ...arrayField(affinity, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'),
        ...arrayField(affinity, 'preferredDuringSchedulingIgnoredDuringExecution').map((p) =>
          field(p, 'preference'),
        ),
      ].flatMap((t) => arrayField(t, 'matchExpressions'));
      for (const e of expressions) {
        const key = stringField(e, 'key');
        if (key === undefined) continue;
        const operator = stringField(e, 'operator') ?? '';
        const values =
          operator === 'In' ? arrayField(e, 'values').filter((v): v is string => typeof v === 'string') : [];
        uses.push({ in: 'nodeAffinity', key, values });
      }
      for (const t of arrayField(spec, 'tolerations')) {
        const key = stringField(t, 'key');
        if (key !== undefined && key !== '') uses.push({ in: 'tolerations', key, values: [] });
      }
      const workload = `${kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
      for (const use of uses) {
        const provider = labelProviders.find((p) => labelOf(p, use.key));
        if (provider !== undefined) {
          if (ofTarget(s, provider.entity) || s.onTarget) continue;
          const draft = drafts.get(`label\u0000${use.key}`, () => ({
            kind: 'placement',
            effort: 'config-change',
            what: use.key,
            detail: provider.name,
            ...(isCompany(provider.entity) ? { entity: provider.entity } : {}),
            change: () => message('register.exitChangeLabel', { key: use.key, target: s.where }),
          }));
          if (!draft.workloads.has(workload)) {
            draft.workloads.add(workload);
            draft.evidence.push(evidenceOf(kind, object, { in: use.in, key: use.key }));
          }
          continue;
        }
        if (!zoneKeys.has(use.key) || s.onTarget) continue;
        const region = REGION_LABELS.includes(use.key);
        for (const value of use.values) {
          const atTarget = region ? known.some((z) => z.startsWith(value)) : known.includes(value);
          if (atTarget) continue;
          const draft = drafts.get(`zone\u0000${use.key}\u0000${value}`, () => ({
            kind: 'placement',
            effort: 'config-change',
            what: `${use.key}=${value}`,
            change: () =>
              known.length > 0
                ? message('register.exitChangeZone', {
                    target: s.where,
                    zones: known.join(', '),
                    zone: value,
                  })
                : message('register.exitChangeZoneUnknown', { target: s.where, zone: value }),
          }));
          if (!draft.workloads.has(workload)) {
            draft.workloads.add(workload);
            draft.evidence.push(evidenceOf(kind, object, { in: use.in, key: use.key, value }));
          }
        }
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Exit readiness
// ---------------------------------------------------------------------------------------------

/**
 * What must change to move the snapshot's workloads to `target`, or without one what ties them to
 * the providers that host them now; worst effort first. `cutOff` (the register's cut-off over its
 * dependencies) adds the sudden-disruption scenario: what stops if the group that hosts the nodes
 * is cut off. Pure: the same snapshot, facts and target give the same result.
 */
export function exitReadiness(
  snapshot: ClusterSnapshot,
  facts: LoadedSovereigntyFacts,
  target?: ExitTarget,
  cutOff?: (entities: readonly string[]) => CutOff,
  /** The snapshot's workloads when the caller has them already (the register): read once. */
  known?: ReadonlyMap<string, Workload>,
): ExitReadiness {
  // Who hosts the nodes now.
  const providers = new Map<string, { provider?: ProviderFact; nodes: number }>();
  const nodeEntities: (string | undefined)[] = [];
  for (const node of listOf(snapshot, 'nodes')) {
    const p = providerOfNode(facts, node)?.provider;
    nodeEntities.push(p?.entity);
    const key = p?.id ?? '';
    const entry = providers.get(key) ?? { ...(p ? { provider: p } : {}), nodes: 0 };
    entry.nodes++;
    providers.set(key, entry);
  }
  const hosting = [...new Set(nodeEntities.filter((e): e is string => e !== undefined))];
  const groupIds = [...new Set(hosting.filter(isCompany).map((e) => groupOf(facts, e)))].sort();
  const targetProvider = target ? facts.providers.find((p) => p.id === target.id) : undefined;
  const targetEntity = targetProvider?.entity;
  const onTarget =
    targetEntity !== undefined && nodeEntities.length > 0 && nodeEntities.every((e) => e === targetEntity);
  const name = (id: string) => facts.entities.find((e) => e.id === id)?.name ?? id;
  const fromNames = [...providers.values()].filter((p) => p.provider).map((p) => p.provider!.name);
  const s: Situation = {
    facts,
    ...(target ? { target } : {}),
    where: target ? target.name : message('register.exitNewProvider'),
    hosting,
    groups: new Set(groupIds),
    ...(isCompany(targetEntity) ? { targetGroup: groupOf(facts, targetEntity) } : {}),
    onTarget,
  };

  const workloads = known ?? workloadsOf(snapshot);
  const byClaim = new Map<string, string[]>();
  const byNamespace = new Map<string, Workload[]>();
  for (const w of workloads.values()) {
    pushTo(byNamespace, w.namespace, w);
    for (const c of w.claims) pushTo(byClaim, `${w.namespace}/${c}`, w.key);
  }
  const shared: Shared = { workloads, byClaim, byNamespace };

  const findings: ExitFinding[] = [];
  const notRead: ExitReadiness['notRead'] = [];
  for (const kind of EXIT_KINDS) {
    const read = readKind(snapshot, kind);
    if (!read.ok) {
      notRead.push({ kind, status: read.status, why: read.why });
      continue;
    }
    const drafts = new Drafts(s);
    BODIES[kind](s, read.items, drafts, shared);
    findings.push(...drafts.findings());
  }
  findings.sort(
    (a, b) =>
      EXIT_EFFORTS.indexOf(a.effort) - EXIT_EFFORTS.indexOf(b.effort) ||
      EXIT_KINDS.indexOf(a.kind) - EXIT_KINDS.indexOf(b.kind) ||
      b.objects - a.objects ||
      (a.what < b.what ? -1 : a.what > b.what ? 1 : 0),
  );

  const count = (effort: ExitEffort) => findings.filter((f) => f.effort === effort).length;
  const migrations = findings.filter((f) => f.effort === 'data-migration');
  const counts = {
    configChange: count('config-change'),
    dataMigration: count('data-migration'),
    reArchitecture: count('re-architecture'),
    claims: migrations.reduce((n, f) => n + (f.claims ?? 0), 0),
    bytes: migrations.reduce((n, f) => n + (f.bytes ?? 0), 0),
  };
  const from: RegisterText | string =
    fromNames.length > 0 ? fromNames.join(', ') : message('register.exitCurrentProvider');
  const summary = summaryOf(target, from, { counts, findings, notRead });

  const disruption = cutOff !== undefined && groupIds.length > 0 ? cutOff(groupIds) : undefined;
  return {
    ...(target
      ? {
          target: {
            id: target.id,
            name: target.name,
            ...(targetEntity !== undefined ? { entity: targetEntity } : {}),
          },
        }
      : {}),
    from: {
      providers: [...providers.values()]
        .map((p) => ({
          ...(p.provider
            ? { provider: p.provider.id, entity: p.provider.entity, name: p.provider.name }
            : { name: 'unknown provider' }),
          nodes: p.nodes,
        }))
        .sort((a, b) => b.nodes - a.nodes || (a.name < b.name ? -1 : 1)),
      groups: groupIds.map((entity) => ({ entity, name: name(entity) })),
    },
    findings,
    notRead,
    counts,
    summary,
    ...(disruption !== undefined ? { disruption } : {}),
  };
}

/** The changes in words: "3 config changes, 1 data migration (4 claims, 120 GiB), no re-architecture". */
export function changesText(exit: Pick<ExitReadiness, 'counts' | 'findings'>, language: Language): string {
  const { counts } = exit;
  if (counts.configChange + counts.dataMigration + counts.reArchitecture === 0)
    return message('register.exitNothing')[language];
  const unsized = exit.findings.reduce(
    (n, f) => n + (f.effort === 'data-migration' ? (f.unsized ?? 0) : 0),
    0,
  );
  return [
    message('register.exitConfigChanges', { count: counts.configChange })[language],
    message('register.exitDataMigrations', { count: counts.dataMigration })[language] +
      (counts.dataMigration > 0
        ? message('register.exitClaims', {
            claims: counts.claims,
            size: sizeOf(counts.bytes, counts.claims, unsized),
          })[language]
        : ''),
    message('register.exitReArchitectures', { count: counts.reArchitecture })[language],
  ].join(', ');
}

/** "To move to OVHcloud Managed Kubernetes: 3 config changes, 1 data migration (4 claims, 120 GiB), no re-architecture." */
function summaryOf(
  target: ExitTarget | undefined,
  from: RegisterText | string,
  exit: Pick<ExitReadiness, 'counts' | 'findings' | 'notRead'>,
): RegisterText {
  const line = (language: Language): string => {
    const kinds = exit.notRead.map((n) => message(EXIT_KIND_TEXT[n.kind])[language]).join(', ');
    const changes = `${changesText(exit, language)}${kinds ? message('register.exitNotReadPart', { kinds })[language] : ''}`;
    return target
      ? message('register.exitTo', { target: target.name, changes })[language]
      : message('register.exitLeave', { from, changes })[language];
  };
  return { en: line('en'), nl: line('nl') };
}
