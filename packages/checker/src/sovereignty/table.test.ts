import { describe, expect, it } from 'vitest';
import type { DependencyRegister } from '@havenkit/model';
import { readSnapshotFile } from '../snapshot/read.js';
import { DEMO_SNAPSHOT_PATH } from '../testing/reports.js';
import { madeRegister } from '../testing/registers.js';
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

describe('the scores in the table', () => {
  const made = madeRegister();
  /** The scores block: its title, its summary (unwrapped) and its objective lines. */
  const block = (register: DependencyRegister, options: Parameters<typeof renderRegisterTable>[1] = {}) => {
    const lines = renderRegisterTable(register, options).split('\n');
    const at = lines.findIndex((l) =>
      /^(Sovereignty scores|Soevereiniteitsscores) \(EU Cloud Sovereignty Framework\):$/.test(l),
    );
    expect(at).toBeGreaterThan(0);
    const rest = lines.slice(at + 1, -1);
    const first = rest.findIndex((l) => l.startsWith('  - '));
    return {
      title: lines[at],
      summary: rest
        .slice(0, first)
        .map((l) => l.slice(2))
        .join(' '),
      objectives: rest.slice(first),
      lines: lines.slice(at),
    };
  };

  it('ends with the sovereignty scores, summed up with the overall SEAL and the weight set', () => {
    const { summary, lines } = block(demo);
    expect(summary).toMatch(
      /^Overall at most SEAL-0 \(No Sovereignty\), limited by SOV-1 Strategic Sovereignty, .*; weighted score at most [\d.]+ % \(Framework v1\.2\.1 \(October 2025\)\); \d+ criteria scored from the subject, \d+ need an attestation\. SOV-8 Environmental Sustainability can be shown only by an attestation\.$/,
    );
    expect(renderRegisterTable(demo).endsWith(`${lines.join('\n')}`)).toBe(true);
  });

  it('has a line per objective: its SEAL at most and its first limit', () => {
    expect(block(made, { width: 200 }).objectives).toEqual([
      '  - SOV-2 Legal & Jurisdictional Sovereignty: at most SEAL-1 — Load balancing: Amazon Web Services EMEA SARL (EU, controlled from outside)',
      '  - SOV-6 Technology Sovereignty: at most SEAL-3 — the subject shows an indicator only: SEAL-4 needs an attestation',
      '  - SOV-8 Environmental Sustainability: needs an attestation',
    ]);
  });

  it('cuts an objective’s first limit to the width, on one line', () => {
    const { objectives, lines } = block(demo, { width: 80 });
    expect(objectives).toHaveLength(demo.scores?.objectives.length ?? -1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(objectives[0]).toMatch(/^ {2}- SOV-1 Strategic Sovereignty: at most SEAL-0 — Image supply: .*…$/);
  });

  it('writes the scores in Dutch in Dutch', () => {
    const { title, summary, objectives } = block(made, { language: 'nl', width: 200 });
    expect(title).toBe('Soevereiniteitsscores (EU Cloud Sovereignty Framework):');
    expect(summary).toMatch(
      /^In totaal hoogstens SEAL-1 \(Juridische soevereiniteit\), .* gewogen score hoogstens 72,5 % \(Raamwerk v1\.2\.1 \(oktober 2025\)\);/,
    );
    expect(objectives).toContain('  - SOV-8 Duurzaamheid: vraagt een verklaring');
  });

  it('colours the SEALs only with --color', () => {
    expect(block(made, { width: 200 }).lines.join('\n')).not.toContain('\u001b[');
    const { objectives } = block(made, { width: 200, color: true });
    expect(objectives[0]).toContain(': \u001b[35mat most SEAL-1\u001b[0m — ');
    expect(objectives[2]).toBe(
      '  - SOV-8 Environmental Sustainability: \u001b[33mneeds an attestation\u001b[0m',
    );
  });

  it('escapes control characters and line breaks from the cluster in the scores', () => {
    const hostile = structuredClone(made);
    hostile.scores!.objectives[0]!.limits[0]!.text.en = 'evil\u001b[2J\u0007\nname';
    const { objectives, lines } = block(hostile, { width: 200 });
    expect(lines.join('\n')).not.toContain('\u001b[2J');
    expect(objectives[0]).toBe(
      '  - SOV-2 Legal & Jurisdictional Sovereignty: at most SEAL-1 — evil\\x1b[2J\\x07 name',
    );
  });

  it('says under a group of the concentration that it is not easily substitutable, with its functions', () => {
    const lines = renderRegisterTable(made, { width: 200 }).split('\n');
    const at = lines.findIndex((l) => l.includes('Amazon.com, Inc. (US): certificates'));
    expect(lines[at + 1]).toBe('    not easily substitutable: load-balancing');
    expect(lines.filter((l) => l.includes('substitutable'))).toHaveLength(1);
    expect(renderRegisterTable(made, { language: 'nl', width: 200 })).toContain(
      '\n    niet eenvoudig vervangbaar: load-balancing\n',
    );
  });
});
