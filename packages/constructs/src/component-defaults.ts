/** Defaults of `ComponentProps`, named once. */
export const COMPONENT_DEFAULTS = {
  replicas: 1,
  runAsUser: 10001,
  runAsGroup: 10001,
  fsGroup: 10001,
  ingressPath: '/',
  cpuUtilization: 75,
  /** maxReplicas = replicas × this factor. */
  maxReplicasFactor: 2,
} as const;
