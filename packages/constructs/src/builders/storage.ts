// Low-level k8s.KubePersistentVolumeClaim on purpose: kplus's PersistentVolumeClaim adds
// `volumeMode: Filesystem` and takes the size as a cdk8s Size written in whole gibibytes only
// (`500Mi` cannot be expressed); havenkit writes the size as given, so manifests stay exact.
import type { Construct } from 'constructs';
import { k8s } from '../kube.js';
import { HavenkitInputError } from '../errors.js';
import type { ProviderProfile } from '../profiles/profile.js';
import type { StorageProps } from '../spec/types.js';
import type { ComponentIdentity } from './identity.js';

/** Names what must be installed before a claim can bind (the profile's RWX add-on). */
export const ANNOTATION_REQUIRES = 'havenkit.dev/requires';

export interface StorageClaimsProps {
  readonly identity: ComponentIdentity;
  /** The component's name, for error messages. */
  readonly componentName: string;
  /**
   * The component's volumes.
   * @default - none
   */
  readonly storage?: readonly StorageProps[];
  /** Where the provider's ReadWriteOnce and ReadWriteMany storage comes from. */
  readonly profile: Pick<ProviderProfile, 'id' | 'storage'>;
  /** Where the component is defined, prefixing error messages (`app.yaml: spec.components[0]`). */
  readonly location: string;
}

/** What the pod and the workload need to use the component's storage. */
export interface StorageClaims {
  /** Pod volumes of the shared claims. */
  readonly volumes: readonly k8s.Volume[];
  /** One mount per volume, shared or not, in the order declared. */
  readonly mounts: readonly k8s.VolumeMount[];
  /** Per-replica claims; any at all make the workload a StatefulSet. */
  readonly claimTemplates: readonly k8s.KubePersistentVolumeClaimProps[];
}

/**
 * A ReadWriteMany claim on the profile's class, annotated with the add-on that class needs; a
 * provider without ReadWriteMany storage is refused in one line naming `subject`, the provider and
 * the remedy. One claim for a component's shared storage and for the app's shared volumes alike.
 */
export function addRwxClaim(
  scope: Construct,
  id: string,
  props: {
    readonly name: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly size: string;
    readonly profile: Pick<ProviderProfile, 'id' | 'storage'>;
    /** What asks for it, for the refusal: `app.yaml: spec.volumes[0]: volume "media"`. */
    readonly subject: string;
  },
): void {
  const rwx = props.profile.storage.rwx;
  if (!rwx.supported) {
    throw new HavenkitInputError(
      `${props.subject} is shared (ReadWriteMany) but provider "${props.profile.id}" has no ReadWriteMany storage (${rwx.reason}); remedy: ${rwx.remedy}`,
    );
  }
  new k8s.KubePersistentVolumeClaim(scope, id, {
    metadata: {
      name: props.name,
      labels: { ...props.labels },
      ...(rwx.addon ? { annotations: { [ANNOTATION_REQUIRES]: rwx.addon } } : {}),
    },
    spec: {
      accessModes: ['ReadWriteMany'],
      storageClassName: rwx.class,
      resources: { requests: { storage: k8s.Quantity.fromString(props.size) } },
    },
  });
}

/**
 * Shared storage becomes one ReadWriteMany claim for all replicas (made here, named
 * `<app>-<component>-<volume>`); other storage becomes a ReadWriteOnce claim template, one claim
 * per replica. Throws when shared storage is asked of a provider without ReadWriteMany.
 */
export function addStorageClaims(scope: Construct, props: StorageClaimsProps): StorageClaims {
  const { identity, profile } = props;
  const volumes: k8s.Volume[] = [];
  const mounts: k8s.VolumeMount[] = [];
  const claimTemplates: k8s.KubePersistentVolumeClaimProps[] = [];
  (props.storage ?? []).forEach((s, j) => {
    mounts.push({ name: s.name, mountPath: s.mountPath });
    const resources = { requests: { storage: k8s.Quantity.fromString(s.size) } };
    if (s.shared) {
      const claimName = `${identity.fullName}-${s.name}`;
      addRwxClaim(scope, `pvc-${s.name}`, {
        name: claimName,
        labels: identity.labels,
        size: s.size,
        profile,
        subject: `${props.location}.storage[${j}]: volume "${s.name}" of component "${props.componentName}"`,
      });
      volumes.push({ name: s.name, persistentVolumeClaim: { claimName } });
    } else {
      const rwoClass = profile.storage.rwo.class;
      claimTemplates.push({
        metadata: { name: s.name, labels: identity.labels },
        spec: {
          accessModes: ['ReadWriteOnce'],
          ...(rwoClass ? { storageClassName: rwoClass } : {}),
          resources,
        },
      });
    }
  });
  return { volumes, mounts, claimTemplates };
}
