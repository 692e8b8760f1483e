/**
 * The digital-dependency register (`havenkit sovereignty`): its report format and the functions
 * file that says what each function reads, in the shape of compliance/schemas/register.schema.json;
 * the types are generated from the schema (./generated/register.ts).
 */
export type {
  DependencyRegister,
  RegisterMetadata,
  RegisterSummary,
  RegisterText,
  FunctionId,
  Jurisdiction,
  RegisterEvidence,
  Dependency,
  RegisterFunction,
  RegisterImage,
  DataLocation,
  DependencyGroup,
  CutOff,
  CutOffEffect,
  ExitReadiness,
  ExitFinding,
  ExitEffort,
  ExitKind,
  RegisterScores,
  ObjectiveScore,
  CriterionScore,
  ScoreReason,
  RuleMapping,
  RegisterFunctionsFile,
  FunctionDefinition,
  FunctionResourceNeed,
} from './generated/register.js';

import type { Jurisdiction } from './generated/register.js';

/** Jurisdictions from worst to best: the order the register sorts and gates by. */
export const JURISDICTION_ORDER: readonly Jurisdiction[] = [
  'non-eu',
  'eu-non-eu-parent',
  'unknown',
  'eu',
  'self',
];

/** The jurisdictions whose control sits outside the EU/EEA: what the summary, gates and scores count as outside. */
export const OUTSIDE_EU_EEA: ReadonlySet<Jurisdiction> = new Set<Jurisdiction>([
  'non-eu',
  'eu-non-eu-parent',
]);

/** The message of each jurisdiction class (packages/model/src/messages/register.ts). */
export const JURISDICTION_MESSAGE = {
  'non-eu': 'register.jurisdictionNonEu',
  'eu-non-eu-parent': 'register.jurisdictionEuNonEuParent',
  unknown: 'register.jurisdictionUnknown',
  eu: 'register.jurisdictionEu',
  self: 'register.jurisdictionSelf',
} as const satisfies Record<Jurisdiction, string>;
