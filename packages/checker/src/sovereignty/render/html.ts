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
import { escapeHtml } from '../../report/html.js';
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

export interface RegisterHtmlOptions {
  readonly language: Language;
}

/** Markup that is safe as it is: built by `h` from escaped values. */
class Markup {
  constructor(readonly html: string) {}
}

type Part = Markup | string | number | undefined | false | readonly Part[];

function part(value: Part): string {
  if (value === undefined || value === false) return '';
  if (value instanceof Markup) return value.html;
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  return value.map(part).join('');
}

/** A template for markup: every interpolated string is escaped, only Markup passes as it is. */
function h(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += part(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** A CSS string literal (for `content:`) that cannot end the string or the style element. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** Jurisdictions are told apart by symbol and word, never by colour alone (black-and-white print). */
const JURISDICTION_SYMBOL: Record<Jurisdiction, string> = {
  'non-eu': '✗',
  'eu-non-eu-parent': '◐',
  unknown: '?',
  eu: '✓',
  self: '⌂',
};

type Tone = 'pass' | 'fail' | 'unknown' | 'skip' | 'self';

const STATUS_TONE: Record<RegisterFunction['status'], Tone> = {
  'in-use': 'self',
  none: 'skip',
  'not-collected': 'unknown',
  unreadable: 'unknown',
};

const STATUS_SYMBOL: Record<RegisterFunction['status'], string> = {
  'in-use': '●',
  none: '○',
  'not-collected': '?',
  unreadable: '!',
};

/** The look of the check report (report/html.ts): A4, black-and-white safe, no external resources. */
const STYLE = `
@page { size: A4; margin: 15mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #444; } }
:root { color-scheme: light; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
  line-height: 1.4; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 10mm 6mm; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
h1 { font-size: 20pt; margin: 0 0 1mm; }
h2 { font-size: 14pt; border-bottom: 2px solid #111; padding-bottom: 1mm; margin: 8mm 0 3mm;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 11pt; margin: 0; }
p { margin: 1mm 0; }
a { color: #0b3d91; overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8.5pt;
  overflow-wrap: anywhere; }
.subtitle { margin: 0 0 4mm; color: #333; }
.muted { color: #444; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border: 1px solid #888;
  overflow-wrap: break-word; }
th { background: #eee; }
td.number, th.number { text-align: right; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.identity { table-layout: fixed; }
table.identity th { width: 32%; }
table.identity td, table.evidence td, table.images td { overflow-wrap: anywhere; }
table.overview th:first-child { width: 24%; }
.headline { border: 3px solid; padding: 3mm 4mm; margin: 3mm 0 1mm; font-size: 12pt; font-weight: bold;
  break-inside: avoid; page-break-inside: avoid; }
.headline .what { display: block; font-size: 9pt; font-weight: normal; text-transform: uppercase;
  letter-spacing: 0.05em; }
.counts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 2mm 0; }
.counts.images { grid-template-columns: repeat(3, 1fr); }
.count { border: 1px solid #888; padding: 1mm 2.5mm; font-size: 9pt; break-inside: avoid; }
.count b { display: block; font-size: 15pt; }
.count.alert { border: 2.5px solid #111; }
.badge { display: inline-block; font-weight: bold; padding: 0.3mm 2mm; border: 1.5px solid;
  border-radius: 1.5mm; white-space: nowrap; font-size: 9pt; }
.function, .dependency { border: 1px solid #888; border-left-width: 6px; padding: 2.5mm 4mm; margin: 0 0 3.5mm; }
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
footer { margin-top: 8mm; border-top: 1px solid #888; padding-top: 2mm; }
.tone-pass { color: #1b5e20; }
.tone-fail { color: #b00020; }
.tone-skip { color: #555; }
.tone-unknown { color: #8a4b00; }
.tone-self { color: #0b3d91; }
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
.count.tone-fail.alert { border-color: #b00020; }
.count.tone-unknown.alert { border-color: #8a4b00; }
`;

/**
 * The dependency register as one self-contained HTML file (inline CSS, no scripts, no external
 * requests, a CSP that forbids them), in the look of the check report: the subject, the one-line
 * summary with tiles, the functions worst first, the dependencies of every function in use with
 * the objects that show them and their sources, the functions not read and why, the images that
 * need attention and where the data is. Jurisdictions are badges with symbol and word. Every text
 * from the register is HTML-escaped: a snapshot is hostile input. Pure.
 */
export function renderRegisterHtml(register: DependencyRegister, options: RegisterHtmlOptions): string {
  const language = options.language;
  const w = (key: PlainKey): string => word(key, language);
  const W = (key: PlainKey): string => capital(word(key, language));
  const { summary } = register;

  const jurisdiction = (j: Jurisdiction): Markup =>
    h`<span class="badge jur-${j}" data-jurisdiction="${j}"><span aria-hidden="true">${JURISDICTION_SYMBOL[j]}</span> ${jurisdictionText(j, language)}</span>`;
  const status = (s: RegisterFunction['status']): Markup =>
    h`<span class="badge tone-${STATUS_TONE[s]}" data-status="${s}"><span aria-hidden="true">${STATUS_SYMBOL[s]}</span> ${statusText(s, language)}</span>`;
  const anchor = (f: RegisterFunction): string => `function-${f.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const value = (v: string | undefined): Markup => (v ? h`<code>${v}</code>` : h`—`);

  const identity = h`<table class="identity"><tbody>
${subjectRows(register, language).map(([label, v]) => h`<tr><th scope="row">${label}</th><td>${value(v)}</td></tr>\n`)}</tbody></table>`;

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
    const fields = Object.entries(e.fields ?? {});
    const path = objectPath(e);
    return h`<tr><td>${e.kind}${path ? h` <code>${path}</code>` : ''}</td><td>${
      fields.length === 0
        ? '—'
        : h`<ul>${fields.map(([k, v]) => h`<li><code>${k}</code> = <code>${v === null ? 'null' : String(v)}</code></li>`)}</ul>`
    }</td></tr>\n`;
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

  const inUse = register.functions.filter((f) => f.status === 'in-use');
  const none = register.functions.filter((f) => f.status === 'none' && f.note !== undefined);
  const notRead = register.functions.filter((f) => f.status === 'not-collected' || f.status === 'unreadable');

  const imagesFunction = register.functions.find((f) => f.id === 'images');
  const imagesRead =
    imagesFunction === undefined || imagesFunction.status === 'in-use' || imagesFunction.status === 'none';
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
  const unpinned = unpinnedImages(register);
  const outside = outsideImages(register);
  const images = !imagesRead
    ? h`<p>${w('imagesNotRead')}</p>`
    : register.images.length === 0
      ? h`<p>${w('noImages')}</p>`
      : h`<p>${text(
          'register.countsImages',
          {
            total: summary.images.total,
            notControlled: summary.images.notControlled,
            outside: summary.images.outsideEuEea,
            unknown: summary.images.unknown,
            unpinned: summary.images.unpinned,
          },
          language,
        )}</p>
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
    h`<tr><td>${l.country === 'unknown' ? jurisdictionText('unknown', language) : h`<code>${l.country}</code>`}</td><td>${eea(l.eea)}</td><td class="number">${l.nodes}</td><td class="number">${l.volumes}</td><td>${
      (l.regions ?? []).length > 0
        ? (l.regions ?? []).map((r, i) => h`${i > 0 ? ', ' : ''}<code>${r}</code>`)
        : '—'
    }</td></tr>\n`,
)}</tbody></table>`;

  const { tool, facts } = register.metadata;
  const title = w('title');
  const who = subjectName(register);
  const style = `${STYLE}@page { @bottom-left { content: ${cssString(`${title} · ${tool.name} ${tool.version}`)}; font: 8pt sans-serif; color: #444; } }\n`;

  const page = h`<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${tool.name} ${tool.version}">
<title>${title}${who ? ` — ${who}` : ''}</title>
<style>${new Markup(style)}</style>
</head>
<body>
<header class="report-header">
<h1>${title}</h1>
<p class="subtitle">${subjectWord(register, language)}${who ? h` <code>${who}</code>` : ''} · ${tool.name} ${tool.version}</p>
<div class="headline tone-${headlineTone}" id="summary-text"><span class="what">${text('report.summary', language)}</span>${summary.text[language]}</div>
</header>
<main>
<section id="subject"><h2>${subjectWord(register, language)}</h2>
${identity}
</section>
<section id="summary"><h2>${text('report.summary', language)}</h2>
${tiles}
</section>
<section id="functions"><h2>${w('functionsHeading')}</h2>
${overview}
</section>
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
</main>
<footer class="muted">${text('report.generatedBy', language)} ${tool.name} ${tool.version} · ${w('facts')}: ${
    facts.files.length > 0 ? facts.files.map((f, i) => h`${i > 0 ? ', ' : ''}<code>${f}</code>`) : '—'
  }</footer>
</body>
</html>
`;
  return page.html;
}
