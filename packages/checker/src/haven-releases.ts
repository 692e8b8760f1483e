import type { HavenRelease } from './checks/context.js';
import { InputError, jsonPath, shown } from '@havenkit/model';

/**
 * Reads a Haven releases list (the content of --haven-releases): either
 * `[{ "version": "v13.0.0", "date": "2026-09-01" }]` or GitLab's releases API format
 * `[{ "tag_name": "v13.0.0", "released_at": "2026-09-01T10:00:00Z" }]`.
 * @throws InputError naming the first bad entry in the style of the schema errors:
 *   `releases.json: [2].date: must be a date like 2026-01-31 (got "soon")`.
 */
export function parseHavenReleases(value: unknown, source: string): HavenRelease[] {
  if (!Array.isArray(value)) {
    throw new InputError(
      `${source}: (document): must be a list of Haven releases like [{ version: v13.0.0, date: 2026-09-01 }] (got ${shown(value)})`,
    );
  }
  return value.map((entry: unknown, index) => {
    const at = `/${index}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new InputError(
        `${source}: ${jsonPath(at)}: must be a release with a version and a date (got ${shown(entry)})`,
      );
    }
    const e = entry as Record<string, unknown>;
    const versionKey = 'version' in e || !('tag_name' in e) ? 'version' : 'tag_name';
    const dateKey = 'date' in e || !('released_at' in e) ? 'date' : 'released_at';
    const version = e[versionKey];
    const date = e[dateKey];
    if (typeof version !== 'string' || version === '') {
      throw new InputError(
        `${source}: ${jsonPath(at, versionKey)}: must be a version like v13.0.0 (or tag_name, as GitLab writes it) (got ${shown(version)})`,
      );
    }
    if (typeof date !== 'string' || Number.isNaN(Date.parse(date))) {
      throw new InputError(
        `${source}: ${jsonPath(at, dateKey)}: must be a date like 2026-01-31 (or released_at, as GitLab writes it) (got ${shown(date)})`,
      );
    }
    return { version, date };
  });
}
