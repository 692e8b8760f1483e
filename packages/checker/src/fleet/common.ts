/**
 * What the markdown and HTML overviews say alike, as plain text: the summary line, the dates of a
 * trend, the lines of the Not read section. The renderers escape it for their format.
 */
import { countsLine, displayDate, OUTCOME_TEXT, WAIVED_TEXT, type Language } from '@havenkit/model';
import {
  VERDICT_ORDER,
  type Cell,
  type FleetOverview,
  type FleetRun,
  type FleetVerdict,
  type NotRead,
} from './model.js';
import { FLEET_TEXT, PROBLEM_TEXT, SHORT_VERDICT, clustersText, type FleetTextKey } from './text.js';

/** The options every fleet renderer takes. */
export interface FleetRenderOptions {
  readonly language: Language;
  /** The tool that made the page, "name version" (the HTML's generator and footer). */
  readonly generator?: string;
}

export const fleetText = (key: FleetTextKey, language: Language): string => FLEET_TEXT[key][language];

/** Verdicts that are not a Haven verdict are only counted when a cluster has one. */
const ALWAYS: ReadonlySet<FleetVerdict> = new Set([
  'not-compliant',
  'inconclusive',
  'compliant-with-waivers',
  'compliant',
]);

/** "3 clusters: 1 not compliant, 1 inconclusive, 0 compliant with waivers, 1 compliant". */
export function fleetSummaryLine(overview: FleetOverview, language: Language): string {
  const { clusters, verdicts } = overview.summary;
  const parts = VERDICT_ORDER.filter((v) => ALWAYS.has(v) || verdicts[v] > 0).map(
    (v) => `${verdicts[v]} ${SHORT_VERDICT[v][language]}`,
  );
  return `${clustersText(clusters, language)}: ${parts.join(', ')}`;
}

export function shortVerdict(verdict: FleetVerdict, language: Language): string {
  return SHORT_VERDICT[verdict][language];
}

/** A cell in words: the report's outcome word, "waived", or "not evaluated". */
export function cellWord(cell: Cell, language: Language): string {
  if (cell === 'absent') return fleetText('absent', language);
  return cell === 'waived' ? WAIVED_TEXT[language] : OUTCOME_TEXT[cell][language];
}

export function countsOf(run: FleetRun, language: Language): string {
  return countsLine(run.summary, language);
}

/**
 * The dates of a cluster's runs as the trend shows them: the day, or the whole timestamp when two
 * runs share a day (else they would read as one).
 */
export function runDates(runs: readonly FleetRun[], language: Language): string[] {
  const days = runs.map((r) =>
    /^\d{4}-\d{2}-\d{2}T/.test(r.collectedAt) ? r.collectedAt.slice(0, 10) : r.collectedAt,
  );
  const shared = new Set(days.filter((d, i) => days.indexOf(d) !== i));
  return runs.map((r, i) => displayDate(shared.has(days[i]!) ? r.collectedAt : days[i]!, language));
}

/** A timestamp as the language writes it. */
export function dateText(value: string, language: Language): string {
  return displayDate(value, language);
}

/** Why a file was not read, in one line: the lead in the language, the particulars as found. */
export function notReadReason(entry: NotRead, language: Language): string {
  const lead = PROBLEM_TEXT[entry.problem][language];
  return entry.detail !== undefined ? `${lead}: ${entry.detail}` : lead;
}
