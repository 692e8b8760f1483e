import { App, Chart } from '../kube.js';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../synth.js';
import { componentIdentity } from './identity.js';
import { addNetworkPolicies, type PolicyComponent } from './network-policy.js';

type Declared = Partial<Pick<PolicyComponent, 'port' | 'isWeb' | 'isLoadBalanced'>> &
  Omit<PolicyComponent['props'], 'name'>;

/** A component as the policies see it: a scope with a name, selector, port and declared traffic. */
function component(chart: Chart, name: string, declared: Declared = {}): PolicyComponent {
  const { port, isWeb = false, isLoadBalanced = false, ...traffic } = declared;
  const { fullName, selector } = componentIdentity('shop', name);
  return Object.assign(new Construct(chart, name), {
    fullName,
    selector,
    port,
    isWeb,
    isLoadBalanced,
    props: { name, ...traffic },
  });
}

function synth(
  declare: (chart: Chart) => PolicyComponent[],
  ingressControllerNamespace?: string,
): (name: string) => Record<string, unknown> | undefined {
  const chart = new Chart(new App(), 'test');
  addNetworkPolicies(chart, { appName: 'shop', components: declare(chart), ingressControllerNamespace });
  const objects = chart.toJson() as K8sObject[];
  return (name) => objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === name)?.spec as never;
}
const pods = (name: string): object => ({
  podSelector: { matchLabels: componentIdentity('shop', name).selector },
});
const tcp = (port: number): object => ({ port, protocol: 'TCP' });

describe('addNetworkPolicies', () => {
  it('denies all traffic to and from the app pods by default', () => {
    expect(synth(() => [])('shop-default-deny')).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'shop' } },
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('gives each component a policy <app>-<component> for its own pods', () => {
    expect(synth((chart) => [component(chart, 'worker')])('shop-worker')).toMatchObject({
      ...pods('worker'),
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('lets every component reach the cluster DNS on port 53, UDP and TCP', () => {
    expect(synth((chart) => [component(chart, 'worker')])('shop-worker')?.egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 53, protocol: 'TCP' },
        ],
      },
    ]);
  });

  it('lets no traffic in to a component without a port', () => {
    expect(synth((chart) => [component(chart, 'worker', { isWeb: true })])('shop-worker')).not.toHaveProperty(
      'ingress',
    );
  });

  it('lets traffic in to a web component from the ingress controller namespace, on its port', () => {
    const np = synth((chart) => [component(chart, 'web', { port: 8080, isWeb: true })], 'ingress-nginx');
    expect(np('shop-web')?.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
        ports: [tcp(8080)],
      },
    ]);
  });

  it('lets web traffic in from every namespace where the ingress controller namespace is unknown', () => {
    const np = synth((chart) => [component(chart, 'web', { port: 8080, isWeb: true })]);
    expect(np('shop-web')?.ingress).toEqual([{ from: [{ namespaceSelector: {} }], ports: [tcp(8080)] }]);
  });

  it('lets traffic in to a load-balanced component from anywhere, on its port', () => {
    const np = synth((chart) => [component(chart, 'web', { port: 8080, isLoadBalanced: true })]);
    expect(np('shop-web')?.ingress).toEqual([{ ports: [tcp(8080)] }]);
  });

  it('lets traffic in from the components that connect to it, and out to the ones it connects to', () => {
    const np = synth((chart) => [
      component(chart, 'db', { port: 5432 }),
      component(chart, 'api', { port: 8000, connectsTo: ['db'] }),
    ]);
    expect(np('shop-db')?.ingress).toEqual([{ from: [pods('api')], ports: [tcp(5432)] }]);
    expect(np('shop-api')?.egress).toContainEqual({ to: [pods('db')], ports: [tcp(5432)] });
  });

  it('lets traffic out to the declared egress destinations', () => {
    const np = synth((chart) => [component(chart, 'api', { egress: [{ cidr: '10.20.0.0/16', port: 443 }] })]);
    expect(np('shop-api')?.egress).toContainEqual({
      to: [{ ipBlock: { cidr: '10.20.0.0/16' } }],
      ports: [tcp(443)],
    });
  });
});
