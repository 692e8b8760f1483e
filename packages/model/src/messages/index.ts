import type { LocalizedText } from '../catalogue.js';
import type { Language } from '../report.js';
import * as checks from './checks.js';
import { diff } from './diff.js';
import { formatTemplate, type ParamsOf, type Template, type Value } from './format.js';
import { category, cause, outcome, report, verdict, waiverStatus } from './report.js';
import { remediation } from './remediation.js';
import { register } from './register.js';
import { verify } from './verify.js';
import { waivers } from './waivers.js';

export { pluralCategory } from './format.js';
export type { Template as MessageTemplate, Value as MessageValue } from './format.js';

/**
 * The message catalogue: every text havenkit prints or stores, in English and Dutch, by area
 * (report, remediation, diff, waivers) and by check (one section per check, named as the check). An id is
 * "section.key", e.g. "multiaz.pass". Templates: see format.ts.
 */
export const MESSAGES = {
  report,
  outcome,
  cause,
  verdict,
  waiverStatus,
  category,
  remediation,
  diff,
  verify,
  waivers,
  register,
  ...checks,
} as const satisfies Readonly<Record<string, Readonly<Record<string, Template>>>>;

type Messages = typeof MESSAGES;
export type MessageSection = keyof Messages;

/** The keys of a section: MessageKey<'diff'> is "header" | "with" | ... */
export type MessageKey<S extends MessageSection> = keyof Messages[S] & string;

/** Every message id: "report.title", "multiaz.pass", ... */
export type MessageId = {
  [S in MessageSection]: `${S}.${MessageKey<S>}`;
}[MessageSection];

type TemplateOf<Id extends MessageId> = Id extends `${infer S extends MessageSection}.${infer K}`
  ? Messages[S][K & keyof Messages[S]]
  : never;

/** The parameters of a message (those of its English and its Dutch template). */
export type MessageParams<Id extends MessageId> =
  TemplateOf<Id> extends { en: infer En extends string; nl: infer Nl extends string }
    ? ParamsOf<En | Nl>
    : never;

/** The parameter argument of a message: none when it has no parameters. */
export type MessageArgs<Id extends MessageId> = keyof MessageParams<Id> extends never
  ? []
  : [params: MessageParams<Id>];

const NO_PARAMS: Readonly<Record<string, Value>> = {};

function templateOf(id: string): Template {
  const dot = id.indexOf('.');
  const section = (MESSAGES as Readonly<Record<string, Readonly<Record<string, Template>>>>)[
    id.slice(0, dot)
  ];
  const template = section?.[id.slice(dot + 1)];
  if (template === undefined) throw new Error(`no message "${id}"`);
  return template;
}

/** A message in both languages, as checks store it in the report. */
export function message<Id extends MessageId>(id: Id, ...args: MessageArgs<Id>): LocalizedText {
  const template = templateOf(id);
  const params = (args[0] as Readonly<Record<string, Value>> | undefined) ?? NO_PARAMS;
  return { en: formatTemplate(template.en, params, 'en'), nl: formatTemplate(template.nl, params, 'nl') };
}

/** A message in one language, as renderers print it: text(id, language) or text(id, params, language). */
export function text<Id extends MessageId>(id: Id, ...args: [...MessageArgs<Id>, Language]): string {
  const language = args[args.length - 1] as Language;
  const params = (args.length > 1 ? args[0] : NO_PARAMS) as Readonly<Record<string, Value>>;
  return formatTemplate(templateOf(id)[language], params, language);
}
