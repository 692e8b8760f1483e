import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSize } from '../files/read-input.js';
import { parseHavenReleases } from '../haven-releases.js';
import { parseReportText, readReportFile } from '../report/read.js';
import { demoReport, demoWaiver, waiverList } from '../testing/reports.js';
import { parseWaivers, readWaiversFile } from '../waivers/read.js';
import { dumpYaml } from '../yaml.js';
import { damagedText, mutate, mutationArb, expectValueOrInputError } from './bad-input.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-prop-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fileWith = (text: string, ext: string) => {
  const path = join(dir, `input-${files++}${ext}`);
  writeFileSync(path, text);
  return path;
};

const waivers = waiverList(demoWaiver(), demoWaiver({ check: 'multiaz', expires: '2027-02-28' }));
const releases = [
  { version: 'v12.0.0', date: '2025-06-01' },
  { tag_name: 'v13.0.0', released_at: '2026-09-01T10:00:00Z' },
];

describe('the waivers reader on bad input', () => {
  it('reads a waivers file or refuses it in one line naming the file', () => {
    const text = dumpYaml(waivers);
    fc.assert(
      fc.property(
        fc.oneof(damagedText(text), damagedText(JSON.stringify(waivers))),
        fc.constantFrom('.yaml', '.json', ''),
        (input, ext) => {
          const path = fileWith(input, ext);
          expectValueOrInputError(() => readWaiversFile(path), path);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('validates or refuses a damaged waivers document, dates included', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        expectValueOrInputError(
          () => parseWaivers(mutate(waivers, mutations), 'waivers.yaml'),
          'waivers.yaml',
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the report reader on bad input', () => {
  const report = demoReport();
  const text = JSON.stringify(report);

  it('reads a report or refuses the text in one line naming the source', () => {
    fc.assert(
      fc.property(damagedText(text), (input) => {
        expectValueOrInputError(() => parseReportText(input, 'report.json'), 'report.json');
      }),
      { numRuns: 200 },
    );
  });

  it('validates or refuses a damaged report, a signed envelope shape included', () => {
    const envelope = { payloadType: 'application/vnd.in-toto+json', payload: 'e30=', signatures: [] };
    fc.assert(
      fc.property(
        fc.constantFrom<unknown>(report, envelope),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        (document, mutations) => {
          const input = JSON.stringify(mutate(document, mutations)) ?? '';
          expectValueOrInputError(() => parseReportText(input, 'report.json'), 'report.json');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a report file of arbitrary bytes or refuses it naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const path = join(dir, `report-${files++}.json`);
        writeFileSync(path, bytes);
        expectValueOrInputError(() => readReportFile(path), path);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the Haven releases parser on bad input', () => {
  it('returns releases with a version and a date, or refuses the document naming the source', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }).map((m) => mutate(releases, m)),
        ),
        (value) => {
          const parsed = expectValueOrInputError(
            () => parseHavenReleases(value, 'releases.json'),
            'releases.json',
          );
          const wellFormed = (parsed ?? []).every(
            (r) => typeof r.version === 'string' && !Number.isNaN(Date.parse(r.date)),
          );
          expect(wellFormed).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseSize on bad input', () => {
  it('returns a positive safe number of bytes or undefined, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc
            .tuple(
              fc.stringMatching(/^\s{0,3}\d{1,30}(\.\d{0,20})?\s{0,3}$/),
              fc.constantFrom('', 'b', 'K', 'kib', 'MB', 'GiB', 'TiB', 'gb ', 'x'),
            )
            .map(([n, unit]) => n + unit),
          fc.constant(`${'9'.repeat(5000)}G`),
        ),
        (text) => {
          const bytes = parseSize(text);
          expect(bytes === undefined || (Number.isSafeInteger(bytes) && bytes > 0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
