import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { readServerVersion } from './platform.js';
import { both, fail, nlCount, parseMinor, pass, unknown, unknownFrom, utcDate } from './util.js';

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
    return unknown(
      NAME,
      'insufficient-data',
      both(
        `No latest Kubernetes release is known as of ${asOf}.`,
        `Er is geen nieuwste Kubernetes-release bekend per ${asOf}.`,
      ),
    );
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
  const latestText = `${latest.major}.${latest.minor}`;
  if (behind <= 0) {
    return pass(
      NAME,
      both(
        `Kubernetes ${gitVersion} is the latest stable minor (${latestText}).`,
        `Kubernetes ${gitVersion} is de nieuwste stabiele minorversie (${latestText}).`,
      ),
      evidence,
    );
  }
  if (behind <= MAX_BEHIND) {
    return pass(
      NAME,
      both(
        `Kubernetes ${gitVersion} is ${behind} minor version(s) behind the latest (${latestText}).`,
        `Kubernetes ${gitVersion} loopt ${nlCount(behind, 'minorversie', 'minorversies')} achter op de nieuwste (${latestText}).`,
      ),
      evidence,
    );
  }
  return fail(
    NAME,
    both(
      `Kubernetes ${gitVersion} is ${behind} minor versions behind the latest (${latestText}); at most ${MAX_BEHIND} are allowed.`,
      `Kubernetes ${gitVersion} loopt ${behind} minorversies achter op de nieuwste (${latestText}); er zijn er maximaal ${MAX_BEHIND} toegestaan.`,
    ),
    evidence,
  );
};
