import { describe, expect, it } from 'vitest';
import { parseHavenReleases } from './haven-releases.js';

const parse = (value: unknown) => () => parseHavenReleases(value, 'releases.json');

describe('parseHavenReleases', () => {
  it('reads the plain form and GitLab releases API form', () => {
    expect(
      parseHavenReleases(
        [
          { version: 'v13.0.0', date: '2026-09-01' },
          { tag_name: 'v12.9.0', released_at: '2026-06-01T10:00:00Z' },
        ],
        'r',
      ),
    ).toEqual([
      { version: 'v13.0.0', date: '2026-09-01' },
      { version: 'v12.9.0', date: '2026-06-01T10:00:00Z' },
    ]);
  });

  it('names the field in the user terms, what was expected and what was found, like the schema errors', () => {
    expect(
      parse([
        { version: 'v13.0.0', date: '2026-09-01' },
        { version: 'v12', date: 'soon' },
      ]),
    ).toThrow(
      'releases.json: [1].date: must be a date like 2026-01-31 (or released_at, as GitLab writes it) (got "soon")',
    );
    expect(parse([{ tag_name: 7, released_at: '2026-01-01' }])).toThrow(
      'releases.json: [0].tag_name: must be a version like v13.0.0 (or tag_name, as GitLab writes it) (got 7)',
    );
    expect(parse([{ date: '2026-01-01' }])).toThrow('releases.json: [0].version: must be a version');
  });

  it('says what the document must be when it is not a list', () => {
    expect(parse({ releases: [] })).toThrow(
      /^releases\.json: \(document\): must be a list of Haven releases .* \(got an object\)$/,
    );
    expect(parse(['v13'])).toThrow(
      'releases.json: [0]: must be a release with a version and a date (got "v13")',
    );
  });
});
