import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '@havenkit/model';
import { renderHavenJson } from '../report/haven-json.js';
import { renderJson } from '../report/json.js';
import { clusterReport } from './testing.js';
import { scanFleetDirectory } from './walk.js';

const work = mkdtempSync(join(tmpdir(), 'havenkit-fleet-walk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const put = (relative: string, text: string): void => {
  const path = join(work, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
const report = clusterReport({ collectedAt: '2026-11-01T00:00:00Z' });
put('fleet/a/report.json', renderJson(report));
put('fleet/a/haven.json', renderHavenJson(report, { startTs: 'x', stopTs: 'y' }));
put('fleet/a/report.html', '<html>');
put('fleet/junk.json', '{"hello": "world"}');
put('fleet/1/2/3/4/5/6/report.json', renderJson(report));
put('fleet/1/2/3/4/5/6/7/report.json', renderJson(report));
put('elsewhere/report.json', renderJson(report));
symlinkSync(join(work, 'elsewhere'), join(work, 'fleet/linked'));
put('big/report.json', renderJson(report));
put('plain-file', 'x');

describe('scanFleetDirectory', () => {
  const scan = scanFleetDirectory(join(work, 'fleet'));

  it('reads every report down to six directories below DIR, with paths relative to DIR', () => {
    expect(scan.files.map((f) => f.path)).toEqual(['1/2/3/4/5/6/report.json', 'a/report.json']);
  });

  it('lists what it did not read: a junk file, a directory too deep, a linked directory', () => {
    expect(scan.notRead).toEqual([
      { path: '1/2/3/4/5/6/7/', problem: 'too-deep', detail: 'depth > 6' },
      { path: 'junk.json', problem: 'not-a-report', detail: 'no kind' },
      { path: 'linked/', problem: 'symlinked-directory' },
    ]);
  });

  it('passes over the official format and never looks at files that are not JSON', () => {
    expect(scan.skipped).toEqual(['a/haven.json']);
  });

  it('lists a file over the size limit as too large', () => {
    expect(scanFleetDirectory(join(work, 'big'), { maxBytes: 1024 }).notRead).toEqual([
      {
        path: 'report.json',
        problem: 'too-large',
        detail: expect.stringMatching(/over the limit of 1 KiB; --max-input-size raises the limit$/),
      },
    ]);
  });

  it('refuses a directory that does not exist, or a file, in one line', () => {
    expect(() => scanFleetDirectory(join(work, 'missing'))).toThrow(InputError);
    expect(() => scanFleetDirectory(join(work, 'missing'))).toThrow(/: no such directory$/);
    expect(() => scanFleetDirectory(join(work, 'plain-file'))).toThrow(/plain-file is not a directory$/);
  });
});
