import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { complianceDir } from './paths.js';
import { readSnapshotFile } from './snapshot/read.js';
import { join } from 'node:path';

// The bundled demo: a 3+3-node Talos cluster over 3 zones at OVHcloud (Paris 3-AZ), collected on
// 2026-11-01, with one worker that has a public ExternalIP.
const demoPath = join(complianceDir(), '..', 'examples', 'snapshots', 'demo.json');

describe('the demo snapshot (examples/snapshots/demo.json)', () => {
  const { snapshot, sha256 } = readSnapshotFile(demoPath);
  const report = evaluate(snapshot, {
    snapshotSha256: sha256,
    integrity: { status: 'verified', manifest: 'm', files: 1 },
  });
  const outcomes = Object.fromEntries(
    [...report.results, ...report.suggested].map((r) => [r.name, r.outcome]),
  );

  it('gives the expected outcome per check', () => {
    expect(outcomes).toEqual({
      clusteradmin: 'pass',
      havenversion: 'skip',
      hamasters: 'pass',
      haworkers: 'pass',
      multiaz: 'pass',
      nodehardening: 'pass',
      privatenetworking: 'fail',
      kubernetesversion: 'pass',
      rbac: 'pass',
      rwxvolumes: 'pass',
      cncf: 'pass',
      autocerts: 'pass',
      logs: 'pass',
      metrics: 'pass',
      shavalidation: 'pass',
      cis: 'skip',
      kubescape: 'skip',
    });
  });

  it('is not compliant because worker 3 has a public ExternalIP', () => {
    expect(report.verdict).toBe('not-compliant');
    expect(report.results.find((r) => r.name === 'privatenetworking')?.reason).toEqual({
      en: '1 node(s) have a globally routable address: haven-worker-3.',
      nl: '1 node heeft een publiek routeerbaar adres: haven-worker-3.',
    });
  });
});
