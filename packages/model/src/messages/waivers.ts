/** Why a waiver applied or not (WaiverOutcome.detail), by applyWaivers. */
export const waivers = {
  expired: {
    en: 'expired on {expires}, before the snapshot of {asOf}',
    nl: 'verlopen op {expires}, vóór de snapshot van {asOf}',
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
    en: 'waives the failure until {expires}',
    nl: 'zondert de afkeuring uit tot en met {expires}',
  },
  alreadyWaived: {
    en: 'waiver {index} already waives {check}',
    nl: 'uitzondering {index} zondert {check} al uit',
  },
} as const;
