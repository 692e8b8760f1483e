// Low-level k8s objects, as in the other builders: manifests stay exact and reproducible.
import { createHash } from 'node:crypto';
import type { Construct } from 'constructs';
import { k8s } from '../kube.js';
import type { ProviderProfile } from '../profiles/profile.js';
import type { ConfigFilesProps, ConfigMountProps, MountProps, SharedVolumeProps } from '../spec/types.js';
import { LABEL_PART_OF, MANAGED_BY } from './identity.js';
import { addRwxClaim } from './storage.js';

/** A digest of the configuration files a pod mounts: changing a file rolls the pods that mount it. */
export const ANNOTATION_FILES_HASH = 'havenkit.dev/config-files-hash';

/** What the app shares between its components and jobs: claims and ConfigMaps by their spec name. */
export interface SharedResources {
  /** volume name → claim name. */
  readonly claims: ReadonlyMap<string, string>;
  /** configuration name → ConfigMap name and the digest of its data. */
  readonly configs: ReadonlyMap<string, { readonly name: string; readonly hash: string }>;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/**
 * The app's shared volumes (one ReadWriteMany claim `<app>-<volume>` each) and configuration files
 * (one ConfigMap `<app>-<name>` each), made in `scope`. Throws when a shared volume is asked of a
 * provider without ReadWriteMany.
 */
export function addSharedResources(
  scope: Construct,
  props: {
    readonly appName: string;
    readonly volumes?: readonly SharedVolumeProps[];
    readonly configFiles?: readonly ConfigFilesProps[];
    readonly profile: Pick<ProviderProfile, 'id' | 'storage'>;
    readonly source: string;
  },
): SharedResources {
  const labels = { [LABEL_PART_OF]: props.appName, ...MANAGED_BY };
  const claims = new Map<string, string>();
  (props.volumes ?? []).forEach((v, i) => {
    const name = `${props.appName}-${v.name}`;
    addRwxClaim(scope, `volume-${v.name}`, {
      name,
      labels,
      size: v.size,
      profile: props.profile,
      subject: `${props.source}: spec.volumes[${i}]: volume "${v.name}"`,
    });
    claims.set(v.name, name);
  });
  const configs = new Map<string, { name: string; hash: string }>();
  for (const c of props.configFiles ?? []) {
    const name = `${props.appName}-${c.name}`;
    const data = Object.fromEntries(Object.entries(c.files).sort(([a], [b]) => compare(a, b)));
    new k8s.KubeConfigMap(scope, `config-${c.name}`, { metadata: { name, labels }, data });
    configs.set(c.name, { name, hash: digest(data) });
  }
  return { claims, configs };
}

/** The volumes, mounts and pod annotation of a pod that mounts shared volumes and configuration files. */
export function sharedMounts(
  shared: SharedResources,
  mounts: readonly MountProps[] | undefined,
  configMounts: readonly ConfigMountProps[] | undefined,
): {
  readonly volumes: k8s.Volume[];
  readonly mounts: k8s.VolumeMount[];
  readonly annotations: Record<string, string>;
} {
  const volumes: k8s.Volume[] = [];
  const result: k8s.VolumeMount[] = [];
  const seen = new Set<string>();
  for (const m of mounts ?? []) {
    const volume = `vol-${m.volume}`;
    if (!seen.has(volume)) {
      seen.add(volume);
      volumes.push({ name: volume, persistentVolumeClaim: { claimName: shared.claims.get(m.volume) ?? '' } });
    }
    result.push({
      name: volume,
      mountPath: m.mountPath,
      ...(m.subPath !== undefined ? { subPath: m.subPath } : {}),
      ...(m.readOnly ? { readOnly: true } : {}),
    });
  }
  const hashes: string[] = [];
  for (const m of configMounts ?? []) {
    const config = shared.configs.get(m.config);
    const volume = `config-${m.config}`;
    if (!seen.has(volume)) {
      seen.add(volume);
      volumes.push({ name: volume, configMap: { name: config?.name ?? '' } });
      hashes.push(`${m.config}:${config?.hash ?? ''}`);
    }
    result.push({ name: volume, mountPath: m.mountPath, readOnly: true });
  }
  return {
    volumes,
    mounts: result,
    annotations: hashes.length > 0 ? { [ANNOTATION_FILES_HASH]: digest(hashes.sort()) } : {},
  };
}
