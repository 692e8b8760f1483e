import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, KubeObject } from '@havenkit/model';
import { workloadsOf } from './workloads.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

/**
 * A snapshot of bare pods, each with one container and the status the runtime reports for it: its
 * image (`status`, as older snapshots kept it) or the container's name (`container`, as they are now).
 */
function pods(
  ...list: { name: string; image: string; status?: string; container?: string; imageID: string }[]
): ClusterSnapshot {
  const items: KubeObject[] = list.map((p) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: 'zaken' },
    spec: { containers: [{ name: 'c', image: p.image }] },
    status: {
      containerStatuses: [
        {
          ...(p.container ? { name: p.container } : {}),
          ...(p.status ? { image: p.status } : {}),
          imageID: p.imageID,
        },
      ],
    },
  }));
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'ClusterSnapshot',
    metadata: { collectedAt: '2026-11-01T09:00:00Z', collector: { name: 'test', version: '0' } },
    version: { gitVersion: 'v1.31.0' },
    discovery: { groupVersions: ['v1'] },
    resources: { pods: { apiVersion: 'v1', kind: 'PodList', items } },
  } as ClusterSnapshot;
}
const digestsOf = (s: ClusterSnapshot, pod: string) =>
  Object.fromEntries(
    [...workloadsOf(s).get(`Pod/zaken/${pod}`)!.digests].map(([ref, set]) => [ref, [...set]]),
  );

describe('workloadsOf: the digests a pod runs', () => {
  it('attributes a digest to the image of the container the status names, whatever the runtime calls it', () => {
    const s = pods({
      name: 'a',
      image: 'postgres:16.4',
      container: 'c',
      imageID: `docker.io/library/postgres@${D1}`,
    });
    expect(digestsOf(s, 'a')).toEqual({ 'postgres:16.4': [D1] });
  });

  it("attributes each init and ephemeral container status to that container's image", () => {
    const s = pods({ name: 'a', image: 'ghcr.io/x/app:1', container: 'c', imageID: `ghcr.io/x/app@${D1}` });
    type Pod = { spec: Record<string, unknown>; status: Record<string, unknown> };
    const pod = (s.resources.pods as { items: KubeObject[] }).items[0] as unknown as Pod;
    pod.spec.initContainers = [{ name: 'migrate', image: 'ghcr.io/x/migrate:1' }];
    pod.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36' }];
    pod.status.initContainerStatuses = [{ name: 'migrate', imageID: `ghcr.io/x/migrate@${D2}` }];
    pod.status.ephemeralContainerStatuses = [{ name: 'debug', imageID: `docker.io/library/busybox@${D1}` }];
    expect(digestsOf(s, 'a')).toEqual({
      'ghcr.io/x/app:1': [D1],
      'ghcr.io/x/migrate:1': [D2],
      'busybox:1.36': [D1],
    });
  });

  it('attributes no digest from a status that names no container of the pod and no image', () => {
    const s = pods({
      name: 'a',
      image: 'ghcr.io/x/app:1',
      container: 'other',
      imageID: `ghcr.io/x/app@${D1}`,
    });
    expect(digestsOf(s, 'a')).toEqual({});
  });

  it('attributes a digest to the reference as written when the runtime reports the same name', () => {
    const s = pods({
      name: 'a',
      image: 'ghcr.io/x/app:1',
      status: 'ghcr.io/x/app:1',
      imageID: `ghcr.io/x/app@${D1}`,
    });
    expect(digestsOf(s, 'a')).toEqual({ 'ghcr.io/x/app:1': [D1] });
  });

  it('attributes a digest to a Docker Hub short name that containerd reports expanded (docker.io/library/…)', () => {
    const s = pods({
      name: 'a',
      image: 'postgres:16.4',
      status: 'docker.io/library/postgres:16.4',
      imageID: `docker.io/library/postgres@${D1}`,
    });
    expect(digestsOf(s, 'a')).toEqual({ 'postgres:16.4': [D1] });
  });

  it('attributes a digest to a reference without a tag that the runtime reports at :latest', () => {
    const s = pods({
      name: 'a',
      image: 'bitnami/kubectl',
      status: 'docker.io/bitnami/kubectl:latest',
      imageID: `docker-pullable://bitnami/kubectl@${D1}`,
    });
    expect(digestsOf(s, 'a')).toEqual({ 'bitnami/kubectl': [D1] });
  });

  it('attributes a digest to the pinned reference with that digest whatever name the runtime reports', () => {
    const s = pods({
      name: 'a',
      image: `nginx@${D2}`,
      status: `sha256:${'9'.repeat(64)}`,
      imageID: `docker.io/library/nginx@${D2}`,
    });
    expect(digestsOf(s, 'a')).toEqual({ [`nginx@${D2}`]: [D2] });
  });

  it('does not attribute a digest to an image of another tag', () => {
    const s = pods({
      name: 'a',
      image: 'postgres:16.4',
      status: 'docker.io/library/postgres:17.0',
      imageID: `docker.io/library/postgres@${D1}`,
    });
    expect(digestsOf(s, 'a')['postgres:16.4']).toBeUndefined();
  });
});
