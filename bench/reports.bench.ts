/**
 * How long rendering every report format, signing and verifying take, for the demo report and for a
 * report of a 1,000-node cluster where every node has a public address (1,000 offending objects in
 * the evidence). Run: `pnpm bench`. Figures are recorded in bench/README.md.
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import {
  REPORT_FORMATS,
  evaluate,
  generateSigningKeys,
  loadBundledData,
  loadCatalogue,
  signReport,
  verifySignature,
} from '../packages/checker/src/index.js';
import type {
  ClusterSnapshot,
  ComplianceReport,
  KubeObject,
  ResourceList,
} from '../packages/checker/src/index.js';

const demoSnapshot = JSON.parse(
  readFileSync(new URL('../examples/snapshots/demo.json', import.meta.url), 'utf8'),
) as ClusterSnapshot;

/** The demo cluster with 1,000 nodes, each with a public ExternalIP. */
function publicNodes(count: number): ClusterSnapshot {
  const copy = structuredClone(demoSnapshot);
  const list = copy.resources.nodes as ResourceList;
  const template = list.items.find((n) => n.metadata?.name === 'haven-worker-3')!;
  list.items = Array.from({ length: count }, (_, i): KubeObject => {
    const node = structuredClone(template);
    node.metadata = { ...node.metadata, name: `worker-${i}` };
    return node;
  });
  return copy;
}

const options = { catalogue: loadCatalogue(), data: loadBundledData() };
const reports: [string, ComplianceReport][] = [
  ['demo report', evaluate(demoSnapshot, options)],
  ['1,000 offending nodes', evaluate(publicNodes(1_000), options)],
];
const context = { language: 'nl', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:02Z' } as const;
const keys = generateSigningKeys();
const subject = { name: 'snapshot.json', sha256: 'a'.repeat(64) };

for (const [name, report] of reports) {
  describe(`render, ${name}`, () => {
    for (const format of REPORT_FORMATS) {
      bench(format.id, () => void format.render(report, context), { iterations: 20 });
    }
  });
  describe(`sign and verify, ${name}`, () => {
    const { envelope } = signReport(report, keys.privateKeyPem, subject);
    bench('sign (DSSE, ed25519)', () => void signReport(report, keys.privateKeyPem, subject), {
      iterations: 20,
    });
    bench('verify the signature', () => void verifySignature(envelope, keys.publicKeyPem), {
      iterations: 20,
    });
  });
}
