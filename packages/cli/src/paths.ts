import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installed toolkit) root: packages/cli/{src,dist}/ → ../../.. */
export const toolkitRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Bundled examples used by `havenkit demo`. */
export const demoSnapshotPath = resolve(toolkitRoot, 'examples', 'snapshots', 'demo.json');
export const demoAppPath = resolve(toolkitRoot, 'examples', 'apps', 'meldingen.yaml');
export const demoWaiversPath = resolve(toolkitRoot, 'examples', 'waivers', 'demo.yaml');
export const demoFactsPath = resolve(toolkitRoot, 'examples', 'sovereignty', 'gemeente-voorbeeld.yaml');
