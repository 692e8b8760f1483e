// Low-level k8s.KubeConfigMap on purpose: kplus's ConfigMap always writes `immutable: false`;
// havenkit writes only `data`, keys sorted, so manifests stay exact and the hash reproducible.
import { createHash } from 'node:crypto';
import type { Construct } from 'constructs';
import { k8s } from '../kube.js';
import { objectMeta, type ComponentIdentity } from './identity.js';

/** A digest of the ConfigMap's data on the pod template: changing the env rolls the pods. */
export const ANNOTATION_CONFIG_HASH = 'havenkit.dev/config-hash';

export interface ConfigurationProps {
  readonly identity: ComponentIdentity;
  /**
   * Plain environment variables, written to the ConfigMap `<app>-<component>-env`.
   * @default - none (no ConfigMap)
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Name of an existing Secret whose keys become environment variables; referenced, never synthesized.
   * @default - none
   */
  readonly envFromSecret?: string;
}

/** What the pod template needs to see the configuration. */
export interface PodConfiguration {
  /** The ConfigMap first, then the Secret. */
  readonly envFrom: readonly k8s.EnvFromSource[];
  /** The config hash, when there is a ConfigMap. */
  readonly podAnnotations: Readonly<Record<string, string>>;
}

/** `<app>-<component>-env`: the ConfigMap of a component's plain environment (a job of it reads it too). */
export const envConfigMapName = (identity: Pick<ComponentIdentity, 'fullName'>): string =>
  `${identity.fullName}-env`;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Plain env goes into a ConfigMap (made here); secrets are only referenced by name. */
export function addConfiguration(scope: Construct, props: ConfigurationProps): PodConfiguration {
  const env = props.env ?? {};
  const envFrom: k8s.EnvFromSource[] = [];
  const podAnnotations: Record<string, string> = {};
  if (Object.keys(env).length > 0) {
    const name = envConfigMapName(props.identity);
    // Sorted, so the hash does not depend on the order the keys were written in.
    const data = Object.fromEntries(Object.entries(env).sort(([a], [b]) => compare(a, b)));
    new k8s.KubeConfigMap(scope, 'env', { metadata: objectMeta(props.identity, name), data });
    envFrom.push({ configMapRef: { name } });
    podAnnotations[ANNOTATION_CONFIG_HASH] = createHash('sha256')
      .update(JSON.stringify(data))
      .digest('hex')
      .slice(0, 16);
  }
  if (props.envFromSecret) envFrom.push({ secretRef: { name: props.envFromSecret } });
  return { envFrom, podAnnotations };
}
