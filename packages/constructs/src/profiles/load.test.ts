import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinProfileIds, loadBuiltinProfiles, loadProfile, parseProfile } from './load.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

describe('provider profiles', () => {
  it('ships the profiles issue 4 asks for, sorted by id', () => {
    expect(builtinProfileIds()).toEqual([
      'exoscale',
      'generic',
      'hetzner',
      'ionos',
      'onprem',
      'open-telekom-cloud',
      'openstack',
      'ovhcloud',
      'scaleway',
      'stackit',
      'upcloud',
    ]);
  });

  it('validates every built-in profile and fills in the schema defaults', () => {
    for (const p of loadBuiltinProfiles()) {
      expect(p.zones.label).toBe('topology.kubernetes.io/zone');
      expect(p.certManager.clusterIssuer).toBe('letsencrypt');
      expect(typeof p.loadBalancer.externalTrafficPolicyLocal).toBe('boolean');
      expect(p.ingress.annotations).toBeTypeOf('object');
    }
  });

  it('holds the facts that make providers differ', () => {
    expect(loadProfile('scaleway').storage.rwx).toMatchObject({ supported: true, class: 'scw-fs' });
    expect(loadProfile('open-telekom-cloud').storage.rwx).toMatchObject({
      supported: true,
      class: 'csi-nas',
    });
    expect(loadProfile('exoscale').storage.rwo.class).toBe('exoscale-sbs');
    expect(loadProfile('stackit').loadBalancer.externalTrafficPolicyLocal).toBe(false);
    expect(loadProfile('hetzner').ingress.className).toBe('traefik');
    expect(loadProfile('generic').storage.rwx).toMatchObject({ supported: false });
  });

  it('names the ingress controller of every built-in profile: its namespace and its pods', () => {
    const controllers = builtinProfileIds().map((id) => {
      const ingress = loadProfile(id).ingress;
      return [id, ingress.controllerNamespace, Object.keys(ingress.controllerPodLabels ?? {})];
    });
    for (const [id, namespace, labels] of controllers) {
      expect(`${id} ${String(namespace)}`).toMatch(/^[a-z-]+ [a-z0-9-]+$/);
      expect(labels).toEqual(['app.kubernetes.io/name']);
    }
  });

  it('refuses a profile that offers ReadWriteMany without naming its class (never the default class)', () => {
    expect(() =>
      parseProfile(
        {
          apiVersion: 'havenkit.dev/v1alpha1',
          kind: 'ProviderProfile',
          id: 'x',
          name: 'X',
          storage: { rwx: { supported: true } },
        },
        'mine.yaml',
      ),
    ).toThrow(/mine\.yaml: invalid provider profile: storage\.rwx\.class: is required/);
  });

  it('loads a user profile from a file', () => {
    const p = loadProfile(fixture('no-rwx-profile.yaml'));
    expect(p.id).toBe('block-only');
    expect(p.storage.rwx.supported).toBe(false);
  });

  it('rejects a bad profile file with one line naming the field', () => {
    expect(() => loadProfile(fixture('bad-profile.yaml'))).toThrow(
      /bad-profile\.yaml: invalid provider profile: storage\.rwx\.remedy: is required/,
    );
  });

  it('rejects an unknown provider, listing the known ones', () => {
    expect(() => loadProfile('azure')).toThrow(
      /--provider: unknown provider "azure" \(known: exoscale, generic, /,
    );
    expect(() => loadProfile('./missing.yaml')).toThrow(
      '--provider: profile file ./missing.yaml does not exist',
    );
  });
});
