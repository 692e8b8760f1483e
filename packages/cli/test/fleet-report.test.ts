/**
 * `havenkit fleet report` as a shared-services organisation runs it: the built CLI (`pnpm build`
 * first), spawned with node, on a directory of reports that `havenkit check --out-dir` wrote for
 * three runs of two clusters (one of them signed), plus a file that is not a report.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetOverview } from '../../checker/src/index.js';
import { runCli, type CliRun } from '../../../test/checker/helpers.js';

const demo = fileURLToPath(new URL('../../../examples/snapshots/demo.json', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-fleet-'));
const at = (name: string): string => join(work, name);
const reports = at('reports');
/** Each run spawns node and loads the CLI: allow for a slow machine. */
const TIMEOUT = 60_000;
const ONE_LINE_ERROR = /^havenkit: error: [^\n]+\n$/;

/** Setup runs the CLI too: a failure there must say what failed. */
function mustExit(run: CliRun, code: number, what: string): void {
  if (run.code !== code || run.stderr !== '') {
    throw new Error(`${what}: exit ${run.code}, expected ${code}; stderr: ${run.stderr}`);
  }
}

/** The demo snapshot as another cluster, at another time, with or without its public address. */
function snapshotOf(name: string, clusterId: string, collectedAt: string, publicAddress: boolean): string {
  const snapshot = JSON.parse(readFileSync(demo, 'utf8')) as {
    metadata: Record<string, unknown>;
    resources: { nodes: { items: { status: { addresses: { type: string }[] } }[] } };
  };
  Object.assign(snapshot.metadata, { clusterId, collectedAt, context: name });
  if (!publicAddress) {
    for (const node of snapshot.resources.nodes.items) {
      node.status.addresses = node.status.addresses.filter((a) => a.type !== 'ExternalIP');
    }
  }
  const path = at(`${name}-${collectedAt.slice(0, 10)}.json`);
  writeFileSync(path, JSON.stringify(snapshot));
  return path;
}

const fleet = (...args: string[]) => runCli(['fleet', 'report', ...args]);

beforeAll(async () => {
  mustExit(await runCli(['keys', 'generate', '--out', at('keys/auditor')]), 0, 'keys generate');
  mustExit(await runCli(['keys', 'generate', '--out', at('keys/other')]), 0, 'keys generate');
  const check = (snapshot: string, dir: string, ...rest: string[]) =>
    runCli(['check', '--snapshot', snapshot, '--output', 'json', '--out-dir', join(reports, dir), ...rest]);
  // gemeente-a was compliant in October and regressed in November (a worker got a public address).
  const aOct = snapshotOf(
    'gemeente-a',
    'aaaaaaaa-0000-4000-8000-000000000001',
    '2026-10-01T06:00:00Z',
    false,
  );
  const aNov = snapshotOf('gemeente-a', 'aaaaaaaa-0000-4000-8000-000000000001', '2026-11-01T06:00:00Z', true);
  const b = snapshotOf('gemeente-b', 'bbbbbbbb-0000-4000-8000-000000000002', '2026-11-02T06:00:00Z', false);
  mustExit(await check(aOct, 'gemeente-a/2026-10'), 0, 'check gemeente-a October');
  mustExit(await check(aNov, 'gemeente-a/2026-11'), 1, 'check gemeente-a November');
  mustExit(await check(b, 'gemeente-b', '--sign', at('keys/auditor.key')), 0, 'check --sign gemeente-b');
  writeFileSync(join(reports, 'notes.json'), '{"owner": "platform team"}\n');
  mkdirSync(at('empty'));
}, 8 * TIMEOUT);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('havenkit fleet report', { timeout: TIMEOUT }, () => {
  it('writes the markdown overview and exits 0, though a cluster is not compliant', async () => {
    const run = await fleet(reports, '-o', 'markdown');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      '**2 clusters: 1 not compliant, 0 inconclusive, 0 compliant with waivers, 1 compliant.**',
    );
    expect(run.stdout).toMatch(/^\| gemeente-a \| ❌ not compliant \|.*\n\| gemeente-b \| ✅ compliant \|/m);
  });

  it('shows the trend of a cluster and what failed anew', async () => {
    const run = await fleet(reports, '-o', 'markdown');
    expect(run.stdout).toContain('**Trend (oldest → newest):** ✅ 2026-10-01 → ❌ 2026-11-01');
    expect(run.stdout).toContain('Since 2026-10-01T06:00:00Z: newly failing `privatenetworking`; fixed —.');
  });

  it('lists a file that is not a report under Not read, and marks a signed report not verified', async () => {
    const run = await fleet(reports, '-o', 'markdown');
    expect(run.stdout).toContain('| `notes.json` | not a havenkit report: no kind |');
    expect(run.stdout).toContain('| Signature | signed, not verified |');
  });

  it('verifies signed reports with --key', async () => {
    const run = await fleet(reports, '-o', 'json', '--key', at('keys/auditor.pub'));
    expect(run.code).toBe(0);
    const overview = JSON.parse(run.stdout) as FleetOverview;
    expect(overview.kind).toBe('FleetOverview');
    const b = overview.clusters.find((c) => c.name === 'gemeente-b')!;
    expect(b.latest.signature).toBe('verified');
    expect(b.latest.keyId).toBe(overview.verifiedWith);
  });

  it('does not read a signed report whose signature does not verify with --key', async () => {
    const run = await fleet(reports, '-o', 'markdown', '--key', at('keys/other.pub'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^\| `gemeente-b\/report\.json` \| signed report refused: signature does not verify with key [0-9a-f]{64} /m,
    );
    expect(run.stdout).toContain('**1 cluster: 1 not compliant,');
  });

  it('writes the HTML overview to --out and says what it found', async () => {
    const run = await fleet(reports, '--out', at('fleet.html'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `2 clusters: 1 not compliant, 0 inconclusive, 0 compliant with waivers, 1 compliant → ${at('fleet.html')}\n`,
    );
    const html = readFileSync(at('fleet.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<tr data-cluster="gemeente-a" data-verdict="not-compliant">');
  });

  it('is written in Dutch with --lang nl', async () => {
    const run = await fleet(reports, '-o', 'markdown', '--lang', 'nl');
    expect(run.stdout).toContain(
      '**2 clusters: 1 niet compliant, 0 geen eindoordeel, 0 compliant met uitzonderingen, 1 compliant.**',
    );
    expect(run.stdout).toContain('| `notes.json` | geen havenkit-rapport: no kind |');
  });

  it('exits 3 with one line for a directory that does not exist', async () => {
    const run = await fleet(at('missing'));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('no such directory');
    expect(run.stdout).toBe('');
  });

  it('exits 3 with one line for a directory without reports', async () => {
    const run = await fleet(at('empty'));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(ONE_LINE_ERROR);
    expect(run.stderr).toContain('no havenkit reports in');
  });
});
