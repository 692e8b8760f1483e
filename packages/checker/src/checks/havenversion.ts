import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { fail, parseMinor, pass, skip, unknown } from './util.js';

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
    return skip(NAME, message('havenversion.offline'));
  }
  const implemented = parseMinor(context.havenVersion);
  if (!implemented)
    return unknown(
      NAME,
      'insufficient-data',
      message('havenversion.unparsable', { version: context.havenVersion }),
    );
  const asOf = Date.parse(snapshot.metadata.collectedAt);

  const releases = context.havenReleases
    .map((r) => ({ ...r, parsed: parseMinor(r.version), time: Date.parse(r.date) }))
    .filter((r) => r.parsed && !Number.isNaN(r.time) && r.time <= asOf);
  if (releases.length === 0) {
    return unknown(NAME, 'insufficient-data', message('havenversion.noReleases'));
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
    const reason = message('havenversion.latest', {
      version: context.havenVersion,
      major: implemented.major,
    });
    return pass(NAME, reason, evidence);
  }
  const deadline = new Date(addMonths(first.time, WINDOW_MONTHS)).toISOString();
  const window = {
    newer: first.version,
    released: first.date,
    version: context.havenVersion,
    months: WINDOW_MONTHS,
    deadline: deadline.slice(0, 10),
  };
  if (asOf <= Date.parse(deadline)) {
    return pass(NAME, message('havenversion.withinWindow', window), evidence);
  }
  return fail(NAME, message('havenversion.fail', window), evidence);
};
