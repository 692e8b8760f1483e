import type { CheckFunction } from './context.js';
import { detectPlatform, readServerVersion } from './platform.js';
import { both, fail, parseMinor, pass, readList, skip, unknown, unknownFrom } from './util.js';

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
    return skip(
      NAME,
      both(
        `The platform was not recognised from node labels, providerIDs or the version ${gitVersion}.`,
        `Het platform is niet herkend aan de labels of providerID's van de nodes, noch aan de versie ${gitVersion}.`,
      ),
      [{ kind: 'Version', name: 'server', fields: { gitVersion } }],
    );
  }

  const { platform } = detected;
  const evidence = [
    {
      ...detected.evidence,
      note: both(
        `recognised as ${platform.name} (${platform.id})`,
        `herkend als ${platform.name} (${platform.id})`,
      ),
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
    return skip(
      NAME,
      both(
        `${platform.name} was recognised, but no conformance data for it is bundled (as of ${asOf}).`,
        `${platform.name} is herkend, maar er zijn geen conformance-gegevens voor meegeleverd (stand van ${asOf}).`,
      ),
      evidence,
    );
  }
  if (minors.includes(minor)) {
    return pass(
      NAME,
      both(
        `${platform.name} has a certified conformance submission for Kubernetes v${minor}.`,
        `${platform.name} heeft een gecertificeerde conformance-inzending voor Kubernetes v${minor}.`,
      ),
      evidence,
    );
  }
  const known = minors.map((m) => parseMinor(m)?.minor ?? 0);
  if (server.minor > Math.max(...known) || server.minor < Math.min(...known)) {
    return unknown(
      NAME,
      'insufficient-data',
      both(
        `The bundled conformance data for ${platform.name} (as of ${asOf}) does not cover Kubernetes v${minor}.`,
        `De meegeleverde conformance-gegevens voor ${platform.name} (stand van ${asOf}) dekken Kubernetes v${minor} niet.`,
      ),
      evidence,
    );
  }
  return fail(
    NAME,
    both(
      `${platform.name} has no certified conformance submission for Kubernetes v${minor} (data as of ${asOf}).`,
      `${platform.name} heeft geen gecertificeerde conformance-inzending voor Kubernetes v${minor} (gegevens met stand van ${asOf}).`,
    ),
    evidence,
  );
};
