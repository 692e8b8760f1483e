import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch } from './objects.js';

/** The obvious definition, as a regular expression: `*` is `.*`, the rest literal. */
function globByRegex(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(value);
}

describe('globMatch', () => {
  it('matches * as any characters, slashes included, and the rest literally', () => {
    expect(globMatch('*/fluent-bit', 'cr.fluentbit.io/fluent/fluent-bit')).toBe(true);
    expect(globMatch('haven-worker-*', 'haven-worker-3')).toBe(true);
    expect(globMatch('haven-worker-*', 'haven-master-3')).toBe(false);
    expect(globMatch('a.b', 'axb')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*a', 'a')).toBe(false);
  });

  it('agrees with the regular-expression definition on any pattern and value', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '*', '.', '/'), maxLength: 12 });
    fc.assert(
      fc.property(
        text,
        fc.string({ unit: fc.constantFrom('a', 'b', '.', '/'), maxLength: 16 }),
        (pattern, value) => {
          expect(globMatch(pattern, value)).toBe(globByRegex(pattern, value));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('stays linear on a pattern that makes a backtracking matcher explode', () => {
    const pattern = `${'*a'.repeat(30)}*b`;
    const value = 'a'.repeat(100_000);
    expect(globMatch(pattern, value)).toBe(false);
    expect(globMatch(pattern, `${value}b`)).toBe(true);
  });
});
