import { App, Chart } from '../kube.js';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../synth.js';
import { componentIdentity } from './identity.js';
import { addService, type ServiceProps } from './service.js';

type LoadBalancerProfile = ServiceProps['profile'];
const keepsClientIp: LoadBalancerProfile = {
  id: 'cloud',
  loadBalancer: { annotations: { 'lb.example.eu/type': 'public' }, externalTrafficPolicyLocal: true },
};
const dropsClientIp: LoadBalancerProfile = {
  id: 'snat-cloud',
  loadBalancer: { annotations: {}, externalTrafficPolicyLocal: false },
};
const identity = componentIdentity('shop', 'web');

function synth(props: Partial<Omit<ServiceProps, 'identity'>> = {}): K8sObject[] {
  const chart = new Chart(new App(), 'test');
  addService(chart, {
    identity,
    port: 8080,
    profile: keepsClientIp,
    location: 'app.yaml: spec.components[1]',
    ...props,
  });
  return chart.toJson() as K8sObject[];
}

describe('addService', () => {
  it('makes no Service for a component without a port', () => {
    expect(synth({ port: undefined })).toEqual([]);
  });

  it('makes a ClusterIP Service <app>-<component> to the container port named http', () => {
    expect(synth()).toMatchObject([
      {
        kind: 'Service',
        metadata: { name: 'shop-web' },
        spec: {
          type: 'ClusterIP',
          selector: identity.selector,
          ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }],
        },
      },
    ]);
  });

  it('writes no annotations on a ClusterIP Service', () => {
    expect(synth()[0]?.metadata).not.toHaveProperty('annotations');
  });

  it('makes a load-balanced component a LoadBalancer Service with the profile annotations', () => {
    expect(synth({ loadBalancer: {} })).toMatchObject([
      { metadata: { annotations: { 'lb.example.eu/type': 'public' } }, spec: { type: 'LoadBalancer' } },
    ]);
  });

  it('keeps the cluster routing (no externalTrafficPolicy) unless preserveClientIp is asked for', () => {
    expect(synth({ loadBalancer: {} })[0]?.spec).not.toHaveProperty('externalTrafficPolicy');
  });

  it('sets externalTrafficPolicy Local for preserveClientIp where the provider supports it', () => {
    expect(synth({ loadBalancer: { preserveClientIp: true } })[0]?.spec).toMatchObject({
      externalTrafficPolicy: 'Local',
    });
  });

  it('refuses preserveClientIp where the provider does not support externalTrafficPolicy Local', () => {
    expect(() => synth({ loadBalancer: { preserveClientIp: true }, profile: dropsClientIp })).toThrow(
      'app.yaml: spec.components[1].loadBalancer.preserveClientIp: provider "snat-cloud" does not support externalTrafficPolicy Local; remedy: drop preserveClientIp or use an ingress controller that forwards the client address',
    );
  });
});
