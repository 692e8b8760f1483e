import {
  CAUSE_TEXT,
  OUTCOME_TEXT,
  TEXT,
  VERDICT_TEXT,
  WAIVED_TEXT,
  WAIVER_STATUS_TEXT,
  countsLine,
  type Outcome,
  type ComplianceReport,
  type Language,
  type ReportResult,
} from '@havenkit/model';

export interface TableOptions {
  /** Print each check's rationale under it. @default false */
  readonly rationale?: boolean;
  /** Report language. @default 'en' */
  readonly language?: Language;
  /** ANSI colours (the caller decides: TTY, NO_COLOR, --no-color). @default false */
  readonly color?: boolean;
}

const COLOUR: Record<Outcome | 'waived', string> = {
  pass: '32',
  fail: '31',
  skip: '90',
  unknown: '33',
  waived: '35',
};

/** The official checker's summary line (English, as the official checker prints it). */
export function summaryLine(report: ComplianceReport): string {
  const { total, passed, skipped, unknown } = report.summary;
  const compliant = report.verdict === 'compliant' ? 'a' : 'NOT a';
  return `Results: ${passed} out of ${total} checks passed, ${skipped} checks skipped, ${unknown} checks unknown. This is ${compliant} Haven Compliant cluster.`;
}

/**
 * A readable table grouped by category (catalogue order), with the reason of every non-pass, the
 * suggested checks, waivers, and the verdict. It always ends with the official checker's English summary
 * line, in Dutch too, so that scripts written for the official checker keep working.
 */
export function renderTable(report: ComplianceReport, options: TableOptions = {}): string {
  const rationale = options.rationale ?? false;
  const language = options.language ?? 'en';
  const color = options.color ?? false;
  const t = (key: keyof typeof TEXT) => TEXT[key][language];
  const paint = (tone: Outcome | 'waived', text: string) =>
    color ? `\u001b[${COLOUR[tone]}m${text}\u001b[0m` : text;
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const tone = (r: ReportResult): Outcome | 'waived' => (r.waived ? 'waived' : r.outcome);
  const word = (r: ReportResult) =>
    (r.waived ? WAIVED_TEXT : OUTCOME_TEXT[r.outcome])[language].toUpperCase();

  const all = [...report.results, ...report.suggested];
  const nameWidth = Math.max(0, ...all.map((r) => r.name.length));
  const words = [...Object.values(OUTCOME_TEXT), WAIVED_TEXT].map((w) => w[language].length);
  const wordWidth = Math.max(...words);
  const indent = ' '.repeat(2 + wordWidth + 2 + nameWidth + 2);

  const row = (r: ReportResult): string[] => {
    const lines = [`  ${paint(tone(r), word(r).padEnd(wordWidth))}  ${r.name.padEnd(nameWidth)}  ${r.label}`];
    if (r.outcome !== 'pass') {
      const cause = r.cause ? ` (${CAUSE_TEXT[r.cause][language]})` : '';
      lines.push(`${indent}${r.reason[language]}${cause}`);
    }
    if (r.waived) {
      const w = r.waived;
      lines.push(
        `${indent}${t('waivedBy')}: ${w.reason} (${w.owner}, ${w.ticket}, ${t('expires').toLowerCase()} ${w.expires})`,
      );
    }
    if (rationale) lines.push(`${indent}${r.rationale[language]}`);
    return lines;
  };
  const group = (title: string, results: readonly ReportResult[]): string[] => {
    const lines: string[] = [];
    let category = '';
    for (const r of results) {
      if (r.category !== category) {
        category = r.category;
        lines.push('', bold(`${title}${category}`));
      }
      lines.push(...row(r));
    }
    return lines;
  };

  const { snapshot, havenVersion, checker } = report.metadata;
  const where = [snapshot.server, snapshot.context && `${t('context').toLowerCase()} ${snapshot.context}`]
    .filter(Boolean)
    .join(', ');
  const out = [
    `${t('title')}: Haven ${havenVersion} (${checker.name} ${checker.version})`,
    `${t('cluster')}: ${where || '?'}; ${t('collectedAt').toLowerCase()} ${snapshot.collectedAt}`,
    ...group('', report.results),
  ];
  if (report.suggested.length > 0) out.push(...group(`${t('suggestedChecks')}: `, report.suggested));
  if (report.waivers) {
    out.push('', bold(`${t('waivers')} (${t('waiversAsOf').toLowerCase()} ${report.waivers.asOf})`));
    report.waivers.waivers.forEach((o, i) => {
      out.push(
        `  ${i}  ${o.waiver.check}: ${WAIVER_STATUS_TEXT[o.status][language]} (${o.detail[language]})`,
      );
    });
  }
  out.push('', `${t('summary')}: ${countsLine(report.summary, language)}`);
  out.push(`${t('verdict')}: ${VERDICT_TEXT[report.verdict][language]}`);
  if (report.verdictWithWaivers !== undefined) {
    out.push(`${t('verdictWithWaivers')}: ${VERDICT_TEXT[report.verdictWithWaivers][language]}`);
  }
  out.push('', summaryLine(report));
  return `${out.join('\n')}\n`;
}
