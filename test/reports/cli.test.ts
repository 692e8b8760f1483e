/** `havenkit check` report options and `havenkit diff`, as a user runs them on the bundled demo snapshot. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../packages/checker/src/index.js';
import type { ComplianceReport } from '../../packages/checker/src/index.js';
import { runCli } from '../checker/helpers.js';

const DEMO = 'examples/snapshots/demo.json';
const DEMO_CLUSTER = 'e8b1c7d2-5a3f-4e6b-9c0d-1f2a3b4c5d6e';
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;
const work = mkdtempSync(join(tmpdir(), 'havenkit-reports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A waivers file for the demo's one failure (privatenetworking on haven-worker-3). */
function waiversFile(name: string, overrides: Record<string, unknown> = {}): string {
  const file = join(work, name);
  const waiver = {
    check: 'privatenetworking',
    scope: { clusterId: DEMO_CLUSTER, nodes: ['haven-worker-3'] },
    reason: 'Bastion node with a public IP until the VPN is in place',
    owner: 'platform@gemeente-voorbeeld.nl',
    ticket: 'GEM-1234',
    expires: '2026-12-31',
    ...overrides,
  };
  writeFileSync(file, dump({ apiVersion: 'havenkit.dev/v1alpha1', kind: 'WaiverList', waivers: [waiver] }));
  return file;
}

describe('havenkit check --output, --out-dir, --lang', () => {
  it('writes every report format at once into --out-dir, one file each', async () => {
    const dir = join(work, 'all');
    const ids = REPORT_FORMATS.map((f) => f.id);
    const run = await runCli(['check', '--snapshot', DEMO, '--output', ids.join(','), '--out-dir', dir]);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    // The reports went to files: stdout says the verdict and where they are.
    expect(run.stdout).toMatch(/^Verdict: NOT Haven compliant\nSummary: .*\nReports written:\n/);
    for (const f of REPORT_FORMATS) expect(run.stdout).toContain(`  ${join(dir, f.fileName)}  (${f.id})\n`);
    expect(readdirSync(dir).sort()).toEqual(REPORT_FORMATS.map((f) => f.fileName).sort());
    for (const f of REPORT_FORMATS)
      expect(readFileSync(join(dir, f.fileName), 'utf8').length).toBeGreaterThan(100);
  });

  it('refuses several formats without --out-dir, in one line, exit 3', async () => {
    const run = await runCli(['check', '--snapshot', DEMO, '--output', 'json,table']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('--out-dir');
  });

  it('names the unknown format and lists the known ones, exit 3', async () => {
    const run = await runCli(['check', '--snapshot', DEMO, '--output', 'pdf']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('--output pdf is not a report format; choose from table, json');
  });

  it('writes no report of the set when one cannot be written, exit 3', async () => {
    const dir = join(work, 'half');
    mkdirSync(join(dir, 'report.sarif'), { recursive: true });
    const run = await runCli(['check', '--snapshot', DEMO, '-o', 'json,html,sarif', '--out-dir', dir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('report.sarif (--out-dir): it is a directory');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
  });

  it('refuses --sign on a live cluster without --save-snapshot before contacting it, exit 3', async () => {
    const run = await runCli([
      'check',
      '--kubeconfig',
      join(work, 'none'),
      '--sign',
      join(work, 'k.key'),
      '-o',
      'json',
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('--sign on a live cluster needs --save-snapshot FILE');
  });

  it('prints the table in Dutch with --lang nl', async () => {
    const run = await runCli(['check', '--snapshot', DEMO, '--lang', 'nl']);
    expect(run.stdout).toContain('Oordeel: NIET Haven-compliant');
    expect(run.stdout).toContain('VOLDOET NIET');
  });

  it('takes the language from the locale when --lang is absent', async () => {
    const run = await runCli(['check', '--snapshot', DEMO], { LANG: 'nl_NL.UTF-8' });
    expect(run.stdout).toContain('Oordeel: NIET Haven-compliant');
  });
});

describe('havenkit check --waivers', () => {
  it('exits 5 when every failure is waived, and still shows the failure as waived', async () => {
    const run = await runCli(['check', '--snapshot', DEMO, '--waivers', waiversFile('ok.yaml')]);
    expect(run.code).toBe(5);
    expect(run.stdout).toMatch(/WAIVED +privatenetworking/);
    expect(run.stdout).toContain('Verdict: NOT Haven compliant');
    expect(run.stdout).toContain('Verdict with waivers: Compliant only with waivers');
  });

  it('exits 1 with an expired waiver, listed as expired', async () => {
    const run = await runCli([
      'check',
      '--snapshot',
      DEMO,
      '--waivers',
      waiversFile('old.yaml', { expires: '2026-06-30' }),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('privatenetworking: expired, no effect');
  });

  it('records every waiver and its status in the json report', async () => {
    const out = join(work, 'waived.json');
    await runCli([
      'check',
      '--snapshot',
      DEMO,
      '--waivers',
      waiversFile('ok2.yaml'),
      '-o',
      'json',
      '--out',
      out,
    ]);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ComplianceReport;
    expect(report.verdictWithWaivers).toBe('compliant-with-waivers');
    expect(report.summary.waived).toBe(1);
    expect(report.waivers?.waivers.map((w) => w.status)).toEqual(['applied']);
  });

  it('rejects a waiver without an owner, naming the file and field, exit 3, nothing written', async () => {
    const out = join(work, 'never.json');
    const bad = waiversFile('bad.yaml', { owner: undefined });
    const run = await runCli(['check', '--snapshot', DEMO, '--waivers', bad, '-o', 'json', '--out', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(`${bad}: waivers[0].owner: is required`);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a waiver for a check that does not exist, naming the field, exit 3', async () => {
    const bad = waiversFile('typo.yaml', { check: 'privatenetwork' });
    const run = await runCli(['check', '--snapshot', DEMO, '--waivers', bad]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(`${bad}: waivers[0].check: privatenetwork is not a Haven check`);
  });

  it('names a missing waivers file, exit 3', async () => {
    const run = await runCli(['check', '--snapshot', DEMO, '--waivers', join(work, 'nope.yaml')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot read waivers file .*nope\.yaml: no such file/);
  });
});

describe('havenkit diff', () => {
  const report = async (name: string, snapshot: string): Promise<string> => {
    const out = join(work, name);
    await runCli(['check', '--snapshot', snapshot, '-o', 'json', '--out', out]);
    return out;
  };
  const fixedSnapshot = (): string => {
    const text = readFileSync(DEMO, 'utf8')
      .replace(/"type": ?"ExternalIP"/g, '"type":"InternalIP"')
      .replace('51.68.142.37', '10.20.1.99');
    const file = join(work, 'fixed.json');
    writeFileSync(file, text);
    return file;
  };

  it('exits 0 and names the improvement when a failure was fixed', async () => {
    const before = await report('before.json', DEMO);
    const after = await report('after.json', fixedSnapshot());
    const run = await runCli(['diff', before, after]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('privatenetworking: fail → pass (improved)');
    expect(run.stdout).toContain('Result: nothing regressed.');
  });

  it('exits 1 when something regressed', async () => {
    const before = await report('before2.json', fixedSnapshot());
    const after = await report('after2.json', DEMO);
    const run = await runCli(['diff', before, after]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('privatenetworking: pass → fail REGRESSED');
  });

  it('gives the diff as JSON with --output json', async () => {
    const r = await report('same.json', DEMO);
    const run = await runCli(['diff', r, r, '--output', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ regressed: false, changed: [], added: [], removed: [] });
  });

  it('names a report that is not a report, exit 3', async () => {
    const junk = join(work, 'junk.json');
    writeFileSync(junk, '{"kind":"Something"}');
    const run = await runCli(['diff', junk, junk]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(
      `${junk}: not a havenkit report (kind Something; expected ComplianceReport)`,
    );
  });
});
