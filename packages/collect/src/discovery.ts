import type { ResourceError } from '@havenkit/model';
import { apiGroupListShape, apiResourceListShape, apiVersionsShape } from './answers.js';
import { toResourceError } from './errors.js';
import { groupVersion, groupVersionPath, parseResourceName } from './names.js';
import type { ResourceMapping } from './names.js';
import type { KubeTransport } from './transport.js';

interface APIVersions {
  versions?: string[];
}

interface APIGroupList {
  groups?: {
    name: string;
    versions?: { groupVersion: string; version: string }[];
    preferredVersion?: { groupVersion: string; version: string };
  }[];
}

interface APIResourceList {
  resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[];
}

/** A served API group: its versions, the preferred one first. */
export interface ServedGroup {
  readonly name: string;
  readonly versions: readonly string[];
}

/**
 * The served API groups (from /api and /apis), and the lookup of kubectl names to group,
 * preferred version and plural. Resource lists are fetched lazily, once per group version.
 */
export class Discovery {
  private readonly resourceLists = new Map<string, Promise<APIResourceList>>();

  private constructor(
    private readonly transport: KubeTransport,
    private readonly groups: ReadonlyMap<string, ServedGroup>,
    /** Every served group version, core first, in the server's order. */
    readonly groupVersions: readonly string[],
  ) {}

  /** Reads /api and /apis. Throws (the caller records the error) when either cannot be read. */
  static async load(transport: KubeTransport): Promise<Discovery> {
    const [core, apis] = await Promise.all([
      transport.get<APIVersions>('/api', undefined, apiVersionsShape),
      transport.get<APIGroupList>('/apis', undefined, apiGroupListShape),
    ]);
    const groups = new Map<string, ServedGroup>();
    const groupVersions: string[] = [];
    const coreVersions = core.versions ?? [];
    groups.set('', { name: '', versions: coreVersions });
    groupVersions.push(...coreVersions);
    for (const g of apis.groups ?? []) {
      const versions = (g.versions ?? []).map((v) => v.version);
      const preferred = g.preferredVersion?.version;
      const ordered = preferred ? [preferred, ...versions.filter((v) => v !== preferred)] : versions;
      groups.set(g.name, { name: g.name, versions: ordered });
      groupVersions.push(...(g.versions ?? []).map((v) => v.groupVersion));
    }
    return new Discovery(transport, groups, groupVersions);
  }

  /** Builds a Discovery from known groups without requests (tests). */
  static fromGroups(transport: KubeTransport, groups: readonly ServedGroup[]): Discovery {
    const map = new Map(groups.map((g) => [g.name, g]));
    const gvs = groups.flatMap((g) => g.versions.map((v) => groupVersion(g.name, v)));
    return new Discovery(transport, map, gvs);
  }

  isGroupServed(group: string): boolean {
    return this.groups.has(group);
  }

  /**
   * Maps a kubectl name to where it is listed, or to the error that keeps it from being listed
   * (reason NotServed when the group or resource does not exist on this cluster).
   */
  async resolve(name: string): Promise<ResourceMapping | { error: ResourceError }> {
    const { plural, group } = parseResourceName(name);
    const served = this.groups.get(group);
    if (served === undefined || served.versions.length === 0) {
      return {
        error: {
          code: 404,
          reason: 'NotServed',
          message: `the API group ${group === '' ? 'core' : group} is not served by this cluster`,
        },
      };
    }
    let firstError: ResourceError | undefined;
    for (const version of served.versions) {
      let list: APIResourceList;
      try {
        list = await this.resourceList(group, version);
      } catch (err) {
        firstError ??= toResourceError(err);
        continue;
      }
      const found = (list.resources ?? []).find((r) => r.name === plural);
      if (found !== undefined) {
        if (found.verbs !== undefined && !found.verbs.includes('list')) {
          return {
            error: {
              code: 405,
              reason: 'MethodNotAllowed',
              message: `${name} cannot be listed (verbs: ${found.verbs.join(', ')})`,
            },
          };
        }
        return { name, plural, group, version, kind: found.kind, namespaced: found.namespaced };
      }
    }
    if (firstError !== undefined) return { error: firstError };
    return {
      error: {
        code: 404,
        reason: 'NotServed',
        message: `the resource ${name} is not served by this cluster (group versions: ${served.versions
          .map((v) => groupVersion(group, v))
          .join(', ')})`,
      },
    };
  }

  private resourceList(group: string, version: string): Promise<APIResourceList> {
    const key = groupVersion(group, version);
    let pending = this.resourceLists.get(key);
    if (pending === undefined) {
      pending = this.transport.get<APIResourceList>(
        groupVersionPath(group, version),
        undefined,
        apiResourceListShape,
      );
      this.resourceLists.set(key, pending);
      // A failure is cached too: the transport already retried it, and within one collection
      // the cluster answers the same way. (The no-op catch keeps it from being "unhandled".)
      pending.catch(() => undefined);
    }
    return pending;
  }
}
