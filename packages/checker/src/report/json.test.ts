import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { validate } from '../schema.js';
import { makeSnapshot, node, nodes } from '../testing/fixtures.js';
import { renderJson } from './json.js';

const report = evaluate(makeSnapshot({ resources: { nodes: nodes(node('a', { zone: 'z1' })) } }), {
  only: ['multiaz', 'rbac'],
});

describe('renderJson', () => {
  it('renders the native report, valid against report.schema.json', () => {
    const parsed = JSON.parse(renderJson(report)) as unknown;
    expect(validate('report', parsed)).toBeUndefined();
    expect(parsed).toMatchObject({
      apiVersion: 'havenkit.dev/v1alpha1',
      kind: 'ComplianceReport',
      verdict: 'not-compliant',
    });
  });

  it('sorts keys at every level and ends with a newline', () => {
    const text = renderJson(report);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'results',
      'suggested',
      'summary',
      'verdict',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('includes the evidence of every result', () => {
    const parsed = JSON.parse(renderJson(report)) as { results: { evidence: unknown[] }[] };
    expect(parsed.results[0]?.evidence).toEqual([
      { fields: { 'labels.topology.kubernetes.io/zone': 'z1' }, kind: 'Node', name: 'a' },
    ]);
  });
});
