import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to what was typed, for "did you mean": none when nothing is within a
 * couple of keystrokes (a third of the word, at least 2), since a far-off guess is noise.
 */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  const others = candidates.filter((c) => c !== typed);
  if (others.length === 0) return undefined;
  const guess = closest(typed, [...others]);
  return distance(typed, guess) <= Math.max(2, Math.floor(typed.length / 3)) ? guess : undefined;
}
