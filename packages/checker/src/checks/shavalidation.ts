import type { CheckFunction } from './context.js';
import { both, fail, pass, unknown } from './util.js';

const NAME = 'shavalidation';

/** The toolkit's runtime files match the sha256 manifest made at build time (context.integrity). */
export const shavalidation: CheckFunction = (_snapshot, context) => {
  const integrity = context.integrity;
  if (!integrity) {
    return unknown(
      NAME,
      'not-collected',
      both(
        "The toolkit's own files were not verified (no integrity result was given).",
        'De eigen bestanden van de toolkit zijn niet geverifieerd (er is geen integriteitsresultaat opgegeven).',
      ),
    );
  }
  if (integrity.status === 'unavailable') {
    return unknown(
      NAME,
      'insufficient-data',
      both(
        `The toolkit's files could not be verified: ${integrity.message}`,
        `De bestanden van de toolkit konden niet worden geverifieerd: ${integrity.message}`,
      ),
      [{ kind: 'Manifest', name: integrity.manifest, fields: { status: integrity.status } }],
    );
  }
  if (integrity.status === 'verified') {
    const reason = both(
      `All ${integrity.files} runtime files match their sha256 in the build manifest.`,
      `Alle ${integrity.files} runtimebestanden komen overeen met hun sha256 in het buildmanifest.`,
    );
    return pass(NAME, reason, [
      {
        kind: 'Manifest',
        name: integrity.manifest,
        fields: { status: integrity.status, files: integrity.files },
      },
    ]);
  }
  const paths = integrity.mismatches.map((m) => m.path).join(', ');
  return fail(
    NAME,
    both(
      `${integrity.mismatches.length} of ${integrity.files} runtime files do not match the build manifest: ${paths}.`,
      integrity.mismatches.length === 1
        ? `1 van de ${integrity.files} runtimebestanden komt niet overeen met het buildmanifest: ${paths}.`
        : `${integrity.mismatches.length} van de ${integrity.files} runtimebestanden komen niet overeen met het buildmanifest: ${paths}.`,
    ),
    integrity.mismatches.map((m) => ({
      kind: 'File',
      name: m.path,
      fields: { expected: m.expected, actual: m.actual },
    })),
  );
};
