#!/usr/bin/env node
// Whole-process start-up of the CLI, as a ratio to `node -e 0` on the same machine in the same
// run: `--version`, `check --snapshot` of the demo, `synth` of the example app, `providers`.
// Each round runs `node -e 0` and then every command once, so a drifting machine moves both
// sides of a ratio together; the figures are medians over the rounds. CPU time is user + system
// as the kernel accounts the finished child (GNU time, /usr/bin/time, on Linux).
//   node bench/startup.mjs [--rounds N] [--root DIR]
// --root measures another checkout (built, with `pnpm build`) against this machine's node -e 0.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const root = resolve(option('--root', fileURLToPath(new URL('..', import.meta.url))));
const rounds = Number(option('--rounds', '10'));
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('bench/startup.mjs: needs GNU time at /usr/bin/time (Debian: apt-get install time)');
  process.exit(3);
}
const bin = join(root, 'packages', 'cli', 'bin', 'run.js');
const out = mkdtempSync(join(tmpdir(), 'havenkit-startup-'));

const COMMANDS = [
  ['node -e 0', ['-e', '0']],
  ['havenkit --version', [bin, '--version']],
  [
    'havenkit check --snapshot demo.json',
    [bin, 'check', '--snapshot', join(root, 'examples/snapshots/demo.json')],
  ],
  [
    'havenkit synth (one app, one provider)',
    [
      bin,
      'synth',
      '--app',
      join(root, 'examples/apps/meldingen.yaml'),
      '--provider',
      'scaleway',
      '--out',
      out,
    ],
  ],
  ['havenkit providers', [bin, 'providers']],
];

/** One run: CPU seconds (user + sys) and wall seconds, from GNU time's report on stderr. */
function run(argv) {
  const result = spawnSync(TIME, ['-f', 'HAVENKIT_BENCH %U %S %e', process.execPath, ...argv], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const line = result.stderr.split('\n').find((l) => l.startsWith('HAVENKIT_BENCH '));
  if (!line) throw new Error(`no timing for ${argv.join(' ')}: ${result.stderr}`);
  const [user, sys, wall] = line.split(' ').slice(1).map(Number);
  return { cpu: user + sys, wall };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

for (const [, argv] of COMMANDS) run(argv); // warm the file cache
const samples = COMMANDS.map(() => ({ cpu: [], wall: [], ratio: [] }));
for (let r = 0; r < rounds; r++) {
  const base = run(COMMANDS[0][1]);
  COMMANDS.forEach(([, argv], i) => {
    const s = i === 0 ? base : run(argv);
    samples[i].cpu.push(s.cpu);
    samples[i].wall.push(s.wall);
    samples[i].ratio.push(s.cpu / Math.max(base.cpu, 0.01));
  });
}
rmSync(out, { recursive: true, force: true });

const version = JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8')).version;
console.log(`havenkit ${version} at ${root}, node ${process.version}, ${rounds} rounds (medians)\n`);
console.log('| command | CPU s | wall s | CPU ÷ node -e 0 |');
console.log('| --- | --- | --- | --- |');
COMMANDS.forEach(([name], i) => {
  const s = samples[i];
  console.log(
    `| ${name} | ${median(s.cpu).toFixed(2)} | ${median(s.wall).toFixed(2)} | ${i === 0 ? '1' : `${median(s.ratio).toFixed(1)}×`} |`,
  );
});
