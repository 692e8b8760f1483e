/**
 * kubectl's resource names ("nodes", "storageclasses.storage.k8s.io") and the API paths they
 * map to. Pure: no I/O.
 */

/** A resource name split into its plural and API group ("" for the core group). */
export interface ResourceName {
  readonly plural: string;
  readonly group: string;
}

/** A resource as discovery resolved it: where to list it. */
export interface ResourceMapping extends ResourceName {
  /** The snapshot key (kubectl's name). */
  readonly name: string;
  /** The version used: the group's preferred version that serves the resource. */
  readonly version: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** Parses "storageclasses.storage.k8s.io" → {plural: storageclasses, group: storage.k8s.io}; "nodes" → core. */
export function parseResourceName(name: string): ResourceName {
  const trimmed = name.trim().toLowerCase();
  const dot = trimmed.indexOf('.');
  if (dot < 0) return { plural: trimmed, group: '' };
  return { plural: trimmed.slice(0, dot), group: trimmed.slice(dot + 1) };
}

/** The snapshot key for a plural and group: the inverse of parseResourceName. */
export function resourceKey(plural: string, group: string): string {
  return group === '' ? plural : `${plural}.${group}`;
}

/** "v1" for core, "apps/v1" for a group. */
export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** The discovery path of a group version: /api/v1 or /apis/<group>/<version>. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** The list path of a resource, namespaced when a namespace is given and the resource is namespaced. */
export function listPath(mapping: ResourceMapping, namespace?: string): string {
  const base = groupVersionPath(mapping.group, mapping.version);
  if (namespace !== undefined && mapping.namespaced) {
    return `${base}/namespaces/${encodeURIComponent(namespace)}/${mapping.plural}`;
  }
  return `${base}/${mapping.plural}`;
}

/** True for the core-group Secret resource, which havenkit never reads. */
export function isSecretResource(name: ResourceName): boolean {
  return name.group === '' && name.plural === 'secrets';
}

/** True when a request path would read Secrets: /api/v1/secrets, /api/v1/namespaces/x/secrets[/y]. */
export function isSecretPath(requestPath: string): boolean {
  const pathOnly = (requestPath.split('?')[0] ?? '').replace(/\/+$/, '');
  return /^\/api\/v1\/(namespaces\/[^/]+\/)?secrets(\/.*)?$/.test(pathOnly);
}
