/**
 * The CLI's flag logic, in process (@oclif/test runs the built commands through oclif as
 * `havenkit` would, without spawning node): declared flag relationships, required flags, one-line
 * errors with exit 3, grouped --help, version, "did you mean" for a misspelt flag, --json. The
 * spawned-process tests (test/**) stay for what needs a real process or a real control plane.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@oclif/test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/checker/helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = fileURLToPath(new URL('../../../examples/snapshots/demo.json', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-commands-'));
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code: oclif's exit error, else what the command set in process.exitCode, else 0. */
  readonly code: number;
}

async function havenkit(...argv: string[]): Promise<Run> {
  const result = await runCommand(argv, { root });
  const exit = (result.error as { oclif?: { exit?: number } } | undefined)?.oclif?.exit;
  const code = exit ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
  return { stdout: result.stdout, stderr: result.stderr, code };
}

afterEach(() => {
  // `check` and `diff` set process.exitCode for the process they run in: this one.
  process.exitCode = undefined;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('flag relationships, declared on the flags', () => {
  it.each([
    ['--kubeconfig', 'kubeconfig.yaml'],
    ['--context', 'prod'],
    ['--probe', 'rwx'],
    ['--save-snapshot', 'again.json'],
  ])('check --snapshot refuses the live-cluster flag %s', async (flag, value) => {
    const run = await havenkit('check', '--snapshot', demo, flag, value);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(`--snapshot cannot be combined with ${flag}`);
  });

  it('check refuses --out together with --out-dir', async () => {
    const run = await havenkit('check', '--snapshot', demo, '--out', 'a.txt', '--out-dir', work);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/--out cannot be combined with --out-dir/);
  });

  it('check with several formats and no --out-dir says to give one', async () => {
    const run = await havenkit('check', '--snapshot', demo, '-o', 'json,sarif');
    expect(run).toMatchObject({ code: 3, stdout: '' });
    expect(run.stderr).toMatch(/writes several reports: give --out-dir DIR/);
  });

  it('check --sign without the json format says to add it', async () => {
    const run = await havenkit('check', '--snapshot', demo, '--sign', 'k.key', '-o', 'table');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/--sign signs the json report: add json to --output/);
  });

  it('check refuses a --latest-kubernetes that is not a minor version', async () => {
    const run = await havenkit('check', '--snapshot', demo, '--latest-kubernetes', 'latest');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/--latest-kubernetes latest is not a minor version/);
  });
});

describe('required flags and arguments', () => {
  it.each([
    [['snapshot'], '--out FILE is required'],
    [['verify', 'report.json'], '--key PUB is required'],
    [['keys', 'generate'], '--out PREFIX is required'],
  ])('%j names the missing flag and its placeholder', async (argv, message) => {
    const run = await havenkit(...argv);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(message);
  });

  it('diff without its second report names the missing argument', async () => {
    const run = await havenkit('diff', demo);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('havenkit: error: Missing 1 required arg: NEW (the later report (JSON))\n');
  });
});

describe('typos', () => {
  it('a misspelt flag gets the nearest flag', async () => {
    const run = await havenkit('check', '--snapshto', demo);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('havenkit: error: Nonexistent flag: --snapshto; did you mean --snapshot?\n');
  });

  it('a flag like no other gets no guess', async () => {
    const run = await havenkit('check', '--zzzzzzzz');
    expect(run.stderr).toBe('havenkit: error: Nonexistent flag: --zzzzzzzz\n');
  });

  it('a value outside the options names the flag and the options', async () => {
    const run = await havenkit('check', '--snapshot', demo, '--lang', 'fr');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/--lang=fr to be one of: en, nl/);
  });
});

describe('unknown commands (a spawned process: the hook ends the process)', () => {
  it('a misspelt command gets the nearest command, one line, exit 3', async () => {
    const run = await runCli(['chek']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toMatch(
      /^havenkit: error: unknown command 'chek'; did you mean 'check'\? \(commands: /,
    );
  });

  it('a command like no other gets no guess', async () => {
    const run = await runCli(['zzzzzzzzzz']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^havenkit: error: unknown command 'zzzzzzzzzz'; \(commands: /);
  });
}, 60_000);

describe('help and version', () => {
  it('check --help groups its flags', async () => {
    const run = await havenkit('check', '--help');
    for (const group of ['CHECKS FLAGS', 'REPORT FLAGS', 'CLUSTER FLAGS', 'AUDIT FLAGS']) {
      expect(run.stdout).toContain(group);
    }
  });

  it('-h is --help', async () => {
    const short = await havenkit('check', '-h');
    const long = await havenkit('check', '--help');
    expect(short.stdout).toBe(long.stdout);
  });

  it('help <command> is <command> --help', async () => {
    const viaHelp = await havenkit('help', 'check');
    const viaFlag = await havenkit('check', '--help');
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it.each([['version'], ['--version'], ['-v']])('%s prints the CLI version', async (flag) => {
    const run = await havenkit(flag);
    expect(run.stdout).toMatch(/^@havenkit\/cli\/0\.1\.0 /);
  });

  it('autocomplete is a command', async () => {
    const run = await havenkit('autocomplete', '--help');
    expect(run.stdout).toMatch(/autocomplete/);
    expect(run.stdout).toMatch(/zsh\|bash\|powershell/);
  });
});

describe('one spelling across commands', () => {
  const app = fileURLToPath(new URL('../../../examples/apps/meldingen.yaml', import.meta.url));

  it('synth -o helm and synth --format helm write the same chart', async () => {
    const synth = (flag: string, dir: string) =>
      havenkit(
        'synth',
        '--app',
        app,
        '--provider',
        'scaleway',
        flag,
        'helm',
        '--out',
        join(work, dir),
        '--json',
      );
    const viaOutput = await synth('-o', 'chart-o');
    const viaFormat = await synth('--format', 'chart-format');
    expect(viaOutput.stderr).toBe('');
    expect(viaOutput.code).toBe(0);
    const written = (run: Run) =>
      (JSON.parse(run.stdout) as { written: string[] }).written.map((f) => f.replace(/.*chart-[a-z]+\//, ''));
    expect(written(viaOutput)).toEqual(
      expect.arrayContaining(['Chart.yaml', 'values.yaml', 'values.schema.json', 'templates/NOTES.txt']),
    );
    expect(written(viaFormat)).toEqual(written(viaOutput));
  });

  it('an unknown synth output format names the flag and what it is for', async () => {
    const run = await havenkit('synth', '--app', app, '--provider', 'generic', '--format', 'kustomize');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'havenkit: error: Expected --output=kustomize to be one of: manifests, helm (output format: manifests, or a helm chart)\n',
    );
  });
});

describe('output paths that are not plain files', () => {
  it('check --out through a symbolic link writes the file it points to and keeps the link', async () => {
    symlinkSync('linked-report.json', join(work, 'link.json'));
    const run = await havenkit('check', '--snapshot', demo, '-o', 'json', '--out', join(work, 'link.json'));
    expect(run.code).toBe(1);
    expect(lstatSync(join(work, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(work, 'linked-report.json'), 'utf8'))).toMatchObject({
      kind: 'ComplianceReport',
    });
  });

  it('check --out onto a FIFO is refused and leaves the FIFO', async () => {
    const fifo = join(work, 'check.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = await havenkit('check', '--snapshot', demo, '-o', 'json', '--out', fifo);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `havenkit: error: cannot write ${fifo} (--out): not a regular file (a device, FIFO or socket)\n`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('snapshot --out onto a device is refused before any cluster is read', async () => {
    // The kubeconfig does not exist: the --out error comes first, so nothing was read.
    const run = await havenkit('snapshot', '--kubeconfig', join(work, 'none.yaml'), '--out', '/dev/null');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'havenkit: error: cannot write /dev/null (--out): not a regular file (a device, FIFO or socket)\n',
    );
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('check --save-snapshot onto a device is refused before any cluster is read', async () => {
    const run = await havenkit(
      'check',
      '--kubeconfig',
      join(work, 'none.yaml'),
      '--save-snapshot',
      '/dev/null',
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^havenkit: error: cannot write \/dev\/null \(--save-snapshot\): not a regular file/,
    );
  });
});

describe('input files that are not plain files, or too large', () => {
  it('check --snapshot /dev/zero ends at once with exit 3: a device is never read', async () => {
    const run = await havenkit('check', '--snapshot', '/dev/zero');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain(
      '/dev/zero: cannot read the snapshot (not a regular file (a device, FIFO or socket))',
    );
  });

  it('refuses a snapshot over --max-input-size by its size, and says how to raise the limit', async () => {
    const run = await havenkit('check', '--snapshot', demo, '--max-input-size', '4KiB');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /demo\.json: cannot read the snapshot \(is \d+(\.\d)? KiB, over the limit of 4 KiB; --max-input-size raises the limit\)/,
    );
  });

  it('refuses a --max-input-size that is not a size', async () => {
    const run = await havenkit('check', '--snapshot', demo, '--max-input-size', 'lots');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('--max-input-size lots is not a size like 2GiB or 512MiB');
  });

  it('refuses a waivers file and a key that are devices', async () => {
    const waivers = await havenkit('check', '--snapshot', demo, '--waivers', '/dev/zero');
    expect(waivers.code).toBe(3);
    expect(waivers.stderr).toContain('cannot read waivers file /dev/zero: not a regular file');
    const key = await havenkit('verify', demo, '--key', '/dev/zero');
    expect(key.code).toBe(3);
    expect(key.stderr).toMatch(/cannot read (report|key) .*: not a regular file|is not a regular file/);
  });
});

describe('YAML alias bombs', () => {
  // Ten levels of nine aliases: 30 lines that expand to 9^10 values for anything that walks them.
  const bomb = (head: string): string => {
    const lines = [head, 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    return `${lines.join('\n')}\n`;
  };
  const file = (name: string, text: string): string => {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  };

  it('check --snapshot refuses one at once in one line, exit 3', async () => {
    const path = file('bomb.yaml', bomb('apiVersion: havenkit.dev/v1alpha1'));
    const run = await havenkit('check', '--snapshot', path);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('bomb.yaml: not valid YAML: its YAML aliases expand to more than');
  });

  it('check --waivers and synth refuse one too', async () => {
    const waivers = await havenkit(
      'check',
      '--snapshot',
      demo,
      '--waivers',
      file('w.yaml', bomb('waivers:')),
    );
    expect(waivers.code).toBe(3);
    expect(waivers.stderr).toMatch(/aliases expand to more than/);
    const app = await havenkit(
      'synth',
      '--app',
      file('app.yaml', bomb('kind: Application')),
      '--provider',
      'scaleway',
    );
    expect(app.code).toBe(3);
    expect(app.stderr).toMatch(/app\.yaml: invalid YAML: its YAML aliases expand to more than/);
  });
});

describe('check --out-dir', () => {
  it('prints the verdict, the counts and every file it wrote', async () => {
    const dir = join(work, 'out-dir-summary');
    const run = await havenkit('check', '--snapshot', demo, '-o', 'json,markdown', '--out-dir', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'Verdict: NOT Haven compliant',
        'Summary: 13 passed, 1 failed, 1 skipped, 0 unknown, of 15',
        'Reports written:',
        `  ${join(dir, 'report.json')}  (json)`,
        `  ${join(dir, 'report.md')}  (markdown)`,
        '',
      ].join('\n'),
    );
  });
});

describe('machine-readable output', () => {
  it('check -o json prints the report and exits with the verdict', async () => {
    const run = await havenkit('check', '--snapshot', demo, '-o', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'ComplianceReport', verdict: 'not-compliant' });
  });

  it('diff --json prints the same diff as diff --output json', async () => {
    const report = join(work, 'report.json');
    await havenkit('check', '--snapshot', demo, '-o', 'json', '--out', report);
    const viaJson = await havenkit('diff', report, report, '--json');
    const viaOutput = await havenkit('diff', report, report, '--output', 'json');
    expect(viaJson.code).toBe(0);
    expect(JSON.parse(viaJson.stdout)).toEqual(JSON.parse(viaOutput.stdout));
    expect(JSON.parse(viaJson.stdout)).toMatchObject({ regressed: false });
  });
});
