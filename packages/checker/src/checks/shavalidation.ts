import { message } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { fail, pass, unknown } from './util.js';

const NAME = 'shavalidation';

/** The toolkit's runtime files match the sha256 manifest made at build time (context.integrity). */
export const shavalidation: CheckFunction = (_snapshot, context) => {
  const integrity = context.integrity;
  if (!integrity) {
    return unknown(NAME, 'not-collected', message('shavalidation.notVerified'));
  }
  if (integrity.status === 'unavailable') {
    return unknown(
      NAME,
      'insufficient-data',
      message('shavalidation.unavailable', { message: integrity.message }),
      [{ kind: 'Manifest', name: integrity.manifest, fields: { status: integrity.status } }],
    );
  }
  if (integrity.status === 'verified') {
    const reason = message('shavalidation.pass', { files: integrity.files });
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
    message('shavalidation.fail', { count: integrity.mismatches.length, files: integrity.files, paths }),
    integrity.mismatches.map((m) => ({
      kind: 'File',
      name: m.path,
      fields: { expected: m.expected, actual: m.actual },
    })),
  );
};
