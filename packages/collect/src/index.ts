/**
 * collect/: the only code that talks to a cluster. Loads the kubeconfig (never falling back to
 * http://localhost:8080), reads what the selected checks need, and returns a ClusterSnapshot.
 */
export { collectSnapshot } from './collect.js';
export type { CollectOptions, CollectProgress } from './collect.js';
export {
  KubeError,
  KubeExitCode,
  CollectAbortedError,
  toResourceError,
  parseStatusBody,
  describeResourceError,
} from './errors.js';
export { loadKubeconfig, kubeconfigContexts, kubeconfigFiles, mergeKubeconfigs } from './kubeconfig.js';
export type { KubeconfigSelection, LoadedKubeconfig } from './kubeconfig.js';
export { planCollection, selectChecks } from './plan.js';
export type { CollectionPlan, PlanSelection } from './plan.js';
export {
  PROBE_ACCESS,
  PROBE_NAMES,
  PROBE_LABELS,
  PROBE_NAMESPACE_PREFIX,
  PROBE_RUN_LABEL,
  ProbeInterruptedError,
} from './probes.js';
export type { ProbeAccess, ProbeName, ProbeOptions, ProbeCleanup } from './probes.js';
export * from './rbac.js';
export { DEFAULT_RETRY_POLICY } from './retry.js';
export type { RetryPolicy } from './retry.js';
export {
  CONFIGMAP_LIMIT_BYTES,
  PUBLISH_FAILED_EXIT_CODE,
  PUBLISH_LABELS,
  PublishError,
  objectText,
  podNamespace,
  publishObjects,
  reportConfigMap,
} from './publish.js';
export type { PublishOptions, PublishOutcome, PublishedObject } from './publish.js';
export { CHART_PROBE_NAMESPACE, chartPermissions } from './chart-permissions.js';
export type { ChartPermissions } from './chart-permissions.js';
