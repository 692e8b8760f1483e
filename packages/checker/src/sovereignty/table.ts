/**
 * The terminal view of a register (`havenkit sovereignty`, the default --output table): the
 * summary line, then each function with who it depends on, worst first; images not pinned;
 * where the data is. Values from the cluster are escaped (control characters). Pure.
 */
import wrapAnsi from 'wrap-ansi';
import { pushTo } from './workloads.js';
import { EFFECT_TEXT } from './continuity.js';
import { scoresTableLines, substitutabilityTableLines } from './render/scores-section.js';
import { exitSectionLines } from './render/exit-section.js';
import {
  JURISDICTION_MESSAGE,
  displayDate,
  escapeControl,
  message,
  text,
  type Dependency,
  type DependencyRegister,
  type Jurisdiction,
  type Language,
  type RegisterFunction,
} from '@havenkit/model';

export interface RegisterTableOptions {
  readonly language?: Language;
  /** ANSI colours. @default false */
  readonly color?: boolean;
  /** Wrap to this many columns. @default 100 */
  readonly width?: number;
  /** Print the evidence of every dependency. @default false */
  readonly verbose?: boolean;
}

const STATUS_KEY = {
  'in-use': 'register.statusInUse',
  none: 'register.statusNone',
  'not-collected': 'register.statusNotCollected',
  unreadable: 'register.statusUnreadable',
} as const satisfies Record<RegisterFunction['status'], string>;

const COLOUR: Record<Jurisdiction, string> = {
  'non-eu': '31',
  'eu-non-eu-parent': '35',
  unknown: '33',
  eu: '32',
  self: '36',
};

/** A jurisdiction in words, in the language. */
export function jurisdictionText(j: Jurisdiction, language: Language): string {
  return text(JURISDICTION_MESSAGE[j], language);
}

/** A function's status in words. */
export function statusText(s: RegisterFunction['status'], language: Language): string {
  return text(STATUS_KEY[s], language);
}

/** The dependencies of one entity (or one unknown party) together, in the register's order. */
function byEntity(dependencies: readonly Dependency[]): Dependency[][] {
  const groups = new Map<string, Dependency[]>();
  for (const d of dependencies) {
    const key = `${d.entity ?? ''}\u0000${d.entity ? '' : d.name}`;
    pushTo(groups, key, d);
  }
  return [...groups.values()];
}

/** A law's short name: "US CLOUD Act (Clarifying …)" → "US CLOUD Act". */
const shortLaw = (name: string) => name.split(' (')[0]!;

/** Who: "Amazon Web Services, Inc. (→ Amazon.com, Inc., US)", "Docker, Inc. (US)". */
function partyPhrase(d: Dependency): string {
  const parent = d.ultimateParent
    ? `→ ${d.ultimateParent.name}${d.ultimateParent.seat ? `, ${d.ultimateParent.seat}` : ''}`
    : undefined;
  const about = [d.seat, parent].filter((x): x is string => x !== undefined);
  return about.length > 0 ? `${d.name} (${about.join('; ')})` : d.name;
}

/** What, and how: "Docker Hub", "hosting of Docker Hub". */
function whatPhrase(d: Dependency): string {
  if (d.role && d.role !== 'operator' && d.via) return `${d.role} of ${d.via}`;
  return d.what ?? '';
}

/** Who a dependency is, in one phrase: "Docker, Inc. (Docker Hub; US; parent …)". */
export function dependencyPhrase(d: Dependency): string {
  const about = [
    d.what,
    d.role && d.role !== 'operator' ? `${d.role}${d.via ? ` of ${d.via}` : ''}` : undefined,
    d.seat,
    d.ultimateParent
      ? `→ ${d.ultimateParent.name}${d.ultimateParent.seat ? ` (${d.ultimateParent.seat})` : ''}`
      : undefined,
  ].filter((x): x is string => x !== undefined && x !== '');
  return about.length > 0 ? `${d.name} (${about.join('; ')})` : d.name;
}

export function renderRegisterTable(
  register: DependencyRegister,
  options: RegisterTableOptions = {},
): string {
  const language = options.language ?? 'en';
  const width = options.width ?? 100;
  // Colours are marked with private-use characters, which escapeControl leaves alone, and turned
  // into ANSI codes after the cluster's text is escaped: a value from the cluster never reaches
  // the terminal as a control sequence, and the colours still do.
  const paint = (j: Jurisdiction, s: string) => (options.color ? `\uE000${COLOUR[j]}\uE001${s}\uE002` : s);
  const ansi = (s: string) => s.replace(/\uE000(\d+)\uE001/g, '\u001b[$1m').replace(/\uE002/g, '\u001b[0m');
  const wrap = (value: string, indent: string, hang = indent): string[] =>
    wrapAnsi(ansi(escapeControl(value)), Math.max(20, width - hang.length), { hard: true, trim: true })
      .split('\n')
      .map((line, i) => (i === 0 ? indent : hang) + line);
  const t = (key: Parameters<typeof text>[0]) => text(key as 'register.title', language);
  const out: string[] = [];
  const m = register.metadata;
  const subject =
    m.subject.kind === 'cluster'
      ? `${t('register.subjectCluster')} ${[m.subject.context, m.subject.server].filter(Boolean).join(' ') || m.subject.clusterId || ''}`.trim()
      : `${t('register.subjectManifests')} ${(m.subject.files ?? []).join(', ')}${m.subject.provider ? ` → ${m.subject.provider}` : ''}`;
  out.push(
    ...wrap(
      `${t('register.title')}: ${subject}; ${t('register.collectedAt')} ${displayDate(m.generatedAt, language)}`,
      '',
    ),
  );
  out.push('', ...wrap(register.summary.text[language], ''), '');

  const labelWidth = Math.min(30, Math.max(...register.functions.map((f) => f.label[language].length)));
  for (const f of register.functions) {
    const label = f.label[language].padEnd(labelWidth);
    if (f.status !== 'in-use') {
      const tail = f.why ? `: ${f.why}` : f.note ? `: ${f.note}` : '';
      out.push(...wrap(`${label}  ${statusText(f.status, language)}${tail}`, '', ' '.repeat(labelWidth + 2)));
      continue;
    }
    const head = `${label}  ${paint(f.jurisdiction, jurisdictionText(f.jurisdiction, language))}, ${text('register.workloadCount', { count: f.workloads }, language)}`;
    out.push(...wrap(head, '', ' '.repeat(labelWidth + 2)));
    for (const group of byEntity(f.dependencies)) {
      const d = group[0]!;
      const laws = [...new Set(group.flatMap((g) => g.laws.map((l) => shortLaw(l.name))))];
      const what = [...new Set(group.map(whatPhrase).filter((w) => w !== ''))];
      const workloads = Math.max(...group.map((g) => g.workloads));
      const line = `${paint(d.jurisdiction, `[${jurisdictionText(d.jurisdiction, language)}]`)} ${partyPhrase(d)}${
        laws.length ? ` — ${laws.join(', ')}` : ''
      }${what.length ? `: ${what.join('; ')}` : ''}; ${text('register.workloadCount', { count: workloads }, language)}`;
      out.push(...wrap(line, '  - ', '    '));
      if (!options.verbose) continue;
      for (const g of group) {
        out.push(
          ...wrap(
            `${t('register.shownBy')}: ${g.matchedBy}${g.what ? ` (${whatPhrase(g)})` : ''}`,
            '      ',
            '        ',
          ),
        );
        for (const e of g.evidence) {
          const fields = Object.entries(e.fields ?? {})
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(' ');
          out.push(
            ...wrap(
              `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}${fields ? `  ${fields}` : ''}`,
              '        ',
              '          ',
            ),
          );
        }
        if (g.objects > g.evidence.length)
          out.push(`        ${text('register.more', { count: g.objects - g.evidence.length }, language)}`);
        if (g.note) out.push(...wrap(g.note, '        ', '          '));
        if (g.sources.length) out.push(...wrap(g.sources.join(' '), '        ', '          '));
      }
    }
  }
  const unpinned = register.images.filter((i) => !i.pinned);
  if (unpinned.length > 0) {
    out.push('', `${t('register.unpinnedImages')} (${unpinned.length}):`);
    for (const i of unpinned.slice(0, options.verbose ? unpinned.length : 10)) {
      out.push(
        ...wrap(
          `${i.reference}  [${jurisdictionText(i.jurisdiction, language)}] ${i.registry ?? i.host}`,
          '  ',
          '    ',
        ),
      );
    }
    if (!options.verbose && unpinned.length > 10)
      out.push(`  ${text('register.more', { count: unpinned.length - 10 }, language)}`);
  }
  if (register.locations.length > 0) {
    out.push('', `${t('register.locations')}:`);
    for (const l of register.locations) {
      const j: Jurisdiction = l.eea === undefined ? 'unknown' : l.eea ? 'eu' : 'non-eu';
      const where = l.country === 'unknown' ? jurisdictionText('unknown', language) : l.country;
      out.push(
        ...wrap(
          `${paint(j, where)}: ${text('register.nodeCount', { count: l.nodes }, language)}, ${text('register.volumeCount', { count: l.volumes }, language)}${l.regions ? ` (${l.regions.join(', ')})` : ''}`,
          '  ',
          '    ',
        ),
      );
    }
  }
  const groups = (register.concentration ?? []).filter(
    (g) => g.functions.length > 1 || g.critical.length > 0,
  );
  if (groups.length > 0) {
    out.push('', `${t('register.concentration')}:`);
    const shownGroups = options.verbose ? groups.length : 8;
    for (const g of groups.slice(0, shownGroups)) {
      const flag = g.critical.length >= 2 ? '! ' : '';
      out.push(
        ...wrap(
          `${flag}${paint(g.jurisdiction, `[${jurisdictionText(g.jurisdiction, language)}]`)} ${g.name}${g.seat ? ` (${g.seat})` : ''}: ${g.functions.join(', ')} (${text('register.criticalCount', { count: g.critical.length }, language)}); ${text('register.workloadCount', { count: g.workloads }, language)}`,
          '  ',
          '    ',
        ),
      );
      out.push(...substitutabilityTableLines(g, { language, width, wrap, paint }));
    }
    if (groups.length > shownGroups)
      out.push(`  ${text('register.more', { count: groups.length - shownGroups }, language)}`);
  }
  const cut = register.cutOff;
  if (cut) {
    out.push('', `${t('register.cutOff')} (--without ${cut.without.join(',')}):`);
    out.push(...wrap(cut.summary[language], '  ', '  '));
    for (const f of cut.functions) {
      const shown = f.evidence
        .map((e) => `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}`)
        .join(', ');
      out.push(
        ...wrap(
          `${register.functions.find((x) => x.id === f.id)?.label[language] ?? f.id}: ${message(EFFECT_TEXT[f.effect])[language]}; ${text('register.objectCount', { count: f.objects }, language)}: ${shown}${f.objects > f.evidence.length ? ' …' : ''}`,
          '  - ',
          '    ',
        ),
      );
    }
    for (const n of (cut.namespaces ?? []).slice(0, options.verbose ? undefined : 10)) {
      out.push(...wrap(`${n.namespace || '(cluster)'}: ${n.affected} / ${n.total}`, '    ', '      '));
    }
  }
  if (register.exit) {
    const target = register.exit.target ? ` (--exit-to ${register.exit.target.id})` : '';
    out.push('', `${t('register.exitHeading')}${target}:`);
    for (const { line, mark } of exitSectionLines(register.exit, language))
      out.push(...wrap(line, `  ${mark}`, `  ${' '.repeat(mark.length)}`));
  }
  out.push(...scoresTableLines(register, { language, width, wrap, paint }));
  return `${out.join('\n')}\n`;
}
