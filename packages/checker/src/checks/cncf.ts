import { message, type Evidence, type PlatformDefinition } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { detectPlatform, readServerVersion } from './platform.js';
import { fail, parseMinor, pass, readList, skip, unknown, unknownFrom } from './util.js';

const NAME = 'cncf';

/**
 * Submissions are accepted for the current Kubernetes minor and the two before it
 * (https://github.com/cncf/k8s-conformance/blob/master/reviewing.md, step 3): for those, a
 * submission missing from the bundled table may still come; for older minors it will not.
 */
const OPEN_MINORS = 3;

const minorOf = (minor: string): number => parseMinor(minor)?.minor ?? Number.NaN;

/** The Conformance evidence: the minor, the platform's certified minors and the submissions that matched. */
function conformanceEvidence(
  platform: PlatformDefinition,
  minor: string,
  table: { source: string; sourceCommit: string; asOf: string },
): Evidence {
  const links = (platform.submissions?.[minor] ?? []).map(
    (dir) => `${table.source}/tree/master/v${minor}/${dir}`,
  );
  return {
    kind: 'Conformance',
    name: platform.id,
    fields: {
      minor,
      certifiedMinors: (platform.minors ?? []).join(', '),
      ...(links.length > 0 ? { submission: links.join(', ') } : {}),
      sourceCommit: table.sourceCommit,
      dataAsOf: table.asOf,
    },
  };
}

/**
 * Recognises the platform and looks its Kubernetes minor up in the bundled table of certified
 * conformance submissions (compiled from cncf/k8s-conformance). An unknown platform, or one without
 * a submission of its own, is skipped (as the official checker skips an unknown platform). A minor
 * outside the table's range, or one still open for submissions, is unknown when it has none.
 */
export const cncf: CheckFunction = (snapshot, context) => {
  const version = readServerVersion(snapshot);
  if (!version.ok) return unknownFrom(NAME, version);
  const server = version.value;
  const { gitVersion } = server;
  const minor = `${server.major}.${server.minor}`;

  const table = context.data.cncfPlatforms;
  const { asOf } = table;
  const nodes = readList(snapshot, 'nodes');
  const detected = detectPlatform(nodes.ok ? nodes.value : undefined, gitVersion, table.platforms);
  if (!detected) {
    if (!nodes.ok) return unknownFrom(NAME, nodes);
    return skip(NAME, message('cncf.unrecognised', { gitVersion }), [
      { kind: 'Version', name: 'server', fields: { gitVersion } },
    ]);
  }

  const { platform } = detected;
  const name = platform.name;
  const evidence = [
    { ...detected.evidence, note: message('cncf.recognised', { platform: name, id: platform.id }) },
    conformanceEvidence(platform, minor, table),
  ];
  if (platform.noSubmission) {
    return skip(
      NAME,
      message('cncf.noSubmission', { platform: name, reason: platform.noSubmission.reason }),
      evidence,
    );
  }
  const minors = platform.minors ?? [];
  if (minors.length === 0) return skip(NAME, message('cncf.noData', { platform: name, asOf }), evidence);

  const { from, to } = table.minorRange;
  if (server.minor < minorOf(from) || server.minor > minorOf(to)) {
    const reason = message('cncf.notCovered', { minor, from, to, asOf });
    return unknown(NAME, 'insufficient-data', reason, evidence);
  }
  if (minors.includes(minor)) return pass(NAME, message('cncf.pass', { platform: name, minor }), evidence);
  if (server.minor > minorOf(to) - OPEN_MINORS) {
    return unknown(
      NAME,
      'insufficient-data',
      message('cncf.open', { platform: name, minor, asOf }),
      evidence,
    );
  }
  // A table compiled from a file index rather than a checkout may miss a directory: an absent minor
  // between two certified ones is then doubt, never a failure.
  const certified = minors.map(minorOf);
  const isGap = certified.some((m) => m < server.minor) && certified.some((m) => m > server.minor);
  if (isGap && table.compiledFrom === 'file-index') {
    const reason = message('cncf.gap', { platform: name, minor, asOf, source: table.source });
    return unknown(NAME, 'insufficient-data', reason, evidence);
  }
  return fail(NAME, message('cncf.fail', { platform: name, minor, asOf }), evidence);
};
