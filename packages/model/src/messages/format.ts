import type { LocalizedText } from '../catalogue.js';
import type { Language } from '../report.js';

/**
 * The message templates and their formatter: a small subset of ICU MessageFormat, over
 * Intl.PluralRules. No I/O, no dependencies.
 *
 *   {name}                                   the parameter: a string, a number, or a text in both
 *                                            languages (the one being rendered is used)
 *   {name, plural, one {…} other {…}}        a branch by Intl.PluralRules(language).select(name);
 *                                            `=N {…}` matches exactly N first; `other` is required;
 *                                            in a branch `#` is the count
 *   {name, date}                             a date (YYYY-MM-DD) or RFC 3339 timestamp as the
 *                                            language writes it (displayDate)
 *
 * Braces cannot be written literally; `#` outside a plural branch is an ordinary character.
 */

/** A message: its template in English and in Dutch. */
export interface Template {
  readonly en: string;
  readonly nl: string;
}

/** What a `{name}` parameter may be. */
export type Value = string | number | LocalizedText;

type Part =
  | string
  | { arg: string }
  | { date: string }
  | { plural: string; exact: Map<number, Part[]>; forms: Map<string, Part[]> };

// Made on first use: creating an Intl.DateTimeFormat loads ICU's calendar data (tens of
// milliseconds), which every command would otherwise pay at start-up, English runs included.
let dutchFormats: { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | undefined;
const dutch = () =>
  (dutchFormats ??= {
    date: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }),
    time: new Intl.DateTimeFormat('nl-NL', { timeStyle: 'medium', timeZone: 'UTC', hourCycle: 'h23' }),
  });

/**
 * A date (YYYY-MM-DD) or timestamp (RFC 3339) as a reader of the language expects it: unchanged in
 * English (ISO 8601, what English-speaking auditors' tools read), in the Dutch form in Dutch
 * ("1 december 2026", "1 december 2026 om 12:20:29 UTC"). Always in UTC, so that the same report
 * reads the same everywhere. Anything that is not such a date is returned as it is.
 */
export function displayDate(value: string, language: Language): string {
  if (language === 'en') return value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const at = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime()) || (dateOnly && at.toISOString().slice(0, 10) !== value)) return value;
  const { date, time } = dutch();
  return dateOnly ? date.format(at) : `${date.format(at)} om ${time.format(at)} UTC`;
}

/** A template's parameters, by name: plural selectors and `#` take a number, the others any Value. */
export function parameterNames(template: string): { name: string; plural: boolean }[] {
  const found = new Map<string, boolean>();
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string') continue;
      if ('arg' in part || 'date' in part) {
        const name = 'arg' in part ? part.arg : part.date;
        if (!found.has(name)) found.set(name, false);
        continue;
      }
      found.set(part.plural, true);
      for (const branch of [...part.exact.values(), ...part.forms.values()]) walk(branch);
    }
  };
  walk(compile(template));
  return [...found].map(([name, plural]) => ({ name, plural }));
}

const compiled = new Map<string, Part[]>();

/** The template parsed (once: parsed templates are cached). Throws on a malformed template. */
function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = parse(template);
    compiled.set(template, parts);
  }
  return parts;
}

const NAME = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*(\}|,\s*plural\s*,|,\s*date\s*\})/y;
const KEY = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
const CLOSE = /\s*\}/y;

function parse(template: string): Part[] {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`malformed message template (${why} at ${at}): ${template}`);
  };
  const sticky = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const match = pattern.exec(template);
    if (match) at = pattern.lastIndex;
    return match;
  };
  // Text and arguments up to the closing brace of a branch (nested) or the end.
  const message = (count: string | undefined, nested: boolean): Part[] => {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') parts.push(text);
      text = '';
    };
    for (;;) {
      const c = template[at];
      if (c === undefined) {
        if (nested) fail('missing }');
        break;
      }
      if (c === '}') {
        if (!nested) fail('unexpected }');
        at += 1;
        break;
      }
      if (c === '{') {
        flush();
        at += 1;
        parts.push(argument());
      } else if (c === '#' && count !== undefined) {
        flush();
        at += 1;
        parts.push({ arg: count });
      } else {
        text += c;
        at += 1;
      }
    }
    flush();
    return parts;
  };
  const argument = (): Part => {
    const name = sticky(NAME) ?? fail('expected a parameter name');
    const arg = name[1]!;
    if (name[2] === '}') return { arg };
    if (name[2]!.includes('date')) return { date: arg };
    const exact = new Map<number, Part[]>();
    const forms = new Map<string, Part[]>();
    while (!sticky(CLOSE)) {
      const key = (sticky(KEY) ?? fail('expected a plural branch'))[1]!;
      const branch = message(arg, true);
      if (key.startsWith('=')) exact.set(Number(key.slice(1)), branch);
      else forms.set(key, branch);
    }
    if (!forms.has('other')) fail(`plural ${arg} without an "other" branch`);
    return { plural: arg, exact, forms };
  };
  return message(undefined, false);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The plural category of a count in a language ("one", "other"), by Intl.PluralRules (cached). */
export function pluralCategory(count: number, language: Language): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (rules === undefined) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/** Renders a template in a language. Throws when a parameter is missing or a count is not a number. */
export function formatTemplate(
  template: string,
  params: Readonly<Record<string, Value>>,
  language: Language,
): string {
  const value = (name: string): Value => {
    const v = params[name];
    if (v === undefined) throw new Error(`message parameter {${name}} is missing: ${template}`);
    return v;
  };
  const render = (parts: readonly Part[]): string => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else if ('arg' in part) {
        const v = value(part.arg);
        out += typeof v === 'object' ? v[language] : String(v);
      } else if ('date' in part) {
        const v = value(part.date);
        out += displayDate(typeof v === 'object' ? v[language] : String(v), language);
      } else {
        const count = value(part.plural);
        if (typeof count !== 'number') {
          throw new Error(`message parameter {${part.plural}} is a count, not ${typeof count}: ${template}`);
        }
        const branch =
          part.exact.get(count) ??
          part.forms.get(pluralCategory(count, language)) ??
          part.forms.get('other')!;
        out += render(branch);
      }
    }
    return out;
  };
  return render(compile(template));
}

// The parameters of a template, at compile time: the same grammar as `parse`, on string literal
// types. Each name is tagged "n:" (a count: plural selector) or "p:" (any Value).

type Space = ' ' | '\n' | '\t';
type TrimStart<S extends string> = S extends `${Space}${infer R}` ? TrimStart<R> : S;
type Trim<S extends string> = S extends `${infer R}${Space}` ? Trim<R> : TrimStart<S>;

/** [names, rest]: text and arguments up to a closing brace (consumed) or the end. */
type ParseMessage<S extends string, N> = S extends `${infer Text}{${infer After}`
  ? Text extends `${string}}${infer Rest}`
    ? [N, `${Rest}{${After}`]
    : ParseArgument<After, N> extends [infer N2, infer R2 extends string]
      ? ParseMessage<R2, N2>
      : [N, '']
  : S extends `${string}}${infer Rest}`
    ? [N, Rest]
    : [N, ''];

type ParseArgument<S extends string, N> = S extends `${infer Name},${infer After}`
  ? Name extends `${string}}${string}`
    ? ParseSimple<S, N>
    : TrimStart<After> extends `plural,${infer Branches}`
      ? ParseBranches<Branches, N | `n:${Trim<Name>}`>
      : TrimStart<After> extends `date${infer More}`
        ? TrimStart<More> extends `}${infer Rest}`
          ? [N | `p:${Trim<Name>}`, Rest]
          : [N, '']
        : [N, '']
  : ParseSimple<S, N>;

type ParseSimple<S extends string, N> = S extends `${infer Name}}${infer Rest}`
  ? [N | `p:${Trim<Name>}`, Rest]
  : [N, ''];

type ParseBranches<S extends string, N> =
  TrimStart<S> extends `}${infer Rest}`
    ? [N, Rest]
    : TrimStart<S> extends `${string}{${infer Body}`
      ? ParseMessage<Body, N> extends [infer N2, infer R2 extends string]
        ? ParseBranches<R2, N2>
        : [N, '']
      : [N, ''];

type NamesOf<S extends string> = ParseMessage<S, never>[0];
type Tagged<S extends string, Tag extends string> =
  NamesOf<S> extends infer N ? (N extends `${Tag}:${infer Name}` ? Name : never) : never;

/** The parameters a template (or a union of templates) needs: counts are numbers, the rest Values. */
export type ParamsOf<S extends string> = {
  [K in Tagged<S, 'n' | 'p'>]: K extends Tagged<S, 'n'> ? number : Value;
};
