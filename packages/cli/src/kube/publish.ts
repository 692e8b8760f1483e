/**
 * `--publish`: the report written to the cluster it is about, for dashboards and for the CronJob of
 * the chart — the json report in a ConfigMap, the policy report as a ClusterPolicyReport (or an
 * OpenReports ClusterReport). Opt-in, named objects only; the flags, the names and the step that
 * writes them. @havenkit/collect is loaded only when something is published.
 */
import { readFileSync } from 'node:fs';
import * as Flags from '@oclif/core/flags';
import type { PublishedObject } from '@havenkit/collect';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { FlagGroup } from './flags.js';

/** What `check --publish` can write. */
export const PUBLISH_TARGETS = ['configmap', 'policyreport'] as const;
export type PublishTarget = (typeof PUBLISH_TARGETS)[number];

export const DEFAULT_PUBLISH_NAME = 'havenkit';

/** The ConfigMap of a command's json report: NAME-report (check), NAME-sovereignty (sovereignty). */
export const reportConfigMapName = (name: string, command: 'check' | 'sovereignty'): string =>
  `${name}-${command === 'check' ? 'report' : 'sovereignty'}`;

export const publishNameFlag = Flags.string({
  summary: `Name of the published objects: ConfigMap NAME-report (check) or NAME-sovereignty, ClusterPolicyReport NAME (default: ${DEFAULT_PUBLISH_NAME}).`,
  helpValue: 'NAME',
  dependsOn: ['publish'],
  helpGroup: FlagGroup.Report,
});

export const publishNamespaceFlag = Flags.string({
  summary:
    "Namespace of the published ConfigMap (default: the pod's own namespace in a pod, else the context's namespace).",
  helpValue: 'NAMESPACE',
  dependsOn: ['publish'],
  helpGroup: FlagGroup.Report,
});

/** The cluster a live run reads and publishes to: its --kubeconfig and --context, as given. */
export const clusterOf = (flags: {
  readonly kubeconfig?: string | undefined;
  readonly context?: string | undefined;
}): { kubeconfig?: string; context?: string } => ({
  ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
  ...(flags.context !== undefined ? { context: flags.context } : {}),
});

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** --publish-name and --publish-namespace as Kubernetes accepts them, checked before the cluster is read. */
export function checkPublishNames(name: string | undefined, namespace: string | undefined): void {
  // NAME-sovereignty must still be a name: 63 - 12 characters for NAME, a DNS label.
  if (name !== undefined && (name.length > 50 || !DNS_LABEL.test(name))) {
    throw new UserError(
      `--publish-name ${JSON.stringify(name)} is not a name for the published objects: lower-case letters, digits and '-', at most 50 characters`,
      ExitCode.BadInput,
    );
  }
  if (namespace !== undefined && (namespace.length > 63 || !DNS_LABEL.test(namespace))) {
    throw new UserError(
      `--publish-namespace ${JSON.stringify(namespace)} is not a namespace name: lower-case letters, digits and '-', at most 63 characters`,
      ExitCode.BadInput,
    );
  }
}

const SERVICE_ACCOUNT_NAMESPACE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

function readSmallFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').slice(0, 256);
  } catch {
    return undefined;
  }
}

/** Where the ConfigMap goes: the flag, the pod's namespace, the kubeconfig context's namespace — or a one-line error. */
export async function publishNamespace(
  flag: string | undefined,
  cluster: { kubeconfig?: string; context?: string },
): Promise<string> {
  if (flag !== undefined) return flag;
  const { loadKubeconfig, podNamespace } = await import('@havenkit/collect');
  const loaded = loadKubeconfig({
    ...(cluster.kubeconfig !== undefined ? { kubeconfigPath: cluster.kubeconfig } : {}),
    ...(cluster.context !== undefined ? { context: cluster.context } : {}),
  });
  const fromPod =
    loaded.context === 'in-cluster' ? podNamespace(readSmallFile, SERVICE_ACCOUNT_NAMESPACE) : undefined;
  const fromContext = loaded.kubeConfig.getContextObject(loaded.context)?.namespace;
  const namespace = fromPod ?? fromContext;
  if (namespace === undefined || namespace === '') {
    throw new UserError(
      `--publish configmap: give --publish-namespace NAMESPACE (context "${loaded.context}" names no namespace)`,
      ExitCode.BadInput,
    );
  }
  return namespace;
}

/** Writes the objects and says what was written (stderr: stdout may carry the report). */
export async function publish(
  objects: readonly PublishedObject[],
  cluster: { kubeconfig?: string; context?: string },
): Promise<void> {
  const { publishObjects, PublishError } = await import('@havenkit/collect');
  try {
    const outcomes = await publishObjects(objects, {
      ...(cluster.kubeconfig !== undefined ? { kubeconfigPath: cluster.kubeconfig } : {}),
      ...(cluster.context !== undefined ? { context: cluster.context } : {}),
    });
    for (const o of outcomes) process.stderr.write(`published: ${o.object} (${o.action})\n`);
  } catch (err) {
    if (err instanceof PublishError) throw new UserError(err.message, ExitCode.PublishFailed);
    throw err;
  }
}
