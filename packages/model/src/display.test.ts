import { describe, expect, it } from 'vitest';
import { categoryText, countsLine, displayDate } from './messages.js';

describe('countsLine', () => {
  const summary = { total: 15, passed: 12, failed: 2, skipped: 1, unknown: 0, waived: 1 };

  it('shows a waived failure once, apart from the failures that are not waived', () => {
    expect(countsLine(summary, 'en')).toBe('12 passed, 1 failed, 1 waived, 1 skipped, 0 unknown, of 15');
  });

  it('gives counts that add up to the total, in both languages', () => {
    for (const language of ['en', 'nl'] as const) {
      const numbers = [...countsLine(summary, language).matchAll(/\d+/g)].map((m) => Number(m[0]));
      const total = numbers.pop();
      expect(numbers.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});

describe('displayDate', () => {
  it('writes dates in the Dutch form in Dutch, in UTC', () => {
    expect(displayDate('2026-12-01', 'nl')).toBe('1 december 2026');
    expect(displayDate('2026-03-07T23:30:00Z', 'nl')).toBe('7 maart 2026 om 23:30:00 UTC');
  });

  it('keeps ISO 8601 in English and leaves anything that is not a date alone', () => {
    expect(displayDate('2026-12-01T12:00:00Z', 'en')).toBe('2026-12-01T12:00:00Z');
    expect(displayDate('2026-11', 'nl')).toBe('2026-11');
    expect(displayDate('2026-13-45', 'nl')).toBe('2026-13-45');
  });
});

describe('categoryText', () => {
  it('translates the official categories into Dutch and keeps an unknown one as it is', () => {
    expect(categoryText('Infrastructure', 'nl')).toBe('Infrastructuur');
    expect(categoryText('External', 'nl')).toBe('Extern');
    expect(categoryText('Infrastructure', 'en')).toBe('Infrastructure');
    expect(categoryText('Custom', 'nl')).toBe('Custom');
  });
});
