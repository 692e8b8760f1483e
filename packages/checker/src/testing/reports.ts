/**
 * The bundled demo as report fixtures, shared by the report, waiver, signing and browser tests: the
 * demo cluster's report, a waiver for its one failure, and the report with that waiver applied.
 */
import { join } from 'node:path';
import { evaluate, type EvaluateOptions } from '../evaluate.js';
import { complianceDir } from '../paths.js';
import type { ComplianceReport, Waiver, WaiverFile } from '@havenkit/model';
import { readSnapshotFile, type SnapshotFile } from '../snapshot/read.js';
import { applyWaivers } from '../waivers/apply.js';

/** examples/snapshots/demo.json: 3+3 Talos nodes over 3 zones; privatenetworking fails on haven-worker-3. */
export const DEMO_SNAPSHOT_PATH = join(complianceDir(), '..', 'examples', 'snapshots', 'demo.json');
/** The demo snapshot's metadata.clusterId. */
export const DEMO_CLUSTER_ID = 'e8b1c7d2-5a3f-4e6b-9c0d-1f2a3b4c5d6e';
/** A stand-in sha256 for a waivers file. */
export const WAIVERS_SHA256 = 'a'.repeat(64);

let demo: SnapshotFile | undefined;

/** The demo snapshot and the sha256 of its file (read once). */
export function demoSnapshot(): SnapshotFile {
  demo ??= readSnapshotFile(DEMO_SNAPSHOT_PATH);
  return demo;
}

/**
 * The demo's report, with the snapshot's sha256 and a verified toolkit; `unverifiedToolkit` leaves
 * the toolkit's integrity out, so that shavalidation is unknown.
 */
export function demoReport(
  options: EvaluateOptions & { unverifiedToolkit?: boolean } = {},
): ComplianceReport {
  const { snapshot, sha256 } = demoSnapshot();
  const { unverifiedToolkit, ...rest } = options;
  return evaluate(snapshot, {
    snapshotSha256: sha256,
    ...(unverifiedToolkit === true
      ? {}
      : {
          integrity: {
            status: 'verified',
            manifest: 'packages/checker/dist/integrity-manifest.json',
            files: 1,
          },
        }),
    ...rest,
  });
}

/** An active waiver for the demo's privatenetworking failure, cluster-wide unless overridden. */
export function demoWaiver(overrides: Partial<Waiver> = {}): Waiver {
  return {
    check: 'privatenetworking',
    scope: { clusterId: DEMO_CLUSTER_ID },
    reason: 'Bastion node keeps its public IP until the VPN is in place',
    owner: 'platform-team@gemeente-voorbeeld.nl',
    ticket: 'GEM-1234',
    expires: '2026-12-31',
    ...overrides,
  };
}

/** A waivers file holding these waivers. */
export function waiverList(...waivers: Waiver[]): WaiverFile {
  return { apiVersion: 'havenkit.dev/v1alpha1', kind: 'WaiverList', waivers };
}

/** The demo report with these waivers applied (default: one active waiver for its failure). */
export function waivedDemoReport(...waivers: Waiver[]): ComplianceReport {
  return applyWaivers(
    demoReport(),
    waiverList(...(waivers.length > 0 ? waivers : [demoWaiver()])),
    WAIVERS_SHA256,
  );
}
