import { App, Chart, type k8s } from '../kube.js';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../synth.js';
import { componentIdentity } from './identity.js';
import { addWorkload, type WorkloadProps } from './workload.js';

const identity = componentIdentity('shop', 'db');
const template: k8s.PodTemplateSpec = {
  metadata: { labels: identity.labels },
  spec: { containers: [{ name: 'db', image: 'registry.example.eu/db:16' }] },
};
const claim: k8s.KubePersistentVolumeClaimProps = {
  metadata: { name: 'data' },
  spec: { accessModes: ['ReadWriteOnce'] },
};

function synth(props: Partial<WorkloadProps> = {}): K8sObject[] {
  const chart = new Chart(new App(), 'test');
  addWorkload(chart, { identity, replicas: 3, template, ...props });
  return chart.toJson() as K8sObject[];
}
const byKind = (objects: K8sObject[], kind: string): K8sObject | undefined =>
  objects.find((o) => o.kind === kind);

describe('addWorkload', () => {
  it('makes a component without ReadWriteOnce storage a Deployment <app>-<component>', () => {
    expect(synth().map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/shop-db']);
  });

  it('writes the replicas, the pod template and a selector of part-of and component', () => {
    expect(byKind(synth(), 'Deployment')?.spec).toEqual({
      replicas: 3,
      selector: { matchLabels: identity.selector },
      template,
    });
  });

  it('makes a component with ReadWriteOnce storage a StatefulSet with its claim templates', () => {
    expect(byKind(synth({ claimTemplates: [claim] }), 'StatefulSet')).toMatchObject({
      metadata: { name: 'shop-db' },
      spec: { replicas: 3, volumeClaimTemplates: [claim] },
    });
  });

  it('gives a StatefulSet the headless Service <app>-<component>-headless as its serviceName', () => {
    const objects = synth({ claimTemplates: [claim], port: 5432 });
    expect(byKind(objects, 'StatefulSet')?.spec).toMatchObject({ serviceName: 'shop-db-headless' });
    expect(byKind(objects, 'Service')).toMatchObject({
      metadata: { name: 'shop-db-headless' },
      spec: {
        clusterIP: 'None',
        selector: identity.selector,
        ports: [{ name: 'http', port: 5432, targetPort: 'http', protocol: 'TCP' }],
      },
    });
  });

  it('gives a StatefulSet without a port a headless Service without ports', () => {
    expect(byKind(synth({ claimTemplates: [claim] }), 'Service')?.spec).not.toHaveProperty('ports');
  });
});
