import { VERDICT_TEXT, type Language } from '@havenkit/model';
import { VERDICT_MARK, escapeMarkdown, inlineCode, table } from '../report/markdown.js';
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
import type { Cell, FleetCluster, FleetOverview } from './model.js';
import { SIGNATURE_TEXT, passedOverText, skippedHavenText } from './text.js';

/** The same marks as the single-cluster markdown report (report/markdown.ts). */
const CELL_MARK: Record<Cell, string> = {
  pass: '✅',
  fail: '❌',
  waived: '🔕',
  skip: '⏭️',
  unknown: '⚠️',
  absent: '—',
};

const LEGEND: readonly Cell[] = ['pass', 'fail', 'waived', 'skip', 'unknown', 'absent'];

function clusterSection(cluster: FleetCluster, language: Language): string[] {
  const t = (key: Parameters<typeof fleetText>[0]) => fleetText(key, language);
  const { latest } = cluster;
  const out = [`### ${VERDICT_MARK[latest.verdict]} ${escapeMarkdown(cluster.name)}`, ''];
  const rows: [string, string | undefined][] = [
    [
      t('verdict'),
      `${VERDICT_MARK[latest.verdict]} ${escapeMarkdown(VERDICT_TEXT[latest.verdict][language])}`,
    ],
    [t('collectedAt'), inlineCode(dateText(latest.collectedAt, language))],
    [t('counts'), escapeMarkdown(countsOf(latest, language))],
    [t('clusterId'), cluster.clusterId !== undefined ? inlineCode(cluster.clusterId) : undefined],
    [t('context'), cluster.context !== undefined ? inlineCode(cluster.context) : undefined],
    [t('server'), cluster.server !== undefined ? inlineCode(cluster.server) : undefined],
    [t('havenVersion'), inlineCode(cluster.havenVersion)],
    [
      t('signature'),
      `${SIGNATURE_TEXT[latest.signature][language]}${latest.keyId !== undefined ? ` (${inlineCode(latest.keyId)})` : ''}`,
    ],
    [t('report'), inlineCode(latest.path)],
  ];
  out.push(
    ...table(
      [t('cluster'), ''],
      rows.filter((r): r is [string, string] => r[1] !== undefined),
    ),
  );
  const dates = runDates(cluster.runs, language);
  const trend = cluster.runs.map((r, i) => `${VERDICT_MARK[r.verdict]} ${escapeMarkdown(dates[i]!)}`);
  out.push('', `**${t('trend')}:** ${trend.join(' → ')}`);
  const changes = cluster.changes;
  if (changes === undefined) {
    out.push('', t('oneRun'));
  } else {
    const names = (checks: readonly string[]) =>
      checks.length === 0 ? '—' : checks.map(inlineCode).join(', ');
    const parts = [
      `${t('newlyFailing')} ${names(changes.newlyFailing)}`,
      `${t('fixed')} ${names(changes.fixed)}`,
    ];
    if (changes.changed.length > 0) {
      parts.push(
        `${t('changed')} ${changes.changed
          .map((c) => `${inlineCode(c.check)} (${cellWord(c.from, language)} → ${cellWord(c.to, language)})`)
          .join(', ')}`,
      );
    }
    out.push(
      '',
      `${capital(t('since'))} ${escapeMarkdown(dateText(changes.since, language))}: ${parts.join('; ')}.`,
    );
  }
  return out;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The fleet overview as Markdown for an issue, a wiki or a mail: the summary line, the matrix of
 * clusters × checks (worst cluster first), a section per cluster with its trend, and the files not
 * read. Every text from a report (cluster names, contexts, paths) is escaped: reports are hostile
 * input. Pure.
 */
export function renderFleetMarkdown(overview: FleetOverview, options: FleetRenderOptions): string {
  const { language } = options;
  const t = (key: Parameters<typeof fleetText>[0]) => fleetText(key, language);
  const out = [`# ${t('title')}`, '', `**${escapeMarkdown(fleetSummaryLine(overview, language))}.**`, ''];
  out.push(t('subtitle'), '', `_${t('exitNote')}_`);
  out.push(
    '',
    overview.verifiedWith !== undefined
      ? `${t('keyNote')} ${inlineCode(overview.verifiedWith)}.`
      : t('noKeyNote'),
  );

  out.push('', `## ${t('matrix')}`, '');
  out.push(
    ...table(
      [t('cluster'), t('verdict'), ...overview.checks.map((c) => inlineCode(c.name))],
      overview.clusters.map((c) => [
        escapeMarkdown(c.name),
        `${VERDICT_MARK[c.latest.verdict]} ${escapeMarkdown(shortVerdict(c.latest.verdict, language))}`,
        ...overview.checks.map((check) => CELL_MARK[c.cells[check.name] ?? 'absent']),
      ]),
      ['---', '---', ...overview.checks.map(() => ':---:')],
    ),
  );
  out.push(
    '',
    `${t('legend')}: ${LEGEND.map((cell) => `${CELL_MARK[cell]} ${cellWord(cell, language)}`).join(' · ')}`,
  );

  out.push('', `## ${t('clusters')}`);
  for (const cluster of overview.clusters) out.push('', ...clusterSection(cluster, language));

  out.push('', `## ${t('notRead')}`, '');
  if (overview.notRead.length === 0) out.push(t('nothingUnread'));
  else {
    out.push(
      ...table(
        [t('file'), t('why')],
        overview.notRead.map((n) => [inlineCode(n.path), escapeMarkdown(notReadReason(n, language))]),
      ),
    );
  }
  if (overview.skipped.length > 0)
    out.push('', escapeMarkdown(skippedHavenText(overview.skipped.length, language)));
  if (overview.passedOver.length > 0)
    out.push('', escapeMarkdown(passedOverText(overview.passedOver.length, language)));
  if (options.generator !== undefined) {
    const at =
      overview.generatedAt !== undefined
        ? ` ${t('generatedAt')} ${dateText(overview.generatedAt, language)}`
        : '';
    out.push(
      '',
      '---',
      '',
      `_${t('generatedBy')} ${escapeMarkdown(options.generator)}${escapeMarkdown(at)}_`,
    );
  }
  return `${out.join('\n')}\n`;
}
