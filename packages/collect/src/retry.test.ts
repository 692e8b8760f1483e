import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';

const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const half = (): number => 0.5;

describe('retry policy', () => {
  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [410, false],
    [501, false],
  ])('status %i retryable: %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
    expect(retryDelay(1, { kind: 'status', status }, policy, half) !== undefined).toBe(retryable);
  });

  it('backs off exponentially with equal jitter, capped', () => {
    // attempt n: d = min(max, base * 2^(n-1)); delay = d/2 + random * d/2
    expect(retryDelay(1, { kind: 'transport' }, policy, () => 0)).toBe(50);
    expect(retryDelay(1, { kind: 'transport' }, policy, () => 1)).toBe(100);
    expect(retryDelay(2, { kind: 'transport' }, policy, () => 1)).toBe(200);
    expect(retryDelay(3, { kind: 'timeout' }, policy, () => 1)).toBe(400);
    expect(retryDelay(3, { kind: 'timeout' }, { ...policy, maxAttempts: 10 }, () => 1)).toBe(400);
    expect(retryDelay(8, { kind: 'timeout' }, { ...policy, maxAttempts: 10 }, () => 1)).toBe(1000);
  });

  it('gives up after maxAttempts', () => {
    expect(retryDelay(4, { kind: 'transport' }, policy, half)).toBeUndefined();
    expect(retryDelay(3, { kind: 'transport' }, policy, half)).toBeDefined();
  });

  it('honours Retry-After (seconds or a date), up to maxRetryAfterMs', () => {
    expect(retryDelay(1, { kind: 'status', status: 429, retryAfter: '2' }, policy, half)).toBe(2000);
    expect(retryDelay(1, { kind: 'status', status: 503, retryAfter: '0' }, policy, half)).toBe(0);
    expect(retryDelay(1, { kind: 'status', status: 429, retryAfter: '3600' }, policy, half)).toBe(
      policy.maxRetryAfterMs,
    );
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
