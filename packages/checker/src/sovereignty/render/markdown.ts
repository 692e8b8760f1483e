import { displayDate, text } from '@havenkit/model';
import type {
  Dependency,
  DependencyRegister,
  Jurisdiction,
  RegisterEvidence,
  RegisterImage,
} from '@havenkit/model';
import { codeSpan as code, escapeMarkdown, inlineCode, table } from '../../report/markdown.js';
import {
  JURISDICTION_SIGN,
  STATUS_SIGN,
  capital,
  dependsOn,
  linkable,
  objectPath,
  registerView,
  type PlainKey,
  type RegisterRenderOptions,
  type RegisterView,
} from './common.js';
import { rulesMarkdown, scoresMarkdown, substitutabilityMarkdown } from './scores-section.js';
import { exitSectionMarkdown } from './exit-section.js';

/** At most this many rows per image table (a GitHub comment holds 65,536 characters). */
export const MARKDOWN_MAX_IMAGES = 50;

/** At most this many rows per table of the cut-off: namespaces, affected workloads. */
export const MARKDOWN_MAX_WORKLOADS = MARKDOWN_MAX_IMAGES;

export type RegisterMarkdownOptions = RegisterRenderOptions;

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

/**
 * The dependency register as Markdown for merge requests, issues and tickets: the subject, the
 * one-line summary, a table of the functions (worst first, as the register orders them), the
 * dependencies of every function in use with the objects that show them, the functions that could
 * not be read and why, the images that need attention, where the data is, the dependencies grouped
 * by ultimate parent and, with `--without`, what stops when they are cut off. Every text from the
 * register (names, evidence, notes) is escaped: a snapshot is hostile input. Pure.
 */
export function renderRegisterMarkdown(
  register: DependencyRegister,
  options: RegisterMarkdownOptions,
): string {
  const language = options.language;
  const view = registerView(register, language);
  const { w, W } = view;
  const jurisdiction = (j: Jurisdiction) => `${JURISDICTION_SIGN[j].mark} ${view.jurisdictionText(j)}`;
  const out: string[] = [];

  const name = view.subjectName;
  out.push(`# ${w('title')}${name ? `: ${escapeMarkdown(name)}` : ''}`, '');
  out.push(
    `**${view.subjectWord}:** ${view.subjectRows
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
        `${STATUS_SIGN[f.status].mark} ${view.statusText(f.status)}`,
        f.status === 'none' ? '—' : jurisdiction(f.jurisdiction),
        f.dependencies.length > 0 ? dependsOn(f).map(escapeMarkdown).join('; ') : '—',
        String(f.workloads),
      ]),
      ['---', '---', '---', '---', '---:'],
    ),
  );

  out.push(...scoresMarkdown(register, view));

  // Every function in use, with its dependencies.
  const { inUse, none, notRead } = view;
  if (inUse.length > 0) {
    out.push('', `## ${w('dependenciesHeading')}`);
    for (const f of inUse) {
      out.push('', `### ${escapeMarkdown(f.label[language])}`, '');
      const facts = [
        `**${W('jurisdiction')}:** ${jurisdiction(f.jurisdiction)}`,
        `**${W('workloads')}:** ${f.workloads}`,
      ];
      if (f.note !== undefined) facts.push(`**${W('note')}:** ${escapeMarkdown(f.note)}`);
      out.push(facts.join('  \n'));
      for (const d of f.dependencies) out.push('', ...dependency(d, view));
    }
  }

  // Functions with nothing found, when the register says why.
  if (none.length > 0) {
    out.push('', `## ${w('noneFoundHeading')}`, '');
    for (const f of none)
      out.push(`- **${escapeMarkdown(f.label[language])}:** ${escapeMarkdown(f.note ?? '')}`);
  }

  // Functions that could not be read, and why.
  if (notRead.length > 0) {
    out.push('', `## ${w('notReadHeading')}`, '');
    for (const f of notRead) {
      out.push(
        `- **${escapeMarkdown(f.label[language])}** (${STATUS_SIGN[f.status].mark} ${view.statusText(f.status)}): ${escapeMarkdown(f.why ?? '')}`,
      );
    }
  }

  // Images.
  out.push('', `## ${w('images')}`, '');
  if (!view.imagesRead) {
    out.push(w('imagesNotRead'));
  } else if (register.images.length === 0) {
    out.push(w('noImages'));
  } else {
    out.push(escapeMarkdown(view.imagesCounts));
    type Column = readonly [PlainKey, (i: RegisterImage) => string];
    /** One image table under its heading: at most MARKDOWN_MAX_IMAGES rows, then how many it leaves out. */
    const imageTable = (heading: PlainKey, empty: PlainKey, images: RegisterImage[], columns: Column[]) => {
      out.push('', `### ${w(heading)}`, '');
      if (images.length === 0) {
        out.push(w(empty));
        return;
      }
      const shown = images.slice(0, MARKDOWN_MAX_IMAGES);
      out.push(
        ...table(
          columns.map(([key]) => W(key)),
          shown.map((i) => columns.map(([, cell]) => cell(i))),
          columns.map(([key]) => (key === 'workloads' ? '---:' : '---')),
        ),
      );
      const omitted = images.length - shown.length;
      if (omitted > 0) out.push('', escapeMarkdown(text('register.more', { count: omitted }, language)));
    };
    const image: Column = ['image', (i) => inlineCode(i.reference)];
    const registry: Column = [
      'registry',
      (i) =>
        i.registry !== undefined
          ? `${escapeMarkdown(i.registry)} (${inlineCode(i.host)})`
          : inlineCode(i.host),
    ];
    const where: Column = ['jurisdiction', (i) => jurisdiction(i.jurisdiction)];
    const workloads: Column = ['workloads', (i) => String(i.workloads)];
    imageTable('unpinnedImages', 'allPinned', view.unpinned, [image, registry, where, workloads]);
    imageTable('outsideImages', 'noOutsideImages', view.outside, [
      image,
      registry,
      ['operator', (i) => (i.operator !== undefined ? inlineCode(i.operator) : '—')],
      ['mirrorOf', (i) => (i.mirrorOf !== undefined ? inlineCode(i.mirrorOf) : '—')],
      where,
      workloads,
    ]);
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
          l.country === 'unknown' ? view.jurisdictionText('unknown') : inlineCode(l.country),
          l.eea === undefined ? '?' : l.eea ? `✅ ${w('yes')}` : `❌ ${w('no')}`,
          String(l.nodes),
          String(l.volumes),
          (l.regions ?? []).map(inlineCode).join(', ') || '—',
        ]),
        ['---', '---', '---:', '---:', '---'],
      ),
    );
  }

  out.push(...concentration(view), ...cutOff(view));
  out.push(...exitSectionMarkdown(register.exit, language));

  out.push(...rulesMarkdown(register, view));

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

/** The rows of a table cut at MARKDOWN_MAX_WORKLOADS, then how many it leaves out. */
function capped(header: string[], rows: string[][], align: string[], view: RegisterView): string[] {
  const shown = rows.slice(0, MARKDOWN_MAX_WORKLOADS);
  const lines = table(header, shown, align);
  const omitted = rows.length - shown.length;
  if (omitted > 0) lines.push('', escapeMarkdown(text('register.more', { count: omitted }, view.language)));
  return lines;
}

/** The dependencies grouped by ultimate parent; a flagged group says so in words. */
function concentration(view: RegisterView): string[] {
  const { w, W } = view;
  if (view.concentration === undefined) return [];
  const lines = ['', `## ${w('concentration')}`, ''];
  if (view.concentration.length === 0) return [...lines, w('noConcentration')];
  lines.push(
    w('concentrationIntro'),
    '',
    ...table(
      [W('group'), W('jurisdiction'), W('functions'), W('criticalFunctions'), W('workloads')],
      view.concentration.map((row) => {
        const g = row.group;
        const name = [
          escapeMarkdown(g.name),
          g.seat !== undefined ? ` (${inlineCode(g.seat)})` : '',
          row.via.length > 0
            ? `, ${escapeMarkdown(text('register.via', { what: row.via.join(', ') }, view.language))}`
            : '',
          row.flagged ? `<br>⚠️ **${escapeMarkdown(w('concentrationRisk'))}**` : '',
          substitutabilityMarkdown(g, view),
        ].join('');
        return [
          name,
          `${JURISDICTION_SIGN[g.jurisdiction].mark} ${view.jurisdictionText(g.jurisdiction)}`,
          row.functions.map(escapeMarkdown).join('; ') || '—',
          row.critical.length > 0
            ? `${row.critical.map(escapeMarkdown).join('; ')} (${row.critical.length})`
            : '—',
          String(g.workloads),
        ];
      }),
      ['---', '---', '---', '---', '---:'],
    ),
  );
  return lines;
}

/** What stops with `--without`: the summary, the functions hit, the workloads per namespace and the first of them. */
function cutOff(view: RegisterView): string[] {
  const { language, w, W } = view;
  const cut = view.cutOff;
  if (cut === undefined) return [];
  const lines = ['', `## ${w('cutOff')}`, ''];
  lines.push(
    `**${W('cutOffEntities')}:** ${view.cutOffNames.map(escapeMarkdown).join(', ')} (${code(`--without ${cut.without.join(',')}`)})`,
    '',
    `**${escapeMarkdown(cut.summary[language])}**`,
  );
  if (cut.functions.length > 0) {
    lines.push(
      '',
      `### ${w('cutOffFunctions')}`,
      '',
      ...table(
        [W('function'), W('effect'), W('objects'), W('shownBy'), W('firstExpiryColumn')],
        cut.functions.map((f) => {
          const omitted = f.objects - f.evidence.length;
          const shown = [
            ...f.evidence.map((e) => evidenceRow(e)[0]),
            ...(omitted > 0 ? [escapeMarkdown(text('register.more', { count: omitted }, language))] : []),
          ];
          return [
            escapeMarkdown(view.functionLabel(f.id)),
            escapeMarkdown(view.effectText(f.effect)),
            String(f.objects),
            shown.join('<br>') || '—',
            f.firstExpiry !== undefined ? inlineCode(displayDate(f.firstExpiry, language)) : '—',
          ];
        }),
        ['---', '---', '---:', '---', '---'],
      ),
    );
  }
  const namespaces = cut.namespaces ?? [];
  if (namespaces.length > 0) {
    lines.push(
      '',
      `### ${w('affectedPerNamespace')}`,
      '',
      ...capped(
        [W('namespace'), W('affected')],
        namespaces.map((n) => [
          n.namespace === '' ? escapeMarkdown(w('clusterWide')) : inlineCode(n.namespace),
          escapeMarkdown(text('register.affectedOf', { affected: n.affected, total: n.total }, language)),
        ]),
        ['---', '---:'],
        view,
      ),
    );
  }
  lines.push('', `### ${w('affectedWorkloads')}`, '');
  const affected = cut.workloads.affected;
  if (affected.length === 0) {
    lines.push(w('noWorkloadAffected'));
  } else {
    lines.push(
      ...capped(
        [W('workload'), W('effects')],
        affected.map((a) => [
          inlineCode(a.workload),
          a.effects.map((e) => escapeMarkdown(view.effectText(e))).join('; '),
        ]),
        ['---', '---'],
        view,
      ),
    );
  }
  return lines;
}

/** One dependency: what and who, how it was recognised, the objects that show it, the sources. */
function dependency(d: Dependency, view: RegisterView): string[] {
  const { language, W } = view;
  const label = (key: PlainKey) => `**${W(key)}:**`;
  const lines = [`#### ${escapeMarkdown(d.name)}`, ''];
  const facts = [
    `${label('jurisdiction')} ${JURISDICTION_SIGN[d.jurisdiction].mark} ${view.jurisdictionText(d.jurisdiction)}`,
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
    lines.push('', `**${W('sources')}:**`, '', ...d.sources.map((url) => `- ${sourceLink(url)}`));
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
