import { describe, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { makeSnapshot } from '../testing/fixtures.js';
import { shavalidation } from './shavalidation.js';

const manifest = 'packages/checker/dist/integrity-manifest.json';
const cases: CheckCase[] = [
  {
    spec: 'passes when every runtime file matches the manifest',
    snapshot: makeSnapshot(),
    context: { integrity: { status: 'verified', manifest, files: 42 } },
    outcome: 'pass',
  },
  {
    spec: 'fails and lists the files that do not match',
    snapshot: makeSnapshot(),
    context: {
      integrity: {
        status: 'mismatch',
        manifest,
        files: 42,
        mismatches: [{ path: 'packages/checker/dist/evaluate.js', expected: 'aa', actual: 'bb' }],
      },
    },
    outcome: 'fail',
    reason: 'packages/checker/dist/evaluate.js',
  },
  {
    spec: 'is unknown without a manifest',
    snapshot: makeSnapshot(),
    context: { integrity: { status: 'unavailable', manifest, message: 'no manifest' } },
    outcome: 'unknown',
    cause: 'insufficient-data',
  },
  {
    spec: 'is unknown (not-collected) when integrity was not verified',
    snapshot: makeSnapshot(),
    outcome: 'unknown',
    cause: 'not-collected',
  },
];

describe('shavalidation', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(shavalidation, c);
  });
});
