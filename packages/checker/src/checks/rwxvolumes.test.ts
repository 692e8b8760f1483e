import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import {
  forbidden,
  list,
  makeSnapshot,
  persistentVolume,
  storageClass,
  withResources,
} from '../testing/fixtures.js';
import { rwxvolumes } from './rwxvolumes.js';

const classes = (...items: ReturnType<typeof storageClass>[]) =>
  list('StorageClass', items, 'storage.k8s.io/v1');
const pvs = (...items: ReturnType<typeof persistentVolume>[]) => list('PersistentVolume', items);
const blockOnly = classes(storageClass('sbs-default', 'csi.scaleway.com'));

const cases: CheckCase[] = [
  {
    spec: 'passes with a StorageClass whose provisioner supports RWX',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': classes(storageClass('scw-fs', 'filestorage.csi.scaleway.com')),
      persistentvolumes: pvs(),
    }),
    outcome: 'pass',
    evidence: (r) =>
      expect(r.evidence[0]).toMatchObject({
        kind: 'StorageClass',
        name: 'scw-fs',
        note: { en: 'recognised as Scaleway File Storage', nl: 'herkend als Scaleway File Storage' },
      }),
  },
  {
    spec: 'names a recognised provisioner in Dutch in the Dutch note (Longhorn)',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': classes(storageClass('longhorn', 'driver.longhorn.io')),
      persistentvolumes: pvs(),
    }),
    outcome: 'pass',
    evidence: (r) =>
      expect(r.evidence[0]?.note).toEqual({
        en: 'recognised as Longhorn (RWX through its share-manager, NFSv4)',
        nl: 'herkend als Longhorn (RWX via zijn share-manager, NFSv4)',
      }),
  },
  {
    spec: 'matches wildcard provisioners (Rook CephFS)',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': classes(storageClass('cephfs', 'rook-ceph.cephfs.csi.ceph.com')),
      persistentvolumes: pvs(),
    }),
    outcome: 'pass',
  },
  {
    spec: 'counts OTC Everest classes only with the SFS driver parameter',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': classes(
        storageClass('csi-disk', 'everest-csi-provisioner', {
          'csi.storage.k8s.io/csi-driver-name': 'disk.csi.everest.io',
        }),
        storageClass('csi-nas', 'everest-csi-provisioner', {
          'csi.storage.k8s.io/csi-driver-name': 'nas.csi.everest.io',
        }),
      ),
      persistentvolumes: pvs(),
    }),
    outcome: 'pass',
    reason: 'StorageClass csi-nas',
  },
  {
    spec: 'does not count a vSphere block class (no nfs4 file-system type)',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': classes(storageClass('thin-csi', 'csi.vsphere.vmware.com')),
      persistentvolumes: pvs(),
    }),
    outcome: 'fail',
  },
  {
    spec: 'counts a vSphere file class (nfs4), named in Dutch in the Dutch note',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': classes(
        storageClass('vsan-file', 'csi.vsphere.vmware.com', { 'csi.storage.k8s.io/fstype': 'nfs4' }),
      ),
      persistentvolumes: pvs(),
    }),
    outcome: 'pass',
    evidence: (r) =>
      expect(r.evidence[0]?.note).toEqual({
        en: 'recognised as vSphere CSI file volumes (vSAN File Services)',
        nl: 'herkend als vSphere CSI-bestandsvolumes (vSAN File Services)',
      }),
  },
  {
    spec: 'passes with an existing ReadWriteMany PersistentVolume',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': blockOnly,
      persistentvolumes: pvs(persistentVolume('nfs-share', ['ReadWriteMany'], '')),
    }),
    outcome: 'pass',
  },
  {
    spec: 'passes when the RWX probe bound a claim',
    snapshot: makeSnapshot({
      probes: { rwx: { outcome: 'bound', storageClass: 'longhorn', message: 'bound in 4s' } },
    }),
    outcome: 'pass',
  },
  {
    spec: 'fails when the RWX probe claim stayed pending',
    snapshot: makeSnapshot({
      resources: {
        'storageclasses.storage.k8s.io': classes(storageClass('nfs', 'nfs.csi.k8s.io')),
        persistentvolumes: pvs(),
      },
      probes: { rwx: { outcome: 'pending', message: 'not bound after 120s' } },
    }),
    outcome: 'fail',
  },
  {
    spec: 'fails with only block storage and no RWX volumes',
    snapshot: withResources({
      'storageclasses.storage.k8s.io': blockOnly,
      persistentvolumes: pvs(persistentVolume('pv1', ['ReadWriteOnce'])),
    }),
    outcome: 'fail',
  },
  {
    spec: 'is unknown (forbidden) when StorageClasses may not be listed',
    snapshot: withResources({ 'storageclasses.storage.k8s.io': forbidden(), persistentvolumes: pvs() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown when no class is RWX-capable and PersistentVolumes were not collected',
    snapshot: withResources({ 'storageclasses.storage.k8s.io': blockOnly }),
    outcome: 'unknown',
    cause: 'not-collected',
  },
];

describe('rwxvolumes', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(rwxvolumes, c);
  });
});
