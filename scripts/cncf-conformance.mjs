#!/usr/bin/env node
// Regenerates the submission part of compliance/data/cncf-platforms.yaml (each platform's
// `minors` and `submissions`, and the table's asOf, sourceCommit, sourceCommitDate, compiledFrom
// and minorRange) from a checkout of https://github.com/cncf/k8s-conformance. Everything else in
// the file (ids, names, detection rules, conformanceDirs, comments) is kept as written.
//   git clone --filter=blob:none --no-checkout https://github.com/cncf/k8s-conformance ../k8s-conformance
//   git -C ../k8s-conformance sparse-checkout set --no-cone \
//     '/v1.*/*/[Pp][Rr][Oo][Dd][Uu][Cc][Tt].[Yy][Aa][Mm][Ll]'
//   git -C ../k8s-conformance checkout     # only the PRODUCT.yaml files; a full clone works too
//   node scripts/cncf-conformance.mjs --repo ../k8s-conformance           # rewrites the table
//   node scripts/cncf-conformance.mjs --repo ../k8s-conformance --check   # exit 1 when it differs
// Options: --data FILE (default compliance/data/cncf-platforms.yaml), --from 1.NN (the oldest
// minor to read; default: the table's minorRange.from).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA = join(root, 'compliance', 'data', 'cncf-platforms.yaml');
const MINOR_DIR = /^v1\.(\d+)$/;

/** A minor as the table writes it: 20 → "1.20". */
const minorName = (n) => `1.${n}`;
const minorNumber = (minor) => Number(/^1\.(\d+)$/.exec(minor)?.[1] ?? Number.NaN);
const byMinor = (a, b) => minorNumber(a) - minorNumber(b);
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files v1.NN/<dir>/<file> of the repository, as paths relative to it: from git's index when the
 * directory is a git checkout (it lists the files a sparse checkout leaves out too), else from the disk.
 */
export function listFiles(repo) {
  const wanted = (path) => /^v1\.\d+\/[^/]+\/[^/]+$/.test(path);
  const git = (...args) =>
    execFileSync('git', ['-C', repo, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  try {
    // Only the repository's own top level: a directory inside another checkout is read from the disk.
    if (resolve(git('rev-parse', '--show-toplevel').trim()) !== resolve(repo))
      throw new Error('not a top level');
    return git('ls-files', '-z').split('\0').filter(wanted);
  } catch {
    const paths = [];
    const dirs = (path) =>
      readdirSync(join(repo, path), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    for (const minor of dirs('').filter((name) => MINOR_DIR.test(name))) {
      for (const dir of dirs(minor)) {
        for (const entry of readdirSync(join(repo, minor, dir), { withFileTypes: true })) {
          if (entry.isFile()) paths.push(`${minor}/${dir}/${entry.name}`);
        }
      }
    }
    return paths;
  }
}

/** PRODUCT.yaml's name, or undefined when the file is missing (or not checked out) or has no name. */
function productName(path) {
  if (!existsSync(path)) return undefined;
  try {
    const doc = yaml.load(readFileSync(path, 'utf8'), { schema: yaml.CORE_SCHEMA });
    const name = doc && typeof doc === 'object' ? doc.name : undefined;
    return typeof name === 'string' ? name.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** The files instructions.md asks a submission to contain; one of them makes a directory a submission. */
const SUBMISSION_FILES = ['product.yaml', 'readme.md', 'e2e.log', 'junit_01.xml'];

/**
 * The submissions per minor from `from` to the newest minor: every directory v1.NN/<dir>/ holding one of
 * SUBMISSION_FILES, with its PRODUCT.yaml name when it has one.
 * @returns {{ range: { from: string, to: string }, minors: Map<string, { dir: string, product?: string }[]> }}
 */
export function scanRepository(repo, from, files = listFiles(repo)) {
  const byDir = new Map();
  for (const path of files) {
    const [minorDir, dir, file] = path.split('/');
    const key = `${minorDir}/${dir}`;
    if (!byDir.has(key)) byDir.set(key, []);
    byDir.get(key).push(file);
  }
  const minorOfDir = (minorDir) => minorName(Number(MINOR_DIR.exec(minorDir)[1]));
  const all = [...new Set([...byDir.keys()].map((key) => minorOfDir(key.split('/')[0])))].sort(byMinor);
  if (all.length === 0)
    throw new Error(`${repo}: no v1.NN directories; is it a checkout of cncf/k8s-conformance?`);
  const minors = new Map(all.filter((m) => minorNumber(m) >= minorNumber(from)).map((m) => [m, []]));
  for (const [key, names] of byDir) {
    const [minorDir, dir] = key.split('/');
    const submissions = minors.get(minorOfDir(minorDir));
    if (!submissions || !names.some((f) => SUBMISSION_FILES.includes(f.toLowerCase()))) continue;
    const file = names.find((f) => f.toLowerCase() === 'product.yaml');
    const product = file === undefined ? undefined : productName(join(repo, minorDir, dir, file));
    submissions.push(product === undefined ? { dir } : { dir, product });
  }
  for (const submissions of minors.values()) submissions.sort((a, b) => byName(a.dir, b.dir));
  return { range: { from, to: all[all.length - 1] }, minors };
}

/** A conformanceDirs glob (* matches anything) as a case-insensitive RegExp. */
function globRegExp(glob) {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether a submission is the one a conformanceDirs rule names. */
export function matchesRule(rule, submission) {
  if (!globRegExp(rule.dir).test(submission.dir)) return false;
  if (rule.productName === undefined) return true;
  return submission.product !== undefined && new RegExp(rule.productName, 'i').test(submission.product);
}

/**
 * Per platform id: the minors with a matching submission and the directories that matched, per minor.
 * Platforms with noSubmission get nothing. `unmatched` lists the rules that matched no directory at all.
 */
export function compilePlatforms(platforms, scan) {
  const result = new Map();
  const unmatched = [];
  for (const platform of platforms) {
    if (!platform.conformanceDirs) continue;
    const submissions = {};
    const used = new Set();
    for (const [minor, found] of scan.minors) {
      const dirs = [];
      for (const submission of found) {
        const rule = platform.conformanceDirs.find((r) => matchesRule(r, submission));
        if (!rule) continue;
        dirs.push(submission.dir);
        used.add(rule);
      }
      if (dirs.length > 0) submissions[minor] = dirs.sort(byName);
    }
    for (const rule of platform.conformanceDirs)
      if (!used.has(rule)) unmatched.push(`${platform.id}: ${rule.dir}`);
    result.set(platform.id, { minors: Object.keys(submissions).sort(byMinor), submissions });
  }
  return { platforms: result, unmatched };
}

// The default schema quotes what another YAML reader could take for a number or a date ('1.20').
const dump = (value) => yaml.dump(value, { flowLevel: 0, lineWidth: -1 }).trimEnd();
const indentOf = (line) => line.length - line.trimStart().length;

/**
 * Removes the block of `key:` at `indent` (its line and the lines indented deeper, or sequence items at the
 * same indent) from lines[start, end); returns the index the block began at, or -1.
 */
function removeKey(lines, start, end, indent, key) {
  const prefix = `${' '.repeat(indent)}${key}:`;
  for (let i = start; i < end; i += 1) {
    if (!lines[i].startsWith(prefix)) continue;
    let j = i + 1;
    while (j < lines.length && isContinuation(lines[j], indent)) j += 1;
    lines.splice(i, j - i);
    return i;
  }
  return -1;
}

/** Whether a line continues a key at `indent`: deeper, or a `- ` item at the same indent. */
function isContinuation(line, indent) {
  if (line.trim() === '') return false;
  const n = indentOf(line);
  return n > indent || (n === indent && line.trimStart().startsWith('- '));
}

/** The end (exclusive) of the key block starting at `i`. */
function blockEnd(lines, i, indent) {
  let j = i + 1;
  while (j < lines.length && isContinuation(lines[j], indent)) j += 1;
  return j;
}

/**
 * The table's text with the generated fields replaced. `header` holds asOf, sourceCommit, sourceCommitDate,
 * compiledFrom and minorRange; `compiled` the result of compilePlatforms. Text, not a YAML round trip, so that
 * comments and the hand-written fields stay as they are.
 */
export function rewriteTable(text, header, compiled) {
  const lines = text.replace(/\n+$/, '').split('\n');
  for (const key of ['asOf', 'sourceCommit', 'sourceCommitDate', 'compiledFrom', 'minorRange']) {
    removeKey(lines, 0, lines.length, 0, key);
  }
  const source = lines.findIndex((line) => line.startsWith('source:'));
  if (source < 0) throw new Error('the table has no top-level source: line');
  const after = [
    `sourceCommit: ${dump(header.sourceCommit)}`,
    ...(header.sourceCommitDate ? [`sourceCommitDate: ${dump(header.sourceCommitDate)}`] : []),
    `compiledFrom: ${dump(header.compiledFrom)}`,
    `minorRange: ${dump(header.minorRange)}`,
  ];
  lines.splice(source + 1, 0, ...after);
  lines.splice(source, 0, `asOf: ${dump(header.asOf)}`);

  const starts = () => lines.flatMap((line, i) => (/^ {2}- id: /.test(line) ? [i] : []));
  for (const [id, generated] of compiled.platforms) {
    const start = starts().find((i) => lines[i].slice('  - id: '.length).trim() === id);
    if (start === undefined) throw new Error(`platform ${id} not found in the table`);
    const end = () => starts().find((i) => i > start) ?? lines.length;
    removeKey(lines, start, end(), 4, 'minors');
    removeKey(lines, start, end(), 4, 'submissions');
    const dirs = lines.slice(start, end()).findIndex((line) => line.startsWith('    conformanceDirs:'));
    if (dirs < 0) throw new Error(`platform ${id} has no conformanceDirs line`);
    const at = blockEnd(lines, start + dirs, 4);
    const entries = Object.entries(generated.submissions).map(([m, d]) => `      ${dump(m)}: ${dump(d)}`);
    const block = [`    minors: ${dump(generated.minors)}`];
    block.push(entries.length > 0 ? '    submissions:' : '    submissions: {}', ...entries);
    lines.splice(at, 0, ...block);
  }
  return `${lines.join('\n')}\n`;
}

/** What differs between the committed table and the compiled one (empty when they agree). */
export function differences(table, range, compiled) {
  const found = [];
  if (table.minorRange?.from !== range.from || table.minorRange?.to !== range.to) {
    found.push(`minorRange: ${JSON.stringify(table.minorRange)} → ${JSON.stringify(range)}`);
  }
  for (const platform of table.platforms) {
    const generated = compiled.platforms.get(platform.id);
    if (!generated) continue;
    const minors = [
      ...new Set([...Object.keys(platform.submissions ?? {}), ...Object.keys(generated.submissions)]),
    ];
    for (const minor of minors.sort(byMinor)) {
      const was = (platform.submissions?.[minor] ?? []).join(', ') || '—';
      const now = (generated.submissions[minor] ?? []).join(', ') || '—';
      if (was !== now) found.push(`${platform.id} v${minor}: ${was} → ${now}`);
    }
    if ((platform.minors ?? []).join() !== generated.minors.join())
      found.push(`${platform.id}: minors differ`);
  }
  return found;
}

/** HEAD of the checkout and its commit date (YYYY-MM-DD). */
export function gitHead(repo) {
  const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  return { commit: git('rev-parse', 'HEAD'), date: git('show', '-s', '--format=%cs', 'HEAD') };
}

/** The text formatted as the repository's Prettier config says (unchanged when Prettier is not there). */
async function prettify(text, file) {
  try {
    const prettier = await import('prettier');
    const options =
      (await prettier.resolveConfig(file)) ?? (await prettier.resolveConfig(DEFAULT_DATA)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

function parseArgs(argv) {
  const args = { data: DEFAULT_DATA, check: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--check') args.check = true;
    else if (arg === '--repo' || arg === '--data' || arg === '--from') args[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.repo) throw new Error('--repo DIR (a checkout of cncf/k8s-conformance) is required');
  if (args.from !== undefined && Number.isNaN(minorNumber(args.from))) throw new Error('--from takes 1.NN');
  return args;
}

async function main(argv) {
  const args = parseArgs(argv);
  const repo = resolve(args.repo);
  if (!existsSync(repo)) throw new Error(`${repo} does not exist`);
  const text = readFileSync(args.data, 'utf8');
  const table = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  for (const p of table.platforms) {
    if (!p.conformanceDirs === !p.noSubmission) {
      throw new Error(`platform ${p.id}: give either conformanceDirs or noSubmission`);
    }
  }
  const scan = scanRepository(repo, args.from ?? table.minorRange?.from ?? '1.20');
  const compiled = compilePlatforms(table.platforms, scan);
  const head = gitHead(repo);
  for (const rule of compiled.unmatched) console.warn(`cncf-conformance: no directory matched ${rule}`);
  for (const [id, { minors }] of compiled.platforms) {
    if (minors.length === 0) console.warn(`cncf-conformance: ${id} has no submission (give noSubmission?)`);
  }

  if (args.check) {
    const found = differences(table, scan.range, compiled);
    if (table.sourceCommit !== head.commit) {
      console.log(
        `cncf-conformance: the table is from ${table.sourceCommit}, the checkout at ${head.commit}`,
      );
    }
    if (found.length === 0) {
      console.log(`cncf-conformance: ${args.data} agrees with ${head.commit}`);
      return 0;
    }
    console.log(`cncf-conformance: ${args.data} differs from ${head.commit}:\n  ${found.join('\n  ')}`);
    return 1;
  }
  const header = {
    asOf: new Date().toISOString().slice(0, 10),
    sourceCommit: head.commit,
    sourceCommitDate: head.date,
    compiledFrom: 'checkout',
    minorRange: scan.range,
  };
  writeFileSync(args.data, await prettify(rewriteTable(text, header, compiled), args.data));
  console.log(`cncf-conformance: wrote ${args.data} from ${head.commit} (${head.date})`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`cncf-conformance: ${error.message}`);
      process.exit(2);
    },
  );
}
