#!/usr/bin/env node
// Writes packages/cli/oclif.manifest.json: every command's id, flags, args and help, so that oclif
// answers --help, --version and completion without importing a single command, and imports only
// the command that runs. It is what `oclif manifest` writes, made with @oclif/core's own Plugin
// loader (the oclif tool would add its whole publishing tool chain to the install). Run after tsc:
//   node packages/cli/scripts/oclif-manifest.mjs
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = new Plugin({
  root,
  type: 'core',
  isRoot: true,
  ignoreManifest: true,
  errorOnManifestCreate: true,
  respectNoCacheDefault: true,
});
await plugin.load();
const { manifest } = plugin;
const out = join(root, 'oclif.manifest.json');
writeFileSync(`${out}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
console.log(
  `oclif-manifest: ${Object.keys(manifest.commands).length} commands → packages/cli/oclif.manifest.json`,
);
