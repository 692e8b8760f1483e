import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { isControlPlane, isReady, isUnschedulable } from './nodes.js';
import { fail, nameOf, pass, readList, unknownFrom } from './util.js';

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
      ? message('haworkers.counted')
      : !ready
        ? message('haworkers.notReady')
        : message('haworkers.cordoned'),
  });
  const counted = workers.filter((w) => w.counted).map((w) => nameOf(w.node));

  if (counted.length >= REQUIRED) {
    const reason = message('haworkers.pass', { count: counted.length, nodes: counted.join(', ') });
    return pass(NAME, reason, workers.map(evidence));
  }
  // The NotReady and cordoned workers are the cause only when counting them would have been
  // enough; with too few workers altogether, nodes are missing and no object is the cause.
  const blame = workers.length >= REQUIRED;
  return fail(
    NAME,
    message('haworkers.fail', { count: counted.length, workers: workers.length, required: REQUIRED }),
    workers.map((w) => (blame && !w.counted ? { ...evidence(w), offending: true } : evidence(w))),
  );
};
