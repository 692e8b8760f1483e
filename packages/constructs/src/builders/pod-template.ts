// Low-level k8s types on purpose: kplus's Container defaults to `imagePullPolicy: Always`, 1000m/1500m
// CPU and 512Mi/2048Mi memory and a TCP startup probe on the port, and leaves out the `capabilities:
// drop [ALL]` and RuntimeDefault seccomp that Pod Security "restricted" requires; its pod spec adds
// `restartPolicy`, `dnsPolicy`, `hostNetwork`, `terminationGracePeriodSeconds` and `fsGroupChangePolicy`.
// Havenkit writes only what it sets, with its own defaults, so manifests stay exact and reproducible.
import { k8s } from '../kube.js';
import { COMPONENT_DEFAULTS } from '../component-defaults.js';
import type { ComponentProps, ExtraContainerProps, ResourcesProps } from '../spec/types.js';
import { containerProbes, type ContainerProbes } from './probes.js';
import type { ComponentIdentity } from './identity.js';

export interface PodTemplateProps {
  readonly identity: ComponentIdentity;
  /** The component's (or job's) container settings, its extra containers and the ids it runs as. */
  readonly component: Pick<
    ComponentProps,
    | 'name'
    | 'image'
    | 'command'
    | 'args'
    | 'port'
    | 'ports'
    | 'resources'
    | 'health'
    | 'probes'
    | 'writablePaths'
    | 'runAsUser'
    | 'runAsGroup'
    | 'fsGroup'
    | 'initContainers'
    | 'sidecars'
  >;
  /**
   * Where the containers' environment comes from.
   * @default - none
   */
  readonly envFrom?: readonly k8s.EnvFromSource[];
  /**
   * Annotations on the pods.
   * @default - none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Volumes of the storage; the writable paths' volumes are added after them.
   * @default - none
   */
  readonly volumes?: readonly k8s.Volume[];
  /**
   * Mounts of the storage (every container of the pod gets them); the writable paths' mounts are added after them.
   * @default - none
   */
  readonly mounts?: readonly k8s.VolumeMount[];
  /** The node label naming a node's zone (the profile's `zones.label`); pods spread over zones, then nodes. */
  readonly zoneLabel: string;
  /**
   * A Job's pods: restartPolicy, and no spreading (they run once).
   * @default - a long-running workload's pods
   */
  readonly restartPolicy?: 'Never' | 'OnFailure';
}

// The root filesystem is read-only: each writable path gets its own emptyDir.
const writableVolumes = (
  paths: readonly string[],
  prefix = 'writable',
): { volumes: k8s.Volume[]; mounts: k8s.VolumeMount[] } => ({
  volumes: paths.map((_, j) => ({ name: `${prefix}-${j}`, emptyDir: {} })),
  mounts: paths.map((path, j) => ({ name: `${prefix}-${j}`, mountPath: path })),
});

/**
 * Requests (given, else COMPONENT_DEFAULTS.requests: no pod without requests), the memory limit and
 * the local disk a container may use (ephemeral storage: a full node disk evicts every pod on it).
 * Memory is also the limit: unlike CPU, memory cannot be taken back from a pod without killing it.
 */
export const resourceRequirements = (resources: ResourcesProps | undefined): k8s.ResourceRequirements => {
  const cpu = resources?.cpu ?? COMPONENT_DEFAULTS.requests.cpu;
  const memory = resources?.memory ?? COMPONENT_DEFAULTS.requests.memory;
  const disk = resources?.ephemeralStorage ?? COMPONENT_DEFAULTS.ephemeralStorage.limit;
  const q = (v: string): k8s.Quantity => k8s.Quantity.fromString(v);
  return {
    requests: {
      cpu: q(cpu),
      memory: q(memory),
      'ephemeral-storage': q(COMPONENT_DEFAULTS.ephemeralStorage.request),
    },
    limits: { memory: q(memory), 'ephemeral-storage': q(disk) },
  };
};

/** A container that passes Pod Security "restricted": non-root, no escalation, no capabilities, read-only root. */
export interface RestrictedContainerProps {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly ports?: readonly k8s.ContainerPort[];
  readonly envFrom?: readonly k8s.EnvFromSource[];
  readonly env?: Readonly<Record<string, string>>;
  readonly resources?: ResourcesProps;
  readonly probes?: ContainerProbes;
  readonly mounts?: readonly k8s.VolumeMount[];
  readonly runAsUser: number;
  readonly runAsGroup: number;
}

export function restrictedContainer(c: RestrictedContainerProps): k8s.Container {
  const env = Object.entries(c.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    name: c.name,
    image: c.image,
    imagePullPolicy: 'IfNotPresent',
    ...(c.command ? { command: [...c.command] } : {}),
    ...(c.args ? { args: [...c.args] } : {}),
    ...(c.ports && c.ports.length > 0 ? { ports: [...c.ports] } : {}),
    ...(env.length > 0 ? { env: env.map(([name, value]) => ({ name, value })) } : {}),
    ...(c.envFrom && c.envFrom.length > 0 ? { envFrom: [...c.envFrom] } : {}),
    resources: resourceRequirements(c.resources),
    ...(c.probes ?? {}),
    ...(c.mounts && c.mounts.length > 0 ? { volumeMounts: [...c.mounts] } : {}),
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: c.runAsUser,
      runAsGroup: c.runAsGroup,
      seccompProfile: { type: 'RuntimeDefault' },
    },
  };
}

/**
 * The component's pod: its container, init containers and sidecars, each passing Pod Security
 * "restricted" (non-root, no privilege escalation, all capabilities dropped, read-only root,
 * RuntimeDefault seccomp), spread over zones and nodes, without a service account token or service links.
 */
export function podTemplate(props: PodTemplateProps): k8s.PodTemplateSpec {
  const { identity, component: c } = props;
  const runAsUser = c.runAsUser ?? COMPONENT_DEFAULTS.runAsUser;
  const runAsGroup = c.runAsGroup ?? COMPONENT_DEFAULTS.runAsGroup;
  const fsGroup = c.fsGroup ?? COMPONENT_DEFAULTS.fsGroup;
  const writable = writableVolumes(c.writablePaths ?? []);
  const shared = [...(props.mounts ?? [])];
  const volumes = [...(props.volumes ?? []), ...writable.volumes];
  const envFrom = [...(props.envFrom ?? [])];
  const annotations = props.annotations ?? {};
  const seccompProfile = { type: 'RuntimeDefault' };

  const ports: k8s.ContainerPort[] = [
    ...(c.port !== undefined ? [{ name: 'http', containerPort: c.port, protocol: 'TCP' }] : []),
    ...(c.ports ?? []).map((p) => ({ name: p.name, containerPort: p.port, protocol: 'TCP' })),
  ];
  const main = restrictedContainer({
    name: c.name,
    image: c.image,
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
    ports,
    envFrom,
    ...(c.resources ? { resources: c.resources } : {}),
    probes: containerProbes(
      // A port and nothing said: no traffic before it listens (a TCP readiness probe, never a liveness one).
      c.probes ?? (c.health === undefined && c.port !== undefined ? { readiness: { tcp: {} } } : undefined),
      c.health,
    ),
    mounts: [...shared, ...writable.mounts],
    runAsUser,
    runAsGroup,
  });
  // Init containers and sidecars: the component's image unless named, its environment and mounts.
  const extra = (x: ExtraContainerProps, j: number, kind: 'init' | 'sidecar'): k8s.Container => {
    const own = writableVolumes(x.writablePaths ?? [], `writable-${x.name}`);
    volumes.push(...own.volumes);
    return restrictedContainer({
      name: x.name,
      image: x.image ?? c.image,
      ...(x.command ? { command: x.command } : {}),
      ...(x.args ? { args: x.args } : {}),
      ...(x.port !== undefined
        ? { ports: [{ name: `${kind}-${j}`, containerPort: x.port, protocol: 'TCP' }] }
        : {}),
      ...(x.env ? { env: x.env } : {}),
      envFrom,
      ...(x.resources ? { resources: x.resources } : {}),
      probes: containerProbes(x.probes, undefined, x.port),
      mounts: [...shared, ...own.mounts],
      runAsUser,
      runAsGroup,
    });
  };
  const initContainers = (c.initContainers ?? []).map((x, j) => extra(x, j, 'init'));
  const sidecars = (c.sidecars ?? []).map((x, j) => extra(x, j, 'sidecar'));
  // ScheduleAnyway: spreading is a preference; a cluster with fewer zones or nodes still runs every pod.
  const spread = (topologyKey: string): k8s.TopologySpreadConstraint => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...identity.selector } },
  });
  return {
    metadata: {
      labels: identity.labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: {
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      ...(initContainers.length > 0 ? { initContainers } : {}),
      containers: [main, ...sidecars],
      ...(props.restartPolicy !== undefined ? { restartPolicy: props.restartPolicy } : {}),
      securityContext: { runAsNonRoot: true, runAsUser, runAsGroup, fsGroup, seccompProfile },
      ...(props.restartPolicy === undefined
        ? { topologySpreadConstraints: [spread(props.zoneLabel), spread('kubernetes.io/hostname')] }
        : {}),
      ...(volumes.length > 0 ? { volumes } : {}),
    },
  };
}
