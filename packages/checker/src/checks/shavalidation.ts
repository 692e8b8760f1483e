import type { CheckFunction } from './context.js';
import { fail, pass, unknown } from './util.js';

const NAME = 'shavalidation';

/** The toolkit's runtime files match the sha256 manifest made at build time (context.integrity). */
export const shavalidation: CheckFunction = (_snapshot, context) => {
  const integrity = context.integrity;
  if (!integrity) {
    return unknown(
      NAME,
      'not-collected',
      "The toolkit's own files were not verified (no integrity result was given).",
    );
  }
  if (integrity.status === 'unavailable') {
    return unknown(
      NAME,
      'insufficient-data',
      `The toolkit's files could not be verified: ${integrity.message}`,
      [{ kind: 'Manifest', name: integrity.manifest, fields: { status: integrity.status } }],
    );
  }
  if (integrity.status === 'verified') {
    return pass(NAME, `All ${integrity.files} runtime files match their sha256 in the build manifest.`, [
      {
        kind: 'Manifest',
        name: integrity.manifest,
        fields: { status: integrity.status, files: integrity.files },
      },
    ]);
  }
  return fail(
    NAME,
    `${integrity.mismatches.length} of ${integrity.files} runtime files do not match the build manifest: ${integrity.mismatches.map((m) => m.path).join(', ')}.`,
    integrity.mismatches.map((m) => ({
      kind: 'File',
      name: m.path,
      fields: { expected: m.expected, actual: m.actual },
    })),
  );
};
