import { describe, expect, it } from 'vitest';
import { aliasBombMessage, aliasExpansion } from './aliases.js';

describe('aliasExpansion', () => {
  it('flags a document whose shared references expand to millions of values', () => {
    let level: unknown = ['x'];
    for (let i = 0; i < 10; i++) level = Array(9).fill(level);
    const found = aliasExpansion({ bomb: level });
    expect(found).toBeDefined();
    expect(found!.written).toBe(12);
    expect(aliasBombMessage(found!)).toMatch(
      /^its YAML aliases expand to more than [\d,]+ values \(12 written\)/,
    );
  });

  it('accepts an ordinary document that reuses a block a few times', () => {
    const shared = { reason: 'accepted risk', expires: '2027-01-01' };
    expect(aliasExpansion({ waivers: Array.from({ length: 500 }, () => shared) })).toBeUndefined();
  });

  it('accepts a large document without aliases', () => {
    expect(aliasExpansion({ items: Array.from({ length: 200_000 }, (_, i) => ({ i })) })).toBeUndefined();
  });

  it('flags a cycle', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(aliasBombMessage(aliasExpansion(cycle)!)).toMatch(/an endless cycle of values/);
  });
});
