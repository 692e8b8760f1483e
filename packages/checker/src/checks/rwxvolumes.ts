import type { RwxProvisioner } from '../data/types.js';
import type { Evidence } from '../result.js';
import type { KubeObject } from '../snapshot/types.js';
import type { CheckFunction } from './context.js';
import {
  arrayField,
  fail,
  field,
  globMatch,
  nameOf,
  pass,
  readList,
  stringField,
  unknownFrom,
} from './util.js';

const NAME = 'rwxvolumes';

/** The data entry that makes this StorageClass RWX-capable, if any. */
export function rwxProvisionerFor(
  storageClass: KubeObject,
  provisioners: readonly RwxProvisioner[],
): RwxProvisioner | undefined {
  const provisioner = stringField(storageClass, 'provisioner') ?? '';
  const parameters = (field(storageClass, 'parameters') ?? {}) as Record<string, unknown>;
  return provisioners.find(
    (p) =>
      globMatch(p.provisioner, provisioner) &&
      (!p.parameters ||
        p.parameters.some(
          (want) => String(parameters[want.key] ?? '').toLowerCase() === want.value.toLowerCase(),
        )),
  );
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
      `A ReadWriteMany claim bound${probe.storageClass ? ` (StorageClass ${probe.storageClass})` : ''}.`,
      probeEvidence,
    );
  }
  if (probe?.outcome === 'pending') {
    return fail(
      NAME,
      `A ReadWriteMany claim did not bind before the timeout: ${probe.message}`,
      probeEvidence,
    );
  }
  const note = probe
    ? [{ ...probeEvidence[0]!, note: 'the probe could not run; decided from the cluster state' }]
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
      note: match.name,
    }));
    return pass(
      NAME,
      `StorageClass ${capable.map((c) => nameOf(c.sc)).join(', ')} can provision ReadWriteMany volumes.`,
      [...evidence, ...note],
    );
  }

  const volumes = readList(snapshot, 'persistentvolumes');
  const classEvidence: Evidence[] = classes.value.map((sc) => ({
    kind: 'StorageClass',
    name: nameOf(sc),
    fields: { provisioner: stringField(sc, 'provisioner') ?? '' },
    note: 'no ReadWriteMany support known for this provisioner',
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
    return pass(NAME, `PersistentVolume ${rwx.map(nameOf).join(', ')} is ReadWriteMany.`, [
      ...evidence,
      ...note,
    ]);
  }
  return fail(
    NAME,
    `No StorageClass with a ReadWriteMany-capable provisioner and no ReadWriteMany PersistentVolume (${classes.value.length} StorageClasses, ${volumes.value.length} PersistentVolumes).`,
    [...classEvidence, ...note],
  );
};
