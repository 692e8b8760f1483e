import {
  text,
  type Dependency,
  type DependencyRegister,
  type Jurisdiction,
  type Language,
  type RegisterEvidence,
  type RegisterFunction,
  type RegisterImage,
} from '@havenkit/model';
import { escapeMarkdown, inlineCode } from '../../report/markdown.js';
import {
  capital,
  dependsOn,
  jurisdictionText,
  linkable,
  objectPath,
  outsideImages,
  statusText,
  subjectName,
  subjectRows,
  subjectWord,
  unpinnedImages,
  word,
  type PlainKey,
} from './common.js';

/** At most this many rows per image table (a GitHub comment holds 65,536 characters). */
export const MARKDOWN_MAX_IMAGES = 50;

export interface RegisterMarkdownOptions {
  readonly language: Language;
}

/** Jurisdictions are told apart by mark and word, never by the mark alone. */
const JURISDICTION_MARK: Record<Jurisdiction, string> = {
  'non-eu': '🔴',
  'eu-non-eu-parent': '🟠',
  unknown: '⚠️',
  eu: '🟢',
  self: '🏠',
};

const STATUS_MARK: Record<RegisterFunction['status'], string> = {
  'in-use': '●',
  none: '○',
  'not-collected': '⚠️',
  unreadable: '⚠️',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Inline code outside a table: as inlineCode, but `|` stays as it is (only tables need it escaped). */
function code(value: string): string {
  const flat = value.replace(CONTROL, '').replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A link to a source: only http(s) urls, with every character that could end the destination or
 * start markup percent-encoded; anything else is shown as code.
 */
function sourceLink(url: string): string {
  if (!linkable(url)) return code(url);
  const destination = url.replace(/[^A-Za-z0-9\-._~:/?#@$&+,;=%]/gu, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return `[${escapeMarkdown(url)}](${destination})`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], align?: string[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align ?? header.map(() => '---')), ...rows.map(line)];
}

/**
 * The dependency register as Markdown for merge requests, issues and tickets: the subject, the
 * one-line summary, a table of the functions (worst first, as the register orders them), the
 * dependencies of every function in use with the objects that show them, the functions that could
 * not be read and why, the images that need attention and where the data is. Every text from the
 * register (names, evidence, notes) is escaped: a snapshot is hostile input. Pure.
 */
export function renderRegisterMarkdown(
  register: DependencyRegister,
  options: RegisterMarkdownOptions,
): string {
  const language = options.language;
  const w = (key: PlainKey) => word(key, language);
  const jurisdiction = (j: Jurisdiction) => `${JURISDICTION_MARK[j]} ${jurisdictionText(j, language)}`;
  const out: string[] = [];

  const name = subjectName(register);
  out.push(`# ${w('title')}${name ? `: ${escapeMarkdown(name)}` : ''}`, '');
  out.push(
    `**${subjectWord(register, language)}:** ${subjectRows(register, language)
      .map(([label, value]) => `${escapeMarkdown(label)} ${code(value)}`)
      .join(' · ')}`,
  );
  out.push('', `**${text('report.summary', language)}:** ${escapeMarkdown(register.summary.text[language])}`);

  // The functions, worst first.
  out.push('', `## ${w('functionsHeading')}`, '');
  out.push(
    ...table(
      [w('function'), w('status'), w('jurisdiction'), w('dependsOn'), w('workloads')].map(capital),
      register.functions.map((f) => [
        escapeMarkdown(f.label[language]),
        `${STATUS_MARK[f.status]} ${statusText(f.status, language)}`,
        f.status === 'none' ? '—' : jurisdiction(f.jurisdiction),
        f.dependencies.length > 0 ? dependsOn(f).map(escapeMarkdown).join('; ') : '—',
        String(f.workloads),
      ]),
      ['---', '---', '---', '---', '---:'],
    ),
  );

  // Every function in use, with its dependencies.
  const inUse = register.functions.filter((f) => f.status === 'in-use');
  if (inUse.length > 0) {
    out.push('', `## ${w('dependenciesHeading')}`);
    for (const f of inUse) {
      out.push('', `### ${escapeMarkdown(f.label[language])}`, '');
      const facts = [
        `**${capital(w('jurisdiction'))}:** ${jurisdiction(f.jurisdiction)}`,
        `**${capital(w('workloads'))}:** ${f.workloads}`,
      ];
      if (f.note !== undefined) facts.push(`**${capital(w('note'))}:** ${escapeMarkdown(f.note)}`);
      out.push(facts.join('  \n'));
      for (const d of f.dependencies) out.push('', ...dependency(d, language));
    }
  }

  // Functions with nothing found, when the register says why.
  const none = register.functions.filter((f) => f.status === 'none' && f.note !== undefined);
  if (none.length > 0) {
    out.push('', `## ${w('noneFoundHeading')}`, '');
    for (const f of none)
      out.push(`- **${escapeMarkdown(f.label[language])}:** ${escapeMarkdown(f.note ?? '')}`);
  }

  // Functions that could not be read, and why.
  const notRead = register.functions.filter((f) => f.status === 'not-collected' || f.status === 'unreadable');
  if (notRead.length > 0) {
    out.push('', `## ${w('notReadHeading')}`, '');
    for (const f of notRead) {
      out.push(
        `- **${escapeMarkdown(f.label[language])}** (${STATUS_MARK[f.status]} ${statusText(f.status, language)}): ${escapeMarkdown(f.why ?? '')}`,
      );
    }
  }

  // Images.
  out.push('', `## ${w('images')}`, '');
  const images = register.functions.find((f) => f.id === 'images');
  const imagesRead = images === undefined || images.status === 'in-use' || images.status === 'none';
  if (!imagesRead) {
    out.push(w('imagesNotRead'));
  } else if (register.images.length === 0) {
    out.push(w('noImages'));
  } else {
    const s = register.summary.images;
    out.push(
      escapeMarkdown(
        text(
          'register.countsImages',
          {
            total: s.total,
            notControlled: s.notControlled,
            outside: s.outsideEuEea,
            unknown: s.unknown,
            unpinned: s.unpinned,
          },
          language,
        ),
      ),
    );
    const registry = (i: RegisterImage) =>
      i.registry !== undefined ? `${escapeMarkdown(i.registry)} (${inlineCode(i.host)})` : inlineCode(i.host);
    const limited = (rows: RegisterImage[], row: (i: RegisterImage) => string[]) => {
      const shown = rows.slice(0, MARKDOWN_MAX_IMAGES);
      const lines = shown.map(row);
      return { lines, omitted: rows.length - shown.length };
    };

    out.push('', `### ${w('unpinnedImages')}`, '');
    const unpinned = unpinnedImages(register);
    if (unpinned.length === 0) {
      out.push(w('allPinned'));
    } else {
      const { lines, omitted } = limited(unpinned, (i) => [
        inlineCode(i.reference),
        registry(i),
        jurisdiction(i.jurisdiction),
        String(i.workloads),
      ]);
      out.push(
        ...table([w('image'), w('registry'), w('jurisdiction'), w('workloads')].map(capital), lines, [
          '---',
          '---',
          '---',
          '---:',
        ]),
      );
      if (omitted > 0) out.push('', escapeMarkdown(text('register.more', { count: omitted }, language)));
    }

    out.push('', `### ${w('outsideImages')}`, '');
    const outside = outsideImages(register);
    if (outside.length === 0) {
      out.push(w('noOutsideImages'));
    } else {
      const { lines, omitted } = limited(outside, (i) => [
        inlineCode(i.reference),
        registry(i),
        i.operator !== undefined ? inlineCode(i.operator) : '—',
        i.mirrorOf !== undefined ? inlineCode(i.mirrorOf) : '—',
        jurisdiction(i.jurisdiction),
        String(i.workloads),
      ]);
      out.push(
        ...table(
          [w('image'), w('registry'), w('operator'), w('mirrorOf'), w('jurisdiction'), w('workloads')].map(
            capital,
          ),
          lines,
          ['---', '---', '---', '---', '---', '---:'],
        ),
      );
      if (omitted > 0) out.push('', escapeMarkdown(text('register.more', { count: omitted }, language)));
    }
  }

  // Where the data is.
  out.push('', `## ${w('locations')}`, '');
  if (register.locations.length === 0) {
    out.push(w('noLocations'));
  } else {
    out.push(
      ...table(
        [w('country'), w('eea'), w('nodes'), w('volumes'), w('regions')].map(capital),
        register.locations.map((l) => [
          l.country === 'unknown' ? jurisdictionText('unknown', language) : inlineCode(l.country),
          l.eea === undefined ? '?' : l.eea ? `✅ ${w('yes')}` : `❌ ${w('no')}`,
          String(l.nodes),
          String(l.volumes),
          (l.regions ?? []).map(inlineCode).join(', ') || '—',
        ]),
        ['---', '---', '---:', '---:', '---'],
      ),
    );
  }

  // Footer: the tool and the facts it used.
  const { tool, facts } = register.metadata;
  out.push(
    '',
    '---',
    '',
    `<sub>${text('report.generatedBy', language)} ${code(`${tool.name} ${tool.version}`)}. ${w('facts')}: ${
      facts.files.length > 0 ? facts.files.map(code).join(', ') : '—'
    }.</sub>`,
  );
  return `${out.join('\n')}\n`;
}

/** One dependency: what and who, how it was recognised, the objects that show it, the sources. */
function dependency(d: Dependency, language: Language): string[] {
  const w = (key: PlainKey) => word(key, language);
  const label = (key: PlainKey) => `**${capital(w(key))}:**`;
  const lines = [`#### ${escapeMarkdown(d.name)}`, ''];
  const facts = [
    `${label('jurisdiction')} ${JURISDICTION_MARK[d.jurisdiction]} ${jurisdictionText(d.jurisdiction, language)}`,
  ];
  if (d.what !== undefined) facts.push(`${label('what')} ${escapeMarkdown(d.what)}`);
  if (d.role !== undefined || d.via !== undefined) {
    const role = d.role !== undefined ? escapeMarkdown(d.role) : '';
    const via = d.via !== undefined ? escapeMarkdown(text('register.via', { what: d.via }, language)) : '';
    facts.push(`${label('role')} ${[role, via].filter(Boolean).join(', ')}`);
  }
  if (d.seat !== undefined) facts.push(`${label('seat')} ${code(d.seat)}`);
  if (d.ultimateParent !== undefined) {
    const p = d.ultimateParent;
    facts.push(
      `${label('ultimateParent')} ${escapeMarkdown(p.name)}${p.seat !== undefined ? ` (${code(p.seat)})` : ''}`,
    );
  }
  if (d.laws.length > 0)
    facts.push(`${label('laws')} ${d.laws.map((l) => escapeMarkdown(l.name)).join('; ')}`);
  facts.push(`${label('matchedBy')} ${code(d.matchedBy)}`);
  facts.push(`${label('objects')} ${d.objects} · ${label('workloads')} ${d.workloads}`);
  if (d.note !== undefined) facts.push(`${label('note')} ${escapeMarkdown(d.note)}`);
  // Two trailing spaces: a line break within one paragraph.
  lines.push(facts.join('  \n'));

  if (d.evidence.length > 0) {
    lines.push(
      '',
      `**${text('report.evidence', language)}:**`,
      '',
      ...table(
        [text('report.object', language), text('report.fields', language)],
        d.evidence.map((e) => evidenceRow(e)),
      ),
    );
  }
  const omitted = d.objects - d.evidence.length;
  if (omitted > 0) lines.push('', escapeMarkdown(text('register.more', { count: omitted }, language)));
  if (d.sources.length > 0) {
    lines.push('', `**${capital(w('sources'))}:**`, '', ...d.sources.map((url) => `- ${sourceLink(url)}`));
  }
  return lines;
}

function evidenceRow(e: RegisterEvidence): string[] {
  const path = objectPath(e);
  const object = `${escapeMarkdown(e.kind)}${path ? ` ${inlineCode(path)}` : ''}`;
  const fields = Object.entries(e.fields ?? {})
    .map(([k, v]) => `${inlineCode(k)}: ${inlineCode(v === null ? 'null' : String(v))}`)
    .join('<br>');
  return [object, fields || '—'];
}
