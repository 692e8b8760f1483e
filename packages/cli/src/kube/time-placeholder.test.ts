import { describe, expect, it } from 'vitest';
import { expandTime, expandTimeIn, runTimeStamp } from './time-placeholder.js';

const at = new Date('2026-12-01T23:04:15.123Z');

describe('{time} in output paths', () => {
  it('is the run’s start in UTC, to the second, without characters a file system refuses', () => {
    expect(runTimeStamp(at)).toBe('20261201T230415Z');
  });

  it('is replaced wherever it occurs, and a path without it stays as it is', () => {
    expect(expandTime('/reports/{time}/x-{time}.json', at)).toBe(
      '/reports/20261201T230415Z/x-20261201T230415Z.json',
    );
    expect(expandTime('/reports/{date}', at)).toBe('/reports/{date}');
  });

  it('is expanded only in the flags named, with one time for all', () => {
    expect(expandTimeIn({ 'out-dir': 'r/{time}', lang: '{time}', n: 3 }, ['out-dir', 'n'], at)).toEqual({
      'out-dir': 'r/20261201T230415Z',
      lang: '{time}',
      n: 3,
    });
  });
});
