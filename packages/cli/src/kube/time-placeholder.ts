/**
 * `{time}` in an output path: the run's start in UTC, as 20261201T230415Z — one directory per run
 * (the chart's report history on a volume; there is no shell in the image to call `date`). Sorts
 * by time, holds no character a file system refuses.
 */
export const TIME_PLACEHOLDER = '{time}';

export function runTimeStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** The path with every `{time}` replaced; other text as it is. */
export function expandTime(path: string, at: Date): string {
  return path.includes(TIME_PLACEHOLDER) ? path.replaceAll(TIME_PLACEHOLDER, runTimeStamp(at)) : path;
}

/** The flags with `{time}` expanded in the named path flags (one time for all, so they match). */
export function expandTimeIn<T extends Record<string, unknown>>(
  flags: T,
  names: readonly (keyof T)[],
  at: Date,
): T {
  const copy: Record<string, unknown> = { ...flags };
  for (const name of names) {
    const value = copy[name as string];
    if (typeof value === 'string') copy[name as string] = expandTime(value, at);
  }
  return copy as T;
}
