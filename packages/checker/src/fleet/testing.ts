/**
 * Fleet fixtures for the tests: real reports, made by evaluating the bundled demo snapshot with
 * the real evaluator, as another cluster (identity), at another time, with or without the demo's
 * one failure (the public address of haven-worker-3), with an unverified toolkit (inconclusive) or
 * with a waiver for the failure (compliant with waivers).
 */
import type { ClusterSnapshot, ComplianceReport } from '@havenkit/model';
import { evaluate } from '../evaluate.js';
import { demoSnapshot, demoWaiver, waiverList, WAIVERS_SHA256 } from '../testing/reports.js';
import { applyWaivers } from '../waivers/apply.js';
import type { FleetFile } from './model.js';

export interface ClusterVariant {
  readonly collectedAt: string;
  /** The identity fields; null leaves the field out of the report. Default: the demo's. */
  readonly clusterId?: string | null;
  readonly context?: string | null;
  readonly server?: string | null;
  /** Keep haven-worker-3's public address (privatenetworking fails); default true. */
  readonly publicAddress?: boolean;
  /** Leave the toolkit's integrity out: shavalidation is unknown. */
  readonly unverifiedToolkit?: boolean;
  /** Waive the privatenetworking failure. */
  readonly waived?: boolean;
}

/** The demo's report as another cluster's (see ClusterVariant). */
export function clusterReport(variant: ClusterVariant): ComplianceReport {
  const { snapshot: demo, sha256 } = demoSnapshot();
  const snapshot = structuredClone(demo) as ClusterSnapshot;
  const metadata = { ...snapshot.metadata, collectedAt: variant.collectedAt } as Record<string, unknown>;
  for (const field of ['clusterId', 'context', 'server'] as const) {
    const value = variant[field];
    if (value === null) delete metadata[field];
    else if (value !== undefined) metadata[field] = value;
  }
  snapshot.metadata = metadata as unknown as ClusterSnapshot['metadata'];
  if (variant.publicAddress === false) {
    const nodes = snapshot.resources.nodes as { items: { status?: { addresses?: { type: string }[] } }[] };
    for (const node of nodes.items) {
      if (node.status?.addresses) {
        node.status.addresses = node.status.addresses.filter((a) => a.type !== 'ExternalIP');
      }
    }
  }
  const report = evaluate(snapshot, {
    snapshotSha256: sha256,
    ...(variant.unverifiedToolkit === true
      ? {}
      : {
          integrity: {
            status: 'verified',
            manifest: 'packages/checker/dist/integrity-manifest.json',
            files: 1,
          },
        }),
  });
  if (variant.waived !== true) return report;
  const clusterId = (metadata.clusterId as string | undefined) ?? 'unknown';
  return applyWaivers(report, waiverList(demoWaiver({ scope: { clusterId } })), WAIVERS_SHA256);
}

/** A report file of the fleet: unsigned unless said otherwise. */
export function fleetFile(
  path: string,
  variant: ClusterVariant,
  signature: FleetFile['signature'] = 'unsigned',
): FleetFile {
  return { path, report: clusterReport(variant), signature };
}
