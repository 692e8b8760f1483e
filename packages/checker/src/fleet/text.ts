/**
 * The fleet overview's texts in English and Dutch. They live here, not in the model's message
 * catalogue, because only the fleet renderers use them; verdict sentences, outcome words and
 * categories come from the catalogue (VERDICT_TEXT, OUTCOME_TEXT), as in every other report.
 */
import type { Language, LocalizedText } from '@havenkit/model';
import type { FleetVerdict, NotReadProblem, SignatureState } from './model.js';

type Plural = (n: number) => string;

/** A count with its noun: "1 cluster", "3 clusters". */
const plural =
  (one: string, other: string): Plural =>
  (n) =>
    `${n} ${n === 1 ? one : other}`;

export const FLEET_TEXT = {
  title: { en: 'Haven compliance of the fleet', nl: 'Haven-compliance van alle clusters' },
  subtitle: {
    en: 'One row per cluster: its latest report, worst first.',
    nl: 'Eén rij per cluster: het laatste rapport, het slechtste eerst.',
  },
  matrix: { en: 'Clusters and checks', nl: 'Clusters en controles' },
  clusters: { en: 'Clusters', nl: 'Clusters' },
  cluster: { en: 'Cluster', nl: 'Cluster' },
  verdict: { en: 'Verdict', nl: 'Oordeel' },
  collectedAt: { en: 'Collected', nl: 'Verzameld' },
  counts: { en: 'Counts', nl: 'Aantallen' },
  trend: { en: 'Trend (oldest → newest)', nl: 'Verloop (oudste → nieuwste)' },
  report: { en: 'Report', nl: 'Rapport' },
  signature: { en: 'Signature', nl: 'Handtekening' },
  clusterId: { en: 'Cluster id', nl: 'Cluster-id' },
  context: { en: 'Context', nl: 'Context' },
  server: { en: 'API server', nl: 'API-server' },
  havenVersion: { en: 'Haven version', nl: 'Haven-versie' },
  newlyFailing: { en: 'newly failing', nl: 'nieuw afgekeurd' },
  fixed: { en: 'fixed', nl: 'opgelost' },
  changed: { en: 'changed', nl: 'gewijzigd' },
  noChange: { en: 'no check changed', nl: 'geen controle gewijzigd' },
  oneRun: {
    en: 'one report: no trend yet',
    nl: 'één rapport: nog geen verloop',
  },
  since: { en: 'since', nl: 'sinds' },
  notRead: { en: 'Not read', nl: 'Niet gelezen' },
  file: { en: 'File', nl: 'Bestand' },
  why: { en: 'Why', nl: 'Waarom' },
  nothingUnread: { en: 'Every report file was read.', nl: 'Elk rapportbestand is gelezen.' },
  absent: { en: 'not evaluated', nl: 'niet uitgevoerd' },
  legend: { en: 'Legend', nl: 'Legenda' },
  suggested: { en: 'suggested', nl: 'aanbevolen' },
  keyNote: {
    en: 'Signatures verified with key',
    nl: 'Handtekeningen gecontroleerd met sleutel',
  },
  noKeyNote: {
    en: 'No --key was given: signed reports are read, but their signatures are not verified.',
    nl: 'Er is geen --key opgegeven: ondertekende rapporten zijn gelezen, maar hun handtekeningen zijn niet gecontroleerd.',
  },
  exitNote: {
    en: 'An overview, not a gate: each cluster’s own report is authoritative.',
    nl: 'Een overzicht, geen poort: het eigen rapport van elk cluster is leidend.',
  },
  generatedBy: { en: 'Made by', nl: 'Gemaakt door' },
  generatedAt: { en: 'on', nl: 'op' },
} as const satisfies Record<string, LocalizedText>;

export type FleetTextKey = keyof typeof FLEET_TEXT;

/** Short verdict words for tables and the summary line; the full sentences are VERDICT_TEXT. */
export const SHORT_VERDICT: Readonly<Record<FleetVerdict, LocalizedText>> = {
  'not-compliant': { en: 'not compliant', nl: 'niet compliant' },
  inconclusive: { en: 'inconclusive', nl: 'geen eindoordeel' },
  'selected-passed-with-waivers': {
    en: 'selected checks passed with waivers',
    nl: 'gekozen controles voldoen met uitzonderingen',
  },
  'selected-passed': { en: 'selected checks passed', nl: 'gekozen controles voldoen' },
  'compliant-with-waivers': { en: 'compliant with waivers', nl: 'compliant met uitzonderingen' },
  compliant: { en: 'compliant', nl: 'compliant' },
};

export const SIGNATURE_TEXT: Readonly<Record<SignatureState, LocalizedText>> = {
  unsigned: { en: 'unsigned', nl: 'niet ondertekend' },
  signed: { en: 'signed, not verified', nl: 'ondertekend, niet gecontroleerd' },
  verified: { en: 'signature verified', nl: 'handtekening gecontroleerd' },
};

/** The lead of a Not read line; the detail (from the file system or a parser) follows it. */
export const PROBLEM_TEXT: Readonly<Record<NotReadProblem, LocalizedText>> = {
  unreadable: { en: 'cannot be read', nl: 'kan niet worden gelezen' },
  'too-large': { en: 'too large', nl: 'te groot' },
  'not-json': { en: 'not valid JSON', nl: 'geen geldige JSON' },
  'not-a-report': { en: 'not a havenkit report', nl: 'geen havenkit-rapport' },
  'invalid-report': { en: 'not a valid havenkit report', nl: 'geen geldig havenkit-rapport' },
  'bad-signature': { en: 'signed report refused', nl: 'ondertekend rapport geweigerd' },
  'symlinked-directory': {
    en: 'a symbolic link to a directory: not followed',
    nl: 'een symbolische koppeling naar een map: niet gevolgd',
  },
  'too-deep': { en: 'too deep: not searched', nl: 'te diep: niet doorzocht' },
};

const COUNTS: Record<Language, { clusters: Plural; skippedHaven: Plural }> = {
  en: {
    clusters: plural('cluster', 'clusters'),
    skippedHaven: plural('file', 'files'),
  },
  nl: {
    clusters: plural('cluster', 'clusters'),
    skippedHaven: plural('bestand', 'bestanden'),
  },
};

/** "3 clusters". */
export function clustersText(n: number, language: Language): string {
  return COUNTS[language].clusters(n);
}

/** The line about havenkit's other documents (snapshots, registers) that were passed over. */
export function passedOverText(n: number, language: Language): string {
  const files = COUNTS[language].skippedHaven(n);
  return language === 'en'
    ? `${files} of havenkit that are not compliance reports (snapshots, registers) passed over.`
    : `${files} van havenkit die geen compliancerapport zijn (snapshots, registers) overgeslagen.`;
}

/** The line under Not read about the official-format files that were passed over. */
export function skippedHavenText(n: number, language: Language): string {
  const files = COUNTS[language].skippedHaven(n);
  return language === 'en'
    ? `${files} in the official Haven JSON format (haven.json) passed over: that format names no cluster; the report.json beside it is read.`
    : `${files} in het officiële Haven-JSON-formaat (haven.json) overgeslagen: dat formaat noemt geen cluster; het report.json ernaast wordt gelezen.`;
}
