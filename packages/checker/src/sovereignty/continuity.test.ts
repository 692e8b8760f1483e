import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, DependencyRegister } from '@havenkit/model';
import { validate } from '../schema.js';
import { readSnapshotFile } from '../snapshot/read.js';
import { DEMO_SNAPSHOT_PATH } from '../testing/reports.js';
import { loadSovereigntyFacts } from './facts.js';
import { buildRegister } from './register.js';

const facts = loadSovereigntyFacts();
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as ClusterSnapshot;
const demo = readSnapshotFile(DEMO_SNAPSHOT_PATH).snapshot;
const registerOf = (snapshot: ClusterSnapshot, without?: string[]): DependencyRegister =>
  buildRegister(snapshot, facts, {
    subject: { kind: 'cluster' },
    tool: { name: 'havenkit', version: 'test' },
    ...(without ? { without } : {}),
  });

describe('concentration', () => {
  it('groups entities by ultimate parent: on AKS, Azure, mcr.microsoft.com and Azure DNS all count as Microsoft', () => {
    const group = registerOf(fixture('aks')).concentration!.find((g) => g.entity === 'microsoft')!;
    expect(group.functions).toEqual(expect.arrayContaining(['hosting', 'images', 'dns']));
    expect(group.critical.length).toBeGreaterThanOrEqual(2);
    expect(group.jurisdiction).toBe('non-eu');
  });

  it('puts the groups with the most critical functions first', () => {
    const groups = registerOf(fixture('aks')).concentration!;
    const counts = groups.map((g) => g.critical.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('counts Quay.io under IBM, the parent of Red Hat', () => {
    const ibm = registerOf(demo).concentration!.find((g) => g.entity === 'ibm')!;
    expect(ibm.entities).toEqual(['red-hat']);
    expect(ibm.functions).toEqual(['images']);
  });

  it('groups neither your own software nor unknown parties', () => {
    const entities = registerOf(demo).concentration!.flatMap((g) => g.entities);
    expect(entities).not.toContain('self');
    expect(entities.every((e) => e !== '')).toBe(true);
  });
});

describe('cut-off (--without)', () => {
  it('says which workloads cannot restart when a registry operator goes, and that nothing else breaks', () => {
    const cut = registerOf(demo, ['docker']).cutOff!;
    expect(cut.functions.map((f) => [f.id, f.effect])).toEqual([['images', 'cannot-restart']]);
    const affected = cut.workloads.affected.length;
    expect(cut.summary.en).toBe(
      `If Docker, Inc. is cut off: ${affected} of ${cut.workloads.total} workloads cannot restart or be rescheduled.`,
    );
    expect(cut.summary.nl).toBe(
      `Als Docker, Inc. wegvalt: ${affected} van ${cut.workloads.total} workloads kunnen niet herstarten of verhuizen.`,
    );
    expect(cut.workloads.affected.map((a) => a.workload)).toContain('DaemonSet/monitoring/alloy');
  });

  it('lists the certificates that stop renewing with the first expiry date', () => {
    const cut = registerOf(demo, ['isrg']).cutOff!;
    expect(cut.functions).toEqual([
      expect.objectContaining({
        id: 'certificates',
        effect: 'no-renewal',
        firstExpiry: '2027-01-12T08:14:00Z',
      }),
    ]);
    expect(cut.summary.en).toBe(
      'If Internet Security Research Group (ISRG) is cut off: certificates stop renewing, the first on 2027-01-12.',
    );
    expect(cut.summary.nl).toMatch(
      /^Als .* wegvalt: certificaten worden niet meer vernieuwd, het eerste op 12 januari 2027\.$/,
    );
  });

  it('stops every workload when the hosting provider goes, worst effect first', () => {
    const register = registerOf(fixture('scaleway'), ['scaleway']);
    const cut = register.cutOff!;
    expect(cut.workloads.affected).toHaveLength(cut.workloads.total);
    expect(cut.workloads.affected.every((a) => a.effects[0] === 'stopped')).toBe(true);
    expect(cut.functions[0]).toMatchObject({ id: 'hosting', effect: 'stopped' });
    expect(cut.functions.map((f) => f.id)).toEqual(expect.arrayContaining(['storage', 'load-balancing']));
  });

  it('takes subsidiaries with a group: cutting off Alphabet cuts off Google', () => {
    const cut = registerOf(fixture('gke'), ['alphabet']).cutOff!;
    expect(cut.entities.map((e) => e.entity)).toContain('google');
    expect(cut.functions[0]).toMatchObject({ id: 'hosting', effect: 'stopped' });
  });

  it('says so when nothing depends on the entity', () => {
    const cut = registerOf(demo, ['hetzner']).cutOff!;
    expect(cut.functions).toEqual([]);
    expect(cut.summary.en).toBe(
      'If Hetzner Online GmbH is cut off, nothing this subject shows depends on it.',
    );
  });

  it('counts the workloads hit per namespace', () => {
    const cut = registerOf(demo, ['docker']).cutOff!;
    const monitoring = cut.namespaces!.find((n) => n.namespace === 'monitoring')!;
    expect(monitoring.affected).toBeLessThanOrEqual(monitoring.total);
    expect(monitoring.affected).toBeGreaterThan(0);
  });

  it('names several entities in one scenario, in the plural', () => {
    const cut = registerOf(demo, ['docker', 'isrg']).cutOff!;
    expect(cut.summary.en).toMatch(
      /^If Docker, Inc\. and Internet Security Research Group \(ISRG\) are cut off: /,
    );
    expect(cut.summary.nl).toMatch(
      /^Als Docker, Inc\. en Internet Security Research Group \(ISRG\) wegvallen: /,
    );
  });

  it('lists an object once per function, however many dependencies it shows', () => {
    const images = registerOf(demo, ['amazon']).cutOff!.functions.find((f) => f.id === 'images')!;
    const keys = images.evidence.map((e) => `${e.kind}/${e.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives a register that validates against the schema', () => {
    expect(validate('register', registerOf(fixture('aks'), ['microsoft']))).toBeUndefined();
    expect(validate('register', registerOf(demo, ['docker', 'isrg']))).toBeUndefined();
  });
});
