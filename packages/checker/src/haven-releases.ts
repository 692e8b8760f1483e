import type { HavenRelease } from './checks/context.js';
import { InputError } from '@havenkit/model';

/**
 * Reads a Haven releases list (the content of --haven-releases): either
 * `[{ "version": "v13.0.0", "date": "2026-09-01" }]` or GitLab's releases API format
 * `[{ "tag_name": "v13.0.0", "released_at": "2026-09-01T10:00:00Z" }]`.
 * @throws InputError naming the first bad entry.
 */
export function parseHavenReleases(value: unknown, source: string): HavenRelease[] {
  if (!Array.isArray(value)) throw new InputError(`${source}: expected a list of Haven releases`);
  return value.map((entry: unknown, index) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const version = e.version ?? e.tag_name;
    const date = e.date ?? e.released_at;
    if (typeof version !== 'string' || typeof date !== 'string' || Number.isNaN(Date.parse(date))) {
      throw new InputError(
        `${source}: /${index} must have a version (or tag_name) and a date (or released_at)`,
      );
    }
    return { version, date };
  });
}
