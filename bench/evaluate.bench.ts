/**
 * How long evaluation, snapshot validation and synthesis take, from a small cluster to a large
 * one. Run: `pnpm bench`. Figures are recorded in bench/README.md.
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { evaluate, loadCatalogue, loadBundledData, parseSnapshot } from '../packages/checker/src/index.js';
import type { ClusterSnapshot, KubeObject, ResourceList } from '../packages/checker/src/index.js';
import { loadBuiltinProfiles, loadAppDefinitions, synthesize } from '../packages/constructs/src/index.js';

const demo = JSON.parse(
  readFileSync(new URL('../examples/snapshots/demo.json', import.meta.url), 'utf8'),
) as ClusterSnapshot;

/** The demo cluster with its nodes and pods copied until there are `nodes` nodes and `pods` pods. */
function scaled(nodes: number, pods: number): ClusterSnapshot {
  const copy = structuredClone(demo);
  const grow = (key: string, count: number) => {
    const list = copy.resources[key] as ResourceList;
    const source = list.items;
    list.items = Array.from({ length: count }, (_, i): KubeObject => {
      const item = structuredClone(source[i % source.length]!);
      item.metadata = { ...item.metadata, name: `${item.metadata?.name ?? 'x'}-${i}` };
      return item;
    });
  };
  grow('nodes', nodes);
  grow('pods', pods);
  return copy;
}

const catalogue = loadCatalogue();
const data = loadBundledData();
const large = scaled(1_000, 30_000);
const largeJson = JSON.parse(JSON.stringify(large)) as unknown;

describe('evaluate (all checks, pure)', () => {
  bench('demo snapshot (6 nodes)', () => void evaluate(demo, { catalogue, data }));
  bench('1,000 nodes, 30,000 pods', () => void evaluate(large, { catalogue, data }), { iterations: 5 });
});

describe('snapshot validation (JSON Schema)', () => {
  bench('1,000 nodes, 30,000 pods', () => void parseSnapshot(largeJson, 'bench'), { iterations: 5 });
});

const definitions = await loadAppDefinitions(
  new URL('../examples/apps/meldingen.yaml', import.meta.url).pathname,
);
const profiles = loadBuiltinProfiles();

describe('synthesis', () => {
  bench(`example app for all ${profiles.length} providers`, () => {
    for (const profile of profiles) synthesize(definitions, profile);
  });
});
