/**
 * The facts of the digital-dependency ("sovereignty") register: legal entities and the matchers
 * that map what a cluster shows to them, as bundled under compliance/sovereignty/*.yaml and as a
 * user writes them (`--facts FILE`), all in the shape of
 * compliance/schemas/sovereignty.schema.json; the types are generated from the schema
 * (./generated/sovereignty.ts).
 */
import type * as S from './generated/sovereignty.js';

export type {
  SovereigntyFacts,
  FactSource,
  CountryGroup,
  Law,
  Entity,
  HostedBy,
  RegistryFact,
  ProviderFact,
  ProviderIdMatcher,
  NodeLabelMatcher,
  ApiServerMatcher,
  RegionFact,
  StorageFact,
  LoadBalancerFact,
  IngressControllerFact,
  CertificateAuthorityFact,
  DnsFact,
  SaasFact,
  ApiGroupFact,
  FactText,
  FrameworkFile,
  FrameworkObjective,
  FrameworkWeightSet,
  FrameworkLevel,
  FrameworkCriterion,
  ScoreRule,
  RulesFile,
  RuleFact,
} from './generated/sovereignty.js';

/**
 * The entity reference of a matcher whose dependency is no outside party: software the
 * cluster's operator runs itself (Longhorn, MetalLB).
 */
export const SELF_ENTITY = 'self';

/**
 * The entity reference of a matcher whose dependency is whoever operates the cluster's
 * infrastructure (an open driver such as OpenStack Cinder on the hosting provider's storage).
 */
export const HOSTING_ENTITY = 'hosting';

/** The sections of a facts file that are lists (every section). */
export type FactSection = Exclude<keyof S.SovereigntyFacts, 'apiVersion' | 'kind'>;

/**
 * The loaded facts: the bundled files and any user files put together, every section present.
 * Entries of user files come first in each list (a register that takes the first match lets
 * them win), and a user entry has already replaced the bundled one with the same id or key.
 */
export type LoadedSovereigntyFacts = { readonly [K in FactSection]-?: NonNullable<S.SovereigntyFacts[K]> } & {
  /** The files the facts were read from, bundled ones first. */
  readonly files: readonly string[];
};

/** Where control of an entity sits, following its parents (see resolveEntity in the checker). */
export interface EntityResolution {
  /** The entity. */
  readonly entity: S.Entity;
  /** The entity and its parents, up to the ultimate parent (the last). */
  readonly chain: readonly S.Entity[];
  /** The last entity of the chain: the entity itself when it has no recorded parent. */
  readonly ultimateParent: S.Entity;
  /**
   * true: an entity of the chain has its seat outside the EU/EEA, or a source says control sits
   * outside; false: a source says control sits inside and no seat says otherwise; undefined: not
   * known (a seat or the owner is missing).
   */
  readonly controlOutsideEuEea: boolean | undefined;
  /** The laws whose rule reaches the entity (a seat in the law's country along the chain), and those a source names. */
  readonly laws: readonly S.Law[];
}
