import { App, Chart } from '../kube.js';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../synth.js';
import { addDisruptionBudget } from './disruption-budget.js';
import { componentIdentity } from './identity.js';

const identity = componentIdentity('shop', 'api');

function synth(replicas: number): K8sObject[] {
  const chart = new Chart(new App(), 'test');
  addDisruptionBudget(chart, { identity, replicas });
  return chart.toJson() as K8sObject[];
}

describe('addDisruptionBudget', () => {
  it('makes the PDB only when replicas > 1', () => {
    expect(synth(1)).toEqual([]);
    expect(synth(2).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['PodDisruptionBudget/shop-api']);
  });

  it("lets at most one of the component's pods be down at a time", () => {
    expect(synth(3)[0]?.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: identity.selector } });
  });
});
