import wrapAnsi from 'wrap-ansi';
import { remediationPlainText } from '../remediation-text.js';
import {
  CAUSE_TEXT,
  OUTCOME_TEXT,
  TEXT,
  VERDICT_TEXT,
  WAIVED_TEXT,
  WAIVER_STATUS_TEXT,
  categoryText,
  countsLine,
  displayDate,
  escapeControl,
  text,
  type ComplianceReport,
  type Evidence,
  type Language,
  type Outcome,
  type ReportResult,
  type VerdictWithWaivers,
} from '@havenkit/model';

export interface TableOptions {
  /** Print each check's rationale under it. @default false */
  readonly rationale?: boolean;
  /** Report language. @default 'en' */
  readonly language?: Language;
  /** ANSI colours (the caller decides: TTY, NO_COLOR, --no-color). @default false */
  readonly color?: boolean;
  /** Wrap lines to this many columns (the caller passes the terminal's width). @default 100 */
  readonly width?: number;
  /** Leave out checks that passed or were skipped; the verdict and the counts stay whole. @default false */
  readonly failedOnly?: boolean;
  /** Print the evidence of every check. @default false */
  readonly verbose?: boolean;
}

type Tone = Outcome | 'waived' | 'partial';

const COLOUR: Record<Tone, string> = {
  pass: '32',
  fail: '31',
  skip: '90',
  unknown: '33',
  waived: '35',
  partial: '36',
};

const VERDICT_TONE: Record<VerdictWithWaivers, Tone> = {
  compliant: 'pass',
  'not-compliant': 'fail',
  inconclusive: 'unknown',
  'compliant-with-waivers': 'waived',
  'selected-passed': 'partial',
  'selected-passed-with-waivers': 'waived',
};

/** Worst first: what needs attention comes before what passed. */
const ORDER: Record<Outcome | 'waived', number> = { fail: 0, waived: 1, unknown: 2, skip: 3, pass: 4 };

/** A pass whose evidence includes an inference gets this marker (and a legend under the checks). */
const INFERRED_MARK = '*';

const MIN_WIDTH = 40;

/**
 * The official checker's summary line, in its English wording — or nothing where that wording would
 * say something else than the verdict: it knows only "a" and "NOT a Haven Compliant cluster", so an
 * inconclusive or partial run (which never showed compliance, nor its absence) prints no such line.
 */
export function summaryLine(report: ComplianceReport): string | undefined {
  if (report.verdict !== 'compliant' && report.verdict !== 'not-compliant') return undefined;
  const { total, passed, skipped, unknown } = report.summary;
  const compliant = report.verdict === 'compliant' ? 'a' : 'NOT a';
  return `Results: ${passed} out of ${total} checks passed, ${skipped} checks skipped, ${unknown} checks unknown. This is ${compliant} Haven Compliant cluster.`;
}

const inferredPass = (r: ReportResult) => r.outcome === 'pass' && r.evidence.some((e) => e.inferred === true);

function evidenceLine(e: Evidence, language: Language): string {
  const object = [e.kind, e.namespace ? `${e.namespace}/${e.name ?? ''}` : e.name].filter(Boolean).join(' ');
  const fields = Object.entries(e.fields).map(([k, v]) => `${k}=${v === null ? '—' : String(v)}`);
  const marks = [
    e.inferred ? TEXT.inferred[language] : undefined,
    e.offending ? TEXT.offending[language] : undefined,
  ].filter(Boolean);
  const note = e.note ? ` — ${e.note[language]}` : '';
  const tail = marks.length > 0 ? ` [${marks.join(', ')}]` : '';
  return `- ${object}${fields.length > 0 ? `: ${fields.join(', ')}` : ''}${note}${tail}`;
}

/**
 * The readable report for a terminal: the verdict first (said once), then the counts, the checks
 * worst first (failures and unknowns before passes, passes resting on inference marked), what to do
 * for every check that did not pass, suggested checks and waivers. Wrapped to the given width. It
 * ends with the official checker's English summary line where that line states the same verdict,
 * so that scripts written for the official checker keep working.
 */
export function renderTable(report: ComplianceReport, options: TableOptions = {}): string {
  const language = options.language ?? 'en';
  const color = options.color ?? false;
  const width = Math.max(MIN_WIDTH, options.width ?? 100);
  const t = (key: keyof typeof TEXT) => TEXT[key][language];
  const paint = (tone: Tone, value: string) => (color ? `\u001b[${COLOUR[tone]}m${value}\u001b[0m` : value);
  const bold = (value: string) => (color ? `\u001b[1m${value}\u001b[0m` : value);
  const tone = (r: ReportResult): Outcome | 'waived' => (r.waived ? 'waived' : r.outcome);
  const word = (r: ReportResult) =>
    (r.waived ? WAIVED_TEXT : OUTCOME_TEXT[r.outcome])[language].toUpperCase() +
    (inferredPass(r) ? INFERRED_MARK : '');
  /** Wraps one paragraph; continuation lines get `hang` (default: `indent`). */
  const wrap = (value: string, indent: string, hang = indent): string[] =>
    wrapAnsi(escapeControl(value), Math.max(20, width - hang.length), { hard: true, trim: true })
      .split('\n')
      .map((line, i) => (i === 0 ? indent : hang) + line);

  const all = [...report.results, ...report.suggested];
  const nameWidth = Math.max(0, ...all.map((r) => r.name.length));
  const words = [...Object.values(OUTCOME_TEXT), WAIVED_TEXT].map((w) => w[language].length + 1);
  const wordWidth = Math.max(...words);
  const indent = ' '.repeat(2 + wordWidth + 2 + nameWidth + 2);
  const sorted = (results: readonly ReportResult[]) =>
    results
      .map((r, i) => ({ r, i }))
      .sort((a, b) => ORDER[tone(a.r)] - ORDER[tone(b.r)] || a.i - b.i)
      .map(({ r }) => r)
      .filter((r) => !options.failedOnly || (r.outcome !== 'pass' && r.outcome !== 'skip'));

  const row = (r: ReportResult): string[] => {
    const head = `  ${paint(tone(r), word(r).padEnd(wordWidth))}  ${r.name.padEnd(nameWidth)}  `;
    const lines = wrap(r.label, '', indent);
    lines[0] = head + lines[0]!;
    if (r.outcome !== 'pass') {
      const cause = r.cause ? ` (${CAUSE_TEXT[r.cause][language]})` : '';
      lines.push(...wrap(`${r.reason[language]}${cause}`, indent));
    }
    if (r.waived) {
      const w = r.waived;
      const expires = `${t('expires').toLowerCase()} ${displayDate(w.expires, language)}`;
      lines.push(...wrap(`${t('waivedBy')}: ${w.reason} (${w.owner}, ${w.ticket}, ${expires})`, indent));
    }
    if (options.rationale) lines.push(...wrap(r.rationale[language], indent));
    if (options.verbose) {
      if (r.evidence.length === 0) lines.push(...wrap(t('noEvidence'), indent));
      for (const e of r.evidence) lines.push(...wrap(evidenceLine(e, language), indent, `${indent}  `));
    }
    return lines;
  };
  const section = (title: string, results: readonly ReportResult[]): string[] => {
    const shown = sorted(results);
    if (shown.length === 0) return [];
    return ['', bold(title), ...shown.flatMap(row)];
  };

  const verdict = report.verdictWithWaivers ?? report.verdict;
  const out = [
    bold(paint(VERDICT_TONE[report.verdict], `${t('verdict')}: ${VERDICT_TEXT[report.verdict][language]}`)),
  ];
  if (report.verdictWithWaivers !== undefined) {
    out.push(
      bold(paint(VERDICT_TONE[verdict], `${t('verdictWithWaivers')}: ${VERDICT_TEXT[verdict][language]}`)),
    );
  }
  const notEvaluated = report.metadata.evaluation.notEvaluated ?? [];
  if (notEvaluated.length > 0) {
    out.push(
      ...wrap(
        text(
          'report.notEvaluated',
          { count: notEvaluated.length, checks: notEvaluated.join(', ') },
          language,
        ),
        '',
      ),
    );
  }
  out.push(...wrap(`${t('summary')}: ${countsLine(report.summary, language)}`, ''));

  const { snapshot, havenVersion, checker } = report.metadata;
  const where = [snapshot.server, snapshot.context && `${t('context').toLowerCase()} ${snapshot.context}`]
    .filter(Boolean)
    .join(', ');
  out.push(
    '',
    ...wrap(`${t('title')}: Haven ${havenVersion} (${checker.name} ${checker.version})`, ''),
    ...wrap(
      `${t('cluster')}: ${where || '?'}; ${t('collectedAt').toLowerCase()} ${displayDate(snapshot.collectedAt, language)}`,
      '',
    ),
  );

  out.push(...section(t('mandatoryChecks'), report.results));
  if (sorted(report.results).some(inferredPass)) {
    out.push('', ...wrap(`${INFERRED_MARK} ${text('report.inferredLegend', language)}`, '', '  '));
  }
  if (report.suggested.length > 0) out.push(...section(t('suggestedChecks'), report.suggested));

  const todo = sorted(all).filter((r) => r.outcome === 'fail' || r.outcome === 'unknown');
  const withRemedy = todo.filter((r) => r.remediation !== undefined);
  if (withRemedy.length > 0) {
    out.push('', bold(t('whatToDo')));
    for (const r of withRemedy) {
      out.push(`  ${paint(tone(r), word(r))}  ${r.name}  ${categoryText(r.category, language)}`);
      out.push(...remediationLines(r.remediation![language], '    ', wrap));
    }
  }

  if (report.waivers) {
    out.push(
      '',
      bold(
        `${t('waivers')} (${t('waiversAsOf').toLowerCase()} ${displayDate(report.waivers.asOf, language)})`,
      ),
    );
    report.waivers.waivers.forEach((o, i) => {
      const line = `${i + 1}. ${o.waiver.check}: ${WAIVER_STATUS_TEXT[o.status][language]} (${o.detail[language]})`;
      out.push(...wrap(line, '  ', '     '));
    });
  }
  const official = summaryLine(report);
  if (official !== undefined) out.push('', official);
  return `${out.join('\n')}\n`;
}

/**
 * Remediation text as the terminal shows it: remediationPlainText's lines, with paragraphs and list
 * items wrapped and code (indented by four spaces there) printed as it is, so that commands and
 * manifests can be copied.
 */
function remediationLines(
  value: string,
  indent: string,
  wrap: (value: string, indent: string, hang?: string) => string[],
): string[] {
  return remediationPlainText(value)
    .split('\n')
    .flatMap((line) => {
      if (line === '') return [];
      if (line.startsWith('    ')) return [`${indent}${escapeControl(line.slice(2))}`];
      return line.startsWith('- ') ? wrap(line, indent, `${indent}  `) : wrap(line, indent);
    });
}
