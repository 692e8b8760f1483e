import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { readServerVersion } from './platform.js';
import { fail, parseMinor, pass, unknown, unknownFrom, utcDate } from './util.js';

const NAME = 'kubernetesversion';
const MAX_BEHIND = 3;

/**
 * The server is the latest stable minor or at most 3 minors behind. "Latest" is the newest minor
 * of the bundled release table released on or before the snapshot's collectedAt, unless
 * context.latestKubernetes overrides it.
 */
export const kubernetesversion: CheckFunction = (snapshot, context) => {
  const version = readServerVersion(snapshot);
  if (!version.ok) return unknownFrom(NAME, version);
  const { gitVersion } = version.value;
  const server = version.value;

  const asOf = utcDate(snapshot.metadata.collectedAt);
  let latest: { major: number; minor: number } | undefined;
  const latestEvidence: Evidence['fields'] = {};
  if (context.latestKubernetes) {
    latest = parseMinor(context.latestKubernetes);
    latestEvidence.latest = context.latestKubernetes;
    latestEvidence.source = 'override (--latest-kubernetes)';
  } else {
    const released = context.data.kubernetesReleases.releases
      .filter((r) => r.date <= asOf)
      .sort((a, b) => (parseMinor(a.minor)?.minor ?? 0) - (parseMinor(b.minor)?.minor ?? 0));
    const newest = released.at(-1);
    if (newest) {
      latest = parseMinor(newest.minor);
      latestEvidence.latest = newest.minor;
      latestEvidence.released = newest.date;
      latestEvidence.source = `bundled release table as of ${asOf}`;
      if (newest.approximate) latestEvidence.approximate = true;
    }
  }
  if (!latest) {
    return unknown(NAME, 'insufficient-data', message('kubernetesversion.noLatest', { asOf }));
  }

  const behind = (latest.major - server.major) * 100 + (latest.minor - server.minor);
  const evidence: Evidence[] = [
    {
      kind: 'Version',
      name: 'server',
      fields: {
        gitVersion,
        minor: `${server.major}.${server.minor}`,
        ...latestEvidence,
        minorsBehind: Math.max(behind, 0),
      },
    },
  ];
  const versions = { version: gitVersion, latest: `${latest.major}.${latest.minor}` };
  if (behind <= 0) {
    return pass(NAME, message('kubernetesversion.latest', versions), evidence);
  }
  if (behind <= MAX_BEHIND) {
    return pass(NAME, message('kubernetesversion.behind', { ...versions, behind }), evidence);
  }
  return fail(
    NAME,
    message('kubernetesversion.fail', { ...versions, behind, allowed: MAX_BEHIND }),
    evidence,
  );
};
