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
  localize,
  text,
  type Outcome,
  type Evidence,
  type ComplianceReport,
  type Language,
  type ReportResult,
  type Verdict,
  type VerdictWithWaivers,
} from '@havenkit/model';
import type { RenderContext } from './context.js';
import { parseRemediation, type Span } from '../remediation-text.js';

/** Evidence of more objects than this is folded in a <details> block. */
export const MARKDOWN_FOLD_EVIDENCE = 5;
/** At most this many evidence rows per check (a GitHub comment holds 65,536 characters). */
export const MARKDOWN_MAX_EVIDENCE = 50;

export type MarkdownContext = Pick<RenderContext, 'language' | 'startTs' | 'stopTs' | 'signedBy'>;

const OUTCOME_MARK: Record<Outcome | 'waived', string> = {
  pass: '✅',
  fail: '❌',
  waived: '🔕',
  skip: '⏭️',
  unknown: '⚠️',
};

export const VERDICT_MARK: Record<Verdict | VerdictWithWaivers, string> = {
  compliant: '✅',
  'not-compliant': '❌',
  inconclusive: '⚠️',
  'compliant-with-waivers': '🔕',
  // Never ✅: a run that left mandatory checks out shows no compliance.
  'selected-passed': '☑️',
  'selected-passed-with-waivers': '🔕',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Escapes text for Markdown (GitHub and GitLab flavoured) so that it reads as written: every
 * inline construct's punctuation is backslash-escaped (emphasis, code, links, HTML, strikethrough,
 * math, GitLab's #issue, !merge-request, &epic and {+diff+} references), `|` too (so it never ends a
 * table cell), and line breaks become <br> (so text never starts a block: a heading, a list, a row).
 * Callers never put escaped text at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/[\\`*_{}[\]<>#!|~&$]/g, '\\$&')
    .replace(/\r\n?|\n/g, '<br>');
}

/**
 * Inline code with a fence longer than any backtick run inside; `|` escaped for table cells. A
 * backslash right before a pipe would pair with the escape (GFM splits cells before it parses code),
 * so such text is written as escaped plain text instead.
 */
export function inlineCode(text: string): string {
  if (/\\\|/.test(text)) return escapeMarkdown(text);
  const flat = text
    .replace(CONTROL, '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A GFM table: the header, the alignment row (left unless given) and a line per row of cells. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: string[],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align ?? header.map(() => '---')), ...rows.map(line)];
}

/**
 * A Markdown report for merge requests, issues and tickets: verdict, cluster, counts, a table per
 * category, the failed and unknown checks with their evidence, waivers and signature. Every text
 * from the cluster or a waivers file is escaped; the check labels are the official checker's.
 */
export function renderMarkdown(report: ComplianceReport, context: MarkdownContext): string {
  const language = context.language;
  const t = (key: keyof typeof TEXT) => TEXT[key][language];
  const { snapshot, havenVersion, checker } = report.metadata;
  const out: string[] = [];

  const where = snapshot.context ?? snapshot.clusterId ?? snapshot.server;
  out.push(`# ${t('title')}${where ? `: ${escapeMarkdown(where)}` : ''}`, '');
  out.push(`**${t('verdict')}:** ${VERDICT_MARK[report.verdict]} ${VERDICT_TEXT[report.verdict][language]}`);
  if (report.verdictWithWaivers !== undefined) {
    const v = report.verdictWithWaivers;
    out.push('', `**${t('verdictWithWaivers')}:** ${VERDICT_MARK[v]} ${VERDICT_TEXT[v][language]}`);
  }
  const notEvaluated = report.metadata.evaluation.notEvaluated ?? [];
  if (notEvaluated.length > 0) {
    out.push(
      '',
      text('report.notEvaluated', { count: notEvaluated.length, checks: notEvaluated.join(', ') }, language),
    );
  }

  // Cluster identity.
  const identity: [string, string | undefined][] = [
    [t('server'), snapshot.server],
    [t('context'), snapshot.context],
    [t('clusterId'), snapshot.clusterId],
    [t('collectedAt'), displayDate(snapshot.collectedAt, language)],
    [t('snapshotSha256'), snapshot.sha256],
    [t('havenVersion'), havenVersion],
    [t('checker'), `${checker.name} ${checker.version}`],
  ];
  out.push('', `## ${t('cluster')}`, '');
  out.push(
    ...table(
      [t('cluster'), ''],
      identity
        .filter((row): row is [string, string] => row[1] !== undefined)
        .map(([k, v]) => [k, inlineCode(v)]),
    ),
  );

  // Summary of the mandatory checks.
  const s = report.summary;
  const counts: [Outcome | 'waived', number][] = [
    ['pass', s.passed],
    ['fail', s.failed],
    ...(report.waivers !== undefined ? ([['waived', s.waived]] as [Outcome | 'waived', number][]) : []),
    ['skip', s.skipped],
    ['unknown', s.unknown],
  ];
  out.push('', `## ${t('summary')}`, '', countsLine(s, language), '');
  out.push(
    ...table(
      [t('outcome'), t('checks')],
      [...counts.map(([o, n]) => [word(o, language), String(n)]), [`**${t('total')}**`, `**${s.total}**`]],
      ['---', '---:'],
    ),
  );

  // A table per category.
  const group = (title: string, results: readonly ReportResult[]) => {
    if (results.length === 0) return;
    out.push('', `## ${title}`);
    for (const category of [...new Set(results.map((r) => r.category))]) {
      out.push('', `### ${escapeMarkdown(categoryText(category, language))}`, '');
      out.push(
        ...table(
          [t('outcome'), t('check'), t('label'), t('reason')],
          results
            .filter((r) => r.category === category)
            .map((r) => [
              word(tone(r), language),
              inlineCode(r.name),
              escapeMarkdown(r.label),
              reasonCell(r, language),
            ]),
        ),
      );
    }
  };
  group(t('mandatoryChecks'), report.results);
  group(t('suggestedChecks'), report.suggested);

  // Failed and unknown checks, expanded.
  const attention = [...report.results, ...report.suggested].filter(
    (r) => r.outcome === 'fail' || r.outcome === 'unknown',
  );
  if (attention.length > 0) {
    out.push('', `## ${t('needsAttention')}`);
    for (const r of attention) out.push('', ...expanded(r, language));
  }

  // What to do about every check that did not pass, after the results (as kube-bench does).
  const remediations = [...report.results, ...report.suggested].filter((r) => r.remediation !== undefined);
  if (remediations.length > 0) {
    out.push('', `## ${t('whatToDo')}`);
    for (const r of remediations) {
      out.push(
        '',
        `### ${inlineCode(r.name)} ${escapeMarkdown(r.label)} (${word(tone(r), language)})`,
        '',
        remediationMarkdown(localize(r.remediation ?? '', language)),
      );
    }
  }

  // Waivers.
  out.push('', `## ${t('waivers')}`, '');
  if (report.waivers === undefined) {
    out.push(t('noWaivers'));
  } else {
    const w = report.waivers;
    out.push(
      `${t('waiversAsOf')}: ${inlineCode(displayDate(w.asOf, language))} (sha256 ${inlineCode(w.sha256)})`,
      '',
    );
    out.push(
      ...table(
        ['#', t('check'), t('status'), t('owner'), t('ticket'), t('expires'), t('reason')],
        w.waivers.map((o, i) => [
          String(i),
          inlineCode(o.waiver.check),
          `${escapeMarkdown(WAIVER_STATUS_TEXT[o.status][language])}: ${escapeMarkdown(localize(o.detail, language))}`,
          inlineCode(o.waiver.owner),
          escapeMarkdown(o.waiver.ticket),
          inlineCode(displayDate(o.waiver.expires, language)),
          escapeMarkdown(o.waiver.reason),
        ]),
      ),
    );
  }

  // Signature and footer.
  out.push('', `## ${t('signature')}`, '');
  out.push(
    context.signedBy !== undefined
      ? `${t('signedWith')} ${inlineCode(context.signedBy)}. ${t('verifyWith')}`
      : t('unsigned'),
  );
  out.push(
    '',
    '---',
    '',
    `<sub>${t('generatedBy')} ${inlineCode(`${checker.name} ${checker.version}`)}. ${t('run')}: ${escapeMarkdown(context.startTs)} – ${escapeMarkdown(context.stopTs)}.</sub>`,
  );
  return `${out.join('\n')}\n`;
}

/** Inline code outside a table: as inlineCode, but `|` stays as it is (only tables need it escaped). */
export function codeSpan(text: string): string {
  const flat = text.replace(CONTROL, '').replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Remediation text (remediation-text.ts) as Markdown: its text escaped, its inline code and code
 * blocks fenced so that nothing inside can end them. Also SARIF's help.markdown and the docs.
 */
export function remediationMarkdown(text: string): string {
  const inline = (spans: readonly Span[]): string => {
    const out = spans.map((s) => ('code' in s ? codeSpan(s.code) : escapeMarkdown(s.text))).join('');
    // Text is never put at the start of a line unescaped: "1. " would start a list, "+ " an item.
    return out.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([+=-])/, '\\$1');
  };
  return parseRemediation(text)
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return inline(block.spans);
        case 'list':
          return block.items.map((item) => `- ${inline(item)}`).join('\n');
        case 'code': {
          const longest = Math.max(0, ...[...block.code.matchAll(/`+/g)].map((m) => m[0].length));
          const fence = '`'.repeat(Math.max(3, longest + 1));
          return `${fence}${block.language ?? ''}\n${block.code.replace(CONTROL, '')}\n${fence}`;
        }
      }
    })
    .join('\n\n');
}

function tone(r: ReportResult): Outcome | 'waived' {
  return r.waived ? 'waived' : r.outcome;
}

function word(o: Outcome | 'waived', language: Language): string {
  return `${OUTCOME_MARK[o]} ${(o === 'waived' ? WAIVED_TEXT : OUTCOME_TEXT[o])[language]}`;
}

function reasonCell(r: ReportResult, language: Language): string {
  const cause = r.cause ? ` (${CAUSE_TEXT[r.cause][language]})` : '';
  return `${escapeMarkdown(localize(r.reason, language))}${cause}`;
}

function expanded(r: ReportResult, language: Language): string[] {
  const t = (key: keyof typeof TEXT) => TEXT[key][language];
  const lines = [`### ${word(tone(r), language)}: ${inlineCode(r.name)} ${escapeMarkdown(r.label)}`, ''];
  const facts = [
    `**${t('category')}:** ${escapeMarkdown(categoryText(r.category, language))}`,
    `**${t('reason')}:** ${escapeMarkdown(localize(r.reason, language))}`,
  ];
  if (r.cause) facts.push(`**${t('cause')}:** ${CAUSE_TEXT[r.cause][language]}`);
  if (r.waived) {
    const w = r.waived;
    facts.push(
      `**${t('waivedBy')}:** ${escapeMarkdown(w.reason)} (${t('owner').toLowerCase()} ${inlineCode(w.owner)}, ${t('ticket').toLowerCase()} ${escapeMarkdown(w.ticket)}, ${t('expires').toLowerCase()} ${inlineCode(displayDate(w.expires, language))})`,
    );
  }
  facts.push(`**${t('rationale')}:** ${escapeMarkdown(r.rationale[language])}`);
  // Two trailing spaces: a line break within one paragraph.
  lines.push(facts.join('  \n'), '');
  if (r.evidence.length === 0) {
    lines.push(t('noEvidence'));
    return lines;
  }
  const shown = r.evidence.slice(0, MARKDOWN_MAX_EVIDENCE);
  const rows = table(
    [t('object'), t('fields'), t('note')],
    shown.map((e) => evidenceRow(e, language)),
  );
  const omitted = r.evidence.length - shown.length;
  if (omitted > 0) rows.push('', `… ${text('report.moreObjects', { count: omitted }, language)}.`);
  if (r.evidence.length > MARKDOWN_FOLD_EVIDENCE) {
    lines.push(
      '<details>',
      `<summary>${t('evidence')} (${r.evidence.length})</summary>`,
      '',
      ...rows,
      '',
      '</details>',
    );
  } else {
    lines.push(`**${t('evidence')}:**`, '', ...rows);
  }
  return lines;
}

function evidenceRow(e: Evidence, language: Language): string[] {
  const path = [e.namespace, e.name].filter((p) => p !== undefined && p !== '').join('/');
  const flags = [e.offending ? TEXT.offending[language] : '', e.inferred ? TEXT.inferred[language] : '']
    .filter(Boolean)
    .map((f) => ` _(${f})_`)
    .join('');
  const object = `${escapeMarkdown(e.kind)}${path ? ` ${inlineCode(path)}` : ''}${flags}`;
  const fields = Object.entries(e.fields)
    .map(([k, v]) => `${inlineCode(k)}: ${inlineCode(v === null ? 'null' : String(v))}`)
    .join('<br>');
  const note = e.note !== undefined ? escapeMarkdown(localize(e.note, language)) : '';
  return [object, fields, note];
}
