import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue/load.js';
import { evaluate } from './evaluate.js';
import { InputError } from '@havenkit/model';
import { renderJson } from './report/json.js';
import { validate } from './schema.js';
import { forbidden, makeSnapshot, node, nodes } from './testing/fixtures.js';

const snapshot = makeSnapshot({
  resources: { nodes: nodes(node('a', { zone: 'z1' }), node('b', { zone: 'z2' })) },
});

describe('evaluate', () => {
  it('produces a report valid against compliance/schemas/report.schema.json', () => {
    expect(validate('report', JSON.parse(renderJson(evaluate(snapshot))))).toBeUndefined();
  });

  it('is deterministic: the same snapshot gives the same report, byte for byte', () => {
    expect(renderJson(evaluate(structuredClone(snapshot)))).toBe(renderJson(evaluate(snapshot)));
  });

  it('reports 15 mandatory results and 2 suggested ones', () => {
    const report = evaluate(snapshot);
    expect(report.summary.total).toBe(15);
    expect(report.suggested.map((r) => r.name)).toEqual(['cis', 'kubescape']);
  });

  it('runs only the checks named in only', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    expect(report.results.map((r) => [r.name, r.outcome])).toEqual([['multiaz', 'pass']]);
  });

  it('never calls a run that left mandatory checks out compliant, and names those checks', () => {
    const report = evaluate(snapshot, { only: ['multiaz'] });
    expect(report.verdict).toBe('selected-passed');
    expect(report.metadata.evaluation.notEvaluated).toHaveLength(14);
    expect(report.metadata.evaluation.notEvaluated).not.toContain('multiaz');
  });

  it('gives a Haven verdict to a run whose --only names every mandatory check', () => {
    const all = loadCatalogue()
      .checks.filter((c) => c.mandatory)
      .map((c) => c.name);
    const report = evaluate(snapshot, { only: all });
    expect(report.metadata.evaluation.notEvaluated).toBeUndefined();
    expect(report.verdict).not.toBe('selected-passed');
  });

  it('throws an InputError (exit code 3) naming an unknown check in only', () => {
    expect(() => evaluate(snapshot, { only: ['multiaz', 'basicauth'] })).toThrow(InputError);
    expect(() => evaluate(snapshot, { only: ['basicauth'] })).toThrow(/unknown check "basicauth"/);
  });

  it('is not-compliant when a mandatory check fails', () => {
    expect(
      evaluate(makeSnapshot({ resources: { nodes: nodes(node('a')) } }), { only: ['multiaz'] }).verdict,
    ).toBe('not-compliant');
  });

  it('is inconclusive when none failed and one is unknown', () => {
    expect(
      evaluate(makeSnapshot({ resources: { nodes: forbidden() } }), {
        only: ['multiaz', 'kubernetesversion'],
      }).verdict,
    ).toBe('inconclusive');
  });

  it('turns a check that throws on odd data into unknown, never pass', () => {
    const odd = makeSnapshot({
      resources: { nodes: { apiVersion: 'v1', kind: 'NodeList', items: [null as never] } },
    });
    const result = evaluate(odd, { only: ['multiaz'] }).results[0];
    expect(result).toMatchObject({ outcome: 'unknown', cause: 'insufficient-data' });
  });

  it('records the snapshot sha256 and cluster in the metadata', () => {
    const report = evaluate(
      makeSnapshot({
        metadata: {
          collectedAt: '2026-11-01T00:00:00Z',
          collector: { name: 'c', version: '1' },
          server: 'https://k:6443',
        },
      }),
      {
        snapshotSha256: 'a'.repeat(64),
        only: ['rbac'],
      },
    );
    expect(report.metadata.snapshot).toEqual({
      collectedAt: '2026-11-01T00:00:00Z',
      server: 'https://k:6443',
      sha256: 'a'.repeat(64),
    });
  });

  it('keeps the checker version equal to package.json', async () => {
    const { CHECKER_VERSION } = await import('./version.js');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(CHECKER_VERSION).toBe(pkg.version);
  });
});
