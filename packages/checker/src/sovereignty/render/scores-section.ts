/**
 * The register's scores in the terms of the EU Cloud Sovereignty Framework and the rules its
 * findings bear on, as Markdown, HTML and terminal lines; and a group's substitutability, as a mark
 * in the concentration tables. The renderers call these with one line each. Every text from the
 * register is escaped (party names reach the limits' texts from a cluster). The SEAL levels' names
 * are the bundled framework's (cached).
 */
import {
  escapeControl,
  oneLine,
  text,
  type CriterionScore,
  type DependencyGroup,
  type DependencyRegister,
  type Jurisdiction,
  type Language,
  type ObjectiveScore,
  type RegisterScores,
  type RuleMapping,
} from '@havenkit/model';
import { h, type Markup } from '../../report/html-kit.js';
import { escapeMarkdown, inlineCode, table } from '../../report/markdown.js';
import { loadFramework } from '../framework.js';
import { linkable, type PlainKey, type RegisterView } from './common.js';

/** The limits shown per objective; the rest are counted. */
export const SHOWN_LIMITS = 2;

// ---------------------------------------------------------------------------------------------
// What all renderings show

/** A SEAL level's name in the framework the scores are of; undefined for another framework. */
function levelName(scores: RegisterScores, seal: number, language: Language): string | undefined {
  const framework = loadFramework();
  if (framework.id !== scores.framework.id) return undefined;
  return framework.levels.find((l) => l.seal === seal)?.name[language];
}

/** "SEAL-2 (Data Sovereignty)", or "SEAL-2" when the level is not known. */
function sealText(scores: RegisterScores, seal: number, language: Language): string {
  const name = levelName(scores, seal, language);
  return name === undefined ? `SEAL-${seal}` : `SEAL-${seal} (${name})`;
}

/** A percentage in the language's notation: 68.8 and 68,8. */
function percent(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(
    value,
  );
}

/** An objective by id and name: "SOV-1 Strategic Sovereignty". */
function objectiveName(o: ObjectiveScore, language: Language): string {
  return `${o.id} ${o.name[language]}`;
}

/**
 * The one-line summary: the overall SEAL with its name, the objectives that limit it, the weighted
 * score with the weight set's name and the counts; then, when some objective is unscored, which.
 */
export function scoresSummary(scores: RegisterScores, language: Language): string[] {
  const byId = new Map(scores.objectives.map((o) => [o.id, o]));
  const named = (id: string): string => {
    const o = byId.get(id);
    return o === undefined ? id : objectiveName(o, language);
  };
  const lines = [
    text(
      'register.scoresSummary',
      {
        seal: scores.seal.atMost,
        name: levelName(scores, scores.seal.atMost, language) ?? scores.framework.name,
        limitedBy: scores.seal.limitedBy.map(named).join(', ') || '—',
        score: percent(scores.score.atMost, language),
        weights: scores.weights.name[language],
        observed: scores.score.observed,
        attestation: scores.score.attestation,
      },
      language,
    ),
  ];
  const unscored = scores.seal.unscored;
  if (unscored.length > 0) {
    lines.push(
      text(
        'register.scoresUnscored',
        { objectives: unscored.map(named).join(', '), count: unscored.length },
        language,
      ),
    );
  }
  return lines;
}

/** The first limits of an objective (the criterion, when one, and the text), and how many it leaves out. */
function limitsOf(
  o: ObjectiveScore,
  language: Language,
): { shown: { criterion: string | undefined; text: string }[]; omitted: number } {
  return {
    shown: o.limits.slice(0, SHOWN_LIMITS).map((l) => ({ criterion: l.criterion, text: l.text[language] })),
    omitted: Math.max(0, o.limits.length - SHOWN_LIMITS),
  };
}

/** The criteria of an objective that need an attestation: what to ask the supplier for. */
function attested(o: ObjectiveScore): (CriterionScore & { attestation: { en: string; nl: string } })[] {
  return o.criteria.filter(
    (c): c is CriterionScore & { attestation: { en: string; nl: string } } => c.attestation !== undefined,
  );
}

const EVIDENCE_KEY: Record<CriterionScore['evidence'], PlainKey> = {
  observed: 'evidenceObserved',
  partly: 'evidencePartly',
  attestation: 'evidenceAttestation',
};

/** How a SEAL is told apart besides its number in HTML: the tone of its badge. */
function sealTone(seal: number): 'fail' | 'unknown' | 'pass' {
  return seal <= 1 ? 'fail' : seal === 2 ? 'unknown' : 'pass';
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** A link with a label: only http(s) urls, the destination percent-encoded; else the url as code. */
function markdownLink(label: string, url: string): string {
  if (!linkable(url)) return `${escapeMarkdown(label)} (${inlineCode(url)})`;
  const destination = url.replace(/[^A-Za-z0-9\-._~:/?#@$&+,;=%]/gu, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return `[${escapeMarkdown(label)}](${destination})`;
}

/**
 * The scores section in Markdown: the title, the summary, the intro, a table of the objectives
 * (weight, the SEAL at most, what limits it) and per objective what to ask the suppliers for.
 * Nothing for a register without scores.
 */
export function scoresMarkdown(register: DependencyRegister, view: RegisterView): string[] {
  const scores = register.scores;
  if (scores === undefined) return [];
  const { language, w, W } = view;
  const lines = ['', `## ${w('scoresTitle')}`, ''];
  lines.push(scoresSummary(scores, language).map(escapeMarkdown).join(' '), '', w('scoresIntro'), '');
  lines.push(
    ...table(
      [W('objective'), W('weight'), W('atMost'), W('limitedBy')],
      scores.objectives.map((o) => {
        const { shown, omitted } = limitsOf(o, language);
        const limits = [
          ...shown.map(
            (l) =>
              `${l.criterion !== undefined ? `${inlineCode(l.criterion)} ` : ''}${escapeMarkdown(l.text)}`,
          ),
          ...(omitted > 0 ? [escapeMarkdown(text('register.more', { count: omitted }, language))] : []),
        ];
        return [
          escapeMarkdown(objectiveName(o, language)),
          String(o.weight),
          o.atMost === undefined
            ? `⚠️ ${w('needsAttestation')}`
            : escapeMarkdown(sealText(scores, o.atMost, language)),
          limits.join('<br>') || '—',
        ];
      }),
      ['---', '---:', '---', '---'],
    ),
  );
  const asked = scores.objectives.filter((o) => attested(o).length > 0);
  if (asked.length > 0) {
    lines.push('', `### ${w('attestationsTitle')}`);
    for (const o of asked) {
      const criteria = attested(o);
      lines.push(
        '',
        `**${escapeMarkdown(objectiveName(o, language))}** (${escapeMarkdown(text('register.attestationCount', { count: criteria.length }, language))})`,
        '',
        ...criteria.map(
          (c) =>
            `- **${escapeMarkdown(c.id)}** ${escapeMarkdown(c.name[language])} (${w(EVIDENCE_KEY[c.evidence])}): ${escapeMarkdown(c.attestation[language])}`,
        ),
      );
    }
  }
  return lines;
}

/**
 * The rules section in Markdown: the title, the intro (a mapping, never a legal verdict) and a
 * table of the rules, each linked to its source, what it asks and what this report shows for it.
 */
export function rulesMarkdown(register: DependencyRegister, view: RegisterView): string[] {
  const rules = register.rules;
  if (rules === undefined || rules.length === 0) return [];
  const { language, w, W } = view;
  return [
    '',
    `## ${w('rulesTitle')}`,
    '',
    w('rulesIntro'),
    '',
    ...table(
      [W('rule'), W('asks'), W('reportShows')],
      rules.map((r) => [
        markdownLink(r.name[language], r.source.url),
        escapeMarkdown(r.asks[language]),
        r.findings.map((f) => escapeMarkdown(f.text[language])).join('<br>') || '—',
      ]),
    ),
  ];
}

/** A group's substitutability as a mark after its name in the concentration table; '' when not judged. */
export function substitutabilityMarkdown(group: DependencyGroup, view: RegisterView): string {
  if (group.substitutable === undefined) return '';
  if (group.substitutable) return `<br>⇄ ${view.w('substitutable')}`;
  const functions = (group.notSubstitutable ?? []).map((id) => escapeMarkdown(view.functionLabel(id)));
  return `<br>⚓ **${view.w('notSubstitutable')}**${functions.length > 0 ? `: ${functions.join('; ')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// HTML

/** The style of the sections (inserted into the register page's style). */
export const SCORES_STYLE = `table.scores, table.attestations, table.rules { table-layout: fixed; }
table.scores td, table.attestations td, table.rules td, table.concentration .subst { overflow-wrap: anywhere; }
table.scores col.objective { width: 28%; }
table.scores col.weight { width: 11%; }
table.scores col.seal { width: 22%; }
table.attestations col.criterion, table.rules col.rule { width: 32%; }
table.scores td ul, table.rules td ul { margin: 0; padding-left: 4mm; }
.subst { display: block; font-size: 9pt; }
details.attestations { margin: 1mm 0 2mm; }
details.attestations > summary { cursor: pointer; }
@media print { details.attestations::details-content { content-visibility: visible; } }
`;

/**
 * The scores section in HTML: the summary, the intro, the objectives' table and per objective, in
 * a `<details>`, the criteria that need an attestation with what to ask the supplier for. Empty
 * for a register without scores.
 */
export function scoresHtml(register: DependencyRegister, view: RegisterView): Markup | '' {
  const scores = register.scores;
  if (scores === undefined) return '';
  const { language, w, W } = view;
  const [summary, unscored] = scoresSummary(scores, language);
  const seal = (n: number | undefined): Markup =>
    n === undefined
      ? h`<span class="badge tone-skip" data-seal="none"><span aria-hidden="true">?</span> ${w('needsAttestation')}</span>`
      : h`<span class="badge tone-${sealTone(n)}" data-seal="${n}">SEAL-${n}</span> ${levelName(scores, n, language) ?? ''}`;
  const row = (o: ObjectiveScore): Markup => {
    const { shown, omitted } = limitsOf(o, language);
    return h`<tr data-objective="${o.id}"><td><code>${o.id}</code> ${o.name[language]}</td><td class="number">${o.weight}</td><td>${seal(o.atMost)}</td><td>${
      shown.length > 0
        ? h`<ul>${shown.map((l) => h`<li>${l.criterion !== undefined ? h`<code>${l.criterion}</code> ` : ''}${l.text}</li>`)}${
            omitted > 0
              ? h`<li class="muted more">${text('register.more', { count: omitted }, language)}</li>`
              : ''
          }</ul>`
        : '—'
    }</td></tr>\n`;
  };
  const asked = scores.objectives.filter((o) => attested(o).length > 0);
  const attestations = (o: ObjectiveScore): Markup => {
    const criteria = attested(o);
    return h`<details class="attestations" data-objective="${o.id}"><summary><strong>${objectiveName(o, language)}</strong>: ${text('register.attestationCount', { count: criteria.length }, language)}</summary>
<table class="attestations"><colgroup><col class="criterion"><col class="ask"></colgroup><thead><tr><th>${W('criterion')}</th><th>${w('askSupplier')}</th></tr></thead><tbody>
${criteria.map(
  (c) =>
    h`<tr data-criterion="${c.id}" data-evidence="${c.evidence}"><td><code>${c.id}</code> ${c.name[language]} <span class="muted">(${w(EVIDENCE_KEY[c.evidence])})</span></td><td>${c.attestation[language]}</td></tr>\n`,
)}</tbody></table>
</details>\n`;
  };
  return h`<section id="scores" data-seal="${scores.seal.atMost}"><h2>${w('scoresTitle')}</h2>
<p data-scores="summary"><strong>${summary ?? ''}</strong>${unscored !== undefined ? h` ${unscored}` : ''}</p>
<p class="muted">${w('scoresIntro')}</p>
<table class="scores"><colgroup><col class="objective"><col class="weight"><col class="seal"><col class="limits"></colgroup><thead><tr><th>${W('objective')}</th><th class="number">${W('weight')}</th><th>${W('atMost')}</th><th>${W('limitedBy')}</th></tr></thead><tbody>
${scores.objectives.map(row)}</tbody></table>
${asked.length > 0 ? h`<h3>${w('attestationsTitle')}</h3>\n${asked.map(attestations)}` : ''}</section>`;
}

/** A rule's name, linked to its source when the url may be a link; else the url as code after it. */
function ruleName(r: RuleMapping, language: Language): Markup {
  const name = r.name[language];
  return linkable(r.source.url)
    ? h`<a href="${r.source.url}" rel="noreferrer noopener">${name}</a>`
    : h`${name} (<code>${r.source.url}</code>)`;
}

/**
 * The rules section in HTML: the title, the intro (a mapping, never a legal verdict) and a table of
 * the rules, each linked to its source, what it asks and what this report shows for it.
 */
export function rulesHtml(register: DependencyRegister, view: RegisterView): Markup | '' {
  const rules = register.rules;
  if (rules === undefined || rules.length === 0) return '';
  const { language, w, W } = view;
  return h`<section id="rules"><h2>${w('rulesTitle')}</h2>
<p data-rules="intro">${w('rulesIntro')}</p>
<table class="rules"><colgroup><col class="rule"><col class="asks"><col class="shows"></colgroup><thead><tr><th>${W('rule')}</th><th>${W('asks')}</th><th>${W('reportShows')}</th></tr></thead><tbody>
${rules.map(
  (r) =>
    h`<tr data-rule="${r.id}"><td>${ruleName(r, language)}</td><td>${r.asks[language]}</td><td>${
      r.findings.length > 0
        ? h`<ul>${r.findings.map((f) => h`<li data-shows="${f.shows}">${f.text[language]}</li>`)}</ul>`
        : '—'
    }</td></tr>\n`,
)}</tbody></table>
</section>\n`;
}

/** A group's substitutability, after its name in the concentration table; '' when not judged. */
export function substitutabilityHtml(group: DependencyGroup, view: RegisterView): Markup | '' {
  if (group.substitutable === undefined) return '';
  if (group.substitutable)
    return h`<span class="subst muted" data-substitutable="true"><span aria-hidden="true">⇄</span> ${view.w('substitutable')}</span>`;
  const functions = (group.notSubstitutable ?? []).map((id) => view.functionLabel(id));
  return h`<span class="subst" data-substitutable="false"><span aria-hidden="true">⚓</span> <strong>${view.w('notSubstitutable')}</strong>${
    functions.length > 0 ? `: ${functions.join('; ')}` : ''
  }</span>`;
}

// ---------------------------------------------------------------------------------------------
// Terminal

/** What the table renderer lends the block: its wrapping (escapes, colours) and its painting. */
export interface TerminalKit {
  readonly language: Language;
  readonly width: number;
  /** Escapes control characters, turns the paint marks into colours, wraps to the width. */
  readonly wrap: (value: string, indent: string, hang?: string) => string[];
  /** Colours a text (only with --color) in the colour of a jurisdiction. */
  readonly paint: (j: Jurisdiction, s: string) => string;
}

/** A SEAL's colour, borrowed from the jurisdictions': red, magenta, yellow, green. */
const SEAL_COLOUR: readonly Jurisdiction[] = ['non-eu', 'eu-non-eu-parent', 'unknown', 'eu', 'eu'];

/** Text from the register on one terminal line: line breaks flattened, control characters and paint marks escaped. */
function plain(value: string): string {
  return escapeControl(oneLine(value).replace(/[\uE000-\uE002]/g, '?'));
}

/** The text cut to `room` characters with an ellipsis; '' when there is no room. */
function shorten(value: string, room: number): string {
  const chars = [...value];
  if (chars.length <= room) return value;
  return room < 2 ? '' : `${chars.slice(0, room - 1).join('')}…`;
}

/**
 * The scores block of the terminal view: the title, the summary and one line per objective (id,
 * name, at most SEAL-n or "needs an attestation", its first limit cut to the width).
 */
export function scoresTableLines(register: DependencyRegister, kit: TerminalKit): string[] {
  const scores = register.scores;
  if (scores === undefined) return [];
  const { language, wrap, paint } = kit;
  const lines = ['', `${text('register.scoresTitle', language)}:`];
  lines.push(...wrap(plain(scoresSummary(scores, language).join(' ')), '  ', '  '));
  // wrap leaves `width - 4` characters per line after the indent ("  - "): a line per objective.
  const room = Math.max(20, kit.width - 4);
  for (const o of scores.objectives) {
    const head = `${plain(o.id)} ${plain(o.name[language])}: `;
    const seal =
      o.atMost === undefined
        ? text('register.needsAttestation', language)
        : `${text('register.atMost', language)} SEAL-${o.atMost}`;
    const first = o.limits[0];
    const left = room - [...head].length - [...seal].length - 3;
    const limit = first !== undefined && left >= 8 ? shorten(plain(first.text[language]), left) : '';
    const colour = o.atMost === undefined ? 'unknown' : (SEAL_COLOUR[o.atMost] ?? 'unknown');
    lines.push(...wrap(`${head}${paint(colour, seal)}${limit ? ` — ${limit}` : ''}`, '  - ', '    '));
  }
  return lines;
}

/** The line under a group of the concentration that is not easily substitutable; none otherwise. */
export function substitutabilityTableLines(group: DependencyGroup, kit: TerminalKit): string[] {
  if (group.substitutable !== false) return [];
  const functions = group.notSubstitutable ?? [];
  return kit.wrap(
    `${text('register.notSubstitutable', kit.language)}${functions.length > 0 ? `: ${functions.join(', ')}` : ''}`,
    '    ',
    '      ',
  );
}
