import { describe, expect, it } from 'vitest';
import { isSecretPath, isSecretResource, listPath, parseResourceName, resourceKey } from './names.js';
import type { ResourceMapping } from './names.js';

describe('kubectl resource names', () => {
  it.each([
    ['nodes', { plural: 'nodes', group: '' }],
    ['storageclasses.storage.k8s.io', { plural: 'storageclasses', group: 'storage.k8s.io' }],
    ['apiservices.apiregistration.k8s.io', { plural: 'apiservices', group: 'apiregistration.k8s.io' }],
    [
      'configurationscansummaries.spdx.softwarecomposition.kubescape.io',
      { plural: 'configurationscansummaries', group: 'spdx.softwarecomposition.kubescape.io' },
    ],
  ])('parses %s', (name, expected) => {
    expect(parseResourceName(name)).toEqual(expected);
    expect(resourceKey(expected.plural, expected.group)).toBe(name);
  });

  const mapping = (group: string, namespaced: boolean): ResourceMapping => ({
    name: 'x',
    plural: 'things',
    group,
    version: 'v1',
    kind: 'Thing',
    namespaced,
  });

  it.each([
    [mapping('', false), undefined, '/api/v1/things'],
    [mapping('', true), 'default', '/api/v1/namespaces/default/things'],
    [mapping('example.com', true), undefined, '/apis/example.com/v1/things'],
    [mapping('example.com', false), 'default', '/apis/example.com/v1/things'],
  ])('maps to the list path %#', (m, ns, expected) => {
    expect(listPath(m, ns)).toBe(expected);
  });

  it('recognizes every way of reading Secrets', () => {
    expect(isSecretResource(parseResourceName('secrets'))).toBe(true);
    expect(isSecretResource(parseResourceName('secrets.example.com'))).toBe(false);
    const secretPaths = [
      '/api/v1/secrets',
      '/api/v1/secrets?limit=1',
      '/api/v1/namespaces/kube-system/secrets',
      '/api/v1/namespaces/kube-system/secrets/token',
      '/api/v1/namespaces/a/secrets/',
    ];
    expect(secretPaths.filter((p) => !isSecretPath(p))).toEqual([]);
    const otherPaths = ['/api/v1/nodes', '/apis/example.com/v1/secrets', '/api/v1/namespaces/secrets'];
    expect(otherPaths.filter((p) => isSecretPath(p))).toEqual([]);
  });
});
