/**
 * What the register's renderers share: the words for statuses and jurisdictions, the subject's
 * identity rows, which images need attention and which source urls may be links.
 */
import {
  displayDate,
  text,
  type DependencyRegister,
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
export function word(key: PlainKey, language: Language): string {
  return text(`register.${key}`, language);
}

/** The text with its first letter in upper case (a table header, a label). */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const JURISDICTION_KEY: Record<Jurisdiction, PlainKey> = {
  'non-eu': 'jurisdictionNonEu',
  'eu-non-eu-parent': 'jurisdictionEuNonEuParent',
  unknown: 'jurisdictionUnknown',
  eu: 'jurisdictionEu',
  self: 'jurisdictionSelf',
};

export function jurisdictionText(jurisdiction: Jurisdiction, language: Language): string {
  return word(JURISDICTION_KEY[jurisdiction], language);
}

const STATUS_KEY: Record<RegisterFunction['status'], PlainKey> = {
  'in-use': 'statusInUse',
  none: 'statusNone',
  'not-collected': 'statusNotCollected',
  unreadable: 'statusUnreadable',
};

export function statusText(status: RegisterFunction['status'], language: Language): string {
  return word(STATUS_KEY[status], language);
}

/** Jurisdictions whose control sits outside the EU/EEA, or is not known. */
const ATTENTION = new Set<Jurisdiction>(['non-eu', 'eu-non-eu-parent', 'unknown']);

/** Images that come from registries controlled outside the EU/EEA or not in the facts. */
export function outsideImages(register: DependencyRegister): RegisterImage[] {
  return register.images.filter((i) => ATTENTION.has(i.jurisdiction));
}

export function unpinnedImages(register: DependencyRegister): RegisterImage[] {
  return register.images.filter((i) => !i.pinned);
}

/** The distinct names a function depends on, in the register's order. */
export function dependsOn(f: RegisterFunction): string[] {
  return [...new Set(f.dependencies.map((d) => d.name))];
}

/** The subject's heading word: cluster or manifests. */
export function subjectWord(register: DependencyRegister, language: Language): string {
  return word(
    register.metadata.subject.kind === 'manifests' ? 'subjectManifests' : 'subjectCluster',
    language,
  );
}

/** The subject's identity as label/value rows, those it has. */
export function subjectRows(register: DependencyRegister, language: Language): [string, string][] {
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
export function subjectName(register: DependencyRegister): string | undefined {
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
