import { App, Chart } from '../kube.js';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../synth.js';
import {
  addConfiguration,
  ANNOTATION_CONFIG_HASH,
  type ConfigurationProps,
  type PodConfiguration,
} from './config.js';
import { componentIdentity } from './identity.js';

function synth(props: Omit<ConfigurationProps, 'identity'>): {
  objects: K8sObject[];
  config: PodConfiguration;
} {
  const chart = new Chart(new App(), 'test');
  const config = addConfiguration(chart, { identity: componentIdentity('shop', 'api'), ...props });
  return { objects: chart.toJson() as K8sObject[], config };
}
const hash = (env: Record<string, string>): string | undefined =>
  synth({ env }).config.podAnnotations[ANNOTATION_CONFIG_HASH];

describe('addConfiguration', () => {
  it('writes plain env to the ConfigMap <app>-<component>-env', () => {
    expect(synth({ env: { MODE: 'production' } }).objects).toMatchObject([
      { kind: 'ConfigMap', metadata: { name: 'shop-api-env' }, data: { MODE: 'production' } },
    ]);
  });

  it('gives the pods the ConfigMap, then the Secret, as envFrom', () => {
    expect(synth({ env: { MODE: 'production' }, envFromSecret: 'api-secrets' }).config.envFrom).toEqual([
      { configMapRef: { name: 'shop-api-env' } },
      { secretRef: { name: 'api-secrets' } },
    ]);
  });

  it('only references the Secret: it is never synthesized', () => {
    const { objects, config } = synth({ envFromSecret: 'api-secrets' });
    expect(objects).toEqual([]);
    expect(config.envFrom).toEqual([{ secretRef: { name: 'api-secrets' } }]);
  });

  it('puts a 16-hex-digit config hash on the pods', () => {
    expect(hash({ MODE: 'production' })).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes the config hash when the env changes, so the pods roll', () => {
    expect(hash({ MODE: 'production' })).not.toBe(hash({ MODE: 'staging' }));
  });

  it('keeps the config hash when only the order of the keys changes', () => {
    expect(hash({ A: '1', B: '2' })).toBe(hash({ B: '2', A: '1' }));
  });

  it('makes no ConfigMap and no config hash without env', () => {
    const { objects, config } = synth({ env: {} });
    expect(objects).toEqual([]);
    expect(config).toEqual({ envFrom: [], podAnnotations: {} });
  });
});
