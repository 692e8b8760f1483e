import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { forbidden, pod, pods, withResources } from '../testing/fixtures.js';
import { logs } from './logs.js';

const cases: CheckCase[] = [
  {
    spec: 'passes with Loki and Grafana Alloy running, one evidence item per collector and namespace',
    snapshot: withResources({
      pods: pods(
        pod('monitoring', 'alloy-1', { image: 'docker.io/grafana/alloy:v1.11.0', owner: 'DaemonSet' }),
        pod('monitoring', 'alloy-2', { image: 'docker.io/grafana/alloy:v1.11.0', owner: 'DaemonSet' }),
        pod('monitoring', 'loki-0', { image: 'grafana/loki:3.5.0', owner: 'StatefulSet' }),
      ),
    }),
    outcome: 'pass',
    reason: 'Grafana Alloy, Grafana Loki',
    evidence: (r) => expect(r.evidence.map((e) => e.fields.runningPods)).toEqual([2, 1]),
  },
  {
    spec: 'recognises Fluent Bit by image with a registry, tag and digest',
    snapshot: withResources({
      pods: pods(pod('logging', 'fb', { image: 'cr.fluentbit.io/fluent/fluent-bit:4.0.3@sha256:abc' })),
    }),
    outcome: 'pass',
  },
  {
    spec: 'counts an OpenTelemetry Collector only as a DaemonSet',
    snapshot: withResources({
      pods: pods(
        pod('otel', 'gw', { image: 'otel/opentelemetry-collector-contrib:0.120.0', owner: 'ReplicaSet' }),
      ),
    }),
    outcome: 'fail',
  },
  {
    spec: 'does not count collectors that are not Running',
    snapshot: withResources({
      pods: pods(pod('logging', 'fb', { image: 'fluent/fluent-bit:4.0', phase: 'CrashLoopBackOff' })),
    }),
    outcome: 'fail',
  },
  {
    spec: 'fails when no log collector runs',
    snapshot: withResources({ pods: pods(pod('app', 'web', { image: 'nginx:1.29' })) }),
    outcome: 'fail',
  },
  {
    spec: 'is unknown (forbidden) when pods may not be listed',
    snapshot: withResources({ pods: forbidden() }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
];

describe('logs', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(logs, c);
  });
});
