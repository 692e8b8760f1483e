import {
  displayDate,
  CAUSE_TEXT,
  OUTCOME_TEXT,
  TEXT,
  VERDICT_TEXT,
  WAIVED_TEXT,
  WAIVER_STATUS_TEXT,
  categoryText,
  countsLine,
  text,
  localize,
  type LocalizedText,
  type Evidence,
  type Outcome,
  type WaiverOutcome,
  type WaiverStatus,
  type ComplianceReport,
  type Language,
  type ReportResult,
  type Verdict,
  type VerdictWithWaivers,
} from '@havenkit/model';
import type { RenderContext } from './context.js';
import { parseRemediation, type Span } from '../remediation-text.js';
import { BASE_STYLE, codeOrDash, fieldList, h, htmlPage, type Markup } from './html-kit.js';

export { escapeHtml } from './html-kit.js';

/** What the HTML report uses of the render context. */
export type HtmlContext = Pick<RenderContext, 'language' | 'startTs' | 'stopTs' | 'signedBy'>;

/** "Verify it with: cmd" → ["Verify it with", "cmd"]. */
function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

type Tone = Outcome | 'waived';

/** Outcomes are told apart by symbol and word, never by colour alone (black-and-white print). */
const SYMBOL: Record<Tone, string> = { pass: '✓', fail: '✗', skip: '–', unknown: '?', waived: '⚑' };

export const VERDICT_TONE: Record<Verdict | VerdictWithWaivers, Tone> = {
  compliant: 'pass',
  'not-compliant': 'fail',
  inconclusive: 'unknown',
  'compliant-with-waivers': 'waived',
  // A partial pass is not a pass: it is shown as undecided.
  'selected-passed': 'unknown',
  'selected-passed-with-waivers': 'waived',
};

const STATUS_TONE: Record<WaiverStatus, Tone> = {
  applied: 'waived',
  expired: 'skip',
  'out-of-scope': 'skip',
  'not-needed': 'skip',
};

/** The report's style: the shared parts (html-kit.ts) and the rules of its own. */
const STYLE = `${BASE_STYLE.page}a { color: #0b3d91; }
${BASE_STYLE.text}thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.identity { table-layout: fixed; }
table.identity th { width: 32%; }
table.identity td { overflow-wrap: anywhere; }
table.overview td.nowrap { white-space: nowrap; }
.verdict { border: 3px solid; padding: 3mm 4mm; margin: 3mm 0 1mm; font-size: 15pt; font-weight: bold;
  break-inside: avoid; page-break-inside: avoid; }
.verdict .what { display: block; font-size: 9pt; font-weight: normal; text-transform: uppercase;
  letter-spacing: 0.05em; }
.verdict.secondary { border-style: double; border-width: 4px; font-size: 12pt; }
.counts { display: grid; grid-template-columns: repeat(6, 1fr); gap: 2mm; margin: 2mm 0; }
${BASE_STYLE.counts}.check, .waiver { border: 1px solid #888; border-left-width: 6px; padding: 2.5mm 4mm; margin: 0 0 3.5mm;
  break-inside: avoid; page-break-inside: avoid; }
.check header, .waiver header { display: grid; grid-template-columns: auto 1fr auto; align-items: baseline;
  gap: 1mm 3mm; margin-bottom: 1.5mm; }
dl.facts { display: grid; grid-template-columns: 28mm 1fr; gap: 0.8mm 3mm; margin: 1mm 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.waived-box { border: 2px dashed; padding: 1.5mm 3mm; margin: 2mm 0; }
pre.remedy-code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8pt;
  white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #888; background: #f6f6f6;
  padding: 1.5mm 2.5mm; margin: 1.5mm 0; break-inside: avoid; page-break-inside: avoid; }
.remedy ul { margin: 1mm 0; padding-left: 5mm; }
table.evidence { font-size: 9pt; table-layout: fixed; }
table.evidence td { overflow-wrap: anywhere; }
table.evidence caption { text-align: left; }
table.evidence col.object { width: 28%; }
table.evidence col.fields { width: 47%; }
table.evidence td ul { margin: 0; padding: 0; list-style: none; }
tr.offending td { font-weight: 600; background: #f6f6f6; }
tr.offending td:first-child { border-left: 3px solid #111; }
.marker { display: inline-block; font-size: 7.5pt; font-weight: bold; text-transform: uppercase;
  border: 1px solid; padding: 0 1mm; margin: 0.5mm 1mm 0 0; }
.marker.inferred { border-style: dashed; }
${BASE_STYLE.tones}.tone-waived { color: #5b2a86; }
.badge.tone-pass, .verdict.tone-pass { background: #eaf5ea; }
.badge.tone-fail, .verdict.tone-fail { background: #fdecee; }
.badge.tone-unknown, .verdict.tone-unknown { background: #fff4e0; }
.badge.tone-waived, .verdict.tone-waived { background: #f3ecf9; }
.badge.tone-skip { background: #f2f2f2; }
.check.tone-pass, .waiver.tone-pass { border-left: 6px solid #1b5e20; color: inherit; }
.check.tone-fail { border: 2px solid #b00020; border-left-width: 8px; color: inherit; }
.check.tone-unknown { border: 2px dashed #8a4b00; border-left-width: 6px; color: inherit; }
.check.tone-skip, .waiver.tone-skip { border-left: 6px solid #bbb; color: inherit; }
.check.tone-waived, .waiver.tone-waived { border-left: 6px double #5b2a86; color: inherit; }
${BASE_STYLE.alerts}`;

/**
 * The HTML report: one self-contained file for an auditor to hand over (inline CSS, no scripts,
 * no external requests, a CSP that forbids them), printable on A4 and readable in black and
 * white. Every text from the cluster, the checks or the waivers file is HTML-escaped. Pure.
 */
export function renderHtml(report: ComplianceReport, context: HtmlContext): string {
  const language: Language = context.language;
  const t = (key: keyof typeof TEXT): string => TEXT[key][language];
  const l = (text: LocalizedText | string): string => localize(text, language);
  const { snapshot, havenVersion, checker } = report.metadata;

  const badge = (tone: Tone, word: string, upper = true): Markup =>
    h`<span class="badge tone-${tone}"><span aria-hidden="true">${SYMBOL[tone]}</span> ${upper ? word.toUpperCase() : word}</span>`;
  const toneOf = (r: ReportResult): Tone => (r.waived ? 'waived' : r.outcome);
  /** A waiver only ever covers a failure: the short form (overview) leaves "fail" out. */
  const outcomeBadge = (r: ReportResult, short = false): Markup =>
    r.waived
      ? badge('waived', short ? l(WAIVED_TEXT) : `${l(WAIVED_TEXT)} (${l(OUTCOME_TEXT[r.outcome])})`)
      : badge(r.outcome, l(OUTCOME_TEXT[r.outcome]));
  const value = codeOrDash;
  const anchor = (name: string): string => `check-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const verdictBox = (what: string, verdict: Verdict | VerdictWithWaivers, secondary: boolean): Markup => {
    const tone = VERDICT_TONE[verdict];
    return h`<div class="verdict tone-${tone}${secondary ? ' secondary' : ''}" data-verdict="${verdict}"><span class="what">${what}</span><span aria-hidden="true">${SYMBOL[tone]}</span> ${l(VERDICT_TEXT[verdict])}</div>`;
  };

  const identity = h`<table class="identity"><tbody>
<tr><th scope="row">${t('server')}</th><td>${value(snapshot.server)}</td></tr>
<tr><th scope="row">${t('context')}</th><td>${value(snapshot.context)}</td></tr>
<tr><th scope="row">${t('clusterId')}</th><td>${value(snapshot.clusterId)}</td></tr>
<tr><th scope="row">${t('collectedAt')}</th><td>${value(displayDate(snapshot.collectedAt, language))}</td></tr>
<tr><th scope="row">${t('snapshotSha256')}</th><td>${value(snapshot.sha256)}</td></tr>
<tr><th scope="row">${t('havenVersion')}</th><td>${value(havenVersion)}</td></tr>
<tr><th scope="row">${t('checker')}</th><td>${value(`${checker.name} ${checker.version}`)}</td></tr>
<tr><th scope="row">${t('evaluatedAt')}</th><td>${value(context.stopTs)}</td></tr>
</tbody></table>`;

  const { summary } = report;
  const notEvaluated = report.metadata.evaluation.notEvaluated ?? [];
  const count = (tone: Tone | 'total', word: string, n: number): Markup =>
    h`<div class="count ${tone === 'total' ? 'total' : `tone-${tone}`}${(tone === 'fail' || tone === 'unknown') && n > 0 ? ' alert' : ''}"><b>${tone === 'total' ? '' : h`<span aria-hidden="true">${SYMBOL[tone]}</span> `}${n}</b>${word}</div>`;
  const counts = h`<div class="counts">
${count('total', t('total'), summary.total)}
${count('pass', l(OUTCOME_TEXT.pass), summary.passed)}
${count('fail', l(OUTCOME_TEXT.fail), summary.failed - summary.waived)}
${count('waived', l(WAIVED_TEXT), summary.waived)}
${count('skip', l(OUTCOME_TEXT.skip), summary.skipped)}
${count('unknown', l(OUTCOME_TEXT.unknown), summary.unknown)}
</div>
<p>${countsLine(summary, language)}</p>`;

  const overview = (results: readonly ReportResult[]): Markup =>
    h`<table class="overview"><thead><tr><th>${t('outcome')}</th><th>${t('check')}</th><th>${t('label')}</th><th>${t('category')}</th></tr></thead><tbody>
${results.map(
  (r) =>
    h`<tr><td>${outcomeBadge(r, true)}</td><td class="nowrap"><a href="#${anchor(r.name)}"><code>${r.name}</code></a></td><td lang="en">${r.label}</td><td class="nowrap">${categoryText(r.category, language)}</td></tr>\n`,
)}</tbody></table>`;

  const objectOf = (e: Evidence): string =>
    [e.kind, [e.namespace, e.name].filter((s) => s !== undefined && s !== '').join('/')]
      .filter(Boolean)
      .join(' ');
  const evidenceRow = (e: Evidence): Markup =>
    h`<tr${e.offending ? h` class="offending"` : ''}><td><code>${objectOf(e)}</code>${
      e.offending || e.inferred ? h`<br>` : ''
    }${e.offending ? h`<span class="marker offending">▲ ${t('offending')}</span>` : ''}${
      e.inferred ? h`<span class="marker inferred">≈ ${t('inferred')}</span>` : ''
    }</td><td>${fieldList(e.fields)}</td><td>${e.note !== undefined ? l(e.note) : ''}</td></tr>\n`;
  const evidence = (r: ReportResult): Markup =>
    r.evidence.length === 0
      ? h`<p class="muted">${t('evidence')}: ${t('noEvidence')}</p>`
      : h`<table class="evidence"><caption class="muted">${t('evidence')}</caption><colgroup><col class="object"><col class="fields"><col class="note"></colgroup><thead><tr><th>${t('object')}</th><th>${t('fields')}</th><th>${t('note')}</th></tr></thead><tbody>
${r.evidence.map(evidenceRow)}</tbody></table>`;

  const waivedBox = (r: ReportResult): Markup | undefined => {
    const w = r.waived;
    if (!w) return undefined;
    return h`<div class="waived-box tone-waived"><p><strong><span aria-hidden="true">${SYMBOL.waived}</span> ${t('waivedBy')}</strong> (${t('waiver').toLowerCase()} #${w.index + 1}): ${t('waivedNote')}</p>
<dl class="facts"><dt>${t('owner')}</dt><dd>${w.owner}</dd><dt>${t('ticket')}</dt><dd>${w.ticket}</dd><dt>${t('expires')}</dt><dd>${displayDate(w.expires, language)}</dd><dt>${t('reason')}</dt><dd>${w.reason}</dd></dl></div>`;
  };

  const checkBlock = (r: ReportResult): Markup =>
    h`<article class="check tone-${toneOf(r)}" id="${anchor(r.name)}" data-outcome="${r.outcome}"${r.waived ? h` data-waived="true"` : ''}>
<header>${outcomeBadge(r)}<h4 lang="en">${r.label}</h4><code class="name">${r.name}</code></header>
<dl class="facts"><dt>${t('reason')}</dt><dd>${l(r.reason)}</dd>${
      r.cause ? h`<dt>${t('cause')}</dt><dd>${l(CAUSE_TEXT[r.cause])}</dd>` : ''
    }<dt>${t('rationale')}</dt><dd>${l(r.rationale)}</dd></dl>
${waivedBox(r)}${evidence(r)}
</article>\n`;

  /** Remediation text as HTML: every text escaped, code blocks as <pre> (remediation-text.ts). */
  const remedy = (text: string): Markup[] => {
    const inline = (spans: readonly Span[]): Markup[] =>
      spans.map((s) => ('code' in s ? h`<code>${s.code}</code>` : h`${s.text}`));
    return parseRemediation(text).map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return h`<p>${inline(block.spans)}</p>\n`;
        case 'list':
          return h`<ul>${block.items.map((item) => h`<li>${inline(item)}</li>`)}</ul>\n`;
        case 'code':
          return h`<pre class="remedy-code"${block.language ? h` data-language="${block.language}"` : ''}><code>${block.code}</code></pre>\n`;
      }
    });
  };
  /** What to do about one check that did not pass: after the results, linked to its check. */
  const remedyBlock = (r: ReportResult): Markup =>
    h`<article class="check remedy tone-${toneOf(r)}" data-check="${r.name}">
<header>${outcomeBadge(r)}<h4 lang="en">${r.label}</h4><a href="#${anchor(r.name)}"><code class="name">${r.name}</code></a></header>
${remedy(l(r.remediation ?? ''))}</article>\n`;
  const remediations = [...report.results, ...report.suggested].filter((r) => r.remediation !== undefined);

  const byCategory = (results: readonly ReportResult[]): Markup[] => {
    const groups: { category: string; results: ReportResult[] }[] = [];
    for (const r of results) {
      const last = groups.at(-1);
      if (last && last.category === r.category) last.results.push(r);
      else groups.push({ category: r.category, results: [r] });
    }
    return groups.map(
      (g) => h`<section class="category"><h3>${categoryText(g.category, language)}</h3>
${g.results.map(checkBlock)}</section>\n`,
    );
  };

  const scopeOf = (o: WaiverOutcome): Markup => {
    const { clusterId, nodes, objects } = o.waiver.scope;
    return h`${t('cluster')} <code>${clusterId}</code>${
      nodes && nodes.length > 0
        ? h`; ${t('nodes').toLowerCase()}: ${nodes.map((n, i) => h`${i > 0 ? ', ' : ''}<code>${n}</code>`)}`
        : ''
    }${
      objects && objects.length > 0
        ? h`; ${t('objects').toLowerCase()}: ${objects.map(
            (o, i) =>
              h`${i > 0 ? ', ' : ''}<code>${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}</code>`,
          )}`
        : ''
    }`;
  };
  const waiverBlock = (o: WaiverOutcome, index: number): Markup => {
    const tone = STATUS_TONE[o.status];
    return h`<article class="waiver tone-${tone}" data-status="${o.status}">
<header>${badge(tone, l(WAIVER_STATUS_TEXT[o.status]), false)}<h4>${t('waiver')} #${index + 1}: <code>${o.waiver.check}</code></h4></header>
<dl class="facts"><dt>${t('status')}</dt><dd>${l(o.detail)}</dd><dt>${t('scope')}</dt><dd>${scopeOf(o)}</dd><dt>${t('owner')}</dt><dd>${o.waiver.owner}</dd><dt>${t('ticket')}</dt><dd>${o.waiver.ticket}</dd><dt>${t('expires')}</dt><dd>${displayDate(o.waiver.expires, language)}</dd><dt>${t('reason')}</dt><dd>${o.waiver.reason}</dd></dl>
</article>\n`;
  };
  const waivers = report.waivers
    ? h`<p>${t('waiversAsOf')}: <code>${displayDate(report.waivers.asOf, language)}</code>. ${t('waiversSha256')}: <code>${report.waivers.sha256}</code>.</p>
${report.waivers.waivers.length === 0 ? h`<p>${t('none')}</p>` : report.waivers.waivers.map(waiverBlock)}`
    : h`<p>${t('noWaivers')}</p>`;

  const [verifyLead, verifyCommand] = splitOnce(t('verifyWith'), ': ');
  const signature = context.signedBy
    ? h`<p><strong><span aria-hidden="true">${SYMBOL.pass}</span> ${t('signedWith')} <code>${context.signedBy}</code>.</strong></p>
<p>${verifyCommand ? h`${verifyLead}: <code>${verifyCommand}</code>` : verifyLead}</p>
<p class="muted">${t('htmlNotSigned')}</p>`
    : h`<p><strong><span aria-hidden="true">${SYMBOL.skip}</span> ${t('unsigned')}</strong></p>`;

  const title = t('title');
  const who = snapshot.clusterId ?? snapshot.server ?? snapshot.context;

  const body = h`<header class="report-header">
<h1>${title}</h1>
<p class="subtitle">Haven ${havenVersion} · ${checker.name} ${checker.version}</p>
${verdictBox(t('verdict'), report.verdict, false)}
${report.verdictWithWaivers !== undefined ? verdictBox(t('verdictWithWaivers'), report.verdictWithWaivers, true) : ''}
${report.verdictWithWaivers !== undefined ? h`<p class="muted">${t('verdictNote')}</p>` : ''}
${notEvaluated.length > 0 ? h`<p class="not-evaluated">${text('report.notEvaluated', { count: notEvaluated.length, checks: notEvaluated.join(', ') }, language)}</p>` : ''}
</header>
<main>
<section id="cluster"><h2>${t('cluster')}</h2>
${identity}
</section>
<section id="summary"><h2>${t('summary')}</h2>
${counts}
${overview(report.results)}
</section>
<section id="mandatory"><h2>${t('mandatoryChecks')}</h2>
${byCategory(report.results)}</section>
<section id="suggested"><h2>${t('suggestedChecks')}</h2>
<p class="muted">${t('suggestedNote')}</p>
${report.suggested.length === 0 ? h`<p>${t('none')}</p>` : byCategory(report.suggested)}</section>
${remediations.length > 0 ? h`<section id="remediation"><h2>${t('whatToDo')}</h2>\n${remediations.map(remedyBlock)}</section>\n` : ''}<section id="waivers"><h2>${t('waivers')}</h2>
${waivers}
</section>
<section id="signature"><h2>${t('signature')}</h2>
${signature}
</section>
</main>
<footer class="muted">${t('generatedBy')} ${checker.name} ${checker.version} · ${t('evaluatedAt').toLowerCase()} ${context.stopTs}</footer>
`;
  return htmlPage({
    language,
    generator: `${checker.name} ${checker.version}`,
    title,
    who,
    footer: `${title} · Haven ${havenVersion}`,
    style: STYLE,
    body,
  });
}
