import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { both, fail, parseMinor, pass, skip, unknown } from './util.js';

const NAME = 'havenversion';
const WINDOW_MONTHS = 3;

/** Adds calendar months, clamping to the target month's last day (30 Nov + 3 months = 28/29 Feb, not 2 Mar). */
export function addMonths(time: number, months: number): number {
  const d = new Date(time);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

/**
 * The implemented Haven version is the latest major, or the previous one within 3 months of the
 * first release of a newer major, as of the snapshot's collectedAt. Without a releases list the
 * check is skipped ("offline").
 */
export const havenversion: CheckFunction = (snapshot, context) => {
  if (!context.havenReleases) {
    return skip(
      NAME,
      both(
        'offline: no Haven releases list was given (--haven-releases), so the version was not compared.',
        'offline: er is geen lijst met Haven-releases opgegeven (--haven-releases), dus de versie is niet vergeleken.',
      ),
    );
  }
  const implemented = parseMinor(context.havenVersion);
  if (!implemented)
    return unknown(
      NAME,
      'insufficient-data',
      both(
        `The implemented Haven version "${context.havenVersion}" could not be parsed.`,
        `De geïmplementeerde Haven-versie "${context.havenVersion}" kon niet worden ontleed.`,
      ),
    );
  const asOf = Date.parse(snapshot.metadata.collectedAt);

  const releases = context.havenReleases
    .map((r) => ({ ...r, parsed: parseMinor(r.version), time: Date.parse(r.date) }))
    .filter((r) => r.parsed && !Number.isNaN(r.time) && r.time <= asOf);
  if (releases.length === 0) {
    return unknown(
      NAME,
      'insufficient-data',
      both(
        'The Haven releases list has no valid release dated on or before the snapshot.',
        'De lijst met Haven-releases bevat geen geldige release met een datum op of vóór de snapshot.',
      ),
    );
  }
  const newer = releases.filter((r) => r.parsed!.major > implemented.major).sort((a, b) => a.time - b.time);
  const first = newer[0];
  const evidence: Evidence[] = [
    {
      kind: 'HavenRelease',
      name: context.havenVersion,
      fields: {
        implemented: context.havenVersion,
        newerMajor: first ? first.version : null,
        newerMajorReleased: first ? first.date : null,
        asOf: snapshot.metadata.collectedAt,
      },
    },
  ];
  if (!first) {
    return pass(
      NAME,
      both(
        `Haven ${context.havenVersion} is the latest major (v${implemented.major}).`,
        `Haven ${context.havenVersion} is de nieuwste hoofdversie (v${implemented.major}).`,
      ),
      evidence,
    );
  }
  const deadline = new Date(addMonths(first.time, WINDOW_MONTHS)).toISOString();
  if (asOf <= Date.parse(deadline)) {
    return pass(
      NAME,
      both(
        `Haven ${first.version} was released on ${first.date}; ${context.havenVersion} is within the ${WINDOW_MONTHS}-month upgrade window (until ${deadline.slice(0, 10)}).`,
        `Haven ${first.version} is uitgebracht op ${first.date}; ${context.havenVersion} valt binnen de upgradetermijn van ${WINDOW_MONTHS} maanden (tot en met ${deadline.slice(0, 10)}).`,
      ),
      evidence,
    );
  }
  return fail(
    NAME,
    both(
      `Haven ${first.version} was released on ${first.date}; the ${WINDOW_MONTHS}-month upgrade window for ${context.havenVersion} ended on ${deadline.slice(0, 10)}.`,
      `Haven ${first.version} is uitgebracht op ${first.date}; de upgradetermijn van ${WINDOW_MONTHS} maanden voor ${context.havenVersion} liep af op ${deadline.slice(0, 10)}.`,
    ),
    evidence,
  );
};
