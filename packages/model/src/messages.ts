import type { LocalizedText } from './catalogue.js';
import type { Outcome, UnknownCause } from './result.js';
import type { WaiverStatus } from './waivers.js';
import type { Language, ReportSummary, Verdict, VerdictWithWaivers } from './report.js';
import { MESSAGES, text, type MessageArgs, type MessageId, type MessageSection } from './messages/index.js';

export { displayDate } from './messages/format.js';
export {
  MESSAGES,
  message,
  text,
  pluralCategory,
  type MessageArgs,
  type MessageId,
  type MessageKey,
  type MessageParams,
  type MessageSection,
  type MessageTemplate,
  type MessageValue,
} from './messages/index.js';

/** The keys of a catalogue section whose messages have no parameters. */
type Parameterless<S extends MessageSection> = {
  [K in keyof (typeof MESSAGES)[S] & string]: MessageArgs<Extract<`${S}.${K}`, MessageId>> extends []
    ? K
    : never;
}[keyof (typeof MESSAGES)[S] & string];

/** The parameterless messages of a section, as texts in both languages. */
function texts<S extends MessageSection>(section: S): { readonly [K in Parameterless<S>]: LocalizedText } {
  const out: Record<string, LocalizedText> = {};
  for (const [key, template] of Object.entries(MESSAGES[section])) {
    if (template.en.includes('{') || template.nl.includes('{')) continue;
    out[key] = { en: template.en, nl: template.nl };
  }
  return out as { readonly [K in Parameterless<S>]: LocalizedText };
}

/**
 * Report texts in English and Dutch (the catalogue's report section). Check labels and categories
 * are the official checker's and are never translated; everything else a report prints comes from
 * the catalogue (messages/) or from the check.
 */
export const TEXT = texts('report');

const outcomes = texts('outcome');

export const OUTCOME_TEXT: Readonly<Record<Outcome, LocalizedText>> = {
  pass: outcomes.pass,
  fail: outcomes.fail,
  skip: outcomes.skip,
  unknown: outcomes.unknown,
};

/** "waived" replaces "fail" wherever a failure is covered by an active waiver. */
export const WAIVED_TEXT: LocalizedText = outcomes.waived;

export const CAUSE_TEXT: Readonly<Record<UnknownCause, LocalizedText>> = texts('cause');

export const VERDICT_TEXT: Readonly<Record<Verdict | VerdictWithWaivers, LocalizedText>> = texts('verdict');

export const WAIVER_STATUS_TEXT: Readonly<Record<WaiverStatus, LocalizedText>> = texts('waiverStatus');

const categories: Readonly<Record<string, LocalizedText>> = texts('category');

/** A check category as a reader sees it (Dutch in Dutch); an unknown category is shown as it is. */
export function categoryText(category: string, language: Language): string {
  return Object.hasOwn(categories, category) ? categories[category]![language] : category;
}

/** A text in the given language; a plain string is returned as it is. */
export function localize(text: LocalizedText | string, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

/**
 * The counts line of a report, e.g. "12 passed, 1 failed, 1 waived, 1 skipped, 0 unknown, of 15".
 * Waived failures are shown apart from the failures that are not waived, so the counts add up.
 */
export function countsLine(summary: ReportSummary, language: Language): string {
  const { total, passed, failed, skipped, unknown, waived } = summary;
  const unwaived = failed - waived;
  return text('report.counts', { total, passed, failed: unwaived, skipped, unknown, waived }, language);
}
