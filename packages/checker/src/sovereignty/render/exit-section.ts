/**
 * The exit-readiness part of the register (`--exit-to`) in Markdown, HTML and the terminal: the
 * target and who hosts the nodes now, the one-line summary, the findings worst effort first (kind,
 * effort, what, objects, the change to make) and the kinds that could not be read. Every text from
 * the register is escaped: a snapshot is hostile input. Pure.
 */
import { message, text, type ExitFinding, type ExitReadiness, type Language } from '@havenkit/model';
import { h, type Markup } from '../../report/html-kit.js';
import { codeSpan, escapeMarkdown, inlineCode, table } from '../../report/markdown.js';
import { EXIT_EFFORT_TEXT, EXIT_KIND_TEXT } from '../exit.js';
import { capital, objectPath } from './common.js';

/** The words of a finding in one language. */
export interface ExitFindingWords {
  readonly effort: string;
  /** The kind, with a capital (a table cell). */
  readonly kind: string;
  readonly what: string;
  readonly detail?: string;
  readonly owner?: string;
  readonly change: string;
  /** The evidence objects as "Kind namespace/name", then how many more there are. */
  readonly shown: string[];
}

export function findingWords(f: ExitFinding, language: Language): ExitFindingWords {
  const omitted = f.objects - f.evidence.length;
  return {
    effort: message(EXIT_EFFORT_TEXT[f.effort])[language],
    kind: capital(message(EXIT_KIND_TEXT[f.kind])[language]),
    what: f.what,
    ...(f.detail !== undefined ? { detail: f.detail } : {}),
    ...(f.entity !== undefined ? { owner: f.entity.name } : {}),
    change: f.change[language],
    shown: [
      ...f.evidence.map((e) => `${e.kind} ${objectPath(e)}`.trim()),
      ...(omitted > 0 ? [text('register.more', { count: omitted }, language)] : []),
    ],
  };
}

/** Who hosts the nodes now, in words: "Scaleway (Instances, Kapsule) (3 nodes)". */
export function hostedByText(exit: ExitReadiness, language: Language): string {
  if (exit.from.providers.length === 0) return text('register.exitHostedByUnknown', language);
  return exit.from.providers
    .map(
      (p) =>
        `${p.entity !== undefined ? p.name : text('register.exitHostedByUnknown', language)} (${text('register.nodeCount', { count: p.nodes }, language)})`,
    )
    .join(', ');
}

/** The kinds not read, in words. */
const kindText = (kind: ExitFinding['kind'], language: Language) => message(EXIT_KIND_TEXT[kind])[language];

/** The findings as a Markdown table (effort, kind, what, objects, change, shown by); [] when none. */
export function exitFindingsTable(exit: ExitReadiness, language: Language): string[] {
  if (exit.findings.length === 0) return [];
  const W = (key: Parameters<typeof text>[0]) => capital(text(key as 'register.what', language));
  return table(
    [
      W('register.exitEffort'),
      W('register.exitKind'),
      W('register.what'),
      W('register.objects'),
      W('register.exitChange'),
      W('register.shownBy'),
    ],
    exit.findings.map((f) => {
      const v = findingWords(f, language);
      return [
        `**${escapeMarkdown(v.effort)}**`,
        escapeMarkdown(v.kind),
        `${inlineCode(v.what)}${v.detail !== undefined ? ` (${escapeMarkdown(v.detail)})` : ''}${
          v.owner !== undefined ? `<br>${escapeMarkdown(v.owner)}` : ''
        }`,
        String(f.objects),
        escapeMarkdown(v.change),
        v.shown.map(escapeMarkdown).join('<br>') || '—',
      ];
    }),
    ['---', '---', '---', '---:', '---', '---'],
  );
}

/** The kinds not read as Markdown list items. */
export function exitNotReadList(exit: ExitReadiness, language: Language): string[] {
  return exit.notRead.map(
    (n) =>
      `- **${escapeMarkdown(capital(kindText(n.kind, language)))}** (⚠️ ${text(
        n.status === 'unreadable' ? 'register.statusUnreadable' : 'register.statusNotCollected',
        language,
      )}): ${escapeMarkdown(n.why[language])}`,
  );
}

/** The exit-readiness part of the Markdown register; [] without `--exit-to`. */
export function exitSectionMarkdown(exit: ExitReadiness | undefined, language: Language): string[] {
  if (exit === undefined) return [];
  const t = (key: Parameters<typeof text>[0]) => text(key as 'register.exitHeading', language);
  const lines = ['', `## ${t('register.exitHeading')}`, ''];
  const about = [
    ...(exit.target !== undefined
      ? [
          `**${capital(t('register.exitTarget'))}:** ${escapeMarkdown(exit.target.name)} (${codeSpan(`--exit-to ${exit.target.id}`)})`,
        ]
      : []),
    `**${capital(t('register.exitHostedBy'))}:** ${escapeMarkdown(hostedByText(exit, language))}`,
  ];
  lines.push(about.join(' · '), '', `**${escapeMarkdown(exit.summary[language])}**`);
  lines.push(
    '',
    ...(exit.findings.length > 0 ? exitFindingsTable(exit, language) : [t('register.exitNoFindings')]),
  );
  if (exit.notRead.length > 0)
    lines.push('', `### ${t('register.exitNotReadHeading')}`, '', ...exitNotReadList(exit, language));
  return lines;
}

/** The exit-readiness part of the HTML register; empty without `--exit-to`. */
export function exitSectionHtml(exit: ExitReadiness | undefined, language: Language): Markup {
  if (exit === undefined) return h``;
  const t = (key: Parameters<typeof text>[0]) => text(key as 'register.exitHeading', language);
  const tone =
    exit.counts.reArchitecture > 0
      ? 'fail'
      : exit.counts.dataMigration + exit.counts.configChange > 0 || exit.notRead.length > 0
        ? 'unknown'
        : 'pass';
  const row = (f: ExitFinding): Markup => {
    const v = findingWords(f, language);
    return h`<tr data-kind="${f.kind}" data-effort="${f.effort}"><td><strong>${v.effort}</strong></td><td>${v.kind}</td><td><code>${v.what}</code>${
      v.detail !== undefined ? h` (${v.detail})` : ''
    }${v.owner !== undefined ? h`<br>${v.owner}` : ''}</td><td class="number">${f.objects}</td><td>${v.change}</td><td>${
      v.shown.length > 0 ? h`<ul>${v.shown.map((s) => h`<li>${s}</li>`)}</ul>` : '—'
    }</td></tr>\n`;
  };
  const findings =
    exit.findings.length === 0
      ? h`<p>${t('register.exitNoFindings')}</p>\n`
      : h`<table class="cut-off exit-findings"><thead><tr><th>${capital(t('register.exitEffort'))}</th><th>${capital(t('register.exitKind'))}</th><th>${capital(t('register.what'))}</th><th class="number">${capital(t('register.objects'))}</th><th>${capital(t('register.exitChange'))}</th><th>${capital(t('register.shownBy'))}</th></tr></thead><tbody>
${exit.findings.map(row)}</tbody></table>\n`;
  const notRead =
    exit.notRead.length === 0
      ? ''
      : h`<h3>${t('register.exitNotReadHeading')}</h3>
<ul class="not-read">${exit.notRead.map(
          (n) =>
            h`<li data-kind="${n.kind}"><strong>${capital(kindText(n.kind, language))}</strong> (${text(
              n.status === 'unreadable' ? 'register.statusUnreadable' : 'register.statusNotCollected',
              language,
            )}): <span class="why">${n.why[language]}</span></li>`,
        )}</ul>\n`;
  return h`<section id="exit"><h2>${t('register.exitHeading')}</h2>
<p>${
    exit.target !== undefined
      ? h`<strong>${capital(t('register.exitTarget'))}:</strong> ${exit.target.name} (<code>--exit-to ${exit.target.id}</code>) · `
      : ''
  }<strong>${capital(t('register.exitHostedBy'))}:</strong> ${hostedByText(exit, language)}</p>
<div class="headline tone-${tone}" data-exit="summary">${exit.summary[language]}</div>
${findings}${notRead}</section>\n`;
}

/** The exit-readiness part of the terminal table: the summary, a line per finding, what was not read. */
export function exitSectionLines(exit: ExitReadiness, language: Language): { line: string; mark: string }[] {
  return [
    { line: exit.summary[language], mark: '' },
    ...exit.findings.map((f) => {
      const v = findingWords(f, language);
      return {
        line: `[${v.effort}] ${v.kind}: ${v.what}${v.detail !== undefined ? ` (${v.detail})` : ''}; ${text('register.objectCount', { count: f.objects }, language)} → ${v.change}`,
        mark: '- ',
      };
    }),
    ...exit.notRead.map((n) => ({
      line: `${capital(kindText(n.kind, language))}: ${n.why[language]}`,
      mark: '? ',
    })),
  ];
}
