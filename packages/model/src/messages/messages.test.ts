import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../report.js';
import { formatTemplate, parameterNames, pluralCategory, type Value } from './format.js';
import { MESSAGES, message, text, type MessageId } from './index.js';

const ids = Object.entries(MESSAGES).flatMap(([section, messages]) =>
  Object.keys(messages).map((key) => `${section}.${key}` as MessageId),
);
const templateOf = (id: string) => {
  const [section = '', key = ''] = id.split('.');
  return (MESSAGES as unknown as Record<string, Record<string, { en: string; nl: string }>>)[section]![key]!;
};

/** Sample parameters for a message: every count as `count`, every other parameter a marked string. */
function sample(id: string, count: number): Record<string, Value> {
  const { en, nl } = templateOf(id);
  const params: Record<string, Value> = {};
  for (const { name, plural } of [...parameterNames(en), ...parameterNames(nl)]) {
    params[name] = plural ? count : `<${name}>`;
  }
  return params;
}

describe('plural selection (Intl.PluralRules)', () => {
  it.each([
    ['en', 0, 'other'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
    ['nl', 0, 'other'],
    ['nl', 1, 'one'],
    ['nl', 2, 'other'],
    ['nl', 1.5, 'other'],
  ] as const)('%s: %d is %s', (language, n, category) => {
    expect(pluralCategory(n, language)).toBe(category);
  });

  const nodes = '{count, plural, =0 {no nodes} one {# node} other {# nodes}}';
  it.each([
    [0, 'no nodes'],
    [1, '1 node'],
    [2, '2 nodes'],
    [30000, '30000 nodes'],
  ])('chooses the branch for %d, an exact =N first', (count, expected) => {
    expect(formatTemplate(nodes, { count }, 'en')).toBe(expected);
  });

  it('chooses per language', () => {
    const t = (language: 'en' | 'nl', n: number) =>
      formatTemplate('{n, plural, one {één} other {#}}', { n }, language);
    expect([t('en', 1), t('nl', 1), t('en', 3), t('nl', 3)]).toEqual(['één', 'één', '3', '3']);
  });

  it('fixes the grammar of counts in catalogue messages, in both languages', () => {
    expect(
      text('report.counts', { total: 4, passed: 1, failed: 1, skipped: 1, unknown: 0, waived: 1 }, 'nl'),
    ).toBe('1 voldoet, 1 voldoet niet, 1 uitgezonderd, 1 overgeslagen, 0 onbekend, van de 4');
    expect(
      text('report.counts', { total: 4, passed: 2, failed: 2, skipped: 0, unknown: 0, waived: 0 }, 'nl'),
    ).toBe('2 voldoen, 2 voldoen niet, 0 overgeslagen, 0 onbekend, van de 4');
    expect(message('kubescape.pass', { count: 1 })).toEqual({
      en: 'Kubescape reports no critical findings in 1 scan summary.',
      nl: 'Kubescape meldt geen kritieke bevindingen in 1 scansamenvatting.',
    });
    expect(message('kubescape.pass', { count: 2 })).toEqual({
      en: 'Kubescape reports no critical findings in 2 scan summaries.',
      nl: 'Kubescape meldt geen kritieke bevindingen in 2 scansamenvattingen.',
    });
  });
});

describe('parameters', () => {
  it('substitutes strings, numbers and texts in both languages', () => {
    const why = message('read.notCollected', { resource: 'nodes' });
    expect(message('autocerts.crdsUnreadable', { why })).toEqual({
      en: 'An ACME controller is running, but nodes were not collected.',
      nl: 'Er draait een ACME-controller, maar nodes zijn niet verzameld.',
    });
    expect(message('read.unreadable', { resource: 'pods', code: 403, reason: 'Forbidden' }).en).toBe(
      'pods could not be read (403 Forbidden)',
    );
  });

  it('substitutes inside plural branches, and # is the count', () => {
    expect(
      formatTemplate(
        '{n, plural, one {only {name}} other {# of them: {name}}}',
        { n: 2, name: 'a, b' },
        'en',
      ),
    ).toBe('2 of them: a, b');
  });

  it('keeps an empty branch empty and a branch’s spaces', () => {
    const t = 'x{waived, plural, =0 {} other { (# waived)}}y';
    expect(formatTemplate(t, { waived: 0 }, 'en')).toBe('xy');
    expect(formatTemplate(t, { waived: 2 }, 'en')).toBe('x (2 waived)y');
  });

  it('does not read a substituted value as a template', () => {
    expect(formatTemplate('{a}', { a: '{b} #' }, 'en')).toBe('{b} #');
  });

  it('throws for a missing parameter and for a count that is not a number', () => {
    expect(() => formatTemplate('{a} {b}', { a: 'x' }, 'en')).toThrow(/\{b\} is missing/);
    expect(() => formatTemplate('{n, plural, other {#}}', { n: 'x' }, 'en')).toThrow(/is a count/);
  });

  it.each(['{', '}', '{a', '{ }', '{n, plural, one {x}}', '{n, plural, other {x}', '{n, select, other {x}}'])(
    'throws for the malformed template %s',
    (bad) => {
      expect(() => formatTemplate(bad, { a: 'x', n: 1 }, 'en')).toThrow(/malformed message template/);
    },
  );

  it('names the parameters of a template, counts apart', () => {
    expect(parameterNames('{a} {n, plural, one {{b}} other {# {a}}}')).toEqual([
      { name: 'a', plural: false },
      { name: 'n', plural: true },
      { name: 'b', plural: false },
    ]);
  });

  it('is typed: a misspelt id, a missing, extra or mistyped parameter does not compile', () => {
    // @ts-expect-error a misspelt id
    expect(() => message('multiaz.passes', { count: 2, zones: 'a, b' })).toThrow(/no message/);
    // @ts-expect-error a missing parameter
    expect(() => message('multiaz.pass', { count: 2 })).toThrow(/missing/);
    // @ts-expect-error a count must be a number
    expect(() => message('privatenetworking.pass', { count: '2' })).toThrow(/is a count/);
    // @ts-expect-error an unknown parameter
    message('report.counts', { total: 1, passed: 1, failed: 0, skipped: 0, unknown: 0, waived: 0, extra: 1 });
    // @ts-expect-error a message without parameters takes none
    message('report.title', {});
    // @ts-expect-error text needs the language last
    expect(() => text('multiaz.pass', 'en')).toThrow();
    expect(text('report.title', 'nl')).toBe('Haven-compliancerapport');
  });
});

describe('dates', () => {
  it('writes {name, date} in the Dutch form in Dutch and as ISO 8601 in English', () => {
    const template = 'tot {expires, date}, {at , date }';
    const params = { expires: '2026-12-31', at: '2026-03-07T23:30:00Z' };
    expect(formatTemplate(template, params, 'nl')).toBe('tot 31 december 2026, 7 maart 2026 om 23:30:00 UTC');
    expect(formatTemplate(template, params, 'en')).toBe('tot 2026-12-31, 2026-03-07T23:30:00Z');
    expect(parameterNames(template)).toEqual([
      { name: 'expires', plural: false },
      { name: 'at', plural: false },
    ]);
  });

  it('leaves a value that is not a real date as it is', () => {
    expect(formatTemplate('{d, date}', { d: '2026-02-30' }, 'nl')).toBe('2026-02-30');
    expect(formatTemplate('{d, date}', { d: 'soon' }, 'nl')).toBe('soon');
  });

  it('dates waiver outcomes in the Dutch form in the Dutch text of the report', () => {
    expect(message('waivers.applied', { expires: '2026-12-31' })).toEqual({
      en: 'waives the failure until 2026-12-31',
      nl: 'zondert de afkeuring uit tot en met 31 december 2026',
    });
  });
});

describe('the catalogue', () => {
  it('has a template in English and in Dutch for every message', () => {
    expect(ids.length).toBeGreaterThan(150);
    for (const id of ids) {
      const template = templateOf(id);
      for (const language of LANGUAGES) {
        expect(typeof template[language], `${id} ${language}`).toBe('string');
        expect(template[language].trim(), `${id} ${language}`).not.toBe('');
      }
    }
  });

  it('parses every template', () => {
    for (const id of ids) {
      for (const language of LANGUAGES) expect(() => parameterNames(templateOf(id)[language])).not.toThrow();
    }
  });

  it('leaves no placeholder unfilled in any message, whatever the count', () => {
    for (const id of ids) {
      for (const count of [0, 1, 2, 7]) {
        const params = sample(id, count);
        for (const language of LANGUAGES) {
          const out = formatTemplate(templateOf(id)[language], params, language);
          expect(out, `${id} ${language} ${count}`).not.toMatch(/[{}]/);
          expect(out.trim(), `${id} ${language} ${count}`).not.toBe('');
        }
      }
    }
  });

  it('uses every parameter a message takes in each language that can show it', () => {
    // A parameter of one language only is a count the other language does not need to select a
    // form; a shown value ({name}) belongs in both.
    for (const id of ids) {
      const { en, nl } = templateOf(id);
      const shown = (t: string) =>
        parameterNames(t)
          .filter((p) => !p.plural)
          .map((p) => p.name);
      for (const name of shown(en))
        expect(
          parameterNames(nl).map((p) => p.name),
          `${id}: {${name}}`,
        ).toContain(name);
      for (const name of shown(nl))
        expect(
          parameterNames(en).map((p) => p.name),
          `${id}: {${name}}`,
        ).toContain(name);
    }
  });
});
