import { describe, expect, it } from 'vitest';
import { oneLine } from './errors.js';

describe('oneLine', () => {
  it('joins the lines of a message into one', () => {
    expect(oneLine('first\n   second\n')).toBe('first second');
  });

  it('shows control characters from cluster data as escapes, so an error never drives the terminal', () => {
    expect(oneLine('context "prod\u001b]0;owned\u0007" not found')).toBe(
      'context "prod\\x1b]0;owned\\x07" not found',
    );
  });
});
