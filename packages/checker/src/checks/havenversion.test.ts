import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { makeSnapshot } from '../testing/fixtures.js';
import { addMonths, havenversion } from './havenversion.js';

// collectedAt is 2026-11-01.
const cases: CheckCase[] = [
  {
    spec: 'skips with the reason "offline" without a releases list',
    snapshot: makeSnapshot(),
    outcome: 'skip',
    reason: /^offline/,
  },
  {
    spec: 'passes when v12 is the latest major',
    snapshot: makeSnapshot(),
    context: {
      havenReleases: [
        { version: 'v12.7.0', date: '2026-01-10' },
        { version: 'v12.8.0', date: '2026-04-01' },
      ],
    },
    outcome: 'pass',
    reason: 'latest major',
  },
  {
    spec: 'ignores releases dated after collectedAt',
    snapshot: makeSnapshot(),
    context: {
      havenReleases: [
        { version: 'v12.8.0', date: '2026-04-01' },
        { version: 'v13.0.0', date: '2026-12-01' },
      ],
    },
    outcome: 'pass',
  },
  {
    spec: 'passes within 3 months of the newer major release',
    snapshot: makeSnapshot(),
    context: { havenReleases: [{ version: 'v13.0.0', date: '2026-08-15' }] },
    outcome: 'pass',
    reason: 'until 2026-11-15',
  },
  {
    spec: 'fails more than 3 months after the newer major release',
    snapshot: makeSnapshot(),
    context: {
      havenReleases: [
        { version: 'v13.0.0', date: '2026-07-01' },
        { version: 'v13.1.0', date: '2026-09-01' },
      ],
    },
    outcome: 'fail',
    reason: 'ended on 2026-10-01',
  },
  {
    spec: 'is unknown when the list has no usable release',
    snapshot: makeSnapshot(),
    context: { havenReleases: [{ version: 'latest', date: 'soon' }] },
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
];

describe('havenversion', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(havenversion, c);
  });
});

describe('the upgrade window', () => {
  it('ends on the last day of a shorter month instead of spilling into the next', () => {
    expect(new Date(addMonths(Date.UTC(2025, 10, 30), 3)).toISOString().slice(0, 10)).toBe('2026-02-28');
  });

  it('keeps the day of the month when it exists', () => {
    expect(new Date(addMonths(Date.UTC(2026, 0, 15), 3)).toISOString().slice(0, 10)).toBe('2026-04-15');
  });
});
