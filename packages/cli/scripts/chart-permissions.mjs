// Writes charts/havenkit/files/permissions.yaml from the built CLI (run `pnpm build` first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHART_PERMISSIONS_FILE, chartPermissionsYaml } from '../dist/chart-permissions.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const file = join(root, CHART_PERMISSIONS_FILE);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, await chartPermissionsYaml());
console.log(`chart-permissions: ${CHART_PERMISSIONS_FILE}`);
