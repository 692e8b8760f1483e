/**
 * Continuity: how concentrated the dependencies are (entities grouped by ultimate parent) and what
 * stops when one of them is cut off (`--without`), from the snapshot alone. Works on the register's
 * dependencies with their full sets of workloads and objects (before the register caps evidence
 * and keeps counts only). Pure.
 */
import {
  JURISDICTION_ORDER,
  SELF_ENTITY,
  message,
  type CutOff,
  type CutOffEffect,
  type DependencyGroup,
  type FunctionId,
  type Jurisdiction,
  type LoadedSovereigntyFacts,
  type RegisterEvidence,
} from '@havenkit/model';
import { resolveEntity } from './facts.js';
import { pushTo, type Workload } from './workloads.js';

/** One dependency as the register found it, with every workload and object behind it. */
export interface RawDependency {
  readonly function: FunctionId;
  /** Undefined for an unknown party. */
  readonly entity?: string;
  readonly jurisdiction: Jurisdiction;
  /** Every workload depends on it (hosting, the control plane). */
  readonly everything: boolean;
  readonly workloads: ReadonlySet<string>;
  /** Every object that shows it (the register keeps the first few as evidence). */
  readonly objects: readonly RegisterEvidence[];
}

/** What cutting off each function's dependency does. */
export const EFFECT_OF: Record<FunctionId, CutOffEffect> = {
  hosting: 'stopped',
  'control-plane': 'no-changes',
  images: 'cannot-restart',
  storage: 'volumes-lost',
  'load-balancing': 'unreachable',
  ingress: 'unreachable',
  certificates: 'no-renewal',
  dns: 'dns-stops',
  backup: 'backup-stops',
  observability: 'export-stops',
  'external-endpoints': 'endpoint-unreachable',
  admission: 'writes-refused',
  'aggregated-apis': 'api-unavailable',
};

/** The message of each effect. */
export const EFFECT_TEXT = {
  stopped: 'register.effectStopped',
  'no-changes': 'register.effectNoChanges',
  'cannot-restart': 'register.effectCannotRestart',
  'volumes-lost': 'register.effectVolumesLost',
  unreachable: 'register.effectUnreachable',
  'no-renewal': 'register.effectNoRenewal',
  'dns-stops': 'register.effectDnsStops',
  'backup-stops': 'register.effectBackupStops',
  'export-stops': 'register.effectExportStops',
  'endpoint-unreachable': 'register.effectEndpointUnreachable',
  'writes-refused': 'register.effectWritesRefused',
  'api-unavailable': 'register.effectApiUnavailable',
} as const satisfies Record<CutOffEffect, string>;

/** Effects from worst to mildest: the order workloads and functions are listed in. */
const EFFECT_ORDER: readonly CutOffEffect[] = [
  'stopped',
  'volumes-lost',
  'cannot-restart',
  'unreachable',
  'writes-refused',
  'no-changes',
  'no-renewal',
  'dns-stops',
  'endpoint-unreachable',
  'api-unavailable',
  'backup-stops',
  'export-stops',
];

/** The functions whose loss stops or cuts off services: a group serving two of them is flagged. */
export const CRITICAL_FUNCTIONS: ReadonlySet<FunctionId> = new Set<FunctionId>([
  'hosting',
  'control-plane',
  'storage',
  'load-balancing',
  'ingress',
  'images',
  'certificates',
  'dns',
]);

/** The entity and its parents up to the ultimate parent, as ids. */
function chainOf(facts: LoadedSovereigntyFacts, entity: string): string[] {
  return resolveEntity(facts, entity).chain.map((e) => e.id);
}

/** A provider the subject could move to (a havenkit provider profile) and the functions it offers. */
export interface Alternative {
  readonly id: string;
  /** Its entity in the facts; undefined or `self` for a platform you run yourself (on-prem, OpenStack). */
  readonly entity?: string;
  readonly functions: readonly FunctionId[];
}

/**
 * The functions of a group that the alternatives describe but that no alternative of another
 * group offers; undefined when the alternatives describe none of its functions.
 */
function notSubstitutable(
  group: string,
  functions: readonly FunctionId[],
  alternatives: readonly Alternative[],
  facts: LoadedSovereigntyFacts,
): FunctionId[] | undefined {
  const described = new Set(alternatives.flatMap((a) => a.functions));
  const judged = functions.filter((f) => described.has(f));
  if (judged.length === 0) return undefined;
  const others = alternatives.filter(
    (a) => a.entity === undefined || a.entity === SELF_ENTITY || chainOf(facts, a.entity).at(-1) !== group,
  );
  return judged.filter((f) => !others.some((a) => a.functions.includes(f)));
}

const worst = (list: readonly Jurisdiction[]): Jurisdiction =>
  list.reduce<Jurisdiction>(
    (a, b) => (JURISDICTION_ORDER.indexOf(b) < JURISDICTION_ORDER.indexOf(a) ? b : a),
    'self',
  );

/**
 * The dependencies grouped by ultimate parent: per group the functions it serves (critical ones
 * apart) and how many workloads depend on it through any of them; most critical functions first.
 */
export function concentrationOf(
  raw: readonly RawDependency[],
  facts: LoadedSovereigntyFacts,
  allWorkloads: ReadonlySet<string>,
  alternatives: readonly Alternative[] = [],
): DependencyGroup[] {
  const groups = new Map<
    string,
    {
      functions: Set<FunctionId>;
      entities: Set<string>;
      workloads: Set<string>;
      everything: boolean;
      jurisdictions: Jurisdiction[];
    }
  >();
  for (const d of raw) {
    if (d.entity === undefined || d.entity === SELF_ENTITY) continue;
    const top = chainOf(facts, d.entity).at(-1)!;
    let g = groups.get(top);
    if (g === undefined) {
      g = {
        functions: new Set(),
        entities: new Set(),
        workloads: new Set(),
        everything: false,
        jurisdictions: [],
      };
      groups.set(top, g);
    }
    g.functions.add(d.function);
    g.entities.add(d.entity);
    g.jurisdictions.push(d.jurisdiction);
    if (d.everything) g.everything = true;
    else for (const w of d.workloads) g.workloads.add(w);
  }
  const byId = new Map(facts.entities.map((e) => [e.id, e]));
  return [...groups]
    .map(([id, g]): DependencyGroup => {
      const entity = byId.get(id)!;
      const functions = [...g.functions].sort();
      const missing = notSubstitutable(id, functions, alternatives, facts);
      return {
        entity: id,
        name: entity.name,
        ...(entity.seat ? { seat: entity.seat.country } : {}),
        jurisdiction: worst(g.jurisdictions),
        functions,
        critical: functions.filter((f) => CRITICAL_FUNCTIONS.has(f)),
        workloads: g.everything ? allWorkloads.size : g.workloads.size,
        entities: [...g.entities].sort(),
        ...(missing !== undefined ? { substitutable: missing.length === 0, notSubstitutable: missing } : {}),
      };
    })
    .sort(
      (a, b) =>
        b.critical.length - a.critical.length ||
        b.functions.length - a.functions.length ||
        b.workloads - a.workloads ||
        (a.entity < b.entity ? -1 : 1),
    );
}

/** At most this many objects per function in a cut-off's evidence. */
const CUT_OFF_EVIDENCE = 10;

/**
 * What stops if the entities named (an id cuts off that entity and every entity whose chain of
 * parents passes through it: `microsoft` takes GitHub and Azure with it) are unreachable.
 */
export function cutOffOf(
  raw: readonly RawDependency[],
  facts: LoadedSovereigntyFacts,
  without: readonly string[],
  workloads: ReadonlyMap<string, Workload>,
): CutOff {
  const cut = new Set(without);
  const hit = raw.filter(
    (d) =>
      d.entity !== undefined &&
      d.entity !== SELF_ENTITY &&
      chainOf(facts, d.entity).some((id) => cut.has(id)),
  );
  const names = new Map(facts.entities.map((e) => [e.id, e.name]));
  const effects = new Map<string, Set<CutOffEffect>>();
  const byFunction = new Map<FunctionId, RawDependency[]>();
  for (const d of hit) {
    pushTo(byFunction, d.function, d);
    const effect = EFFECT_OF[d.function];
    for (const w of d.everything ? workloads.keys() : d.workloads) {
      let set = effects.get(w);
      if (set === undefined) effects.set(w, (set = new Set()));
      set.add(effect);
    }
  }
  const rankOf = (list: readonly CutOffEffect[]) => Math.min(...list.map((e) => EFFECT_ORDER.indexOf(e)));
  const affected = [...effects]
    .map(([key, set]) => ({
      workload: key,
      namespace: workloads.get(key)?.namespace ?? '',
      effects: [...set].sort((a, b) => EFFECT_ORDER.indexOf(a) - EFFECT_ORDER.indexOf(b)),
    }))
    .sort(
      (a, b) =>
        rankOf(a.effects) - rankOf(b.effects) ||
        b.effects.length - a.effects.length ||
        (a.workload < b.workload ? -1 : 1),
    );
  const totals = new Map<string, number>();
  for (const w of workloads.values()) totals.set(w.namespace, (totals.get(w.namespace) ?? 0) + 1);
  const perNamespace = new Map<string, number>();
  for (const a of affected) perNamespace.set(a.namespace, (perNamespace.get(a.namespace) ?? 0) + 1);
  const namespaces = [...perNamespace]
    .map(([namespace, n]) => ({ namespace, affected: n, total: totals.get(namespace) ?? n }))
    .sort((a, b) => b.affected - a.affected || (a.namespace < b.namespace ? -1 : 1));
  const functions = [...byFunction]
    .map(([id, deps]) => {
      // One object can show several dependencies of a function (an image: its registry's operator,
      // hosting and CDN): each is listed once.
      const seen = new Set<string>();
      const objects = deps
        .flatMap((d) => d.objects)
        .filter((o) => {
          const key = `${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      const expiries = objects.flatMap((o) => {
        const v = o.fields?.firstNotAfter ?? o.fields?.notAfter;
        return typeof v === 'string' ? [v] : [];
      });
      const firstExpiry = expiries.sort()[0];
      return {
        id,
        effect: EFFECT_OF[id],
        objects: objects.length,
        evidence: objects.slice(0, CUT_OFF_EVIDENCE),
        ...(firstExpiry !== undefined ? { firstExpiry } : {}),
      };
    })
    .sort((a, b) => EFFECT_ORDER.indexOf(a.effect) - EFFECT_ORDER.indexOf(b.effect));
  const entities = [...new Set(hit.map((d) => d.entity!))]
    .sort()
    .map((entity) => ({ entity, name: names.get(entity) ?? entity }));
  return {
    without: [...without],
    entities,
    workloads: { total: workloads.size, affected },
    namespaces,
    functions,
    summary: cutOffSummary(
      without.map((id) => names.get(id) ?? id),
      functions,
      affected,
      workloads.size,
    ),
  };
}

/** "If Docker, Inc. is cut off: 5 of 13 workloads cannot restart; nothing else breaks." */
function cutOffSummary(
  names: readonly string[],
  functions: CutOff['functions'],
  affected: CutOff['workloads']['affected'],
  total: number,
): CutOff['summary'] {
  const line = (language: 'en' | 'nl') => {
    const who = names.join(language === 'en' ? ' and ' : ' en ');
    const count = names.length;
    if (functions.length === 0) return message('register.cutOffNothing', { who, count })[language];
    const parts = functions.map((f) => {
      const hit = affected.filter((a) => a.effects.includes(f.effect)).length;
      const workloadEffect = ['stopped', 'volumes-lost', 'cannot-restart', 'unreachable'].includes(f.effect);
      const effect = message(EFFECT_TEXT[f.effect]);
      return workloadEffect
        ? message('register.effectWorkloads', { count: hit, total, effect })[language]
        : effect[language] +
            (f.firstExpiry
              ? message('register.firstExpiry', { date: f.firstExpiry.slice(0, 10) })[language]
              : '');
    });
    return message('register.cutOffLine', { who, count, effects: [...new Set(parts)].join('; ') })[language];
  };
  return { en: line('en'), nl: line('nl') };
}
