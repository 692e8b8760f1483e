import type { KubeObject, RwxProvisioner } from '@havenkit/model';
import { field, globMatch, stringField } from '../objects.js';

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
