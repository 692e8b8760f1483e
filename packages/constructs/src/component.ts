import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-28';
import { HavenkitInputError } from './errors.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { ComponentProps, StorageProps } from './spec/types.js';

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

export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const ANNOTATION_REQUIRES = 'havenkit.dev/requires';
export const ANNOTATION_CONFIG_HASH = 'havenkit.dev/config-hash';

export interface HavenComponentProps {
  /** The application's name. */
  readonly appName: string;
  readonly component: ComponentProps;
  /** Position in `spec.components`, for error messages. */
  readonly index: number;
  readonly profile: ProviderProfile;
  /** Names the app file in error messages. */
  readonly source: string;
}

/**
 * One component of a Haven app: a Deployment (a StatefulSet when it owns ReadWriteOnce storage),
 * its Service, Ingress, claims, ConfigMap, autoscaler and disruption budget, with pods that pass
 * Pod Security "restricted". NetworkPolicies are made by `HavenApp`, which knows every component.
 */
export class HavenComponent extends Construct {
  /** `<app>-<component>`: the name of every resource of this component. */
  readonly fullName: string;
  /** Labels that select this component's pods. */
  readonly selector: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly props: ComponentProps;
  readonly isWeb: boolean;
  readonly isLoadBalanced: boolean;

  constructor(scope: Construct, id: string, props: HavenComponentProps) {
    super(scope, id);
    const c = props.component;
    const profile = props.profile;
    const at = `${props.source}: spec.components[${props.index}]`;

    // Defaults, applied once.
    const replicas = c.replicas ?? COMPONENT_DEFAULTS.replicas;
    const runAsUser = c.runAsUser ?? COMPONENT_DEFAULTS.runAsUser;
    const runAsGroup = c.runAsGroup ?? COMPONENT_DEFAULTS.runAsGroup;
    const fsGroup = c.fsGroup ?? COMPONENT_DEFAULTS.fsGroup;
    const storage: readonly StorageProps[] = c.storage ?? [];
    const writablePaths = c.writablePaths ?? [];
    const env = c.env ?? {};
    const autoscale = c.autoscale?.enabled ?? c.resources?.cpu !== undefined;
    const maxReplicas = c.autoscale?.maxReplicas ?? replicas * COMPONENT_DEFAULTS.maxReplicasFactor;
    const cpuUtilization = c.autoscale?.cpuUtilization ?? COMPONENT_DEFAULTS.cpuUtilization;

    this.props = c;
    this.port = c.port;
    this.fullName = `${props.appName}-${c.name}`;
    this.selector = { [LABEL_PART_OF]: props.appName, [LABEL_COMPONENT]: c.name };
    this.isWeb = c.ingress !== undefined;
    this.isLoadBalanced = c.loadBalancer !== undefined;
    const labels = {
      ...this.selector,
      'app.kubernetes.io/name': this.fullName,
      'app.kubernetes.io/managed-by': 'havenkit',
    };
    const meta = (name: string, annotations?: Record<string, string>): k8s.ObjectMeta => ({
      name,
      labels,
      ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
    });

    const volumes: k8s.Volume[] = [];
    const mounts: k8s.VolumeMount[] = [];
    const claimTemplates: k8s.KubePersistentVolumeClaimProps[] = [];

    // Storage: shared → one RWX claim; otherwise RWO per replica (StatefulSet claim templates).
    storage.forEach((s, j) => {
      mounts.push({ name: s.name, mountPath: s.mountPath });
      const request = { requests: { storage: k8s.Quantity.fromString(s.size) } };
      if (s.shared) {
        const rwx = profile.storage.rwx;
        if (!rwx.supported) {
          throw new HavenkitInputError(
            `${at}.storage[${j}]: volume "${s.name}" of component "${c.name}" is shared (ReadWriteMany) but provider "${profile.id}" has no ReadWriteMany storage (${rwx.reason}); remedy: ${rwx.remedy}`,
          );
        }
        const claimName = `${this.fullName}-${s.name}`;
        new k8s.KubePersistentVolumeClaim(this, `pvc-${s.name}`, {
          metadata: meta(claimName, rwx.addon ? { [ANNOTATION_REQUIRES]: rwx.addon } : undefined),
          spec: {
            accessModes: ['ReadWriteMany'],
            ...(rwx.class ? { storageClassName: rwx.class } : {}),
            resources: request,
          },
        });
        volumes.push({ name: s.name, persistentVolumeClaim: { claimName } });
      } else {
        const rwoClass = profile.storage.rwo.class;
        claimTemplates.push({
          metadata: { name: s.name, labels },
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(rwoClass ? { storageClassName: rwoClass } : {}),
            resources: request,
          },
        });
      }
    });
    writablePaths.forEach((path, j) => {
      volumes.push({ name: `writable-${j}`, emptyDir: {} });
      mounts.push({ name: `writable-${j}`, mountPath: path });
    });

    // Configuration: plain env in a ConfigMap, secrets only by reference.
    const envFrom: k8s.EnvFromSource[] = [];
    const podAnnotations: Record<string, string> = {};
    if (Object.keys(env).length > 0) {
      const configName = `${this.fullName}-env`;
      const data = Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      new k8s.KubeConfigMap(this, 'env', { metadata: meta(configName), data });
      envFrom.push({ configMapRef: { name: configName } });
      podAnnotations[ANNOTATION_CONFIG_HASH] = createHash('sha256')
        .update(JSON.stringify(data))
        .digest('hex')
        .slice(0, 16);
    }
    if (c.envFromSecret) envFrom.push({ secretRef: { name: c.envFromSecret } });

    const probe = (periodSeconds: number): k8s.Probe | undefined =>
      c.health
        ? { httpGet: { path: c.health.path, port: k8s.IntOrString.fromString('http') }, periodSeconds }
        : undefined;
    const resources: k8s.ResourceRequirements | undefined = c.resources
      ? {
          requests: {
            ...(c.resources.cpu ? { cpu: k8s.Quantity.fromString(c.resources.cpu) } : {}),
            ...(c.resources.memory ? { memory: k8s.Quantity.fromString(c.resources.memory) } : {}),
          },
          ...(c.resources.memory ? { limits: { memory: k8s.Quantity.fromString(c.resources.memory) } } : {}),
        }
      : undefined;

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
      ...(c.health ? { readinessProbe: probe(10), livenessProbe: probe(20) } : {}),
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
    const spread = (topologyKey: string): k8s.TopologySpreadConstraint => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { ...this.selector } },
    });
    const template: k8s.PodTemplateSpec = {
      metadata: {
        labels,
        ...(Object.keys(podAnnotations).length > 0 ? { annotations: podAnnotations } : {}),
      },
      spec: {
        automountServiceAccountToken: false,
        enableServiceLinks: false,
        containers: [container],
        securityContext: { runAsNonRoot: true, runAsUser, runAsGroup, fsGroup, seccompProfile },
        topologySpreadConstraints: [spread(profile.zones.label), spread('kubernetes.io/hostname')],
        ...(volumes.length > 0 ? { volumes } : {}),
      },
    };
    const selector = { matchLabels: { ...this.selector } };

    if (claimTemplates.length > 0) {
      const headless = `${this.fullName}-headless`;
      new k8s.KubeService(this, 'headless', {
        metadata: meta(headless),
        spec: {
          clusterIp: 'None',
          selector: { ...this.selector },
          ...(c.port !== undefined
            ? {
                ports: [
                  {
                    name: 'http',
                    port: c.port,
                    targetPort: k8s.IntOrString.fromString('http'),
                    protocol: 'TCP',
                  },
                ],
              }
            : {}),
        },
      });
      new k8s.KubeStatefulSet(this, 'workload', {
        metadata: meta(this.fullName),
        spec: { replicas, serviceName: headless, selector, template, volumeClaimTemplates: claimTemplates },
      });
    } else {
      new k8s.KubeDeployment(this, 'workload', {
        metadata: meta(this.fullName),
        spec: { replicas, selector, template },
      });
    }

    if (c.port !== undefined) {
      const lb = c.loadBalancer;
      if (lb?.preserveClientIp && !profile.loadBalancer.externalTrafficPolicyLocal) {
        throw new HavenkitInputError(
          `${at}.loadBalancer.preserveClientIp: provider "${profile.id}" does not support externalTrafficPolicy Local; remedy: drop preserveClientIp or use an ingress controller that forwards the client address`,
        );
      }
      new k8s.KubeService(this, 'service', {
        metadata: meta(this.fullName, lb ? { ...profile.loadBalancer.annotations } : undefined),
        spec: {
          type: lb ? 'LoadBalancer' : 'ClusterIP',
          ...(lb?.preserveClientIp ? { externalTrafficPolicy: 'Local' } : {}),
          selector: { ...this.selector },
          ports: [
            { name: 'http', port: c.port, targetPort: k8s.IntOrString.fromString('http'), protocol: 'TCP' },
          ],
        },
      });
    }

    if (c.ingress && c.port !== undefined) {
      const host = c.ingress.host;
      new k8s.KubeIngress(this, 'ingress', {
        metadata: meta(this.fullName, {
          ...profile.ingress.annotations,
          'cert-manager.io/cluster-issuer': profile.certManager.clusterIssuer,
        }),
        spec: {
          ...(profile.ingress.className ? { ingressClassName: profile.ingress.className } : {}),
          tls: [{ hosts: [host], secretName: `${this.fullName}-tls` }],
          rules: [
            {
              host,
              http: {
                paths: [
                  {
                    path: c.ingress.path ?? COMPONENT_DEFAULTS.ingressPath,
                    pathType: 'Prefix',
                    backend: { service: { name: this.fullName, port: { name: 'http' } } },
                  },
                ],
              },
            },
          ],
        },
      });
    }

    const kind = claimTemplates.length > 0 ? 'StatefulSet' : 'Deployment';
    if (autoscale) {
      new k8s.KubeHorizontalPodAutoscalerV2(this, 'hpa', {
        metadata: meta(this.fullName),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind, name: this.fullName },
          minReplicas: replicas,
          maxReplicas,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuUtilization } },
            },
          ],
        },
      });
    }
    if (replicas > 1) {
      new k8s.KubePodDisruptionBudget(this, 'pdb', {
        metadata: meta(this.fullName),
        spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector },
      });
    }
  }
}
