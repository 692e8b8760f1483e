import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSnapshot } from '../testing/reports.js';
import { dumpYaml } from '../yaml.js';
import { parseSnapshot, parseSnapshotText, readSnapshotFile } from '../snapshot/read.js';
import { damagedText, mutate, mutationArb, expectValueOrInputError } from './bad-input.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-prop-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { snapshot: demo } = demoSnapshot();
const demoJson = JSON.stringify(demo);
const demoYaml = dumpYaml(demo);
const extension = fc.constantFrom('.json', '.yaml', '.yml', '', '.txt');

describe('the snapshot reader on bad input', () => {
  it('returns a snapshot or refuses the text with a one-line SnapshotError naming the source', () => {
    fc.assert(
      fc.property(fc.oneof(damagedText(demoJson), damagedText(demoYaml)), extension, (text, ext) => {
        const source = `crafted${ext}`;
        expectValueOrInputError(() => parseSnapshotText(text, source), source);
      }),
      { numRuns: 300 },
    );
  });

  it('validates or refuses a damaged valid snapshot, field by field', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        expectValueOrInputError(() => parseSnapshot(mutate(demo, mutations), 's.json'), 's.json');
      }),
      { numRuns: 300 },
    );
  });

  it('reads a file of arbitrary bytes as a snapshot or refuses it naming the file', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), extension, (bytes, ext) => {
        const path = join(dir, `bytes-${n++}${ext}`);
        writeFileSync(path, bytes);
        expectValueOrInputError(() => readSnapshotFile(path), path);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses what is not a regular file, or over the size limit, naming the path', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, demoJson);
    for (const [path, limit] of [
      [dir, undefined],
      [join(dir, 'absent.json'), undefined],
      ['/dev/null', undefined],
      [big, 16],
    ] as const) {
      expect(expectValueOrInputError(() => readSnapshotFile(path, limit), path)).toBeUndefined();
    }
  });
});
