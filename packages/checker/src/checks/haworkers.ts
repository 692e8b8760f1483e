import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { isControlPlane, isReady, isUnschedulable } from './nodes.js';
import { both, fail, nameOf, nlCount, pass, readList, unknownFrom } from './util.js';

const NAME = 'haworkers';
const REQUIRED = 3;

/** At least 3 Ready, schedulable nodes without a control-plane role. */
export const haworkers: CheckFunction = (snapshot) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);

  const workers = nodes.value
    .filter((n) => !isControlPlane(n))
    .map((node) => {
      const ready = isReady(node);
      const unschedulable = isUnschedulable(node);
      return { node, ready, unschedulable, counted: ready && !unschedulable };
    });
  const evidence = ({ node, ready, unschedulable, counted }: (typeof workers)[number]): Evidence => ({
    kind: 'Node',
    name: nameOf(node),
    fields: { 'status.conditions.Ready': ready, 'spec.unschedulable': unschedulable },
    note: counted
      ? { en: 'counted', nl: 'meegeteld' }
      : !ready
        ? { en: 'not counted: not Ready', nl: 'niet meegeteld: niet Ready' }
        : {
            en: 'not counted: cordoned (unschedulable)',
            nl: 'niet meegeteld: uitgesloten van scheduling (cordoned)',
          },
  });
  const counted = workers.filter((w) => w.counted).map((w) => nameOf(w.node));

  if (counted.length >= REQUIRED) {
    return pass(
      NAME,
      both(
        `${counted.length} Ready, schedulable worker nodes: ${counted.join(', ')}.`,
        `${counted.length} worker-nodes zijn Ready en inplanbaar: ${counted.join(', ')}.`,
      ),
      workers.map(evidence),
    );
  }
  // The NotReady and cordoned workers are the cause only when counting them would have been
  // enough; with too few workers altogether, nodes are missing and no object is the cause.
  const blame = workers.length >= REQUIRED;
  return fail(
    NAME,
    both(
      `Only ${counted.length} Ready, schedulable worker node(s) (of ${workers.length} without a control-plane role); at least ${REQUIRED} are required.`,
      `Slechts ${nlCount(counted.length, 'worker-node is', 'worker-nodes zijn')} Ready en inplanbaar (van ${workers.length} zonder control-plane-rol); er zijn er minstens ${REQUIRED} vereist.`,
    ),
    workers.map((w) => (blame && !w.counted ? { ...evidence(w), offending: true } : evidence(w))),
  );
};
