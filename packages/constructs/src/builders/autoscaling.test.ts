import { App, Chart, k8s } from '../kube.js';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../synth.js';
import { addAutoscaler, type AutoscalerProps } from './autoscaling.js';
import { componentIdentity } from './identity.js';

const identity = componentIdentity('shop', 'api');

function synth(
  props: Partial<Omit<AutoscalerProps, 'identity' | 'target'>> = {},
  stateful = false,
): K8sObject[] {
  const chart = new Chart(new App(), 'test');
  const spec = { selector: {}, template: {} };
  const target = stateful
    ? new k8s.KubeStatefulSet(chart, 'workload', {
        metadata: { name: 'shop-api' },
        spec: { ...spec, serviceName: 'x' },
      })
    : new k8s.KubeDeployment(chart, 'workload', { metadata: { name: 'shop-api' }, spec });
  addAutoscaler(chart, { identity, target, replicas: 3, requestsCpu: true, enabled: true, ...props });
  return (chart.toJson() as K8sObject[]).filter((o) => o.kind === 'HorizontalPodAutoscaler');
}

describe('addAutoscaler', () => {
  it('makes an autoscaler <app>-<component> where asked for, for a component that requests CPU', () => {
    expect(synth().map((o) => o.metadata.name)).toEqual(['shop-api']);
  });

  it('makes none unless asked for, despite a CPU request (never implicitly)', () => {
    expect(synth({ enabled: undefined })).toEqual([]);
  });

  it('makes none for a component without a CPU request', () => {
    expect(synth({ requestsCpu: false })).toEqual([]);
  });

  it('makes none when autoscale is disabled, despite a CPU request', () => {
    expect(synth({ enabled: false })).toEqual([]);
  });

  it('scales the workload between replicas and 2 × replicas at 75% CPU by default', () => {
    expect(synth()[0]?.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-api' },
      minReplicas: 3,
      maxReplicas: 6,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } },
        },
      ],
    });
  });

  it('takes maxReplicas and cpuUtilization from the component', () => {
    expect(synth({ maxReplicas: 10, cpuUtilization: 50 })[0]?.spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 10,
      metrics: [{ resource: { target: { averageUtilization: 50 } } }],
    });
  });

  it('targets a StatefulSet by its kind', () => {
    expect(synth({}, true)[0]?.spec).toMatchObject({
      scaleTargetRef: { kind: 'StatefulSet', name: 'shop-api' },
    });
  });
});
