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
  /**
   * Requests of a container whose spec gives none: no pod without requests, so the scheduler can
   * place it and the quota can count it. Memory is also the limit, as for given requests.
   */
  requests: { cpu: '50m', memory: '128Mi' },
  /** Local disk (writable paths, logs): requested, and the most a container may use before it is evicted. */
  ephemeralStorage: { request: '64Mi', limit: '1Gi' },
  /** A CronJob run that cannot start this many seconds after its time is skipped, not run late. */
  cronJobStartingDeadlineSeconds: 600,
  /** A Job's retries and its deadline in seconds. */
  jobBackoffLimit: 2,
  jobActiveDeadlineSeconds: 3600,
  /** A finished Job is deleted after a day (its pod template is immutable: the next release re-creates it). */
  jobTtlSecondsAfterFinished: 86400,
} as const;
