import { describe, expect, it } from 'vitest';
import { parseImageReference } from './images.js';

describe('image references', () => {
  it('put a reference without a registry host on docker.io, under library/ without a slash', () => {
    expect(parseImageReference('nginx:1.29')).toMatchObject({
      host: 'docker.io',
      path: 'library/nginx',
      tag: '1.29',
    });
    expect(parseImageReference('bitnami/redis')).toMatchObject({ host: 'docker.io', path: 'bitnami/redis' });
    expect(parseImageReference('index.docker.io/nginx')).toMatchObject({
      host: 'docker.io',
      path: 'library/nginx',
    });
  });

  it('take a first component with a dot, a colon or localhost as the registry host', () => {
    expect(parseImageReference('registry.k8s.io/coredns/coredns:v1.12.4')?.host).toBe('registry.k8s.io');
    expect(parseImageReference('harbor:5000/app')?.host).toBe('harbor:5000');
    expect(parseImageReference('localhost/app')?.host).toBe('localhost');
  });

  it('pin an image only by a digest as the reference grammar writes it', () => {
    const hex = 'a'.repeat(64);
    expect(parseImageReference(`nginx@sha256:${hex}`)?.digest).toBe(`sha256:${hex}`);
    expect(parseImageReference('nginx@sha256:zz')?.digest).toBeUndefined();
    expect(parseImageReference('nginx@')?.digest).toBeUndefined();
  });

  it('is no reference for an empty value or one with spaces', () => {
    expect(parseImageReference('   ')).toBeUndefined();
    expect(parseImageReference('nginx latest')).toBeUndefined();
  });
});
