#!/usr/bin/env node
// Writes packages/checker/dist/integrity-manifest.json: the sha256 of every runtime file of the
// built toolkit (the .js/.mjs/.json files under packages/*/dist, the CLI's oclif.manifest.json and
// the bundled standard under compliance/), keyed by repository-relative path. Sorted, no
// timestamps: the same build gives the same manifest. Run after `tsc -b`:
//   node packages/checker/scripts/integrity-manifest.mjs [--root <repo root>] [--out <file>]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const root = option('--root', resolve(here, '..', '..', '..'));
const out = option('--out', join(root, 'packages', 'checker', 'dist', 'integrity-manifest.json'));

const PACKAGES = ['model', 'checker', 'collect', 'constructs', 'cli'];
const RUNTIME = /\.(js|mjs|cjs|json)$/;

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const files = [
  ...PACKAGES.flatMap((p) => walk(join(root, 'packages', p, 'dist')).filter((f) => RUNTIME.test(f))),
  // The command manifest decides which flags the CLI accepts: it is part of the toolkit too.
  ...[join(root, 'packages', 'cli', 'oclif.manifest.json')].filter((f) => existsSync(f)),
  ...walk(join(root, 'compliance')).filter((f) => /\.(ya?ml|json)$/.test(f)),
].filter((f) => resolve(f) !== resolve(out));

if (!files.some((f) => f.includes(`${sep}dist${sep}`))) {
  console.error(`integrity-manifest: no built files under ${root}/packages/*/dist; run the build first`);
  process.exit(3);
}

const manifest = { algorithm: 'sha256', files: {} };
for (const file of files.map((f) => relative(root, f).split(sep).join('/')).sort()) {
  manifest.files[file] = createHash('sha256')
    .update(readFileSync(join(root, file)))
    .digest('hex');
}
const temp = `${out}.tmp`;
writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
renameSync(temp, out);
console.log(`integrity-manifest: ${Object.keys(manifest.files).length} files → ${relative(root, out)}`);
