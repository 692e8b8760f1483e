import { App, Chart } from '../kube.js';
import { describe, expect, it } from 'vitest';
import type { ProviderProfile } from '../profiles/profile.js';
import type { StorageProps } from '../spec/types.js';
import type { K8sObject } from '../synth.js';
import { componentIdentity } from './identity.js';
import { addStorageClaims, type StorageClaims } from './storage.js';

type StorageProfile = Pick<ProviderProfile, 'id' | 'storage'>;
const withRwx: StorageProfile = {
  id: 'cloud',
  storage: { rwo: { class: 'block' }, rwx: { supported: true, class: 'nfs', addon: 'nfs-provisioner' } },
};
const clusterDefaults: StorageProfile = {
  id: 'plain',
  storage: { rwo: {}, rwx: { supported: true, class: 'nfs' } },
};
const withoutRwx: StorageProfile = {
  id: 'block-only',
  storage: { rwo: {}, rwx: { supported: false, reason: 'only block storage', remedy: 'install NFS' } },
};
const media: StorageProps = { name: 'media', size: '20Gi', shared: true, mountPath: '/media' };
const data: StorageProps = { name: 'data', size: '10Gi', mountPath: '/data' };

function synth(
  storage: readonly StorageProps[],
  profile: StorageProfile = withRwx,
): { objects: K8sObject[]; claims: StorageClaims } {
  const chart = new Chart(new App(), 'test');
  const claims = addStorageClaims(chart, {
    identity: componentIdentity('shop', 'api'),
    componentName: 'api',
    storage,
    profile,
    location: 'app.yaml: spec.components[0]',
  });
  return { objects: chart.toJson() as K8sObject[], claims };
}

describe('addStorageClaims', () => {
  it('makes a shared volume one ReadWriteMany claim <app>-<component>-<volume> of the profile RWX class', () => {
    const [claim] = synth([media]).objects;
    expect(claim).toMatchObject({
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'shop-api-media' },
      spec: {
        accessModes: ['ReadWriteMany'],
        storageClassName: 'nfs',
        resources: { requests: { storage: '20Gi' } },
      },
    });
  });

  it('names the add-on a shared claim needs in havenkit.dev/requires', () => {
    expect(synth([media]).objects[0]?.metadata.annotations).toEqual({
      'havenkit.dev/requires': 'nfs-provisioner',
    });
  });

  it('gives the pods the shared claim as a volume', () => {
    expect(synth([media]).claims.volumes).toEqual([
      { name: 'media', persistentVolumeClaim: { claimName: 'shop-api-media' } },
    ]);
  });

  it('makes a volume that is not shared a ReadWriteOnce claim template of the profile RWO class, not a claim', () => {
    const { objects, claims } = synth([data]);
    expect(objects).toEqual([]);
    expect(claims.volumes).toEqual([]);
    expect(claims.claimTemplates).toMatchObject([
      { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'block' } },
    ]);
  });

  it('leaves storageClassName out of ReadWriteOnce claims where the profile has no class: the cluster default applies', () => {
    const { objects, claims } = synth([media, data], clusterDefaults);
    expect(objects[0]?.spec).toHaveProperty('storageClassName', 'nfs');
    expect(objects[0]?.metadata).not.toHaveProperty('annotations');
    expect(claims.claimTemplates[0]?.spec).not.toHaveProperty('storageClassName');
  });

  it('mounts every volume, shared or not, in the order declared', () => {
    expect(synth([data, media]).claims.mounts).toEqual([
      { name: 'data', mountPath: '/data' },
      { name: 'media', mountPath: '/media' },
    ]);
  });

  it('refuses a shared volume where the provider has no ReadWriteMany: one line naming volume, provider and remedy', () => {
    expect(() => synth([data, media], withoutRwx)).toThrow(
      'app.yaml: spec.components[0].storage[1]: volume "media" of component "api" is shared (ReadWriteMany) but provider "block-only" has no ReadWriteMany storage (only block storage); remedy: install NFS',
    );
  });
});
