import type { LocalizedText, RwxProvisioner, Evidence, KubeObject } from '@havenkit/model';
import { rwxProvisionerFor } from '../data/rwx.js';
import type { CheckFunction } from './context.js';
import { arrayField, both, fail, nameOf, pass, readList, stringField, unknownFrom } from './util.js';

const NAME = 'rwxvolumes';

/** A provisioner's name in one language (a plain name is the same in both). */
function nameIn(p: RwxProvisioner, language: keyof LocalizedText): string {
  return typeof p.name === 'string' ? p.name : p.name[language];
}

/**
 * ReadWriteMany support: the opt-in probe bound an RWX claim (pass) or did not (fail); otherwise a
 * StorageClass with an RWX-capable provisioner or an existing ReadWriteMany PersistentVolume.
 */
export const rwxvolumes: CheckFunction = (snapshot, context) => {
  const probe = snapshot.probes?.rwx;
  const probeEvidence: Evidence[] = probe
    ? [
        {
          kind: 'Probe',
          name: 'rwx',
          fields: {
            outcome: probe.outcome,
            storageClass: probe.storageClass ?? null,
            message: probe.message,
            ...(probe.durationMs !== undefined ? { durationMs: probe.durationMs } : {}),
          },
        },
      ]
    : [];
  if (probe?.outcome === 'bound') {
    return pass(
      NAME,
      both(
        `A ReadWriteMany claim bound${probe.storageClass ? ` (StorageClass ${probe.storageClass})` : ''}.`,
        `Een ReadWriteMany-claim is gebonden${probe.storageClass ? ` (StorageClass ${probe.storageClass})` : ''}.`,
      ),
      probeEvidence,
    );
  }
  if (probe?.outcome === 'pending') {
    return fail(
      NAME,
      both(
        `A ReadWriteMany claim did not bind before the timeout: ${probe.message}`,
        `Een ReadWriteMany-claim is niet gebonden vóór de time-out: ${probe.message}`,
      ),
      probeEvidence,
    );
  }
  const note = probe
    ? [
        {
          ...probeEvidence[0]!,
          note: both(
            'the probe could not run; decided from the cluster state',
            'de probe kon niet draaien; beslist op basis van de toestand van het cluster',
          ),
        },
      ]
    : [];

  const classes = readList(snapshot, 'storageclasses.storage.k8s.io');
  if (!classes.ok) return unknownFrom(NAME, classes, note);
  const capable = classes.value
    .map((sc) => ({ sc, match: rwxProvisionerFor(sc, context.data.rwxProvisioners.provisioners) }))
    .filter((x): x is { sc: KubeObject; match: RwxProvisioner } => x.match !== undefined);
  if (capable.length > 0) {
    const evidence: Evidence[] = capable.map(({ sc, match }) => ({
      kind: 'StorageClass',
      name: nameOf(sc),
      fields: { provisioner: stringField(sc, 'provisioner') ?? '' },
      note: both(`recognised as ${nameIn(match, 'en')}`, `herkend als ${nameIn(match, 'nl')}`),
    }));
    const names = capable.map((c) => nameOf(c.sc)).join(', ');
    return pass(
      NAME,
      both(
        `StorageClass ${names} can provision ReadWriteMany volumes.`,
        capable.length === 1
          ? `StorageClass ${names} kan ReadWriteMany-volumes aanmaken.`
          : `De StorageClasses ${names} kunnen ReadWriteMany-volumes aanmaken.`,
      ),
      [...evidence, ...note],
    );
  }

  const volumes = readList(snapshot, 'persistentvolumes');
  const classEvidence: Evidence[] = classes.value.map((sc) => ({
    kind: 'StorageClass',
    name: nameOf(sc),
    fields: { provisioner: stringField(sc, 'provisioner') ?? '' },
    note: both(
      'no ReadWriteMany support known for this provisioner',
      'geen ReadWriteMany-ondersteuning bekend voor deze provisioner',
    ),
  }));
  if (!volumes.ok) return unknownFrom(NAME, volumes, [...classEvidence, ...note]);
  const rwx = volumes.value.filter((pv) => arrayField(pv, 'spec', 'accessModes').includes('ReadWriteMany'));
  if (rwx.length > 0) {
    const evidence: Evidence[] = rwx.map((pv) => ({
      kind: 'PersistentVolume',
      name: nameOf(pv),
      fields: {
        'spec.accessModes': arrayField(pv, 'spec', 'accessModes').join(', '),
        storageClassName: stringField(pv, 'spec', 'storageClassName') ?? null,
      },
    }));
    const names = rwx.map(nameOf).join(', ');
    return pass(
      NAME,
      both(
        `PersistentVolume ${names} is ReadWriteMany.`,
        rwx.length === 1
          ? `PersistentVolume ${names} heeft toegangsmodus ReadWriteMany.`
          : `De PersistentVolumes ${names} hebben toegangsmodus ReadWriteMany.`,
      ),
      [...evidence, ...note],
    );
  }
  return fail(
    NAME,
    both(
      `No StorageClass with a ReadWriteMany-capable provisioner and no ReadWriteMany PersistentVolume (${classes.value.length} StorageClasses, ${volumes.value.length} PersistentVolumes).`,
      `Geen StorageClass met een provisioner die ReadWriteMany ondersteunt en geen ReadWriteMany-PersistentVolume (${classes.value.length} StorageClasses, ${volumes.value.length} PersistentVolumes).`,
    ),
    [...classEvidence, ...note],
  );
};
