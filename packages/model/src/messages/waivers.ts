/** Why a waiver applied or not (WaiverOutcome.detail), by applyWaivers. */
export const waivers = {
  expired: {
    en: 'expired on {expires, date}, before the snapshot of {asOf, date}',
    nl: 'verlopen op {expires, date}, vóór de snapshot van {asOf, date}',
  },
  otherCluster: {
    en: 'for cluster {waiverCluster}; this is {cluster}',
    nl: 'voor cluster {waiverCluster}; dit is {cluster}',
  },
  /** The {cluster} of otherCluster when the snapshot has no cluster id. */
  clusterWithoutId: { en: 'a cluster without an id', nl: 'een cluster zonder id' },
  didNotRun: { en: '{check} did not run', nl: '{check} is niet uitgevoerd' },
  didNotFail: {
    en: '{check} did not fail ({outcome})',
    nl: '{check} is niet afgekeurd ({outcome})',
  },
  noOffendingObject: {
    en: 'the waiver names objects, but the failure names no offending object',
    nl: 'de uitzondering noemt objecten, maar de afkeuring noemt geen veroorzakend object',
  },
  doesNotCover: { en: 'does not cover {objects}', nl: 'dekt {objects} niet' },
  applied: {
    en: 'waives the failure until {expires, date}',
    nl: 'zondert de afkeuring uit tot en met {expires, date}',
  },
  /** {number}: the waiver's position in the file, counted from 1. */
  alreadyWaived: {
    en: 'waiver {number} already waives {check}',
    nl: 'uitzondering {number} zondert {check} al uit',
  },
} as const;
