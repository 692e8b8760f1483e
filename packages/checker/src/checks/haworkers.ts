import type { Evidence } from '../result.js';
import type { CheckFunction } from './context.js';
import { isControlPlane, isReady, isUnschedulable } from './nodes.js';
import { fail, nameOf, pass, readList, unknownFrom } from './util.js';

const NAME = 'haworkers';
const REQUIRED = 3;

/** At least 3 Ready, schedulable nodes without a control-plane role. */
export const haworkers: CheckFunction = (snapshot) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);

  const workers = nodes.value.filter((n) => !isControlPlane(n));
  const evidence: Evidence[] = workers.map((node) => {
    const ready = isReady(node);
    const unschedulable = isUnschedulable(node);
    const note =
      ready && !unschedulable
        ? 'counted'
        : `not counted: ${!ready ? 'not Ready' : 'cordoned (unschedulable)'}`;
    return {
      kind: 'Node',
      name: nameOf(node),
      fields: { 'status.conditions.Ready': ready, 'spec.unschedulable': unschedulable },
      note,
    };
  });
  const counted = workers.filter((n) => isReady(n) && !isUnschedulable(n));

  if (counted.length >= REQUIRED) {
    return pass(
      NAME,
      `${counted.length} Ready, schedulable worker nodes: ${counted.map(nameOf).join(', ')}.`,
      evidence,
    );
  }
  return fail(
    NAME,
    `Only ${counted.length} Ready, schedulable worker node(s) (of ${workers.length} without a control-plane role); at least ${REQUIRED} are required.`,
    evidence,
  );
};
