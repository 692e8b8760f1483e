import type { Outcome } from '../result.js';
import type { ComplianceReport, ReportResult } from './types.js';

export interface TableOptions {
  /** Print each check's rationale under it. @default false */
  readonly rationale?: boolean;
  /** Rationale language. @default 'en' */
  readonly language?: 'en' | 'nl';
  /** ANSI colours (the caller decides: TTY, NO_COLOR, --no-color). @default false */
  readonly color?: boolean;
}

const WORD: Record<Outcome, string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', unknown: 'UNKNOWN' };
const COLOUR: Record<Outcome, string> = { pass: '32', fail: '31', skip: '90', unknown: '33' };

/** The official checker's summary line. */
export function summaryLine(report: ComplianceReport): string {
  const { total, passed, skipped, unknown } = report.summary;
  const compliant = report.verdict === 'compliant' ? 'a' : 'NOT a';
  return `Results: ${passed} out of ${total} checks passed, ${skipped} checks skipped, ${unknown} checks unknown. This is ${compliant} Haven Compliant cluster.`;
}

/**
 * A readable table grouped by category (catalogue order), with the reason of every non-pass, the
 * suggested checks, and the official summary line.
 */
export function renderTable(report: ComplianceReport, options: TableOptions = {}): string {
  const rationale = options.rationale ?? false;
  const language = options.language ?? 'en';
  const color = options.color ?? false;
  const paint = (outcome: Outcome, text: string) =>
    color ? `\u001b[${COLOUR[outcome]}m${text}\u001b[0m` : text;
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);

  const all = [...report.results, ...report.suggested];
  const nameWidth = Math.max(0, ...all.map((r) => r.name.length));
  const wordWidth = Math.max(...Object.values(WORD).map((w) => w.length));
  const indent = ' '.repeat(2 + wordWidth + 2 + nameWidth + 2);

  const row = (r: ReportResult): string[] => {
    const lines = [
      `  ${paint(r.outcome, WORD[r.outcome].padEnd(wordWidth))}  ${r.name.padEnd(nameWidth)}  ${r.label}`,
    ];
    if (r.outcome !== 'pass') lines.push(`${indent}${r.reason}${r.cause ? ` (${r.cause})` : ''}`);
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
  const where = [snapshot.server, snapshot.context && `context ${snapshot.context}`]
    .filter(Boolean)
    .join(', ');
  const out = [
    `Haven ${havenVersion} compliance check (${checker.name} ${checker.version})`,
    `Cluster: ${where || 'unknown'}; snapshot collected at ${snapshot.collectedAt}`,
    ...group('', report.results),
  ];
  if (report.suggested.length > 0) out.push(...group('Suggested: ', report.suggested));
  out.push('', summaryLine(report));
  return `${out.join('\n')}\n`;
}
