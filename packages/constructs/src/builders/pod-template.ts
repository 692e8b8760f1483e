// Low-level k8s types on purpose: kplus's Container defaults to `imagePullPolicy: Always`, 1000m/1500m
// CPU and 512Mi/2048Mi memory and a TCP startup probe on the port, and leaves out the `capabilities:
// drop [ALL]` and RuntimeDefault seccomp that Pod Security "restricted" requires; its pod spec adds
// `restartPolicy`, `dnsPolicy`, `hostNetwork`, `terminationGracePeriodSeconds` and `fsGroupChangePolicy`.
// Havenkit writes only what it sets, with its own defaults, so manifests stay exact and reproducible.
import { k8s } from '../kube.js';
import { COMPONENT_DEFAULTS } from '../component-defaults.js';
import type { ComponentProps } from '../spec/types.js';
import type { ComponentIdentity } from './identity.js';

export interface PodTemplateProps {
  readonly identity: ComponentIdentity;
  /** The component's container settings and the ids it runs as. */
  readonly component: Pick<
    ComponentProps,
    | 'name'
    | 'image'
    | 'command'
    | 'args'
    | 'port'
    | 'resources'
    | 'health'
    | 'writablePaths'
    | 'runAsUser'
    | 'runAsGroup'
    | 'fsGroup'
  >;
  /**
   * Where the container's environment comes from.
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
   * Mounts of the storage; the writable paths' mounts are added after them.
   * @default - none
   */
  readonly mounts?: readonly k8s.VolumeMount[];
  /** The node label naming a node's zone (the profile's `zones.label`); pods spread over zones, then nodes. */
  readonly zoneLabel: string;
}

// The root filesystem is read-only: each writable path gets its own emptyDir.
const writableVolumes = (paths: readonly string[]): { volumes: k8s.Volume[]; mounts: k8s.VolumeMount[] } => ({
  volumes: paths.map((_, j) => ({ name: `writable-${j}`, emptyDir: {} })),
  mounts: paths.map((path, j) => ({ name: `writable-${j}`, mountPath: path })),
});

const resourceRequirements = (
  resources: ComponentProps['resources'],
): k8s.ResourceRequirements | undefined => {
  if (!resources) return undefined;
  // Memory is also the limit: unlike CPU, memory cannot be taken back from a pod without killing it.
  return {
    requests: {
      ...(resources.cpu ? { cpu: k8s.Quantity.fromString(resources.cpu) } : {}),
      ...(resources.memory ? { memory: k8s.Quantity.fromString(resources.memory) } : {}),
    },
    ...(resources.memory ? { limits: { memory: k8s.Quantity.fromString(resources.memory) } } : {}),
  };
};

const httpProbe = (path: string, periodSeconds: number): k8s.Probe => ({
  httpGet: { path, port: k8s.IntOrString.fromString('http') },
  periodSeconds,
});

/**
 * The component's pod: one container that passes Pod Security "restricted" (non-root, no privilege
 * escalation, all capabilities dropped, read-only root, RuntimeDefault seccomp), spread over zones
 * and nodes, without a service account token or service links.
 */
export function podTemplate(props: PodTemplateProps): k8s.PodTemplateSpec {
  const { identity, component: c } = props;
  const runAsUser = c.runAsUser ?? COMPONENT_DEFAULTS.runAsUser;
  const runAsGroup = c.runAsGroup ?? COMPONENT_DEFAULTS.runAsGroup;
  const fsGroup = c.fsGroup ?? COMPONENT_DEFAULTS.fsGroup;
  const writable = writableVolumes(c.writablePaths ?? []);
  const volumes = [...(props.volumes ?? []), ...writable.volumes];
  const mounts = [...(props.mounts ?? []), ...writable.mounts];
  const envFrom = [...(props.envFrom ?? [])];
  const annotations = props.annotations ?? {};
  const resources = resourceRequirements(c.resources);
  const seccompProfile = { type: 'RuntimeDefault' };

  const container: k8s.Container = {
    name: c.name,
    image: c.image,
    imagePullPolicy: 'IfNotPresent',
    ...(c.command ? { command: [...c.command] } : {}),
    ...(c.args ? { args: [...c.args] } : {}),
    ...(c.port !== undefined ? { ports: [{ name: 'http', containerPort: c.port, protocol: 'TCP' }] } : {}),
    ...(envFrom.length > 0 ? { envFrom } : {}),
    ...(resources ? { resources } : {}),
    ...(c.health
      ? { readinessProbe: httpProbe(c.health.path, 10), livenessProbe: httpProbe(c.health.path, 20) }
      : {}),
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser,
      runAsGroup,
      seccompProfile,
    },
  };
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
      containers: [container],
      securityContext: { runAsNonRoot: true, runAsUser, runAsGroup, fsGroup, seccompProfile },
      topologySpreadConstraints: [spread(props.zoneLabel), spread('kubernetes.io/hostname')],
      ...(volumes.length > 0 ? { volumes } : {}),
    },
  };
}
