import { displayDate, text } from '@havenkit/model';
import type {
  CutOff,
  Dependency,
  DependencyRegister,
  Jurisdiction,
  RegisterEvidence,
  RegisterFunction,
  RegisterImage,
} from '@havenkit/model';
import { BASE_STYLE, codeOrDash, fieldList, h, htmlPage, type Markup } from '../../report/html-kit.js';
import {
  JURISDICTION_SIGN,
  STATUS_SIGN,
  dependsOn,
  linkable,
  objectPath,
  registerView,
  type ConcentrationRow,
  type RegisterRenderOptions,
} from './common.js';
import { SCORES_STYLE, rulesHtml, scoresHtml, substitutabilityHtml } from './scores-section.js';
import { exitSectionHtml } from './exit-section.js';

export type RegisterHtmlOptions = RegisterRenderOptions;

/** At most this many rows per table of the cut-off (namespaces, affected workloads): a page stays printable. */
export const HTML_MAX_WORKLOADS = 200;

type Tone = 'pass' | 'fail' | 'unknown' | 'skip' | 'self';

const STATUS_TONE: Record<RegisterFunction['status'], Tone> = {
  'in-use': 'self',
  none: 'skip',
  'not-collected': 'unknown',
  unreadable: 'unknown',
};

/** The look of the check report (the shared parts in report/html-kit.ts): A4, black-and-white safe. */
const STYLE = `${BASE_STYLE.page}a { color: #0b3d91; overflow-wrap: anywhere; }
${BASE_STYLE.text}td.number, th.number { text-align: right; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.identity { table-layout: fixed; }
table.identity th { width: 32%; }
table.identity td, table.evidence td, table.images td, table.concentration td, table.cut-off td { overflow-wrap: anywhere; }
table.cut-off td ul { margin: 0; padding: 0; list-style: none; }
.flag { margin-left: 1mm; }
tr.flagged td:first-child { font-weight: bold; }
${SCORES_STYLE}table.overview th:first-child { width: 24%; }
.headline { border: 3px solid; padding: 3mm 4mm; margin: 3mm 0 1mm; font-size: 12pt; font-weight: bold;
  break-inside: avoid; page-break-inside: avoid; }
.headline .what { display: block; font-size: 9pt; font-weight: normal; text-transform: uppercase;
  letter-spacing: 0.05em; }
.counts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 2mm 0; }
.counts.images { grid-template-columns: repeat(3, 1fr); }
${BASE_STYLE.counts}.function, .dependency { border: 1px solid #888; border-left-width: 6px; padding: 2.5mm 4mm; margin: 0 0 3.5mm; }
.dependency { break-inside: avoid; page-break-inside: avoid; margin: 2mm 0; }
.function header, .dependency header { display: grid; grid-template-columns: auto 1fr; align-items: baseline;
  gap: 1mm 3mm; margin-bottom: 1.5mm; }
dl.facts { display: grid; grid-template-columns: 34mm 1fr; gap: 0.8mm 3mm; margin: 1mm 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.sources, ul.not-read { margin: 1mm 0; padding-left: 5mm; }
table.evidence { font-size: 9pt; table-layout: fixed; }
table.evidence caption { text-align: left; }
table.evidence col.object { width: 40%; }
table.evidence td ul { margin: 0; padding: 0; list-style: none; }
${BASE_STYLE.tones}.tone-self { color: #0b3d91; }
.badge.tone-pass, .headline.tone-pass { background: #eaf5ea; }
.badge.tone-fail, .headline.tone-fail { background: #fdecee; }
.badge.tone-unknown, .headline.tone-unknown { background: #fff4e0; }
.badge.tone-skip { background: #f2f2f2; }
.badge.tone-self { background: #eaf0fb; }
.badge.jur-non-eu { color: #b00020; background: #fdecee; border-width: 2px; }
.badge.jur-eu-non-eu-parent { color: #a03c00; background: #fdeee3; border-style: double; border-width: 3px; }
.badge.jur-unknown { color: #8a4b00; background: #fff4e0; border-style: dashed; }
.badge.jur-eu { color: #1b5e20; background: #eaf5ea; }
.badge.jur-self { color: #0b3d91; background: #eaf0fb; border-style: dotted; }
.function.jur-non-eu, .dependency.jur-non-eu { border-left-color: #b00020; }
.function.jur-eu-non-eu-parent, .dependency.jur-eu-non-eu-parent { border-left-color: #a03c00; border-left-style: double; }
.function.jur-unknown, .dependency.jur-unknown { border-left-color: #8a4b00; border-left-style: dashed; }
.function.jur-eu, .dependency.jur-eu { border-left-color: #1b5e20; }
.function.jur-self, .dependency.jur-self { border-left-color: #0b3d91; border-left-style: dotted; }
${BASE_STYLE.alerts}`;

/**
 * The dependency register as one self-contained HTML file (inline CSS, no scripts, no external
 * requests, a CSP that forbids them), in the look of the check report: the subject, the one-line
 * summary with tiles, the functions worst first, the dependencies of every function in use with
 * the objects that show them and their sources, the functions not read and why, the images that
 * need attention, where the data is, the dependencies grouped by ultimate parent and, with
 * `--without`, what stops when they are cut off. Jurisdictions are badges with symbol and word. Every text
 * from the register is HTML-escaped: a snapshot is hostile input. Pure.
 */
export function renderRegisterHtml(register: DependencyRegister, options: RegisterHtmlOptions): string {
  const language = options.language;
  const view = registerView(register, language);
  const { w, W } = view;
  const { summary } = register;

  const jurisdiction = (j: Jurisdiction): Markup =>
    h`<span class="badge jur-${j}" data-jurisdiction="${j}"><span aria-hidden="true">${JURISDICTION_SIGN[j].symbol}</span> ${view.jurisdictionText(j)}</span>`;
  const status = (s: RegisterFunction['status']): Markup =>
    h`<span class="badge tone-${STATUS_TONE[s]}" data-status="${s}"><span aria-hidden="true">${STATUS_SIGN[s].symbol}</span> ${view.statusText(s)}</span>`;
  const anchor = (f: RegisterFunction): string => `function-${f.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const value = codeOrDash;

  const identity = h`<table class="identity"><tbody>
${view.subjectRows.map(([label, v]) => h`<tr><th scope="row">${label}</th><td>${value(v)}</td></tr>\n`)}</tbody></table>`;

  const headlineTone: Tone =
    summary.functions.outsideEuEea > 0
      ? 'fail'
      : summary.functions.unknown > 0 || summary.functions.notCollected > 0
        ? 'unknown'
        : 'pass';
  const count = (n: number, label: string, alert: Tone | undefined): Markup =>
    h`<div class="count${alert !== undefined && n > 0 ? ` tone-${alert} alert` : ''}"><b>${n}</b>${label}</div>`;
  const tiles = h`<div class="counts functions" data-counts="functions">
${count(summary.functions.inUse, w('tileInUse'), undefined)}
${count(summary.functions.outsideEuEea, w('tileOutside'), 'fail')}
${count(summary.functions.unknown, w('tileUnknown'), 'unknown')}
${count(summary.functions.notCollected, w('tileNotRead'), 'unknown')}
</div>
<div class="counts images" data-counts="images">
${count(summary.images.total, w('tileImages'), undefined)}
${count(summary.images.notControlled, w('tileNotControlled'), 'unknown')}
${count(summary.images.unpinned, w('tileUnpinned'), 'unknown')}
</div>`;

  const overview = h`<table class="overview"><thead><tr><th>${W('function')}</th><th>${W('status')}</th><th>${W('jurisdiction')}</th><th>${W('dependsOn')}</th><th class="number">${W('workloads')}</th></tr></thead><tbody>
${register.functions.map(
  (f) =>
    h`<tr data-function="${f.id}"><td>${f.status === 'in-use' ? h`<a href="#${anchor(f)}">${f.label[language]}</a>` : f.label[language]}</td><td>${status(f.status)}</td><td>${f.status === 'none' ? '—' : jurisdiction(f.jurisdiction)}</td><td>${
      f.dependencies.length > 0 ? dependsOn(f).join('; ') : '—'
    }</td><td class="number">${f.workloads}</td></tr>\n`,
)}</tbody></table>`;

  const evidenceRow = (e: RegisterEvidence): Markup => {
    const path = objectPath(e);
    return h`<tr><td>${e.kind}${path ? h` <code>${path}</code>` : ''}</td><td>${fieldList(e.fields ?? {})}</td></tr>\n`;
  };
  const source = (url: string): Markup =>
    linkable(url)
      ? h`<li><a href="${url}" rel="noreferrer noopener">${url}</a></li>`
      : h`<li><code>${url}</code></li>`;

  const dependencyBlock = (d: Dependency): Markup => {
    const facts: Markup[] = [h`<dt>${W('jurisdiction')}</dt><dd>${jurisdiction(d.jurisdiction)}</dd>`];
    if (d.what !== undefined) facts.push(h`<dt>${W('what')}</dt><dd>${d.what}</dd>`);
    if (d.role !== undefined || d.via !== undefined) {
      const via = d.via !== undefined ? text('register.via', { what: d.via }, language) : undefined;
      facts.push(h`<dt>${W('role')}</dt><dd>${[d.role, via].filter((s) => s !== undefined).join(', ')}</dd>`);
    }
    if (d.seat !== undefined) facts.push(h`<dt>${W('seat')}</dt><dd><code>${d.seat}</code></dd>`);
    if (d.ultimateParent !== undefined) {
      const p = d.ultimateParent;
      facts.push(
        h`<dt>${W('ultimateParent')}</dt><dd>${p.name}${p.seat !== undefined ? h` (<code>${p.seat}</code>)` : ''}</dd>`,
      );
    }
    if (d.laws.length > 0)
      facts.push(h`<dt>${W('laws')}</dt><dd>${d.laws.map((l) => l.name).join('; ')}</dd>`);
    facts.push(h`<dt>${W('matchedBy')}</dt><dd><code>${d.matchedBy}</code></dd>`);
    facts.push(h`<dt>${W('objects')}</dt><dd>${d.objects}</dd>`);
    facts.push(h`<dt>${W('workloads')}</dt><dd>${d.workloads}</dd>`);
    if (d.note !== undefined) facts.push(h`<dt>${W('note')}</dt><dd>${d.note}</dd>`);
    const omitted = d.objects - d.evidence.length;
    return h`<article class="dependency jur-${d.jurisdiction}" data-jurisdiction="${d.jurisdiction}">
<header>${jurisdiction(d.jurisdiction)}<h4>${d.name}</h4></header>
<dl class="facts">${facts}</dl>
${
  d.evidence.length > 0
    ? h`<table class="evidence"><caption class="muted">${text('report.evidence', language)}</caption><colgroup><col class="object"><col class="fields"></colgroup><thead><tr><th>${text('report.object', language)}</th><th>${text('report.fields', language)}</th></tr></thead><tbody>
${d.evidence.map(evidenceRow)}</tbody></table>\n`
    : ''
}${omitted > 0 ? h`<p class="muted more">${text('register.more', { count: omitted }, language)}</p>\n` : ''}${
      d.sources.length > 0
        ? h`<p class="muted">${W('sources')}:</p><ul class="sources">${d.sources.map(source)}</ul>\n`
        : ''
    }</article>\n`;
  };

  const functionBlock = (f: RegisterFunction): Markup =>
    h`<section class="function jur-${f.jurisdiction}" id="${anchor(f)}" data-function="${f.id}">
<header>${jurisdiction(f.jurisdiction)}<h3>${f.label[language]}</h3></header>
<p>${W('workloads')}: ${f.workloads}</p>
${f.note !== undefined ? h`<p class="muted">${f.note}</p>\n` : ''}${f.dependencies.map(dependencyBlock)}</section>\n`;

  const { inUse, none, notRead, unpinned, outside } = view;
  const registry = (i: RegisterImage): Markup =>
    i.registry !== undefined ? h`${i.registry} (<code>${i.host}</code>)` : h`<code>${i.host}</code>`;
  const imageTable = (rows: RegisterImage[], wide: boolean): Markup =>
    h`<table class="images"><thead><tr><th>${W('image')}</th><th>${W('registry')}</th>${
      wide ? h`<th>${W('operator')}</th><th>${W('mirrorOf')}</th>` : ''
    }<th>${W('jurisdiction')}</th><th class="number">${W('workloads')}</th></tr></thead><tbody>
${rows.map(
  (i) =>
    h`<tr><td><code>${i.reference}</code></td><td>${registry(i)}</td>${
      wide ? h`<td>${value(i.operator)}</td><td>${value(i.mirrorOf)}</td>` : ''
    }<td>${jurisdiction(i.jurisdiction)}</td><td class="number">${i.workloads}</td></tr>\n`,
)}</tbody></table>`;
  const images = !view.imagesRead
    ? h`<p>${w('imagesNotRead')}</p>`
    : register.images.length === 0
      ? h`<p>${w('noImages')}</p>`
      : h`<p>${view.imagesCounts}</p>
<h3>${w('unpinnedImages')}</h3>
${unpinned.length === 0 ? h`<p>${w('allPinned')}</p>` : imageTable(unpinned, false)}
<h3>${w('outsideImages')}</h3>
${outside.length === 0 ? h`<p>${w('noOutsideImages')}</p>` : imageTable(outside, true)}`;

  const eea = (v: boolean | undefined): Markup =>
    v === undefined
      ? jurisdiction('unknown')
      : v
        ? h`<span class="badge jur-eu"><span aria-hidden="true">✓</span> ${w('yes')}</span>`
        : h`<span class="badge jur-non-eu"><span aria-hidden="true">✗</span> ${w('no')}</span>`;
  const locations =
    register.locations.length === 0
      ? h`<p>${w('noLocations')}</p>`
      : h`<table class="locations"><thead><tr><th>${W('country')}</th><th>${W('eea')}</th><th class="number">${W('nodes')}</th><th class="number">${W('volumes')}</th><th>${W('regions')}</th></tr></thead><tbody>
${register.locations.map(
  (l) =>
    h`<tr><td>${l.country === 'unknown' ? view.jurisdictionText('unknown') : h`<code>${l.country}</code>`}</td><td>${eea(l.eea)}</td><td class="number">${l.nodes}</td><td class="number">${l.volumes}</td><td>${
      (l.regions ?? []).length > 0
        ? (l.regions ?? []).map((r, i) => h`${i > 0 ? ', ' : ''}<code>${r}</code>`)
        : '—'
    }</td></tr>\n`,
)}</tbody></table>`;

  const more = (omitted: number): Markup =>
    omitted > 0 ? h`<p class="muted more">${text('register.more', { count: omitted }, language)}</p>\n` : h``;

  const concentrationRow = ({ group: g, flagged, via, functions, critical }: ConcentrationRow): Markup =>
    h`<tr data-group="${g.entity}"${flagged ? h` class="flagged" data-flagged="true"` : ''}><td>${g.name}${
      g.seat !== undefined ? h` (<code>${g.seat}</code>)` : ''
    }${via.length > 0 ? h`, ${text('register.via', { what: via.join(', ') }, language)}` : ''}${
      flagged
        ? h` <span class="badge tone-fail flag"><span aria-hidden="true">!</span> ${w('concentrationRisk')}</span>`
        : ''
    }${substitutabilityHtml(g, view)}</td><td>${jurisdiction(g.jurisdiction)}</td><td>${functions.join('; ') || '—'}</td><td>${
      critical.length > 0 ? `${critical.join('; ')} (${critical.length})` : '—'
    }</td><td class="number">${g.workloads}</td></tr>\n`;
  const concentration =
    view.concentration === undefined
      ? ''
      : h`<section id="concentration"><h2>${w('concentration')}</h2>
${
  view.concentration.length === 0
    ? h`<p>${w('noConcentration')}</p>\n`
    : h`<p class="muted">${w('concentrationIntro')}</p>
<table class="concentration"><thead><tr><th>${W('group')}</th><th>${W('jurisdiction')}</th><th>${W('functions')}</th><th>${W('criticalFunctions')}</th><th class="number">${W('workloads')}</th></tr></thead><tbody>
${view.concentration.map(concentrationRow)}</tbody></table>\n`
}</section>\n`;

  const cut = view.cutOff;
  const cutOff = (c: CutOff): Markup => {
    const hit = c.functions.length > 0;
    const functions = h`<h3>${w('cutOffFunctions')}</h3>
<table class="cut-off functions"><thead><tr><th>${W('function')}</th><th>${W('effect')}</th><th class="number">${W('objects')}</th><th>${W('shownBy')}</th><th>${W('firstExpiryColumn')}</th></tr></thead><tbody>
${c.functions.map((f) => {
  const omitted = f.objects - f.evidence.length;
  return h`<tr data-function="${f.id}" data-effect="${f.effect}"><td>${view.functionLabel(f.id)}</td><td>${view.effectText(f.effect)}</td><td class="number">${f.objects}</td><td>${
    f.evidence.length > 0 || omitted > 0
      ? h`<ul>${f.evidence.map((e) => {
          const path = objectPath(e);
          return h`<li>${e.kind}${path ? h` <code>${path}</code>` : ''}</li>`;
        })}${omitted > 0 ? h`<li class="muted more">${text('register.more', { count: omitted }, language)}</li>` : ''}</ul>`
      : '—'
  }</td><td>${f.firstExpiry !== undefined ? h`<code>${displayDate(f.firstExpiry, language)}</code>` : '—'}</td></tr>\n`;
})}</tbody></table>\n`;
    const namespaces = c.namespaces ?? [];
    const shownNamespaces = namespaces.slice(0, HTML_MAX_WORKLOADS);
    const perNamespace = h`<h3>${w('affectedPerNamespace')}</h3>
<table class="cut-off namespaces"><thead><tr><th>${W('namespace')}</th><th class="number">${W('affected')}</th></tr></thead><tbody>
${shownNamespaces.map(
  (n) =>
    h`<tr data-namespace="${n.namespace}"><td>${n.namespace === '' ? w('clusterWide') : h`<code>${n.namespace}</code>`}</td><td class="number">${text('register.affectedOf', { affected: n.affected, total: n.total }, language)}</td></tr>\n`,
)}</tbody></table>\n${more(namespaces.length - shownNamespaces.length)}`;
    const affected = c.workloads.affected;
    const shownAffected = affected.slice(0, HTML_MAX_WORKLOADS);
    const workloads =
      affected.length === 0
        ? h`<p>${w('noWorkloadAffected')}</p>\n`
        : h`<table class="cut-off workloads"><thead><tr><th>${W('workload')}</th><th>${W('effects')}</th></tr></thead><tbody>
${shownAffected.map(
  (a) =>
    h`<tr><td><code>${a.workload}</code></td><td>${a.effects.map((e) => view.effectText(e)).join('; ')}</td></tr>\n`,
)}</tbody></table>\n${more(affected.length - shownAffected.length)}`;
    return h`<section id="cut-off"><h2>${w('cutOff')}</h2>
<p><strong>${W('cutOffEntities')}:</strong> ${view.cutOffNames.join(', ')} (<code>--without ${c.without.join(',')}</code>)</p>
<div class="headline tone-${affected.length > 0 || hit ? 'fail' : 'pass'}" data-cut-off="summary">${c.summary[language]}</div>
${hit ? functions : ''}${namespaces.length > 0 ? perNamespace : ''}<h3>${w('affectedWorkloads')}</h3>
${workloads}</section>\n`;
  };

  const { tool, facts } = register.metadata;
  const title = w('title');
  const who = view.subjectName;

  const body = h`<header class="report-header">
<h1>${title}</h1>
<p class="subtitle">${view.subjectWord}${who ? h` <code>${who}</code>` : ''} · ${tool.name} ${tool.version}</p>
<div class="headline tone-${headlineTone}" id="summary-text"><span class="what">${text('report.summary', language)}</span>${summary.text[language]}</div>
</header>
<main>
<section id="subject"><h2>${view.subjectWord}</h2>
${identity}
</section>
<section id="summary"><h2>${text('report.summary', language)}</h2>
${tiles}
</section>
<section id="functions"><h2>${w('functionsHeading')}</h2>
${overview}
</section>
${scoresHtml(register, view)}
${inUse.length > 0 ? h`<section id="dependencies"><h2>${w('dependenciesHeading')}</h2>\n${inUse.map(functionBlock)}</section>\n` : ''}${
    none.length > 0
      ? h`<section id="none-found"><h2>${w('noneFoundHeading')}</h2>
<ul class="not-read">${none.map((f) => h`<li data-function="${f.id}"><strong>${f.label[language]}</strong>: ${f.note ?? ''}</li>`)}</ul>
</section>\n`
      : ''
  }${
    notRead.length > 0
      ? h`<section id="not-read"><h2>${w('notReadHeading')}</h2>
<ul class="not-read">${notRead.map((f) => h`<li data-function="${f.id}"><strong>${f.label[language]}</strong> ${status(f.status)}: <span class="why">${f.why ?? ''}</span></li>`)}</ul>
</section>\n`
      : ''
  }<section id="images"><h2>${w('images')}</h2>
${images}
</section>
<section id="locations"><h2>${w('locations')}</h2>
${locations}
</section>
${concentration}${cut !== undefined ? cutOff(cut) : ''}${exitSectionHtml(register.exit, language)}${rulesHtml(register, view)}</main>
<footer class="muted">${text('report.generatedBy', language)} ${tool.name} ${tool.version} · ${w('facts')}: ${
    facts.files.length > 0 ? facts.files.map((f, i) => h`${i > 0 ? ', ' : ''}<code>${f}</code>`) : '—'
  }</footer>
`;
  return htmlPage({
    language,
    generator: `${tool.name} ${tool.version}`,
    title,
    who,
    footer: `${title} · ${tool.name} ${tool.version}`,
    style: STYLE,
    body,
  });
}
