import { describe, expect, it } from 'vitest';
import type { DependencyRegister } from '@havenkit/model';
import { readSnapshotFile } from '../snapshot/read.js';
import { DEMO_SNAPSHOT_PATH } from '../testing/reports.js';
import { loadSovereigntyFacts } from './facts.js';
import { buildRegister } from './register.js';
import { renderRegisterTable } from './table.js';

const demo = buildRegister(readSnapshotFile(DEMO_SNAPSHOT_PATH).snapshot, loadSovereigntyFacts(), {
  subject: { kind: 'cluster', context: 'admin@haven-demo' },
  tool: { name: 'havenkit', version: 'test' },
});

describe('the register as a table', () => {
  it('starts with the title and the subject, then the one-line summary', () => {
    const lines = renderRegisterTable(demo).split('\n');
    expect(lines[0]).toMatch(
      /^Digital-dependency register: Cluster admin@haven-demo; As of 2026-11-01T09:00:00Z$/,
    );
    expect(renderRegisterTable(demo, { width: 400 })).toContain(demo.summary.text.en);
  });

  it('lists every function once, in the register’s order', () => {
    const text = renderRegisterTable(demo, { width: 400 });
    const at = demo.functions.map((f) => text.indexOf(`\n${f.label.en}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('shows one line per entity of a function, with its jurisdiction in words and its laws by short name', () => {
    const text = renderRegisterTable(demo, { width: 400 });
    expect(
      text.match(
        /^ {2}- \[outside the EU\/EEA\] Docker, Inc\. \(US\) — US CLOUD Act: Docker Hub; \d+ workloads?$/gm,
      ),
    ).toHaveLength(1);
  });

  it('says 1 workload and 2 workloads', () => {
    const text = renderRegisterTable(demo, { width: 400 });
    expect(text).toMatch(/; 1 workload$/m);
    expect(text).not.toMatch(/\b1 workloads\b/);
  });

  it('prints the evidence and the facts that matched with --verbose only', () => {
    const plain = renderRegisterTable(demo, { width: 400 });
    const verbose = renderRegisterTable(demo, { width: 400, verbose: true });
    expect(plain).not.toContain('shown by: providerID');
    expect(verbose).toMatch(/shown by: CSI provisioner cinder\.csi\.openstack\.org/);
    expect(verbose).toMatch(/^ {8}Node haven-cp-1 {2}providerID=openstack:\/\/\//m);
  });

  it('writes Dutch headings and jurisdictions in Dutch', () => {
    const text = renderRegisterTable(demo, { language: 'nl', width: 400 });
    expect(text).toMatch(/^Register van digitale afhankelijkheden: /);
    expect(text).toContain('[buiten de EU/EER]');
    expect(text).toContain('Waar de data staat:');
  });

  it('escapes control characters from the cluster, never sending them to the terminal', () => {
    const hostile: DependencyRegister = structuredClone(demo);
    hostile.functions[0]!.dependencies[0]!.name = 'evil\u001b[2J\u0007name';
    const text = renderRegisterTable(hostile, { width: 400 });
    expect(text).not.toContain('\u001b[2J');
    expect(text).toContain('evil\\x1b[2J\\x07name');
  });

  it('colours only when asked', () => {
    expect(renderRegisterTable(demo)).not.toContain('\u001b[');
    expect(renderRegisterTable(demo, { color: true })).toContain('\u001b[31m');
  });

  it('wraps to the width given', () => {
    const lines = renderRegisterTable(demo, { width: 60 }).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
  });
});
