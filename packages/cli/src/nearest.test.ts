import { describe, expect, it } from 'vitest';
import { nearest } from './nearest.js';

describe('nearest', () => {
  it('finds the candidate one keystroke away', () => {
    expect(nearest('chek', ['check', 'diff', 'synth'])).toBe('check');
  });

  it('gives no guess when every candidate is far off', () => {
    expect(nearest('zzzzzzzzzz', ['check', 'diff', 'synth'])).toBeUndefined();
  });

  it('never offers what was typed itself', () => {
    expect(nearest('out', ['out'])).toBeUndefined();
  });

  it('allows more keystrokes for a longer word', () => {
    expect(nearest('latest-kubernets', ['latest-kubernetes', 'kubescape'])).toBe('latest-kubernetes');
    expect(nearest('snapshto', ['snapshot', 'save-snapshot'])).toBe('snapshot');
  });
});
