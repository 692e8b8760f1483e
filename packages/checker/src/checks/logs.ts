import { message, type Evidence, type KubeObject } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import {
  containersOf,
  fail,
  imageRepository,
  namespaceOf,
  nameOf,
  ownerKind,
  pass,
  readUnsorted,
  repositoryMatcher,
  runningPodsWith,
  unknownFrom,
} from './util.js';

const NAME = 'logs';

/** A Running log collector or aggregator (compliance/data/log-collectors.yaml). */
export const logs: CheckFunction = (snapshot, context) => {
  // Unsorted: runningPodsWith sorts the few pods it finds.
  const pods = readUnsorted(snapshot, 'pods');
  if (!pods.ok) return unknownFrom(NAME, pods);

  // One evidence item per collector and namespace: the first pod, the image, the number of pods.
  const groups = new Map<string, { collector: string; pod: KubeObject; image: string; count: number }>();
  const matchers = context.data.logCollectors.collectors.map((collector) => ({
    collector,
    matches: repositoryMatcher(collector.images),
  }));
  // Most pods run no collector at all: one look at the union of the patterns skips them.
  const anyCollector = repositoryMatcher(context.data.logCollectors.collectors.flatMap((c) => c.images));
  for (const pod of runningPodsWith(pods.value, anyCollector)) {
    const containers = containersOf(pod).map((c) => ({
      image: c.image,
      repository: imageRepository(c.image),
    }));
    for (const { collector, matches } of matchers) {
      if (collector.daemonSetOnly && ownerKind(pod) !== 'DaemonSet') continue;
      const container = containers.find((c) => matches(c.repository));
      if (!container) continue;
      const key = `${collector.name}\u0000${namespaceOf(pod)}`;
      const group = groups.get(key);
      if (group) group.count += 1;
      else groups.set(key, { collector: collector.name, pod, image: container.image, count: 1 });
      break;
    }
  }
  if (groups.size === 0) {
    return fail(NAME, message('logs.fail'));
  }

  const found = [...groups.values()];
  const evidence: Evidence[] = found.map((g) => ({
    kind: 'Pod',
    namespace: namespaceOf(g.pod),
    name: nameOf(g.pod),
    fields: { image: g.image, runningPods: g.count },
    note: message('logs.recognised', { collector: g.collector }),
  }));
  const collectors = [...new Set(found.map((g) => g.collector))].sort().join(', ');
  return pass(NAME, message('logs.pass', { collectors }), evidence);
};
