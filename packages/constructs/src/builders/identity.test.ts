import { describe, expect, it } from 'vitest';
import { componentIdentity, objectMeta } from './identity.js';

describe('componentIdentity', () => {
  const identity = componentIdentity('shop', 'web');

  it('names every resource <app>-<component>', () => {
    expect(identity.fullName).toBe('shop-web');
  });

  it('selects pods by part-of and component only', () => {
    expect(identity.selector).toEqual({
      'app.kubernetes.io/part-of': 'shop',
      'app.kubernetes.io/component': 'web',
    });
  });

  it('labels resources with the selector plus name and managed-by havenkit', () => {
    expect(identity.labels).toEqual({
      'app.kubernetes.io/part-of': 'shop',
      'app.kubernetes.io/component': 'web',
      'app.kubernetes.io/name': 'shop-web',
      'app.kubernetes.io/managed-by': 'havenkit',
    });
  });
});

describe('objectMeta', () => {
  const identity = componentIdentity('shop', 'web');

  it('writes the annotations given', () => {
    expect(objectMeta(identity, 'shop-web', { a: 'b' })).toEqual({
      name: 'shop-web',
      labels: identity.labels,
      annotations: { a: 'b' },
    });
  });

  it('leaves empty annotations out rather than writing {}', () => {
    expect(objectMeta(identity, 'shop-web', {})).toEqual({ name: 'shop-web', labels: identity.labels });
  });
});
