import { message, type RwxProvisioner, type Evidence, type KubeObject } from '@havenkit/model';
import { rwxProvisionerFor } from '../data/rwx.js';
import type { CheckFunction } from './context.js';
import { arrayField, fail, nameOf, pass, readList, stringField, unknownFrom } from './util.js';

const NAME = 'rwxvolumes';

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
    const reason = probe.storageClass
      ? message('rwxvolumes.boundWithClass', { storageClass: probe.storageClass })
      : message('rwxvolumes.bound');
    return pass(NAME, reason, probeEvidence);
  }
  if (probe?.outcome === 'pending') {
    return fail(NAME, message('rwxvolumes.pending', { message: probe.message }), probeEvidence);
  }
  const note = probe
    ? [
        {
          ...probeEvidence[0]!,
          note: message('rwxvolumes.probeFailed'),
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
      // A provisioner's name is a plain name or a text in both languages.
      note: message('rwxvolumes.recognised', { provisioner: match.name }),
    }));
    const names = capable.map((c) => nameOf(c.sc)).join(', ');
    return pass(NAME, message('rwxvolumes.storageClasses', { count: capable.length, names }), [
      ...evidence,
      ...note,
    ]);
  }

  const volumes = readList(snapshot, 'persistentvolumes');
  const classEvidence: Evidence[] = classes.value.map((sc) => ({
    kind: 'StorageClass',
    name: nameOf(sc),
    fields: { provisioner: stringField(sc, 'provisioner') ?? '' },
    note: message('rwxvolumes.notCapable'),
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
    return pass(NAME, message('rwxvolumes.persistentVolumes', { count: rwx.length, names }), [
      ...evidence,
      ...note,
    ]);
  }
  return fail(
    NAME,
    message('rwxvolumes.fail', { classes: classes.value.length, volumes: volumes.value.length }),
    [...classEvidence, ...note],
  );
};
