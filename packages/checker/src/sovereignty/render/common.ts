/**
 * What the register's renderers share: the words for statuses and jurisdictions, the subject's
 * identity rows, which functions and images they show where, and which source urls may be links.
 */
import {
  displayDate,
  text,
  type CutOff,
  type CutOffEffect,
  type DependencyGroup,
  type DependencyRegister,
  type FunctionId,
  type Jurisdiction,
  type Language,
  type RegisterFunction,
  type RegisterImage,
} from '@havenkit/model';
import type { MESSAGES } from '@havenkit/model';

type RegisterMessages = typeof MESSAGES.register;

/** The register texts that take no parameters. */
export type PlainKey = {
  [K in keyof RegisterMessages]: RegisterMessages[K]['en'] extends `${string}{${string}` ? never : K;
}[keyof RegisterMessages];

/** A parameterless register text in one language. */
function word(key: PlainKey, language: Language): string {
  return text(`register.${key}`, language);
}

/** The text with its first letter in upper case (a table header, a label). */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How a jurisdiction is told apart besides its word, never by colour alone: a symbol in HTML (that
 * prints in black and white), a mark in Markdown.
 */
export const JURISDICTION_SIGN: Record<Jurisdiction, { readonly symbol: string; readonly mark: string }> = {
  'non-eu': { symbol: '✗', mark: '🔴' },
  'eu-non-eu-parent': { symbol: '◐', mark: '🟠' },
  unknown: { symbol: '?', mark: '⚠️' },
  eu: { symbol: '✓', mark: '🟢' },
  self: { symbol: '⌂', mark: '🏠' },
};

/** How a function's status is told apart besides its word: a symbol in HTML, a mark in Markdown. */
export const STATUS_SIGN: Record<
  RegisterFunction['status'],
  { readonly symbol: string; readonly mark: string }
> = {
  'in-use': { symbol: '●', mark: '●' },
  none: { symbol: '○', mark: '○' },
  'not-collected': { symbol: '?', mark: '⚠️' },
  unreadable: { symbol: '!', mark: '⚠️' },
};

const JURISDICTION_KEY: Record<Jurisdiction, PlainKey> = {
  'non-eu': 'jurisdictionNonEu',
  'eu-non-eu-parent': 'jurisdictionEuNonEuParent',
  unknown: 'jurisdictionUnknown',
  eu: 'jurisdictionEu',
  self: 'jurisdictionSelf',
};

function jurisdictionText(jurisdiction: Jurisdiction, language: Language): string {
  return word(JURISDICTION_KEY[jurisdiction], language);
}

const STATUS_KEY: Record<RegisterFunction['status'], PlainKey> = {
  'in-use': 'statusInUse',
  none: 'statusNone',
  'not-collected': 'statusNotCollected',
  unreadable: 'statusUnreadable',
};

function statusText(status: RegisterFunction['status'], language: Language): string {
  return word(STATUS_KEY[status], language);
}

const EFFECT_KEY: Record<CutOffEffect, PlainKey> = {
  stopped: 'effectStopped',
  'no-changes': 'effectNoChanges',
  'cannot-restart': 'effectCannotRestart',
  'volumes-lost': 'effectVolumesLost',
  unreachable: 'effectUnreachable',
  'no-renewal': 'effectNoRenewal',
  'dns-stops': 'effectDnsStops',
  'backup-stops': 'effectBackupStops',
  'export-stops': 'effectExportStops',
  'endpoint-unreachable': 'effectEndpointUnreachable',
  'writes-refused': 'effectWritesRefused',
  'api-unavailable': 'effectApiUnavailable',
};

/** A group serving at least this many critical functions is flagged (the register's rule). */
export const FLAG_CRITICAL = 2;

/** One group of the concentration part, with the words the renderers show. */
export interface ConcentrationRow {
  readonly group: DependencyGroup;
  /** Two or more critical functions: marked in words, not by colour alone. */
  readonly flagged: boolean;
  /** The names of the group's entities the subject shows, when they differ from the group's. */
  readonly via: string[];
  /** The labels of the functions it serves, and of the critical ones among them. */
  readonly functions: string[];
  readonly critical: string[];
}

/** The names of the entities the register knows, by id: its dependencies and those cut off. */
function entityNames(register: DependencyRegister): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of register.functions)
    for (const d of f.dependencies)
      if (d.entity !== undefined && !names.has(d.entity)) names.set(d.entity, d.name);
  for (const e of register.cutOff?.entities ?? []) if (!names.has(e.entity)) names.set(e.entity, e.name);
  return names;
}

/** Jurisdictions whose control sits outside the EU/EEA, or is not known. */
const ATTENTION = new Set<Jurisdiction>(['non-eu', 'eu-non-eu-parent', 'unknown']);

/** Images that come from registries controlled outside the EU/EEA or not in the facts. */
function outsideImages(register: DependencyRegister): RegisterImage[] {
  return register.images.filter((i) => ATTENTION.has(i.jurisdiction));
}

function unpinnedImages(register: DependencyRegister): RegisterImage[] {
  return register.images.filter((i) => !i.pinned);
}

/** The distinct names a function depends on, in the register's order. */
export function dependsOn(f: RegisterFunction): string[] {
  return [...new Set(f.dependencies.map((d) => d.name))];
}

/** The subject's heading word: cluster or manifests. */
function subjectWord(register: DependencyRegister, language: Language): string {
  return word(
    register.metadata.subject.kind === 'manifests' ? 'subjectManifests' : 'subjectCluster',
    language,
  );
}

/** The subject's identity as label/value rows, those it has. */
function subjectRows(register: DependencyRegister, language: Language): [string, string][] {
  const { subject, generatedAt, tool } = register.metadata;
  const rows: [string, string | undefined][] = [
    [text('report.server', language), subject.server],
    [text('report.context', language), subject.context],
    [text('report.clusterId', language), subject.clusterId],
    [capital(word('provider', language)), subject.provider],
    [
      word('files', language),
      subject.files && subject.files.length > 0 ? subject.files.join(', ') : undefined,
    ],
    [text('report.snapshotSha256', language), subject.snapshotSha256],
    [word('collectedAt', language), displayDate(generatedAt, language)],
    [word('tool', language), `${tool.name} ${tool.version}`],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
}

/** What the title names: the context, cluster id or server, or the first manifest file. */
function subjectName(register: DependencyRegister): string | undefined {
  const s = register.metadata.subject;
  return s.context ?? s.clusterId ?? s.server ?? s.files?.[0];
}

/** A source url that may be a link: http or https, parsed as a URL. Anything else is shown as text. */
export function linkable(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** An evidence object as "namespace/name". */
export function objectPath(e: { namespace?: string; name: string }): string {
  return [e.namespace, e.name].filter((p) => p !== undefined && p !== '').join('/');
}

/** How a register is rendered (Markdown or HTML). */
export interface RegisterRenderOptions {
  readonly language: Language;
}

/** What the renderers show of a register in one language, worked out once for both. */
export interface RegisterView {
  readonly language: Language;
  /** A parameterless register text. */
  readonly w: (key: PlainKey) => string;
  /** The same with a capital: a table header, a label. */
  readonly W: (key: PlainKey) => string;
  readonly jurisdictionText: (jurisdiction: Jurisdiction) => string;
  readonly statusText: (status: RegisterFunction['status']) => string;
  /** The subject's heading word, its name (for the title) and its identity rows. */
  readonly subjectWord: string;
  readonly subjectName: string | undefined;
  readonly subjectRows: [string, string][];
  /** The functions in use, with their dependencies. */
  readonly inUse: RegisterFunction[];
  /** The functions with nothing found, when the register says why. */
  readonly none: RegisterFunction[];
  /** The functions that could not be read. */
  readonly notRead: RegisterFunction[];
  /** Whether the images were read (an older snapshot may lack them). */
  readonly imagesRead: boolean;
  /** The images in one sentence: how many, not under your control, outside, unknown, unpinned. */
  readonly imagesCounts: string;
  readonly unpinned: RegisterImage[];
  readonly outside: RegisterImage[];
  /** A function's label in this language, by id (the id when the register lacks it). */
  readonly functionLabel: (id: FunctionId) => string;
  /** What a cut-off does, in words. */
  readonly effectText: (effect: CutOffEffect) => string;
  /** The groups by ultimate parent; undefined for a register without the part. */
  readonly concentration: ConcentrationRow[] | undefined;
  /** What stops with `--without`; undefined without it. */
  readonly cutOff: CutOff | undefined;
  /** The names of the entities cut off (the ids given when the subject shows none of them). */
  readonly cutOffNames: string[];
}

export function registerView(register: DependencyRegister, language: Language): RegisterView {
  const w = (key: PlainKey): string => word(key, language);
  const images = register.functions.find((f) => f.id === 'images');
  const counts = register.summary.images;
  const labels = new Map(register.functions.map((f) => [f.id, f.label[language]]));
  const functionLabel = (id: FunctionId): string => labels.get(id) ?? id;
  const names = entityNames(register);
  const cutOff = register.cutOff;
  return {
    language,
    w,
    W: (key) => capital(w(key)),
    jurisdictionText: (j) => jurisdictionText(j, language),
    statusText: (s) => statusText(s, language),
    subjectWord: subjectWord(register, language),
    subjectName: subjectName(register),
    subjectRows: subjectRows(register, language),
    inUse: register.functions.filter((f) => f.status === 'in-use'),
    none: register.functions.filter((f) => f.status === 'none' && f.note !== undefined),
    notRead: register.functions.filter((f) => f.status === 'not-collected' || f.status === 'unreadable'),
    imagesRead: images === undefined || images.status === 'in-use' || images.status === 'none',
    imagesCounts: text(
      'register.countsImages',
      {
        total: counts.total,
        notControlled: counts.notControlled,
        outside: counts.outsideEuEea,
        unknown: counts.unknown,
        unpinned: counts.unpinned,
      },
      language,
    ),
    unpinned: unpinnedImages(register),
    outside: outsideImages(register),
    functionLabel,
    effectText: (effect) => w(EFFECT_KEY[effect]),
    concentration: register.concentration?.map((group) => ({
      group,
      flagged: group.critical.length >= FLAG_CRITICAL,
      via: [
        ...new Set(
          group.entities
            .map((id) => names.get(id))
            .filter((name): name is string => name !== undefined && name !== group.name),
        ),
      ],
      functions: group.functions.map(functionLabel),
      critical: group.critical.map(functionLabel),
    })),
    cutOff,
    cutOffNames:
      cutOff === undefined
        ? []
        : cutOff.entities.length > 0
          ? cutOff.entities.map((e) => e.name)
          : [...cutOff.without],
  };
}
