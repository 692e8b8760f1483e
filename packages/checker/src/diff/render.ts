import {
  OUTCOME_TEXT,
  TEXT,
  VERDICT_TEXT,
  WAIVED_TEXT,
  displayDate,
  escapeControl,
  text,
  type Language,
  type MessageKey,
} from '@havenkit/model';
import type { CheckState, ReportDiff } from './diff.js';

const show = (v: unknown): string => (v === undefined ? '—' : JSON.stringify(v));

/** The diff as readable text, in English or Dutch (the words are the catalogue's diff section). */
export function renderDiff(diff: ReportDiff, language: Language): string {
  const w = (key: MessageKey<'diff'>) => text(`diff.${key}`, language);
  const state = (s: CheckState) =>
    (s.outcome === 'fail' && s.waived ? WAIVED_TEXT : OUTCOME_TEXT[s.outcome])[language];
  const lines = [
    `${w('header')} ${displayDate(diff.old.collectedAt, language)} (Haven ${diff.old.havenVersion}) ${w('with')} ${displayDate(diff.new.collectedAt, language)} (Haven ${diff.new.havenVersion})`,
  ];
  if (diff.differentClusters) {
    lines.push(`${w('differentClusters')}: ${diff.old.clusterId ?? '?'} / ${diff.new.clusterId ?? '?'}`);
  }
  if (diff.settingsChanged.length > 0) {
    lines.push(`${w('settingsChanged')}: ${diff.settingsChanged.join(', ')}`);
  }
  const verdictLine = `${TEXT.verdict[language]}: ${VERDICT_TEXT[diff.old.verdict][language]}`;
  lines.push(
    diff.verdictChanged ? `${verdictLine} → ${VERDICT_TEXT[diff.new.verdict][language]}` : verdictLine,
  );
  if (diff.added.length > 0) {
    lines.push('', `${w('added')}:`);
    for (const c of diff.added) lines.push(`  + ${c.name}  ${c.label}: ${OUTCOME_TEXT[c.outcome][language]}`);
  }
  if (diff.removed.length > 0) {
    lines.push('', `${w('removed')}:`);
    for (const c of diff.removed)
      lines.push(`  - ${c.name}  ${c.label}: ${OUTCOME_TEXT[c.outcome][language]}`);
  }
  if (diff.changed.length > 0) {
    lines.push('', `${w('changed')}:`);
    for (const c of diff.changed) {
      const moved = state(c.old) !== state(c.new);
      const tag = c.regressed ? ` ${w('regressed')}` : c.improved ? ` (${w('improved')})` : '';
      lines.push(
        moved
          ? `  ~ ${c.name}: ${state(c.old)} → ${state(c.new)}${tag}`
          : `  ~ ${c.name}: ${state(c.new)}, ${w('evidenceOnly')}${tag}`,
      );
      if (c.newlyOffending.length > 0) {
        lines.push(`      ${w('newlyOffending')}: ${c.newlyOffending.join(', ')}`);
      }
      for (const e of c.evidence) {
        if (e.change === 'added') lines.push(`      + ${e.object} (${w('evidenceAdded')})`);
        else if (e.change === 'removed') lines.push(`      - ${e.object} (${w('evidenceRemoved')})`);
        else {
          for (const [field, [a, b]] of Object.entries(e.fields ?? {})) {
            lines.push(`      ~ ${e.object} ${field}: ${show(a)} → ${show(b)}`);
          }
        }
      }
    }
  }
  if (!diff.verdictChanged && diff.added.length + diff.removed.length + diff.changed.length === 0) {
    lines.push('', w('nothing'));
  }
  lines.push('', diff.regressed ? w('resultRegressed') : w('resultOk'));
  // Object names and ids come from cluster data: never let them drive the terminal.
  return `${escapeControl(lines.join('\n'))}\n`;
}
