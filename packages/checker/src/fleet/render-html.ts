import { VERDICT_TEXT, type Language } from '@havenkit/model';
import { BASE_STYLE, codeOrDash, h, htmlPage, type Markup } from '../report/html-kit.js';
import { VERDICT_TONE } from '../report/html.js';
import {
  cellWord,
  countsOf,
  dateText,
  fleetSummaryLine,
  fleetText,
  notReadReason,
  runDates,
  shortVerdict,
  type FleetRenderOptions,
} from './common.js';
import type { Cell, FleetCluster, FleetOverview, FleetVerdict } from './model.js';
import { SIGNATURE_TEXT, passedOverText, skippedHavenText } from './text.js';

type Tone = 'pass' | 'fail' | 'skip' | 'unknown' | 'waived' | 'absent';

/** Told apart by symbol and word, never by colour alone (black-and-white print), as report/html.ts. */
const SYMBOL: Record<Tone, string> = {
  pass: '✓',
  fail: '✗',
  skip: '–',
  unknown: '?',
  waived: '⚑',
  absent: '·',
};

const LEGEND: readonly Cell[] = ['pass', 'fail', 'waived', 'skip', 'unknown', 'absent'];

/** The shared style (html-kit.ts) and the matrix's own rules. */
const STYLE = `${BASE_STYLE.page}${BASE_STYLE.text}thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.summary { font-size: 13pt; font-weight: bold; border: 3px solid #111; padding: 2.5mm 4mm; margin: 3mm 0 2mm; }
table.matrix { width: auto; font-size: 9pt; }
table.matrix th.check { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  vertical-align: bottom; padding: 2mm 0.8mm; font-weight: normal; }
table.matrix td.cell { text-align: center; padding: 0.5mm 1mm; font-weight: bold; min-width: 5mm; }
table.matrix th.name { white-space: nowrap; }
table.matrix td.cell.tone-fail { background: #fdecee; }
table.matrix td.cell.tone-unknown { background: #fff4e0; }
table.matrix td.cell.tone-waived { background: #f3ecf9; }
.legend span { margin-right: 3mm; white-space: nowrap; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
${BASE_STYLE.counts}section.cluster { border: 1px solid #888; border-left-width: 6px; padding: 2mm 4mm; margin: 0 0 4mm;
  break-inside: avoid; page-break-inside: avoid; }
section.cluster.tone-fail { border: 2px solid #b00020; border-left-width: 8px; color: inherit; }
section.cluster.tone-unknown { border: 2px dashed #8a4b00; border-left-width: 6px; color: inherit; }
section.cluster.tone-waived { border-left: 6px double #5b2a86; color: inherit; }
section.cluster.tone-pass { border-left: 6px solid #1b5e20; color: inherit; }
section.cluster h3 { margin-top: 1mm; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: 32mm 1fr; gap: 0.8mm 3mm; margin: 1mm 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ol.trend { list-style: none; padding: 0; margin: 1mm 0; display: flex; flex-wrap: wrap; gap: 1mm 2mm; }
ol.trend li { border: 1px solid #888; padding: 0.3mm 1.5mm; font-size: 9pt; white-space: nowrap; }
ol.trend li + li::before { content: "→ "; color: #444; }
ol.trend li:last-child { border-width: 2px; font-weight: bold; }
${BASE_STYLE.tones}.tone-waived { color: #5b2a86; }
.badge.tone-pass { background: #eaf5ea; }
.badge.tone-fail { background: #fdecee; }
.badge.tone-unknown { background: #fff4e0; }
.badge.tone-waived { background: #f3ecf9; }
table.unread td { overflow-wrap: anywhere; }
`;

/**
 * The fleet overview as one self-contained HTML file, "the page a shared-services organisation
 * shows its municipalities": the summary line, the clusters × checks matrix worst cluster first, a
 * section per cluster with its latest verdict, counts and trend, and the files not read. Inline CSS,
 * no scripts, no external requests (the CSP forbids them); printable on A4 and readable in black
 * and white. Every text from a report is escaped by `h`: cluster names are hostile input. Pure.
 */
export function renderFleetHtml(overview: FleetOverview, options: FleetRenderOptions): string {
  const language: Language = options.language;
  const t = (key: Parameters<typeof fleetText>[0]) => fleetText(key, language);
  const badge = (tone: Tone, word: string): Markup =>
    h`<span class="badge tone-${tone}"><span aria-hidden="true">${SYMBOL[tone]}</span> ${word}</span>`;
  const verdictBadge = (v: FleetVerdict): Markup => badge(VERDICT_TONE[v], shortVerdict(v, language));
  const anchor = (i: number) => `cluster-${i + 1}`;

  const matrix = h`<table class="matrix"><thead><tr><th class="name">${t('cluster')}</th><th>${t('verdict')}</th>${overview.checks.map(
    (c) =>
      h`<th class="check" scope="col" title="${c.label}"><code>${c.name}</code>${c.mandatory ? '' : h` <span class="muted">(${t('suggested')})</span>`}</th>`,
  )}</tr></thead><tbody>
${overview.clusters.map(
  (c, i) =>
    h`<tr data-cluster="${c.name}" data-verdict="${c.latest.verdict}"><th class="name" scope="row"><a href="#${anchor(i)}">${c.name}</a></th><td>${verdictBadge(c.latest.verdict)}</td>${overview.checks.map(
      (check) => {
        const cell = c.cells[check.name] ?? 'absent';
        return h`<td class="cell tone-${cell}" data-check="${check.name}" data-cell="${cell}" title="${check.name}: ${cellWord(cell, language)}"><span aria-hidden="true">${SYMBOL[cell]}</span><span class="sr">${cellWord(cell, language)}</span></td>`;
      },
    )}</tr>\n`,
)}</tbody></table>
<p class="legend muted">${t('legend')}: ${LEGEND.map((cell) => h`<span><b class="tone-${cell}">${SYMBOL[cell]}</b> ${cellWord(cell, language)}</span>`)}</p>`;

  const checksList = (checks: readonly string[]): Markup =>
    checks.length === 0 ? h`—` : h`${checks.map((c, i) => h`${i > 0 ? ', ' : ''}<code>${c}</code>`)}`;

  const clusterSection = (cluster: FleetCluster, i: number): Markup => {
    const { latest, changes } = cluster;
    const tone = VERDICT_TONE[latest.verdict];
    const dates = runDates(cluster.runs, language);
    const trend = h`<ol class="trend">${cluster.runs.map(
      (r, j) =>
        h`<li class="tone-${VERDICT_TONE[r.verdict]}" data-verdict="${r.verdict}" title="${r.path}: ${shortVerdict(r.verdict, language)}"><span aria-hidden="true">${SYMBOL[VERDICT_TONE[r.verdict]]}</span> ${dates[j]!}<span class="sr"> ${shortVerdict(r.verdict, language)}</span></li>`,
    )}</ol>`;
    const since =
      changes === undefined
        ? h`<p class="muted">${t('oneRun')}</p>`
        : h`<p class="changes">${capital(t('since'))} ${dateText(changes.since, language)}: <span class="tone-fail">${t('newlyFailing')}</span> ${checksList(changes.newlyFailing)}; <span class="tone-pass">${t('fixed')}</span> ${checksList(changes.fixed)}${
            changes.changed.length > 0
              ? h`; ${t('changed')} ${changes.changed.map(
                  (c, j) =>
                    h`${j > 0 ? ', ' : ''}<code>${c.check}</code> (${cellWord(c.from, language)} → ${cellWord(c.to, language)})`,
                )}`
              : ''
          }.</p>`;
    return h`<section class="cluster tone-${tone}" id="${anchor(i)}" data-verdict="${latest.verdict}">
<h3><span aria-hidden="true">${SYMBOL[tone]}</span> ${cluster.name}</h3>
<dl class="facts"><dt>${t('verdict')}</dt><dd>${VERDICT_TEXT[latest.verdict][language]}</dd><dt>${t('collectedAt')}</dt><dd>${dateText(latest.collectedAt, language)}</dd><dt>${t('counts')}</dt><dd>${countsOf(latest, language)}</dd><dt>${t('clusterId')}</dt><dd>${codeOrDash(cluster.clusterId)}</dd><dt>${t('context')}</dt><dd>${codeOrDash(cluster.context)}</dd><dt>${t('server')}</dt><dd>${codeOrDash(cluster.server)}</dd><dt>${t('havenVersion')}</dt><dd>${codeOrDash(cluster.havenVersion)}</dd><dt>${t('signature')}</dt><dd data-signature="${latest.signature}">${SIGNATURE_TEXT[latest.signature][language]}${latest.keyId !== undefined ? h` (<code>${latest.keyId}</code>)` : ''}</dd><dt>${t('report')}</dt><dd><code>${latest.path}</code></dd></dl>
<h4>${t('trend')}</h4>
${trend}
${since}
</section>\n`;
  };

  const notRead =
    overview.notRead.length === 0
      ? h`<p>${t('nothingUnread')}</p>`
      : h`<table class="unread"><thead><tr><th>${t('file')}</th><th>${t('why')}</th></tr></thead><tbody>
${overview.notRead.map((n) => h`<tr data-problem="${n.problem}"><td><code>${n.path}</code></td><td>${notReadReason(n, language)}</td></tr>\n`)}</tbody></table>`;

  const title = t('title');
  const generator = options.generator ?? 'havenkit';
  const body = h`<header>
<h1>${title}</h1>
<p class="summary" id="summary">${fleetSummaryLine(overview, language)}.</p>
<p class="subtitle">${t('subtitle')} ${t('exitNote')}</p>
<p class="muted">${overview.verifiedWith !== undefined ? h`${t('keyNote')} <code>${overview.verifiedWith}</code>.` : t('noKeyNote')}</p>
</header>
<main>
<section id="matrix"><h2>${t('matrix')}</h2>
${matrix}
</section>
<section id="clusters"><h2>${t('clusters')}</h2>
${overview.clusters.map(clusterSection)}</section>
<section id="not-read"><h2>${t('notRead')}</h2>
${notRead}
${overview.skipped.length > 0 ? h`<p class="muted">${skippedHavenText(overview.skipped.length, language)}</p>` : ''}
${overview.passedOver.length > 0 ? h`<p class="muted">${passedOverText(overview.passedOver.length, language)}</p>` : ''}
</section>
</main>
<footer class="muted">${t('generatedBy')} ${generator}${overview.generatedAt !== undefined ? ` ${t('generatedAt')} ${dateText(overview.generatedAt, language)}` : ''}</footer>
`;
  return htmlPage({
    language,
    generator,
    title,
    footer: `${title} · ${fleetSummaryLine(overview, language)}`,
    style: STYLE,
    body,
  });
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
