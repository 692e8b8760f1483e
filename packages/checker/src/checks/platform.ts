import {
  message,
  type PlatformDefinition,
  type Evidence,
  type ClusterSnapshot,
  type KubeObject,
  type ResourceError,
} from '@havenkit/model';
import { osImageOf, providerIdOf } from './nodes.js';
import {
  byNamespaceAndName,
  causeOf,
  errorEvidence,
  labelsOf,
  nameOf,
  parseMinor,
  regex,
  type Read,
} from './util.js';

export interface DetectedPlatform {
  platform: PlatformDefinition;
  /** The signal that identified it (a node label, providerID, osImage or the server version). */
  evidence: Evidence;
}

/** The server's gitVersion, when /version was read. */
export function gitVersionOf(snapshot: ClusterSnapshot): string | undefined {
  const version = snapshot.version;
  if ('error' in version) return undefined;
  const git = (version as Record<string, unknown>).gitVersion;
  return typeof git === 'string' ? git : undefined;
}

/**
 * The server's version as a minor, or why it is unknown (unreadable /version, unparsable
 * gitVersion, a major other than 1).
 */
export function readServerVersion(
  snapshot: ClusterSnapshot,
): Read<{ gitVersion: string; major: number; minor: number }> {
  if ('error' in snapshot.version) {
    const error = snapshot.version.error as ResourceError;
    return {
      ok: false,
      cause: causeOf(error),
      why: message('read.versionUnreadable', { code: error.code, reason: error.reason }),
      evidence: [errorEvidence('Version', 'server', error)],
      error,
    };
  }
  const gitVersion = gitVersionOf(snapshot);
  const parsed = gitVersion ? parseMinor(gitVersion) : undefined;
  if (!gitVersion || !parsed) {
    return {
      ok: false,
      cause: 'insufficient-data',
      why: message('read.versionUnparsable', { gitVersion: gitVersion ?? '' }),
      evidence: [],
    };
  }
  // Every Kubernetes release is 1.x (https://kubernetes.io/releases/, checked 2026-12-01): another
  // major, in gitVersion or in /version's own `major` ("1", or "1+" on some managed platforms),
  // is not a Kubernetes version the checks can place.
  const major = (snapshot.version as Record<string, unknown>).major;
  const majorField = typeof major === 'string' ? major.replace(/\+$/, '') : undefined;
  if (parsed.major !== 1 || (majorField !== undefined && majorField !== '1')) {
    return {
      ok: false,
      cause: 'insufficient-data',
      why: message('read.versionMajor', {
        major: parsed.major !== 1 ? String(parsed.major) : (majorField ?? ''),
        gitVersion,
      }),
      evidence: [
        {
          kind: 'Version',
          name: 'server',
          fields: { gitVersion, ...(typeof major === 'string' ? { major } : {}) },
        },
      ],
    };
  }
  return { ok: true, value: { gitVersion, ...parsed } };
}

function matchNode(platform: PlatformDefinition, node: KubeObject): Evidence | undefined {
  const labels = labelsOf(node);
  for (const selector of platform.detect.labels ?? []) {
    const [key = '', value] = selector.split('=', 2);
    if (key in labels && (value === undefined || labels[key] === value)) {
      return { kind: 'Node', name: nameOf(node), fields: { [`labels.${key}`]: labels[key] ?? '' } };
    }
  }
  const providerId = providerIdOf(node);
  if (
    providerId &&
    (platform.detect.providerIdPrefixes ?? []).some((prefix) => providerId.startsWith(prefix))
  ) {
    return { kind: 'Node', name: nameOf(node), fields: { 'spec.providerID': providerId } };
  }
  const osImage = osImageOf(node);
  if (osImage && platform.detect.osImage && regex(platform.detect.osImage).test(osImage)) {
    return { kind: 'Node', name: nameOf(node), fields: { 'status.nodeInfo.osImage': osImage } };
  }
  return undefined;
}

const versionMatches = (platform: PlatformDefinition, gitVersion: string | undefined): boolean =>
  !!gitVersion && !!platform.detect.gitVersion && regex(platform.detect.gitVersion).test(gitVersion);

/** The first node (in name order) with one of the platform's node signals. */
function matchNodes(platform: PlatformDefinition, nodes: readonly KubeObject[]): Evidence | undefined {
  for (const node of nodes) {
    const evidence = matchNode(platform, node);
    if (evidence) return evidence;
  }
  return undefined;
}

/** A string in a signal, length-prefixed: two signals are equal only when every part is. */
const part = (value: string): string => `${value.length}:${value}`;

/**
 * The first node, in the order given, of each distinct node signal: what matchNode reads of a
 * node for any of the platforms (the selectors' labels, the providerID as far as the longest
 * prefix, the osImage). Nodes of one pool share their signal, so the platforms are tried on a few
 * nodes instead of 5,000 × 19 times. Nodes of one signal match the same platforms, so the first
 * node that matches a platform is always one of these, and its evidence is its own, as before.
 */
function distinctSignals(
  nodes: readonly KubeObject[],
  platforms: readonly PlatformDefinition[],
): KubeObject[] {
  const keys = [
    ...new Set(platforms.flatMap((p) => (p.detect.labels ?? []).map((s) => s.split('=', 2)[0] ?? ''))),
  ];
  const prefixes = platforms.flatMap((p) => p.detect.providerIdPrefixes ?? []);
  const prefixLength = Math.max(0, ...prefixes.map((prefix) => prefix.length));
  const seen = new Set<string>();
  const found: KubeObject[] = [];
  for (const node of nodes) {
    const labels = labelsOf(node);
    let signal = '';
    for (const key of keys) {
      // matchNode asks `key in labels`: an inherited name (a crafted "constructor") is in them too.
      const own = Object.prototype.hasOwnProperty.call(labels, key);
      signal += own ? `=${part(labels[key] ?? '')}` : key in labels ? '~' : '-';
    }
    const providerId = providerIdOf(node);
    signal += providerId ? `=${part(providerId.slice(0, prefixLength))}` : '-';
    const osImage = osImageOf(node);
    signal += osImage ? `=${part(osImage)}` : '-';
    if (seen.has(signal)) continue;
    seen.add(signal);
    found.push(node);
  }
  return found;
}

/**
 * Recognises the Kubernetes platform from node labels, providerIDs, osImages and the server's
 * gitVersion (compliance/data/cncf-platforms.yaml). Platforms are tried in priority order, then
 * by id; the first match wins. Nodes are tried in name order.
 *
 * A platform with `gitVersionRequired` matches only when its gitVersion does and a node has one of
 * its node signals (EKS Anywhere: EKS's version string on a cluster with control-plane nodes).
 * When the nodes could not be read (`undefined`), a version string that such a platform shares
 * identifies no platform.
 */
export function detectPlatform(
  nodes: readonly KubeObject[] | undefined,
  gitVersion: string | undefined,
  platforms: readonly PlatformDefinition[],
): DetectedPlatform | undefined {
  const ordered = [...platforms].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id, 'en'));
  const sorted = distinctSignals([...(nodes ?? [])].sort(byNamespaceAndName), platforms);
  const versionShared = ordered.some((p) => p.detect.gitVersionRequired && versionMatches(p, gitVersion));
  for (const platform of ordered) {
    const version = versionMatches(platform, gitVersion);
    if (platform.detect.gitVersionRequired) {
      const node = version ? matchNodes(platform, sorted) : undefined;
      if (node)
        return { platform, evidence: { ...node, fields: { ...node.fields, gitVersion: gitVersion ?? '' } } };
      continue;
    }
    if (version && (nodes !== undefined || !versionShared)) {
      return {
        platform,
        evidence: { kind: 'Version', name: 'server', fields: { gitVersion: gitVersion ?? '' } },
      };
    }
    const node = matchNodes(platform, sorted);
    if (node) return { platform, evidence: node };
  }
  return undefined;
}
