import { describe, expect, it } from 'vitest';
import type { Catalogue, CheckDefinition } from '@havenkit/model';
import { planCollection } from './plan.js';

function check(name: string, needs: Partial<CheckDefinition['needs']>, mandatory = true): CheckDefinition {
  return {
    name,
    label: name,
    category: 'Cluster',
    mandatory,
    rationale: { en: '', nl: '' },
    decides: { en: '', nl: '' },
    needs: { resources: [], permissions: [], ...needs },
  };
}

const catalogue: Catalogue = {
  havenVersion: 'v12.8.0',
  checks: [
    check('a', {
      resources: [
        { resource: 'nodes' },
        { resource: 'endpoints', namespace: 'default', fieldSelector: 'metadata.name=kubernetes' },
      ],
    }),
    check('b', {
      resources: [
        { resource: 'nodes', labelSelector: 'x=y' },
        { resource: 'endpoints', namespace: 'kube-system' },
      ],
      permissions: [{ verb: 'create', group: 'authorization.k8s.io', resource: 'subjectaccessreviews' }],
      sections: ['access.unprivileged'],
    }),
    check('s', { resources: [{ resource: 'clustercompliancereports.aquasecurity.github.io' }] }, false),
  ],
};

describe('collection plan', () => {
  it('merges needs: an unrestricted need wins, restricted ones are kept apart', () => {
    const plan = planCollection(catalogue);
    expect(plan.checks).toEqual(['a', 'b']);
    expect(plan.resources).toEqual([
      {
        name: 'endpoints',
        queries: [
          { namespace: 'default', fieldSelector: 'metadata.name=kubernetes' },
          { namespace: 'kube-system' },
        ],
      },
      { name: 'nodes', queries: [{}] },
    ]);
    expect(plan.sections).toEqual(['access.unprivileged']);
    expect(plan.permissions).toEqual([
      { verb: 'list', group: '', resource: 'endpoints', namespace: 'default' },
      { verb: 'list', group: '', resource: 'endpoints', namespace: 'kube-system' },
      { verb: 'list', group: '', resource: 'nodes' },
      { verb: 'create', group: 'authorization.k8s.io', resource: 'subjectaccessreviews' },
    ]);
  });

  it('includes suggested checks only when asked, and --only selects exactly', () => {
    expect(planCollection(catalogue, { suggested: ['s'] }).checks).toEqual(['a', 'b', 's']);
    expect(planCollection(catalogue, { all: true }).checks).toEqual(['a', 'b', 's']);
    expect(planCollection(catalogue, { only: ['s'] }).resources.map((r) => r.name)).toEqual([
      'clustercompliancereports.aquasecurity.github.io',
    ]);
    expect(() => planCollection(catalogue, { only: ['nope'] })).toThrow(
      expect.objectContaining({ exitCode: 3, message: 'unknown check "nope" in --only (checks: a, b, s)' }),
    );
  });

  it('keeps the union of the fields the checks declare for a resource, and whole objects when one declares none', () => {
    const withFields: Catalogue = {
      havenVersion: 'v12.8.0',
      checks: [
        check('p', {
          resources: [{ resource: 'pods', fields: ['status.phase', 'spec.containers[].image'] }],
        }),
        check('q', { resources: [{ resource: 'pods', fields: ['status.phase', 'metadata.labels'] }] }),
        check('r', {
          resources: [{ resource: 'nodes', fields: ['metadata.labels'] }, { resource: 'endpoints' }],
        }),
        check('w', { resources: [{ resource: 'nodes' }] }),
      ],
    };
    expect(planCollection(withFields, { only: ['p', 'q', 'r'] }).resources).toEqual([
      { name: 'endpoints', queries: [{}] },
      { name: 'nodes', queries: [{}], fields: ['metadata.labels'] },
      { name: 'pods', queries: [{}], fields: ['metadata.labels', 'spec.containers[].image', 'status.phase'] },
    ]);
    expect(planCollection(withFields).resources.find((r) => r.name === 'nodes')).toEqual({
      name: 'nodes',
      queries: [{}],
    });
  });
});
