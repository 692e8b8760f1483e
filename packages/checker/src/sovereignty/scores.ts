/**
 * The register in the terms of the EU Cloud Sovereignty Framework (compliance/frameworks/eu-csf.yaml):
 * per criterion the subject can show, the highest SEAL its evidence allows; per objective the lowest
 * of its gating criteria, and SEAL-3 at most where a gating criterion needs an attestation; overall
 * the lowest objective's (the framework's rule). An unknown party counts as one controlled outside
 * the EU/EEA and an unread function as the worst it could show, so an unknown caps a SEAL and never
 * raises it: adding facts or collecting more can only raise a bound that is right. Pure.
 */
import {
  JURISDICTION_MESSAGE,
  OUTSIDE_EU_EEA,
  message,
  type CriterionScore,
  type CutOffEffect,
  type ExitEffort,
  type DataLocation,
  type Dependency,
  type DependencyGroup,
  type FrameworkCriterion,
  type FrameworkFile,
  type FunctionId,
  type Jurisdiction,
  type ObjectiveScore,
  type RegisterFunction,
  type RegisterScores,
  type RegisterText,
  type ScoreReason,
  type ScoreRule,
} from '@havenkit/model';
import { CRITICAL_FUNCTIONS, EFFECT_OF, EFFECT_TEXT } from './continuity.js';

export type Seal = 0 | 1 | 2 | 3 | 4;

/** Something that ties the subject to its provider (exit readiness), with what leaving takes. */
export interface Tie {
  readonly effort: ExitEffort;
  readonly text: RegisterText;
}

export interface ScoreInputs {
  readonly functions: readonly RegisterFunction[];
  readonly locations: readonly DataLocation[];
  readonly concentration: readonly DependencyGroup[];
  /** What stops without a group (its ultimate parent's id): the effects and the summary line. */
  readonly cutOff: (group: string) => {
    readonly effects: readonly CutOffEffect[];
    readonly summary: RegisterText;
  };
  /** What ties the subject to its provider: exit readiness's findings without a target. */
  readonly ties: readonly Tie[];
}

const MAX_PARTIES = 10;
/** Roles of the links behind a party (a registry's hosting, storage or CDN), as opposed to the party itself. */
const DIRECT_ROLES = new Set<string | undefined>([undefined, 'operator', 'origin']);

/** The jurisdiction ladder of a party itself: SEAL-1 is "EU law formally applies … exclusive control of non-EU third parties". */
const PARTY_SEAL: Record<Jurisdiction, Seal> = {
  'non-eu': 0,
  'eu-non-eu-parent': 1,
  unknown: 0,
  eu: 4,
  self: 4,
};
/** A link behind an EU party: SEAL-2 is "EU law applicable and enforceable, with material non-EU dependencies remaining". */
const LINK_SEAL: Record<Jurisdiction, Seal> = {
  'non-eu': 2,
  'eu-non-eu-parent': 2,
  unknown: 2,
  eu: 4,
  self: 4,
};

/** The cut-off ladder: what stops without a party. */
function cutOffSeal(effects: readonly CutOffEffect[]): Seal {
  if (effects.includes('stopped')) return 0;
  const blocking: CutOffEffect[] = [
    'volumes-lost',
    'cannot-restart',
    'unreachable',
    'writes-refused',
    'no-changes',
  ];
  if (effects.some((e) => blocking.includes(e))) return 1;
  if (effects.some((e) => e === 'no-renewal' || e === 'dns-stops')) return 2;
  return effects.length > 0 ? 3 : 4;
}

const EFFORT_SEAL: Record<ExitEffort, Seal> = {
  're-architecture': 1,
  'data-migration': 2,
  'config-change': 3,
};

/** A reason built per language from a function's label: messages take plain strings. */
function perLanguage(build: (language: 'en' | 'nl') => string): RegisterText {
  return { en: build('en'), nl: build('nl') };
}

const partyList = (names: Iterable<string>): string[] => [...new Set(names)].sort().slice(0, MAX_PARTIES);
const joined = (names: readonly string[]) => names.join(', ');

/** A reason of one seal from dependencies grouped by function and jurisdiction. */
interface Limit {
  readonly seal: Seal;
  readonly text: RegisterText;
  readonly parties?: readonly string[];
}

function selectedFunctions(inputs: ScoreInputs, rule: ScoreRule): RegisterFunction[] {
  const ids = rule.functions as readonly FunctionId[] | undefined;
  return inputs.functions.filter((f) => ids === undefined || ids.includes(f.id));
}

/** Functions that were not read count as the worst they could show. */
function notReadLimits(functions: readonly RegisterFunction[]): Limit[] {
  return functions
    .filter((f) => f.status === 'not-collected' || f.status === 'unreadable')
    .map((f) => ({
      seal: 0,
      text: perLanguage(
        (l) => message('register.scoreNotRead', { function: f.label[l], why: f.why ?? f.status })[l],
      ),
    }));
}

/** Groups dependencies by (function, jurisdiction, what) into limits of the ladder given. */
function partyLimits(
  functions: readonly RegisterFunction[],
  pick: (d: Dependency) => boolean,
  ladder: Record<Jurisdiction, Seal>,
  kind: 'party' | 'link',
): Limit[] {
  const limits: Limit[] = [];
  for (const f of functions) {
    if (f.status !== 'in-use') continue;
    const byKey = new Map<string, { jurisdiction: Jurisdiction; what: string; names: string[] }>();
    for (const d of f.dependencies.filter(pick)) {
      if (ladder[d.jurisdiction] === 4) continue;
      const what = kind === 'link' ? (d.via ?? d.what ?? '') : '';
      const key = `${d.jurisdiction}\u0000${what}`;
      const entry = byKey.get(key) ?? { jurisdiction: d.jurisdiction, what, names: [] };
      entry.names.push(d.name);
      byKey.set(key, entry);
    }
    for (const { jurisdiction, what, names } of byKey.values()) {
      const parties = partyList(names);
      const text = perLanguage((l) =>
        jurisdiction === 'unknown' && kind === 'party'
          ? message('register.scoreUnknownParty', { function: f.label[l], parties: joined(parties) })[l]
          : kind === 'link'
            ? message('register.scoreLink', {
                function: f.label[l],
                what,
                parties: joined(parties),
                jurisdiction: message(JURISDICTION_MESSAGE[jurisdiction])[l],
              })[l]
            : message('register.scoreOperator', {
                function: f.label[l],
                parties: joined(parties),
                jurisdiction: message(JURISDICTION_MESSAGE[jurisdiction])[l],
              })[l],
      );
      limits.push({ seal: ladder[jurisdiction], text, parties });
    }
  }
  return limits;
}

const isDirect = (d: Dependency) => DIRECT_ROLES.has(d.role);

function lawsLimits(functions: readonly RegisterFunction[]): Limit[] {
  const limits: Limit[] = [];
  for (const f of functions) {
    if (f.status !== 'in-use') continue;
    const reached = f.dependencies.filter((d) => isDirect(d) && d.laws.length > 0);
    const byLaws = new Map<string, string[]>();
    for (const d of reached) {
      const laws = [...new Set(d.laws.map((law) => law.name.split(' (')[0]!))].sort().join('; ');
      byLaws.set(laws, [...(byLaws.get(laws) ?? []), d.name]);
    }
    for (const [laws, names] of byLaws) {
      const parties = partyList(names);
      limits.push({
        seal: 0,
        parties,
        text: perLanguage(
          (l) => message('register.scoreLaws', { function: f.label[l], parties: joined(parties), laws })[l],
        ),
      });
    }
  }
  return [
    ...limits,
    ...partyLimits(functions, (d) => isDirect(d) && d.jurisdiction === 'unknown', PARTY_SEAL, 'party'),
  ];
}

function locationLimits(locations: readonly DataLocation[]): Limit[] {
  if (locations.length === 0) return [{ seal: 0, text: message('register.scoreNoLocation') }];
  return locations.flatMap((loc): Limit[] => {
    if (loc.country === 'unknown')
      return [
        {
          seal: 0,
          text: message('register.scoreUnknownLocation', { nodes: loc.nodes, volumes: loc.volumes }),
        },
      ];
    if (loc.eea === false)
      return [
        {
          seal: 0,
          text: message('register.scoreOutsideEea', {
            country: loc.country,
            nodes: loc.nodes,
            volumes: loc.volumes,
          }),
        },
      ];
    return [];
  });
}

/** Unknown parties of the functions, by function: each counts as a group of its own controlled outside. */
function unknownParties(
  functions: readonly RegisterFunction[],
): { function: RegisterFunction; names: string[] }[] {
  return functions.flatMap((f) => {
    const names = f.dependencies
      .filter((d) => d.jurisdiction === 'unknown' && d.entity === undefined)
      .map((d) => d.name);
    return f.status === 'in-use' && names.length > 0 ? [{ function: f, names: partyList(names) }] : [];
  });
}

function cutOffLimits(inputs: ScoreInputs, scope: 'all' | 'outside-eu'): Limit[] {
  const groups = inputs.concentration.filter((g) => scope === 'all' || OUTSIDE_EU_EEA.has(g.jurisdiction));
  const limits: Limit[] = groups.flatMap((g): Limit[] => {
    const { effects, summary } = inputs.cutOff(g.entity);
    const seal = cutOffSeal(effects);
    return seal < 4 ? [{ seal, text: summary, parties: [g.name] }] : [];
  });
  for (const { function: f, names } of unknownParties(inputs.functions)) {
    const effect = EFFECT_OF[f.id];
    limits.push({
      seal: cutOffSeal([effect]),
      parties: names,
      text: perLanguage(
        (l) =>
          message('register.scoreUnknownCutOff', {
            function: f.label[l],
            parties: joined(names),
            effect: message(EFFECT_TEXT[effect])[l],
          })[l],
      ),
    });
  }
  return limits;
}

function portabilityLimits(inputs: ScoreInputs): Limit[] {
  const read = inputs.functions.filter((f) =>
    ['storage', 'load-balancing', 'ingress', 'images'].includes(f.id),
  );
  return [...notReadLimits(read), ...inputs.ties.map((t) => ({ seal: EFFORT_SEAL[t.effort], text: t.text }))];
}

function concentrationLimits(inputs: ScoreInputs): Limit[] {
  const groups = inputs.concentration;
  const unknown = unknownParties(inputs.functions);
  const outside = groups.filter((g) => OUTSIDE_EU_EEA.has(g.jurisdiction));
  // An unknown party is one more group controlled outside.
  const outsideCount = outside.length + unknown.reduce((n, u) => n + u.names.length, 0);
  const total = groups.length + unknown.reduce((n, u) => n + u.names.length, 0);
  const critical = [
    ...outside.filter((g) => g.critical.length > 0).map((g) => g.name),
    ...unknown.filter((u) => CRITICAL_FUNCTIONS.has(u.function.id)).flatMap((u) => u.names),
  ];
  const names = partyList(critical);
  if (critical.length > 0) {
    if (outsideCount === total)
      return [
        {
          seal: 0,
          parties: names,
          text: message('register.scoreConcentrationOnly', { parties: joined(names) }),
        },
      ];
    if (outsideCount * 2 > total)
      return [
        {
          seal: 1,
          parties: names,
          text: message('register.scoreConcentrationMostly', { parties: joined(names) }),
        },
      ];
    return [
      {
        seal: 2,
        parties: names,
        text: message('register.scoreConcentrationFew', { parties: joined(names) }),
      },
    ];
  }
  if (outsideCount > 0) {
    const all = partyList([...outside.map((g) => g.name), ...unknown.flatMap((u) => u.names)]);
    return [
      {
        seal: 3,
        parties: all,
        text: message('register.scoreConcentrationNonCritical', { parties: joined(all) }),
      },
    ];
  }
  return [];
}

function transparencyLimits(inputs: ScoreInputs): Limit[] {
  const limits: Limit[] = [];
  const unknown = unknownParties(inputs.functions).flatMap((u) => u.names);
  if (unknown.length > 0) {
    const parties = partyList(unknown);
    limits.push({
      seal: 2,
      parties,
      text: message('register.scoreUnknownParties', {
        count: new Set(unknown).size,
        parties: joined(parties),
      }),
    });
  }
  const notRead = inputs.functions.filter((f) => f.status === 'not-collected' || f.status === 'unreadable');
  if (notRead.length > 0)
    limits.push({
      seal: 2,
      text: perLanguage(
        (l) =>
          message('register.scoreNotReadCount', {
            count: notRead.length,
            functions: notRead.map((f) => f.label[l]).join(', '),
          })[l],
      ),
    });
  return limits;
}

/** The limits a rule finds; the criterion is at most the lowest of them (SEAL-4 without any). */
export function ruleLimits(rule: ScoreRule, inputs: ScoreInputs): Limit[] {
  const functions = selectedFunctions(inputs, rule);
  switch (rule.kind) {
    case 'operator':
      return [...notReadLimits(functions), ...partyLimits(functions, isDirect, PARTY_SEAL, 'party')];
    case 'laws':
      return [...notReadLimits(functions), ...lawsLimits(functions)];
    case 'chain':
      return [
        ...notReadLimits(functions),
        ...partyLimits(functions, isDirect, PARTY_SEAL, 'party'),
        ...partyLimits(functions, (d) => !isDirect(d), LINK_SEAL, 'link'),
      ];
    case 'location':
      return [
        ...notReadLimits(inputs.functions.filter((f) => f.id === 'hosting' || f.id === 'storage')),
        ...locationLimits(inputs.locations),
      ];
    case 'cut-off':
      return [...notReadLimits(inputs.functions), ...cutOffLimits(inputs, rule.scope ?? 'all')];
    case 'portability':
      return portabilityLimits(inputs);
    case 'concentration':
      return [
        ...notReadLimits(inputs.functions.filter((f) => CRITICAL_FUNCTIONS.has(f.id))),
        ...concentrationLimits(inputs),
      ];
    case 'transparency':
      return transparencyLimits(inputs);
  }
}

const lowest = (limits: readonly { seal: number }[]): Seal =>
  limits.reduce<Seal>((a, l) => (l.seal < a ? (l.seal as Seal) : a), 4);

/** The binding reasons: those at the criterion's bound, lowest first, at most a few. */
const binding = (limits: readonly Limit[], seal: Seal, criterion?: string): ScoreReason[] =>
  limits
    .filter((l) => l.seal === seal)
    .slice(0, 5)
    .map((l) => ({
      seal: l.seal,
      ...(criterion !== undefined ? { criterion } : {}),
      text: l.text,
      ...(l.parties !== undefined && l.parties.length > 0 ? { parties: [...l.parties] } : {}),
    }));

function scoreCriterion(c: FrameworkCriterion, inputs: ScoreInputs): CriterionScore {
  const base = {
    id: c.id,
    name: { en: c.name.en, nl: c.name.nl },
    evidence: c.evidence,
    gates: c.gates !== false,
  };
  if (c.rule === undefined) return { ...base, ...(c.attestation ? { attestation: c.attestation } : {}) };
  const limits: Limit[] = ruleLimits(c.rule, inputs);
  if (c.evidence === 'partly') limits.push({ seal: 3, text: message('register.scorePartly') });
  const atMost = lowest(limits);
  return {
    ...base,
    atMost,
    reasons: binding(limits, atMost),
    ...(c.evidence === 'partly' && c.attestation ? { attestation: c.attestation } : {}),
  };
}

/** Scores the register against the framework with the weight set given (its id). */
export function scoreRegister(
  framework: FrameworkFile,
  weightSetId: string,
  inputs: ScoreInputs,
): RegisterScores {
  const set = framework.weightSets.find((s) => s.id === weightSetId);
  if (set === undefined) throw new Error(`unknown weight set ${weightSetId}`);
  const objectives: ObjectiveScore[] = framework.objectives.map((o) => {
    const criteria = o.criteria.map((c) => scoreCriterion(c, inputs));
    const gating = criteria.filter((c) => c.gates);
    const scored = gating.filter((c) => c.atMost !== undefined);
    const unattested = gating.filter((c) => c.atMost === undefined).map((c) => c.id);
    let atMost: Seal | undefined;
    let limits: ScoreReason[] = [];
    if (scored.length > 0) {
      const seal = lowest(scored.map((c) => ({ seal: c.atMost! })));
      const attestationCap = unattested.length > 0 ? 3 : 4;
      atMost = Math.min(seal, attestationCap) as Seal;
      limits = scored
        .filter((c) => c.atMost === atMost)
        .flatMap((c) => (c.reasons ?? []).map((r) => ({ ...r, criterion: c.id })));
      if (unattested.length > 0 && atMost === 3)
        limits.push({
          seal: 3,
          text: message('register.scoreNeedsAttestation', { criteria: unattested.join(', ') }),
        });
    }
    const score = criteria.reduce((sum, c) => sum + (c.atMost ?? 4), 0) / (4 * criteria.length);
    return {
      id: o.id,
      name: { en: o.name.en, nl: o.name.nl },
      weight: set.weights[o.id] ?? 0,
      ...(atMost !== undefined ? { atMost } : {}),
      score: Math.round(score * 1000) / 1000,
      limits,
      criteria,
    };
  });
  const shown = objectives.filter((o) => o.atMost !== undefined);
  const overall = lowest(shown.map((o) => ({ seal: o.atMost! })));
  const weighted = objectives.reduce((sum, o) => sum + o.weight * (o.score ?? 1), 0);
  const all = objectives.flatMap((o) => o.criteria);
  return {
    framework: { id: framework.id, name: framework.name, version: framework.version },
    weights: { id: set.id, name: { en: set.name.en, nl: set.name.nl } },
    seal: {
      atMost: overall,
      limitedBy: shown.filter((o) => o.atMost === overall).map((o) => o.id),
      unscored: objectives.filter((o) => o.atMost === undefined).map((o) => o.id),
    },
    score: {
      atMost: Math.round(weighted * 10) / 10,
      observed: all.filter((c) => c.atMost !== undefined).length,
      attestation: all.filter((c) => c.attestation !== undefined && c.evidence === 'attestation').length,
    },
    objectives,
  };
}
