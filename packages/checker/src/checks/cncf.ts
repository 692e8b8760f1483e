import { message } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { detectPlatform, readServerVersion } from './platform.js';
import { fail, parseMinor, pass, readList, skip, unknown, unknownFrom } from './util.js';

const NAME = 'cncf';

/**
 * Recognises the platform and looks its Kubernetes minor up in the bundled list of certified
 * conformance submissions. An unknown platform, or one without bundled data, is skipped (as the
 * official checker does); a minor outside the data's range is unknown (the data may be stale).
 */
export const cncf: CheckFunction = (snapshot, context) => {
  const version = readServerVersion(snapshot);
  if (!version.ok) return unknownFrom(NAME, version);
  const { gitVersion } = version.value;
  const server = version.value;
  const minor = `${server.major}.${server.minor}`;

  const { platforms, asOf, source } = context.data.cncfPlatforms;
  const nodes = readList(snapshot, 'nodes');
  const detected = detectPlatform(nodes.ok ? nodes.value : [], gitVersion, platforms);
  if (!detected) {
    if (!nodes.ok) return unknownFrom(NAME, nodes);
    return skip(NAME, message('cncf.unrecognised', { gitVersion }), [
      { kind: 'Version', name: 'server', fields: { gitVersion } },
    ]);
  }

  const { platform } = detected;
  const evidence = [
    {
      ...detected.evidence,
      note: message('cncf.recognised', { platform: platform.name, id: platform.id }),
    },
    {
      kind: 'Conformance',
      name: platform.id,
      fields: {
        minor,
        certifiedMinors: (platform.minors ?? []).join(', '),
        ...(platform.conformanceDir
          ? { submission: `${source}/tree/master/v${minor}/${platform.conformanceDir}` }
          : {}),
        dataAsOf: asOf,
      },
    },
  ];
  const minors = platform.minors;
  if (!minors || minors.length === 0) {
    return skip(NAME, message('cncf.noData', { platform: platform.name, asOf }), evidence);
  }
  if (minors.includes(minor)) {
    return pass(NAME, message('cncf.pass', { platform: platform.name, minor }), evidence);
  }
  const known = minors.map((m) => parseMinor(m)?.minor ?? 0);
  if (server.minor > Math.max(...known) || server.minor < Math.min(...known)) {
    const reason = message('cncf.notCovered', { platform: platform.name, asOf, minor });
    return unknown(NAME, 'insufficient-data', reason, evidence);
  }
  return fail(NAME, message('cncf.fail', { platform: platform.name, minor, asOf }), evidence);
};
