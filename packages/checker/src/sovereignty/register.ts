/**
 * The dependency register: a pure function (snapshot, facts) → register. For each function
 * (hosting, control plane, storage, …) the entities it depends on, their jurisdiction, the objects
 * that show it and how many workloads depend on it; the images and their registries; the country
 * of every node and volume. What the facts do not know is unknown, never EU; what the snapshot does
 * not hold is not collected, never "no dependency".
 */
import { dirname, relative, sep } from 'node:path';
import {
  HOSTING_ENTITY,
  JURISDICTION_ORDER,
  OUTSIDE_EU_EEA,
  SELF_ENTITY,
  message,
  type ClusterSnapshot,
  type DataLocation,
  type DnsFact,
  type ExitReadiness,
  type Dependency,
  type DependencyRegister,
  type FunctionDefinition,
  type FunctionId,
  type Jurisdiction,
  type KubeObject,
  type LoadedSovereigntyFacts,
  type ProviderFact,
  type RegisterEvidence,
  type RegisterFunction,
  type RegisterImage,
  type RegisterMetadata,
  type RegistryFact,
} from '@havenkit/model';
import { arrayField, field, stringField } from '../objects.js';
import { FIELDS_NOT_COLLECTED, imageRepository, repositoryMatcher } from '../checks/util.js';
import { loadBundledData } from '../data/load.js';
import { missingFields } from '../projection.js';
import { complianceDir } from '../paths.js';
import { matchesPattern, resolveEntity } from './facts.js';
import { loadRegisterFunctions } from './functions.js';
import { concentrationOf, cutOffOf, type Alternative, type RawDependency } from './continuity.js';
import { loadFramework, loadRules, weightSet } from './framework.js';
import { mapRules } from './rules.js';
import { scoreRegister, type Tie } from './scores.js';
import { matchRegistry, parseImageReference } from './images.js';
import { EXIT_EFFORT_TEXT, EXIT_KIND_TEXT, exitReadiness, type ExitTarget } from './exit.js';
import { pushTo, selects, stringMap, workloadsOf, type Workload } from './workloads.js';
import { REGION_LABELS, ZONE_LABELS, evidenceOf, providerOfNode, type ProviderMatch } from './match.js';

/** At most this many evidence items per dependency (the counts say how many there are). */
export const EVIDENCE_LIMIT = 10;

export interface RegisterOptions {
  readonly subject: RegisterMetadata['subject'];
  readonly tool: RegisterMetadata['tool'];
  /** @default the bundled functions (compliance/register/functions.yaml) */
  readonly functions?: readonly FunctionDefinition[];
  /**
   * The provider the subject targets (manifests before deployment, `--provider`): stands in for
   * the nodes, which manifests do not have.
   */
  readonly targetProvider?: string;
  /** Entity ids to cut off (`--without`): the register then says what stops. */
  readonly without?: readonly string[];
  /** The provider profile to move to (`--exit-to`): the register then says what must change. */
  readonly exitTo?: ExitTarget;
  /** The framework weight set the scores use (`--weights`). @default the framework's default set */
  readonly weights?: string;
  /**
   * The providers the subject could move to (havenkit's provider profiles) and the functions each
   * offers: a group is substitutable when another group's provider offers what it serves.
   */
  readonly alternatives?: readonly Alternative[];
}

// ---------------------------------------------------------------------------------------------
// Reading the snapshot
// ---------------------------------------------------------------------------------------------

type ListRead =
  | { ok: true; items: readonly KubeObject[] }
  | { ok: false; status: 'not-collected' | 'unreadable'; why: string };

/** A list as a function reads it: its items, or why the function cannot be read. */
function readFor(snapshot: ClusterSnapshot, resource: string, fields: readonly string[]): ListRead {
  const entry = snapshot.resources[resource];
  if (entry === undefined)
    return { ok: false, status: 'not-collected', why: message('register.notCollected', { resource }).en };
  if ('error' in entry) {
    const e = entry.error;
    if (e.reason === FIELDS_NOT_COLLECTED) {
      return {
        ok: false,
        status: 'not-collected',
        why: message('register.fieldsNotCollected', { resource, fields: e.message }).en,
      };
    }
    // A resource the cluster does not serve (a CRD not installed): nothing of it exists.
    if (e.code === 404 || e.reason === 'NotFound' || e.reason === 'NotServed') return { ok: true, items: [] };
    return {
      ok: false,
      status: 'unreadable',
      why: message('register.unreadable', { resource, reason: `${e.reason}: ${e.message}` }).en,
    };
  }
  if (entry.kind === 'Status' || !Array.isArray(entry.items)) {
    return {
      ok: false,
      status: 'unreadable',
      why: message('register.unreadable', { resource, reason: 'not a list' }).en,
    };
  }
  const missing = missingFields(entry.fields, fields);
  if (missing.length > 0) {
    return {
      ok: false,
      status: 'not-collected',
      why: message('register.fieldsNotCollected', { resource, fields: missing.join(', ') }).en,
    };
  }
  return { ok: true, items: entry.items };
}

// ---------------------------------------------------------------------------------------------
// Entities and jurisdiction
// ---------------------------------------------------------------------------------------------

interface Party {
  readonly entity?: string;
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  readonly seat?: string;
  readonly ultimateParent?: { entity: string; name: string; seat?: string };
  readonly laws: { id: string; name: string }[];
}

function partyOf(facts: LoadedSovereigntyFacts, entityId: string | undefined, unknownName: string): Party {
  if (entityId === undefined) return { name: unknownName, jurisdiction: 'unknown', laws: [] };
  if (entityId === SELF_ENTITY)
    return { entity: SELF_ENTITY, name: 'you (the cluster operator)', jurisdiction: 'self', laws: [] };
  const resolution = resolveEntity(facts, entityId);
  const eea = new Set(facts.countryGroups.find((g) => g.id === 'eea')?.countries ?? []);
  const seat = resolution.entity.seat?.country;
  // A seat not known is unknown, unless a parent's seat (or a source) puts control outside: then
  // the law that reaches the parent reaches it too.
  const jurisdiction: Jurisdiction =
    seat === undefined
      ? resolution.controlOutsideEuEea === true
        ? 'non-eu'
        : 'unknown'
      : !eea.has(seat)
        ? 'non-eu'
        : resolution.controlOutsideEuEea === true
          ? 'eu-non-eu-parent'
          : resolution.controlOutsideEuEea === false
            ? 'eu'
            : 'unknown';
  const top = resolution.ultimateParent;
  return {
    entity: entityId,
    name: resolution.entity.name,
    jurisdiction,
    ...(seat !== undefined ? { seat } : {}),
    ...(top.id !== entityId
      ? {
          ultimateParent: { entity: top.id, name: top.name, ...(top.seat ? { seat: top.seat.country } : {}) },
        }
      : {}),
    laws: resolution.laws.map((l) => ({ id: l.id, name: l.name })),
  };
}

const worst = (list: readonly Jurisdiction[]): Jurisdiction =>
  list.reduce<Jurisdiction>(
    (a, b) => (JURISDICTION_ORDER.indexOf(b) < JURISDICTION_ORDER.indexOf(a) ? b : a),
    'self',
  );

// ---------------------------------------------------------------------------------------------
// Collecting dependencies of one function
// ---------------------------------------------------------------------------------------------

interface Pending {
  party: Party;
  what?: string;
  role?: string;
  via?: string;
  matchedBy: string;
  sources: Set<string>;
  note?: string;
  objects: number;
  workloads: Set<string>;
  /** Every workload depends on it (the set `everything`, not copied). */
  everything?: boolean;
  evidence: RegisterEvidence[];
  /** Every object that shows it, for the cut-off (the register keeps the first EVIDENCE_LIMIT). */
  items: RegisterEvidence[];
}

/** Dependencies of one function, merged by (entity or unknown key, what, role, via). */
class Dependencies {
  readonly #byKey = new Map<string, Pending>();

  constructor(
    private readonly facts: LoadedSovereigntyFacts,
    private readonly sourceUrls: ReadonlyMap<string, string>,
    /** Every workload of the subject: passed as `workloads`, it is counted, not copied. */
    readonly everything: ReadonlySet<string>,
  ) {}

  add(d: {
    entity: string | undefined;
    unknownName?: string;
    what?: string;
    role?: string;
    via?: string;
    matchedBy: string;
    sources?: readonly string[];
    note?: string;
    evidence?: RegisterEvidence;
    workloads?: Iterable<string>;
  }): void {
    const key = JSON.stringify([d.entity ?? `?${d.unknownName ?? d.matchedBy}`, d.what, d.role, d.via]);
    let p = this.#byKey.get(key);
    if (p === undefined) {
      p = {
        party: partyOf(this.facts, d.entity, d.unknownName ?? d.matchedBy),
        ...(d.what !== undefined ? { what: d.what } : {}),
        ...(d.role !== undefined ? { role: d.role } : {}),
        ...(d.via !== undefined ? { via: d.via } : {}),
        matchedBy: d.matchedBy,
        sources: new Set(),
        ...(d.note !== undefined ? { note: d.note } : {}),
        objects: 0,
        workloads: new Set(),
        evidence: [],
        items: [],
      };
      this.#byKey.set(key, p);
    }
    for (const s of d.sources ?? []) p.sources.add(this.sourceUrls.get(s) ?? s);
    if (d.evidence) {
      p.objects++;
      p.items.push(d.evidence);
      if (p.evidence.length < EVIDENCE_LIMIT) p.evidence.push(d.evidence);
    }
    if (d.workloads === this.everything) p.everything = true;
    else for (const w of d.workloads ?? []) p.workloads.add(w);
  }

  /** A dependency the facts do not know: unknown, never EU; `missing` names what they lack. */
  unknown(
    name: string,
    missing: string,
    d: Omit<Parameters<Dependencies['add']>[0], 'entity' | 'unknownName' | 'matchedBy'> = {},
  ): void {
    this.add({
      ...d,
      entity: undefined,
      unknownName: name,
      matchedBy: message('register.notInFacts', { what: missing }).en,
    });
  }

  /** Every dependency with all its workloads and objects, for concentration and cut-off. */
  raw(fn: FunctionId): RawDependency[] {
    return [...this.#byKey.values()].map((p) => ({
      function: fn,
      ...(p.party.entity !== undefined ? { entity: p.party.entity } : {}),
      jurisdiction: p.party.jurisdiction,
      everything: p.everything === true,
      workloads: p.workloads,
      objects: p.items,
    }));
  }

  get size(): number {
    return this.#byKey.size;
  }

  /** Worst first, then most workloads, then by name. */
  list(): { dependencies: Dependency[]; workloads: number } {
    const all = new Set<string>();
    let everyone = false;
    const dependencies = [...this.#byKey.values()]
      .map((p): Dependency & { _w: number } => {
        if (p.everything) everyone = true;
        else for (const w of p.workloads) all.add(w);
        const count = p.everything ? this.everything.size : p.workloads.size;
        return {
          ...(p.party.entity !== undefined ? { entity: p.party.entity } : {}),
          name: p.party.name,
          ...(p.what !== undefined ? { what: p.what } : {}),
          ...(p.role !== undefined ? { role: p.role } : {}),
          ...(p.via !== undefined ? { via: p.via } : {}),
          jurisdiction: p.party.jurisdiction,
          ...(p.party.seat !== undefined ? { seat: p.party.seat } : {}),
          ...(p.party.ultimateParent !== undefined ? { ultimateParent: p.party.ultimateParent } : {}),
          laws: p.party.laws,
          matchedBy: p.matchedBy,
          objects: p.objects,
          workloads: count,
          evidence: p.evidence,
          sources: [...p.sources].sort(),
          ...(p.note !== undefined ? { note: p.note } : {}),
          _w: count,
        };
      })
      .sort(
        (a, b) =>
          JURISDICTION_ORDER.indexOf(a.jurisdiction) - JURISDICTION_ORDER.indexOf(b.jurisdiction) ||
          b._w - a._w ||
          b.objects - a.objects ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      )
      .map(({ _w, ...d }) => d);
    return { dependencies, workloads: everyone ? this.everything.size : all.size };
  }
}

// ---------------------------------------------------------------------------------------------
// Matching what a cluster shows against the facts
// ---------------------------------------------------------------------------------------------

/**
 * The region of a provider that a code (a region or zone value) is in: equal, or the longest
 * prefix; letter case aside (OVHcloud writes GRA11 in one label and gra11-a in another).
 */
function regionOf(provider: ProviderFact | undefined, value: string | undefined) {
  if (provider === undefined || value === undefined || value === '') return undefined;
  const code = value.toLowerCase();
  let best: NonNullable<ProviderFact['regions']>[number] | undefined;
  for (const r of provider.regions ?? []) {
    const candidate = r.code.toLowerCase();
    if (
      (code === candidate || code.startsWith(candidate)) &&
      (best === undefined || r.code.length > best.code.length)
    )
      best = r;
  }
  return best;
}

function nodeRegionCode(labels: Record<string, string>): string | undefined {
  for (const key of [...REGION_LABELS, ...ZONE_LABELS]) if (labels[key]) return labels[key];
  return undefined;
}

/** The host of a URL, lower-case; undefined when it is none. */
function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The register
// ---------------------------------------------------------------------------------------------

interface Context {
  readonly snapshot: ClusterSnapshot;
  readonly facts: LoadedSovereigntyFacts;
  readonly sourceUrls: ReadonlyMap<string, string>;
  readonly workloads: Map<string, Workload>;
  readonly items: (resource: string) => readonly KubeObject[];
  /** Every workload's key. */
  readonly allWorkloads: ReadonlySet<string>;
  /** The keys of the workloads of a namespace whose pods a Service selector selects. */
  readonly selected: (namespace: string, selector: Readonly<Record<string, string>>) => string[];
  /** A Service by namespace and name. */
  readonly service: (namespace: string, name: string) => KubeObject | undefined;
  /** The hosting dependencies' entities (for matchers whose entity is `hosting`). */
  hosting: { entity: string; name: string }[];
  /** Nodes' providers, by node name. */
  nodeProviders: Map<string, ProviderMatch | undefined>;
  readonly targetProvider?: ProviderFact;
  /** The provider profile the manifests target, as given (it may be one the facts do not know). */
  readonly targetProviderId?: string;
  readonly locations: Map<string, { regions: Set<string>; nodes: number; volumes: number }>;
}

type FunctionBody = (ctx: Context, deps: Dependencies) => string | void;

/** Resolves `hosting` to whoever hosts the nodes; other entity references pass as they are. */
function addResolved(
  ctx: Context,
  deps: Dependencies,
  entity: string,
  d: Omit<Parameters<Dependencies['add']>[0], 'entity'>,
): void {
  if (entity !== HOSTING_ENTITY) return deps.add({ ...d, entity });
  if (ctx.hosting.length === 0) {
    return deps.add({
      ...d,
      entity: undefined,
      unknownName: 'whoever hosts the nodes (not known)',
    });
  }
  for (const h of ctx.hosting)
    deps.add({
      ...d,
      entity: h.entity,
      note: d.note ?? 'an open implementation on the hosting provider’s infrastructure',
    });
}

function locate(ctx: Context, country: string, region: string | undefined, what: 'nodes' | 'volumes'): void {
  const entry = ctx.locations.get(country) ?? { regions: new Set<string>(), nodes: 0, volumes: 0 };
  if (region) entry.regions.add(region);
  entry[what]++;
  ctx.locations.set(country, entry);
}

/**
 * Every workload (hosting, the control plane): one shared set, so that 5,000 nodes do not add
 * 50,000 workload keys each.
 */
const allWorkloads = (ctx: Context): ReadonlySet<string> => ctx.allWorkloads;

/**
 * Manifests for a provider (`--provider`): the profile's provider stands in for the nodes and
 * the control plane, or is unknown when the facts lack it. False when there is no target.
 */
function standsIn(ctx: Context, deps: Dependencies): boolean {
  const id = ctx.targetProviderId;
  if (id === undefined) return false;
  const evidence = { kind: 'ProviderProfile', name: id };
  const p = ctx.targetProvider;
  if (p === undefined) {
    deps.unknown(`unknown provider (profile ${id})`, `provider ${id} (providers)`, {
      evidence,
      workloads: allWorkloads(ctx),
    });
  } else {
    deps.add({
      entity: p.entity,
      what: p.name,
      matchedBy: `provider profile ${p.id}`,
      evidence,
      workloads: allWorkloads(ctx),
    });
  }
  return true;
}

const BODIES: Record<FunctionId, FunctionBody> = {
  hosting(ctx, deps) {
    const nodes = ctx.items('nodes');
    if (nodes.length === 0 && standsIn(ctx, deps)) {
      if (ctx.targetProvider)
        ctx.hosting = [{ entity: ctx.targetProvider.entity, name: ctx.targetProvider.name }];
      return;
    }
    const hosting = new Map<string, string>();
    for (const node of nodes) {
      const m = providerOfNode(ctx.facts, node);
      ctx.nodeProviders.set(node.metadata?.name ?? '', m);
      const labels = stringMap(node.metadata?.labels);
      const code = nodeRegionCode(labels);
      const region = regionOf(m?.provider, code);
      locate(ctx, region?.country ?? 'unknown', region?.code ?? code, 'nodes');
      const providerId = stringField(node, 'spec', 'providerID');
      const fields = {
        ...(providerId ? { providerID: providerId } : {}),
        ...(code ? { region: code } : {}),
        ...(region ? { country: region.country } : {}),
      };
      if (m === undefined) {
        const scheme = providerId
          ? (/^([a-z][a-z0-9+.-]*):\/\//.exec(providerId)?.[0] ?? providerId)
          : undefined;
        const what = scheme ? `providerID ${scheme}` : 'no providerID and no known node label';
        deps.unknown(scheme ? `unknown provider (${scheme})` : 'unknown provider', what, {
          evidence: evidenceOf('Node', node, fields),
          workloads: allWorkloads(ctx),
        });
        continue;
      }
      hosting.set(m.provider.entity, m.provider.name);
      deps.add({
        entity: m.provider.entity,
        what: m.provider.name,
        matchedBy: m.matchedBy,
        sources: [...m.sources, ...(region?.sources ?? [])],
        evidence: evidenceOf('Node', node, fields),
        workloads: allWorkloads(ctx),
      });
    }
    ctx.hosting = [...hosting].map(([entity, name]) => ({ entity, name }));
  },

  'control-plane'(ctx, deps) {
    const nodes = ctx.items('nodes').filter((n) => {
      const labels = stringMap(n.metadata?.labels);
      return 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels;
    });
    for (const node of nodes) {
      const m = ctx.nodeProviders.get(node.metadata?.name ?? '') ?? providerOfNode(ctx.facts, node);
      deps.add({
        entity: m?.provider.entity,
        unknownName: 'unknown provider of the control-plane nodes',
        what: m ? `${m.provider.name} (machines of the control plane)` : undefined,
        matchedBy: m
          ? `control-plane node, ${m.matchedBy}`
          : message('register.notInFacts', { what: 'the control-plane nodes’ provider' }).en,
        sources: m?.sources ?? [],
        evidence: evidenceOf('Node', node, { role: 'control-plane' }),
        workloads: allWorkloads(ctx),
      });
    }
    if (nodes.length > 0) return;
    const server = ctx.snapshot.metadata.server;
    const host = server ? hostOfUrl(server) : undefined;
    const provider = host
      ? ctx.facts.providers.find((p) => (p.apiServers ?? []).some((a) => matchesPattern(a.host, host)))
      : undefined;
    const evidence: RegisterEvidence = { kind: 'APIServer', name: host ?? server ?? 'not recorded' };
    if (provider) {
      const a = provider.apiServers!.find((x) => matchesPattern(x.host, host!))!;
      deps.add({
        entity: provider.entity,
        what: `${provider.name} (managed control plane)`,
        matchedBy: `API server host ${a.host}`,
        sources: a.sources,
        evidence,
        workloads: allWorkloads(ctx),
      });
      return;
    }
    if (standsIn(ctx, deps)) return;
    deps.unknown(
      host
        ? `unknown operator of ${host}`
        : 'unknown (no control-plane node visible, API server not recorded)',
      host ? `API server host ${host}` : 'API server',
      {
        note: 'a managed control plane shows no nodes; add its API server host to your facts (apiServers) to name it',
        evidence,
        workloads: allWorkloads(ctx),
      },
    );
  },

  storage(ctx, deps) {
    const classes = new Map(
      ctx.items('storageclasses.storage.k8s.io').map((c) => [c.metadata?.name ?? '', c]),
    );
    const claimsByVolume = new Map<string, KubeObject>();
    const claims = ctx.items('persistentvolumeclaims');
    for (const c of claims) {
      const v = stringField(c, 'spec', 'volumeName');
      if (v) claimsByVolume.set(v, c);
    }
    // Workloads by the claims they mount.
    const workloadsByClaim = new Map<string, string[]>();
    for (const w of ctx.workloads.values()) {
      for (const c of w.claims) {
        const key = `${w.namespace}/${c}`;
        pushTo(workloadsByClaim, key, w.key);
      }
    }
    const implementation = (provisioner: string) =>
      ctx.facts.storage.find((s) => s.provisioners.includes(provisioner));
    const addVolume = (
      provisioner: string | undefined,
      kind: string,
      o: KubeObject,
      claimKey: string | undefined,
      accessModes: string[],
    ) => {
      const file = accessModes.includes('ReadWriteMany');
      const fields = {
        ...(provisioner ? { provisioner } : {}),
        ...(accessModes.length ? { accessModes: accessModes.join(',') } : {}),
      };
      const workloads = claimKey ? (workloadsByClaim.get(claimKey) ?? []) : [];
      const impl = provisioner ? implementation(provisioner) : undefined;
      if (!impl) {
        deps.unknown(
          provisioner ? `unknown storage (${provisioner})` : 'unknown storage (no provisioner recorded)',
          `provisioner ${provisioner ?? '(none)'}`,
          { what: file ? 'file storage' : 'block storage', evidence: evidenceOf(kind, o, fields), workloads },
        );
        return;
      }
      addResolved(ctx, deps, impl.entity, {
        what: `${impl.name}${file ? ' (file)' : ''}`,
        matchedBy: `CSI provisioner ${provisioner}`,
        sources: impl.sources,
        evidence: evidenceOf(kind, o, fields),
        workloads,
      });
    };
    const volumes = ctx.items('persistentvolumes');
    // Whoever hosts the nodes holds the volumes' regions (once, not per volume: 5,000 nodes).
    const providers = [...new Set([...ctx.nodeProviders.values()].flatMap((m) => (m ? [m.provider] : [])))];
    if (ctx.targetProvider) providers.push(ctx.targetProvider);
    const nodeCountries = [...ctx.locations].filter(([, l]) => l.nodes > 0).map(([country]) => country);
    const nodeCountry =
      nodeCountries.length === 1 && nodeCountries[0] !== 'unknown' ? nodeCountries[0] : undefined;
    for (const pv of volumes) {
      const className = stringField(pv, 'spec', 'storageClassName');
      const driver = stringField(pv, 'spec', 'csi', 'driver');
      const classProvisioner = className ? stringField(classes.get(className), 'provisioner') : undefined;
      // A CSI driver's name can differ from its class's provisioner (Open Telekom Cloud's Everest:
      // provisioner everest-csi-provisioner, drivers disk.csi.everest.io and nas.csi.everest.io).
      const provisioner =
        driver !== undefined &&
        !implementation(driver) &&
        classProvisioner &&
        implementation(classProvisioner)
          ? classProvisioner
          : (driver ?? classProvisioner);
      const claim = claimsByVolume.get(pv.metadata?.name ?? '');
      const claimRef = field(pv, 'spec', 'claimRef');
      const claimKey = claim
        ? `${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? ''}`
        : stringField(claimRef, 'name')
          ? `${stringField(claimRef, 'namespace') ?? ''}/${stringField(claimRef, 'name')}`
          : undefined;
      const modes = arrayField(pv, 'spec', 'accessModes').filter((m): m is string => typeof m === 'string');
      addVolume(provisioner, 'PersistentVolume', pv, claimKey, modes);
      // Where the volume is: a zone or region in its node affinity, in the regions of whoever hosts it.
      const codes = arrayField(pv, 'spec', 'nodeAffinity', 'required', 'nodeSelectorTerms')
        .flatMap((t) => arrayField(t, 'matchExpressions'))
        .filter((e) => /zone|region|location/.test(stringField(e, 'key') ?? ''))
        .flatMap((e) => arrayField(e, 'values').filter((v): v is string => typeof v === 'string'));
      const labels = stringMap(pv.metadata?.labels);
      const code = codes[0] ?? nodeRegionCode(labels);
      const region = providers.map((p) => regionOf(p, code)).find((r) => r !== undefined);
      // A volume whose zone says nothing (OpenStack's "nova") is attached to the nodes: when they are
      // all in one country, so is it.
      locate(
        ctx,
        region?.country ?? nodeCountry ?? 'unknown',
        region?.code ?? (nodeCountry ? undefined : code),
        'volumes',
      );
    }
    // Claims not bound to a collected volume (manifests before deployment, pending claims).
    const bound = new Set(volumes.map((v) => v.metadata?.name ?? ''));
    for (const c of claims) {
      const v = stringField(c, 'spec', 'volumeName');
      if (v && bound.has(v)) continue;
      const className = stringField(c, 'spec', 'storageClassName');
      const provisioner = className ? stringField(classes.get(className), 'provisioner') : undefined;
      const modes = arrayField(c, 'spec', 'accessModes').filter((m): m is string => typeof m === 'string');
      addVolume(
        provisioner,
        'PersistentVolumeClaim',
        c,
        `${c.metadata?.namespace ?? ''}/${c.metadata?.name ?? ''}`,
        modes,
      );
    }
  },

  'load-balancing'(ctx, deps) {
    for (const svc of ctx.items('services')) {
      if (stringField(svc, 'spec', 'type') !== 'LoadBalancer') continue;
      const annotations = Object.keys(stringMap(svc.metadata?.annotations));
      const selector = stringMap(field(svc, 'spec', 'selector'));
      const workloads = ctx.selected(svc.metadata?.namespace ?? '', selector);
      const lbClass = stringField(svc, 'spec', 'loadBalancerClass');
      let found = false;
      for (const lb of ctx.facts.loadBalancers) {
        const key = annotations.find((a) =>
          lb.annotations.some(
            (p) => a === p || ((p.endsWith('/') || p.endsWith('-') || p.endsWith('.')) && a.startsWith(p)),
          ),
        );
        if (key === undefined) continue;
        found = true;
        addResolved(ctx, deps, lb.entity, {
          what: lb.name,
          matchedBy: `Service annotation ${key}`,
          sources: lb.sources,
          evidence: evidenceOf('Service', svc, { annotation: key }),
          workloads,
        });
        break;
      }
      if (found) continue;
      if (lbClass === undefined && ctx.hosting.length > 0) {
        // No annotation and no class: the cloud controller of whoever hosts the nodes answers it.
        addResolved(ctx, deps, HOSTING_ENTITY, {
          what: 'the hosting provider’s load balancer',
          matchedBy: 'Service of type LoadBalancer without an implementation annotation',
          note: 'inferred: the cloud controller of the nodes’ provider serves a Service of type LoadBalancer without a class',
          evidence: evidenceOf('Service', svc),
          workloads,
        });
        continue;
      }
      deps.unknown(
        lbClass ? `unknown load balancer (${lbClass})` : 'unknown load balancer',
        lbClass ? `loadBalancerClass ${lbClass}` : 'Service annotations',
        {
          evidence: evidenceOf('Service', svc, lbClass ? { loadBalancerClass: lbClass } : undefined),
          workloads,
        },
      );
    }
  },

  ingress(ctx, deps) {
    const classes = ctx.items('ingressclasses.networking.k8s.io');
    const defaultClass = classes.find(
      (c) => stringMap(c.metadata?.annotations)['ingressclass.kubernetes.io/is-default-class'] === 'true',
    );
    const byClass = new Map<string, KubeObject[]>();
    for (const ing of ctx.items('ingresses.networking.k8s.io')) {
      const name =
        stringField(ing, 'spec', 'ingressClassName') ??
        stringMap(ing.metadata?.annotations)['kubernetes.io/ingress.class'] ??
        defaultClass?.metadata?.name ??
        '';
      pushTo(byClass, name, ing);
    }
    const backendsOf = (ing: KubeObject): string[] => {
      const names = [
        stringField(ing, 'spec', 'defaultBackend', 'service', 'name'),
        ...arrayField(ing, 'spec', 'rules').flatMap((r) =>
          arrayField(r, 'http', 'paths').map((p) => stringField(p, 'backend', 'service', 'name')),
        ),
      ].filter((n): n is string => n !== undefined);
      const ns = ing.metadata?.namespace ?? '';
      return names.flatMap((name) => {
        const s = ctx.service(ns, name);
        return s ? ctx.selected(ns, stringMap(field(s, 'spec', 'selector'))) : [];
      });
    };
    for (const cls of classes) {
      const controller = stringField(cls, 'spec', 'controller') ?? '';
      const ingresses = byClass.get(cls.metadata?.name ?? '') ?? [];
      byClass.delete(cls.metadata?.name ?? '');
      const fact = ctx.facts.ingressControllers.find((f) => f.controllers.includes(controller));
      const workloads = ingresses.flatMap(backendsOf);
      const base = {
        evidence: evidenceOf('IngressClass', cls, { controller, ingresses: ingresses.length }),
        workloads,
      };
      if (fact)
        addResolved(ctx, deps, fact.entity, {
          ...base,
          what: fact.name,
          matchedBy: `IngressClass controller ${controller}`,
          sources: fact.sources,
        });
      else
        deps.unknown(
          `unknown ingress controller (${controller || 'none'})`,
          `ingress controller ${controller}`,
          { ...base },
        );
    }
    for (const [name, ingresses] of byClass) {
      for (const ing of ingresses) {
        deps.unknown(
          name ? `unknown ingress controller (class ${name})` : 'unknown ingress controller (no class)',
          name ? `IngressClass ${name}` : 'an IngressClass',
          {
            evidence: evidenceOf('Ingress', ing, name ? { class: name } : undefined),
            workloads: backendsOf(ing),
          },
        );
      }
    }
  },

  images(ctx, deps) {
    for (const image of imageEntries(ctx)) {
      const parsed = parseImageReference(image.reference);
      const match = parsed ? matchRegistry(ctx.facts, parsed) : undefined;
      const evidence: RegisterEvidence = {
        kind: 'Image',
        name: image.reference,
        fields: { workloads: image.workloads.length },
      };
      if (!match) {
        deps.unknown(
          `unknown registry ${parsed?.host ?? '(not an image reference)'}`,
          `registry host ${parsed?.host ?? image.reference}`,
          { what: parsed?.host, evidence, workloads: image.workloads },
        );
        continue;
      }
      const r = match.registry;
      addResolved(ctx, deps, r.operator, {
        what: r.name,
        role: 'operator',
        matchedBy: match.matchedBy,
        sources: r.sources,
        evidence,
        workloads: image.workloads,
      });
      for (const h of r.hostedBy ?? []) {
        deps.add({
          entity: h.entity,
          what: r.name,
          role: h.role,
          via: r.name,
          matchedBy: `${r.name} ${h.role}: ${h.evidence ?? h.entity}`,
          sources: h.sources,
          evidence,
          workloads: image.workloads,
        });
      }
      if (r.mirrorOf) {
        const origin = originOf(ctx.facts, r, parsed!.path);
        if (origin) {
          addResolved(ctx, deps, origin.registry.operator, {
            what: origin.registry.name,
            role: 'origin',
            via: r.name,
            matchedBy: `${r.name} mirrors ${r.mirrorOf}`,
            sources: origin.registry.sources,
            evidence,
            workloads: image.workloads,
          });
          // What the origin runs on is behind the mirror too (Docker Hub's AWS and Cloudflare).
          for (const h of origin.registry.hostedBy ?? []) {
            deps.add({
              entity: h.entity,
              what: origin.registry.name,
              role: h.role,
              via: origin.registry.name,
              matchedBy: `${r.name} mirrors ${r.mirrorOf}; ${origin.registry.name} ${h.role}: ${h.evidence ?? h.entity}`,
              sources: h.sources,
              evidence,
              workloads: image.workloads,
            });
          }
        } else {
          deps.unknown(`unknown origin ${r.mirrorOf}`, `registry host ${r.mirrorOf}`, {
            role: 'origin',
            via: r.name,
            evidence,
            workloads: image.workloads,
          });
        }
      }
    }
  },

  certificates(ctx, deps) {
    const issuers = [
      ...ctx.items('issuers.cert-manager.io').map((o) => ({ kind: 'Issuer', o })),
      ...ctx.items('clusterissuers.cert-manager.io').map((o) => ({ kind: 'ClusterIssuer', o })),
    ];
    const certificates = ctx.items('certificates.cert-manager.io');
    const certsOf = (kind: string, o: KubeObject) =>
      certificates.filter((c) => {
        const ref = field(c, 'spec', 'issuerRef');
        const refKind = stringField(ref, 'kind') ?? 'Issuer';
        return (
          stringField(ref, 'name') === o.metadata?.name &&
          refKind === kind &&
          (kind === 'ClusterIssuer' || c.metadata?.namespace === o.metadata?.namespace)
        );
      });
    for (const { kind, o } of issuers) {
      const certs = certsOf(kind, o);
      const notAfter = certs
        .map((c) => stringField(c, 'status', 'notAfter'))
        .filter((d): d is string => d !== undefined)
        .sort()[0];
      const fields = { certificates: certs.length, ...(notAfter ? { firstNotAfter: notAfter } : {}) };
      const server = stringField(o, 'spec', 'acme', 'server');
      if (server !== undefined) {
        const ca = ctx.facts.certificateAuthorities.find((c) =>
          c.directories.some((d) => matchesPattern(d, server)),
        );
        const ev = evidenceOf(kind, o, { ...fields, server });
        if (ca)
          addResolved(ctx, deps, ca.entity, {
            what: ca.name,
            matchedBy: `ACME directory ${server}`,
            sources: ca.sources,
            evidence: ev,
          });
        else
          deps.unknown(`unknown ACME CA (${hostOfUrl(server) ?? server})`, `ACME directory ${server}`, {
            evidence: ev,
          });
        continue;
      }
      const own = ['ca', 'selfSigned', 'vault'].find((k) => field(o, 'spec', k) !== undefined);
      if (own) {
        deps.add({
          entity: SELF_ENTITY,
          what: `your own PKI (${own})`,
          matchedBy: `${kind} spec.${own}`,
          evidence: evidenceOf(kind, o, fields),
        });
        continue;
      }
      const spec = field(o, 'spec');
      const type = (typeof spec === 'object' && spec !== null ? Object.keys(spec)[0] : undefined) ?? 'none';
      deps.unknown(`unknown issuer type (${type})`, `issuer type ${type}`, {
        evidence: evidenceOf(kind, o, fields),
      });
    }
    // Certificates of issuers outside cert-manager.io (external issuers: a cloud CA's own controller).
    for (const c of certificates) {
      const group = stringField(c, 'spec', 'issuerRef', 'group');
      if (group === undefined || group === 'cert-manager.io') continue;
      const notAfter = stringField(c, 'status', 'notAfter');
      deps.unknown(`external issuer ${group}`, `issuer group ${group}`, {
        evidence: evidenceOf('Certificate', c, { issuerGroup: group, ...(notAfter ? { notAfter } : {}) }),
      });
    }
  },

  dns(ctx, deps) {
    // A webhook solver names only an API group; the DNS operator is the one whose webhook image runs.
    const webhooks: { group: string; evidence: RegisterEvidence }[] = [];
    for (const [kind, resource] of [
      ['Issuer', 'issuers.cert-manager.io'],
      ['ClusterIssuer', 'clusterissuers.cert-manager.io'],
    ] as const) {
      for (const o of ctx.items(resource)) {
        for (const solver of arrayField(o, 'spec', 'acme', 'solvers')) {
          const dns01 = field(solver, 'dns01');
          if (typeof dns01 !== 'object' || dns01 === null) continue;
          for (const key of Object.keys(dns01).filter((k) => !['cnameStrategy'].includes(k))) {
            const fact = ctx.facts.dns.find((d) => (d.solvers ?? []).includes(key));
            const ev = evidenceOf(kind, o, { solver: key });
            if (fact) {
              addResolved(ctx, deps, fact.entity, {
                what: fact.name,
                matchedBy: `DNS01 solver ${key}`,
                sources: fact.sources,
                evidence: ev,
              });
            } else if (key === 'webhook') {
              const group = stringField(dns01, 'webhook', 'groupName') ?? '(no groupName)';
              webhooks.push({ group, evidence: evidenceOf(kind, o, { solver: `webhook ${group}` }) });
            } else {
              deps.unknown(`unknown DNS (${key})`, `DNS01 solver ${key}`, { evidence: ev });
            }
          }
        }
      }
    }
    const served: DnsFact[] = [];
    for (const image of imageEntries(ctx)) {
      const parsed = parseImageReference(image.reference);
      const repository = parsed ? `${parsed.host}/${parsed.path}` : image.reference;
      const fact = ctx.facts.dns.find((d) =>
        (d.images ?? []).some((p) => matchesPattern(p, repository, 'any')),
      );
      if (fact) {
        served.push(fact);
        addResolved(ctx, deps, fact.entity, {
          what: fact.name,
          matchedBy: `DNS image ${repository}`,
          sources: fact.sources,
          evidence: { kind: 'Image', name: image.reference },
          workloads: image.workloads,
        });
      } else if (/(^|\/)external-dns$/.test(parsed?.path ?? '')) {
        deps.unknown('external-dns (its --provider is not read)', 'external-dns provider', {
          evidence: { kind: 'Image', name: image.reference },
          workloads: image.workloads,
        });
      }
    }
    for (const w of webhooks) {
      if (served.length === 0) {
        deps.unknown(`unknown DNS (webhook ${w.group})`, `DNS01 solver webhook ${w.group}`, {
          evidence: w.evidence,
        });
        continue;
      }
      for (const fact of new Set(served)) {
        addResolved(ctx, deps, fact.entity, {
          what: fact.name,
          matchedBy: `DNS01 webhook ${w.group}, served by the ${fact.name} webhook that runs`,
          sources: fact.sources,
          evidence: w.evidence,
        });
      }
    }
  },

  backup(ctx, deps) {
    for (const bsl of ctx.items('backupstoragelocations.velero.io')) {
      const provider = stringField(bsl, 'spec', 'provider') ?? '';
      const url = stringField(bsl, 'spec', 'config', 's3Url');
      const host = url ? hostOfUrl(url) : undefined;
      const region = stringField(bsl, 'spec', 'config', 'region');
      const saas = host
        ? ctx.facts.saas.find((s) => (s.hosts ?? []).some((h) => matchesPattern(h, host)))
        : undefined;
      const ev = evidenceOf('BackupStorageLocation', bsl, {
        provider,
        ...(host ? { endpoint: host } : {}),
        ...(region ? { region } : {}),
        ...(stringField(bsl, 'spec', 'objectStorage', 'bucket')
          ? { bucket: stringField(bsl, 'spec', 'objectStorage', 'bucket')! }
          : {}),
      });
      if (saas)
        addResolved(ctx, deps, saas.entity, {
          what: saas.name,
          matchedBy: `backup endpoint ${host}`,
          sources: saas.sources,
          evidence: ev,
        });
      else
        deps.unknown(
          `unknown backup store (${host ?? `Velero provider ${provider || 'none'}`})`,
          host ? `endpoint ${host}` : `Velero provider ${provider}`,
          { evidence: ev },
        );
    }
  },

  observability(ctx, deps) {
    for (const image of imageEntries(ctx)) {
      const parsed = parseImageReference(image.reference);
      const repository = parsed ? `${parsed.host}/${parsed.path}` : image.reference;
      const fact = ctx.facts.saas.find(
        (s) =>
          (s.function === 'logging' || s.function === 'monitoring') &&
          (s.images ?? []).some((p) => matchesPattern(p, repository, 'any')),
      );
      if (fact) {
        addResolved(ctx, deps, fact.entity, {
          what: `${fact.name} (${fact.function})`,
          matchedBy: `agent image ${repository}`,
          sources: fact.sources,
          evidence: { kind: 'Image', name: image.reference },
          workloads: image.workloads,
        });
        continue;
      }
      // A log collector of our own sends somewhere its configuration says, which is not read:
      // that is an unknown dependency, never none.
      const collector = logCollectors().find((c) => c.matches(imageRepository(image.reference)));
      // An OpenTelemetry Collector collects node logs only as a DaemonSet (log-collectors.yaml daemonSetOnly).
      const workloads = collector?.daemonSetOnly
        ? image.workloads.filter((w) => w.startsWith('DaemonSet/'))
        : image.workloads;
      if (collector && workloads.length > 0) {
        deps.unknown(
          `where ${collector.name} sends or stores logs`,
          `the destination of ${collector.name} (its configuration is not read)`,
          {
            evidence: { kind: 'Image', name: image.reference },
            workloads,
          },
        );
      }
    }
    if (deps.size === 0) return 'no agent of a known SaaS service and no known log collector runs';
  },

  'external-endpoints'(ctx, deps) {
    for (const svc of ctx.items('services')) {
      if (stringField(svc, 'spec', 'type') !== 'ExternalName') continue;
      const host = (stringField(svc, 'spec', 'externalName') ?? '').toLowerCase().replace(/\.$/, '');
      const ev = evidenceOf('Service', svc, { externalName: host });
      if (host.endsWith('.svc.cluster.local') || host.endsWith('.svc')) {
        deps.add({
          entity: SELF_ENTITY,
          what: 'a service in the cluster',
          matchedBy: 'ExternalName in the cluster domain',
          evidence: ev,
        });
        continue;
      }
      const saas = ctx.facts.saas.find((s) => (s.hosts ?? []).some((h) => matchesPattern(h, host)));
      if (saas)
        addResolved(ctx, deps, saas.entity, {
          what: saas.name,
          matchedBy: `host ${host}`,
          sources: saas.sources,
          evidence: ev,
        });
      else deps.unknown(host || '(empty externalName)', `host ${host}`, { evidence: ev });
    }
  },

  admission(ctx, deps) {
    for (const [kind, resource] of [
      ['ValidatingWebhookConfiguration', 'validatingwebhookconfigurations.admissionregistration.k8s.io'],
      ['MutatingWebhookConfiguration', 'mutatingwebhookconfigurations.admissionregistration.k8s.io'],
    ] as const) {
      for (const config of ctx.items(resource)) {
        for (const hook of arrayField(config, 'webhooks')) {
          // admissionregistration.k8s.io/v1 defaults failurePolicy to Fail.
          const policy = stringField(hook, 'failurePolicy') ?? 'Fail';
          if (policy !== 'Fail') continue;
          const name = stringField(hook, 'name') ?? '';
          const service = field(hook, 'clientConfig', 'service');
          const url = stringField(hook, 'clientConfig', 'url');
          if (service !== undefined) {
            const ns = stringField(service, 'namespace') ?? '';
            const svcName = stringField(service, 'name') ?? '';
            const svc = ctx
              .items('services')
              .find((s) => s.metadata?.namespace === ns && s.metadata?.name === svcName);
            const workloads = svc ? ctx.selected(ns, stringMap(field(svc, 'spec', 'selector'))) : [];
            deps.add({
              entity: SELF_ENTITY,
              what: `a webhook server in the cluster (${ns}/${svcName})`,
              matchedBy: 'clientConfig.service',
              note: 'its images are in the image supply; if it stops, writes it covers are refused',
              evidence: evidenceOf(kind, config, { webhook: name, service: `${ns}/${svcName}` }),
              workloads,
            });
            continue;
          }
          const host = url ? hostOfUrl(url) : undefined;
          const saas = host
            ? ctx.facts.saas.find((s) => (s.hosts ?? []).some((h) => matchesPattern(h, host)))
            : undefined;
          const provider = host
            ? ctx.facts.providers.find((p) => (p.apiServers ?? []).some((a) => matchesPattern(a.host, host)))
            : undefined;
          const ev = evidenceOf(kind, config, { webhook: name, ...(host ? { url: host } : {}) });
          if (saas)
            addResolved(ctx, deps, saas.entity, {
              what: saas.name,
              matchedBy: `webhook host ${host}`,
              sources: saas.sources,
              evidence: ev,
            });
          else if (provider)
            deps.add({
              entity: provider.entity,
              what: provider.name,
              matchedBy: `webhook host ${host}`,
              evidence: ev,
            });
          else
            deps.unknown(`unknown webhook server ${host ?? '(no url)'}`, `webhook host ${host ?? ''}`, {
              evidence: ev,
            });
        }
      }
    }
  },

  'aggregated-apis'(ctx, deps) {
    for (const api of ctx.items('apiservices.apiregistration.k8s.io')) {
      const service = field(api, 'spec', 'service');
      if (service === undefined || service === null) continue;
      const ns = stringField(service, 'namespace') ?? '';
      const name = stringField(service, 'name') ?? '';
      deps.add({
        entity: SELF_ENTITY,
        what: `an API server in the cluster (${ns}/${name})`,
        matchedBy: 'APIService spec.service',
        evidence: evidenceOf('APIService', api, {
          group: stringField(api, 'spec', 'group') ?? '',
          service: `${ns}/${name}`,
        }),
      });
    }
  },
};

/** The log collectors of the bundled data (compliance/data/log-collectors.yaml), each with its matcher. */
interface Collector {
  readonly name: string;
  readonly matches: (repository: string) => boolean;
  readonly daemonSetOnly: boolean;
}
function logCollectors(): readonly Collector[] {
  collectorsCache ??= loadBundledData().logCollectors.collectors.map((c) => ({
    name: c.name,
    matches: repositoryMatcher(c.images),
    daemonSetOnly: c.daemonSetOnly === true,
  }));
  return collectorsCache;
}
let collectorsCache: readonly Collector[] | undefined;

/** Distinct image references with the workloads that run them, in reference order. */
function imageEntries(ctx: Context): { reference: string; workloads: string[]; digests: Set<string> }[] {
  const cache = imageCache.get(ctx);
  if (cache) return cache;
  const byRef = new Map<string, { reference: string; workloads: string[]; digests: Set<string> }>();
  for (const w of ctx.workloads.values()) {
    for (const image of w.images) {
      const e = byRef.get(image) ?? { reference: image, workloads: [], digests: new Set<string>() };
      e.workloads.push(w.key);
      for (const d of w.digests.get(image) ?? []) e.digests.add(d);
      byRef.set(image, e);
    }
  }
  const list = [...byRef.values()].sort((a, b) =>
    a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0,
  );
  imageCache.set(ctx, list);
  return list;
}
const imageCache = new WeakMap<Context, ReturnType<typeof imageEntries>>();

/**
 * The registry a mirror serves images from: the one its mirrorOf host matches among the others (a
 * mirror that claims the host it mirrors, e.g. docker.io, would otherwise be its own origin).
 */
function originOf(facts: LoadedSovereigntyFacts, mirror: RegistryFact, path: string) {
  const others = { ...facts, registries: facts.registries.filter((r) => r !== mirror) };
  return mirror.mirrorOf ? matchRegistry(others, { reference: '', host: mirror.mirrorOf, path }) : undefined;
}

/** The jurisdiction of an image's supply chain: its registry's operator and hosts, and a mirror's origin. */
function imageRow(
  ctx: Context,
  entry: { reference: string; workloads: string[]; digests: Set<string> },
): RegisterImage {
  const parsed = parseImageReference(entry.reference);
  const match = parsed ? matchRegistry(ctx.facts, parsed) : undefined;
  const r = match?.registry;
  const chain: Jurisdiction[] = [];
  /** The operator and the hosts of a registry, `hosting` resolved to whoever hosts the nodes. */
  const links = (registry: RegistryFact) => {
    const operators =
      registry.operator === HOSTING_ENTITY ? ctx.hosting.map((h) => h.entity) : [registry.operator];
    for (const op of operators.length > 0 ? operators : [undefined])
      chain.push(partyOf(ctx.facts, op, '').jurisdiction);
    for (const h of registry.hostedBy ?? []) chain.push(partyOf(ctx.facts, h.entity, '').jurisdiction);
  };
  if (r) {
    links(r);
    if (r.mirrorOf) {
      const origin = originOf(ctx.facts, r, parsed!.path);
      if (origin) links(origin.registry);
      else chain.push('unknown');
    }
  }
  // A registry you run yourself on someone else's machines is still theirs: the worst link counts,
  // except that a registry of your own with no recorded chain is yours.
  const jurisdiction = r ? worst(chain) : 'unknown';
  return {
    reference: entry.reference,
    host: parsed?.host ?? '',
    ...(r ? { registry: r.name, operator: r.operator } : {}),
    ...(r?.mirrorOf ? { mirrorOf: r.mirrorOf } : {}),
    jurisdiction,
    pinned: parsed?.digest !== undefined,
    ...(entry.digests.size > 0 ? { digests: [...entry.digests].sort() } : {}),
    workloads: entry.workloads.length,
  };
}

/**
 * The register of a snapshot (or of manifests made into one) with the facts given.
 * Pure: the same snapshot and facts give the same register.
 */
export function buildRegister(
  snapshot: ClusterSnapshot,
  facts: LoadedSovereigntyFacts,
  options: RegisterOptions,
): DependencyRegister {
  const functions = options.functions ?? loadRegisterFunctions();
  const sourceUrls = new Map(facts.sources.map((s) => [s.id, s.url]));
  const targetProvider = options.targetProvider
    ? facts.providers.find((p) => p.id === options.targetProvider)
    : undefined;
  const itemCache = new Map<string, readonly KubeObject[]>();
  const workloads = workloadsOf(snapshot);
  const byNamespace = new Map<string, Workload[]>();
  for (const w of workloads.values()) pushTo(byNamespace, w.namespace, w);
  let services: Map<string, KubeObject> | undefined;
  const ctx: Context = {
    snapshot,
    facts,
    sourceUrls,
    workloads,
    allWorkloads: new Set(workloads.keys()),
    selected: (namespace, selector) =>
      (byNamespace.get(namespace) ?? []).filter((w) => selects(selector, w.labels)).map((w) => w.key),
    service: (namespace, name) => {
      services ??= new Map(
        ctx.items('services').map((s) => [`${s.metadata?.namespace ?? ''}/${s.metadata?.name ?? ''}`, s]),
      );
      return services.get(`${namespace}/${name}`);
    },
    items: (resource) => {
      let items = itemCache.get(resource);
      if (items === undefined) {
        const entry = snapshot.resources[resource];
        items = entry !== undefined && !('error' in entry) && Array.isArray(entry.items) ? entry.items : [];
        itemCache.set(resource, items);
      }
      return items;
    },
    hosting: [],
    nodeProviders: new Map(),
    ...(targetProvider ? { targetProvider } : {}),
    ...(options.targetProvider !== undefined ? { targetProviderId: options.targetProvider } : {}),
    locations: new Map(),
  };

  // Hosting first: storage, load balancing and the rest resolve `hosting` through it.
  const ordered = [...functions].sort((a, b) => (a.id === 'hosting' ? -1 : b.id === 'hosting' ? 1 : 0));
  const results = new Map<FunctionId, RegisterFunction>();
  const raw: RawDependency[] = [];
  for (const def of ordered) {
    const label = { en: def.label.en, nl: def.label.nl };
    let blocked: Extract<ListRead, { ok: false }> | undefined;
    for (const need of def.needs.resources) {
      // Manifests have no nodes: the target provider stands in for them.
      if (
        need.resource === 'nodes' &&
        snapshot.resources.nodes === undefined &&
        options.subject.kind === 'manifests'
      ) {
        if (options.targetProvider === undefined) {
          blocked ??= {
            ok: false,
            status: 'not-collected',
            why: 'manifests have no nodes: give --provider ID to name who will host them',
          };
        }
        continue;
      }
      const read = readFor(snapshot, need.resource, need.fields);
      if (!read.ok && (blocked === undefined || read.status === 'unreadable')) blocked = read;
    }
    if (blocked) {
      results.set(def.id, {
        id: def.id,
        label,
        status: blocked.status,
        why: blocked.why,
        jurisdiction: 'unknown',
        workloads: 0,
        dependencies: [],
      });
      continue;
    }
    const deps = new Dependencies(facts, sourceUrls, ctx.allWorkloads);
    const note = BODIES[def.id](ctx, deps);
    raw.push(...deps.raw(def.id));
    const { dependencies, workloads: dependent } = deps.list();
    results.set(def.id, {
      id: def.id,
      label,
      status: dependencies.length > 0 ? 'in-use' : 'none',
      jurisdiction: dependencies.length > 0 ? worst(dependencies.map((d) => d.jurisdiction)) : 'self',
      workloads: dependent,
      dependencies,
      ...(typeof note === 'string' ? { note } : {}),
    });
  }
  const list = functions
    .map((f) => results.get(f.id)!)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        JURISDICTION_ORDER.indexOf(a.jurisdiction) - JURISDICTION_ORDER.indexOf(b.jurisdiction) ||
        b.workloads - a.workloads,
    );

  const imagesRead = results.get('images');
  const images =
    imagesRead?.status === 'in-use' || imagesRead?.status === 'none'
      ? imageEntries(ctx).map((e) => imageRow(ctx, e))
      : [];
  const eea = new Set(facts.countryGroups.find((g) => g.id === 'eea')?.countries ?? []);
  const locations: DataLocation[] = [...ctx.locations]
    .map(([country, l]) => ({
      country,
      ...(country !== 'unknown' ? { eea: eea.has(country) } : {}),
      ...(l.regions.size > 0 ? { regions: [...l.regions].sort() } : {}),
      nodes: l.nodes,
      volumes: l.volumes,
    }))
    .sort(
      (a, b) =>
        Number(a.eea ?? -1) - Number(b.eea ?? -1) ||
        b.nodes + b.volumes - (a.nodes + a.volumes) ||
        (a.country < b.country ? -1 : 1),
    );

  const concentration = concentrationOf(raw, facts, ctx.allWorkloads, options.alternatives);
  const cutOff =
    options.without !== undefined && options.without.length > 0
      ? cutOffOf(raw, facts, options.without, ctx.workloads)
      : undefined;
  // What ties the subject to its providers (exit readiness without a target) is what the
  // portability criteria read; with --exit-to the register also shows the move to that target.
  const ties = exitTies(exitReadiness(snapshot, facts, undefined, undefined, ctx.workloads));
  const exitTo = options.exitTo
    ? exitReadiness(
        snapshot,
        facts,
        options.exitTo,
        (g) => cutOffOf(raw, facts, g, ctx.workloads),
        ctx.workloads,
      )
    : undefined;
  const framework = loadFramework();
  const weights = options.weights ?? weightSet(framework, undefined)!.id;
  const register: DependencyRegister = {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'DependencyRegister',
    metadata: {
      generatedAt: snapshot.metadata.collectedAt,
      tool: options.tool,
      subject: options.subject,
      facts: { files: facts.files.map(displayPath) },
    },
    summary: summarize(list, images, ctx.workloads.size),
    functions: list,
    images,
    locations,
    concentration,
    ...(cutOff !== undefined ? { cutOff } : {}),
    ...(exitTo !== undefined ? { exit: exitTo } : {}),
    scores: scoreRegister(framework, weights, {
      functions: list,
      locations,
      concentration,
      ties,
      cutOff: (group) => {
        const c = cutOffOf(raw, facts, [group], ctx.workloads);
        return { effects: c.functions.map((f) => f.effect), summary: c.summary };
      },
    }),
  };
  return { ...register, rules: mapRules(loadRules(), register) };
}

/**
 * Exit readiness as the portability criteria read it: every finding with its effort, and every
 * kind that could not be read as a re-architecture it may hide (an unknown caps, never raises).
 */
function exitTies(exit: ExitReadiness): Tie[] {
  const tie = (effort: Tie['effort'], what: (l: 'en' | 'nl') => string): Tie => ({
    effort,
    text: {
      en: message('register.scoreTie', { what: what('en'), effort: message(EXIT_EFFORT_TEXT[effort]).en }).en,
      nl: message('register.scoreTie', { what: what('nl'), effort: message(EXIT_EFFORT_TEXT[effort]).nl }).nl,
    },
  });
  return [
    ...exit.findings.map((f) => tie(f.effort, (l) => `${message(EXIT_KIND_TEXT[f.kind])[l]}: ${f.what}`)),
    ...exit.notRead.map((n) =>
      tie('re-architecture', (l) => `${message(EXIT_KIND_TEXT[n.kind])[l]}: ${n.why[l]}`),
    ),
  ];
}

/** A bundled facts file relative to the repository (compliance/…); a user's file as given. */
function displayPath(file: string): string {
  const root = dirname(complianceDir());
  return file.startsWith(`${root}${sep}`) ? relative(root, file).split(sep).join('/') : file;
}

/** In use first, then none, then what could not be read. */
const rank = (f: RegisterFunction) => ({ 'in-use': 0, none: 1, unreadable: 2, 'not-collected': 3 })[f.status];

function summarize(
  functions: readonly RegisterFunction[],
  images: readonly RegisterImage[],
  workloads: number,
): DependencyRegister['summary'] {
  const inUse = functions.filter((f) => f.status === 'in-use');
  const outside = inUse.filter((f) => f.dependencies.some((d) => OUTSIDE_EU_EEA.has(d.jurisdiction)));
  const unknown = inUse.filter((f) => f.dependencies.some((d) => d.jurisdiction === 'unknown'));
  const notCollected = functions.filter((f) => f.status === 'not-collected' || f.status === 'unreadable');
  // Short names ("US CLOUD Act"): each dependency carries the full citation.
  const laws = [
    ...new Set(
      outside.flatMap((f) => f.dependencies.flatMap((d) => d.laws.map((l) => l.name.split(' (')[0]!))),
    ),
  ].sort();
  const counts = {
    total: images.length,
    // A proxy cache of your own still serves what another registry holds.
    notControlled: images.filter((i) => i.operator !== SELF_ENTITY || i.mirrorOf !== undefined).length,
    outsideEuEea: images.filter((i) => OUTSIDE_EU_EEA.has(i.jurisdiction)).length,
    unknown: images.filter((i) => i.registry === undefined).length,
    unpinned: images.filter((i) => !i.pinned).length,
  };
  const parts = (language: 'en' | 'nl') => {
    const lawText =
      laws.length > 0 ? message('register.summaryLaws', { laws: laws.join('; ') })[language] : '';
    const out = [
      message('register.summaryFunctions', { outside: outside.length, inUse: inUse.length, laws: lawText })[
        language
      ],
    ];
    if (counts.total > 0)
      out.push(
        message('register.summaryImages', { notControlled: counts.notControlled, total: counts.total })[
          language
        ],
      );
    if (counts.unpinned > 0)
      out.push(message('register.summaryUnpinned', { count: counts.unpinned })[language]);
    if (unknown.length > 0) out.push(message('register.summaryUnknown', { count: unknown.length })[language]);
    if (notCollected.length > 0)
      out.push(message('register.summaryNotCollected', { count: notCollected.length })[language]);
    return `${out.join('; ')}.`;
  };
  return {
    functions: {
      inUse: inUse.length,
      outsideEuEea: outside.length,
      unknown: unknown.length,
      notCollected: notCollected.length,
    },
    images: counts,
    workloads,
    text: { en: parts('en'), nl: parts('nl') },
  };
}
