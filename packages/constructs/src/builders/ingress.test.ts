import { App, Chart } from '../kube.js';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../synth.js';
import { componentIdentity } from './identity.js';
import { addIngress, type IngressProps } from './ingress.js';

const nginx: IngressProps['profile'] = {
  ingress: {
    className: 'nginx',
    annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' },
    proxyProtocol: false,
  },
  certManager: { clusterIssuer: 'letsencrypt' },
};
const clusterDefault: IngressProps['profile'] = {
  ingress: { annotations: {}, proxyProtocol: false },
  certManager: { clusterIssuer: 'letsencrypt' },
};

function synth(props: Partial<Omit<IngressProps, 'identity'>> = {}): K8sObject[] {
  const chart = new Chart(new App(), 'test');
  addIngress(chart, {
    identity: componentIdentity('shop', 'web'),
    ingress: { host: 'shop.example.nl', path: '/winkel' },
    port: 8080,
    profile: nginx,
    ...props,
  });
  return chart.toJson() as K8sObject[];
}
type Rules = { rules: [{ http: { paths: [{ path: string }] } }] };
const path = (objects: K8sObject[]): string | undefined =>
  (objects[0]?.spec as Rules).rules[0].http.paths[0].path;

describe('addIngress', () => {
  it('makes no Ingress for a component that is not exposed', () => {
    expect(synth({ ingress: undefined })).toEqual([]);
  });

  it('makes no Ingress for a component without a port', () => {
    expect(synth({ port: undefined })).toEqual([]);
  });

  it('routes the host and path prefix to the Service port named http', () => {
    expect(synth()[0]).toMatchObject({
      kind: 'Ingress',
      metadata: { name: 'shop-web' },
      spec: {
        rules: [
          {
            host: 'shop.example.nl',
            http: {
              paths: [
                {
                  path: '/winkel',
                  pathType: 'Prefix',
                  backend: { service: { name: 'shop-web', port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('routes the path / when none is given', () => {
    expect(path(synth({ ingress: { host: 'shop.example.nl' } }))).toBe('/');
  });

  it('gets its certificate from the profile cluster issuer, into <app>-<component>-tls', () => {
    const [ingress] = synth();
    expect(ingress?.metadata.annotations).toMatchObject({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(ingress?.spec).toMatchObject({
      tls: [{ hosts: ['shop.example.nl'], secretName: 'shop-web-tls' }],
    });
  });

  it('writes the profile ingress class and annotations', () => {
    const [ingress] = synth();
    expect(ingress?.spec).toMatchObject({ ingressClassName: 'nginx' });
    expect(ingress?.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
    });
  });

  it('leaves ingressClassName out where the profile has none: the cluster default IngressClass applies', () => {
    expect(synth({ profile: clusterDefault })[0]?.spec).not.toHaveProperty('ingressClassName');
  });
});
