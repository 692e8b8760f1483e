import { Construct } from 'constructs';
import { addConfiguration, envConfigMapName } from './builders/config.js';
import { componentIdentity } from './builders/identity.js';
import { objectMeta } from './builders/identity.js';
import { podTemplate } from './builders/pod-template.js';
import { sharedMounts, type SharedResources } from './builders/shared.js';
import { backingServiceAccess } from './builders/backing-services.js';
import { COMPONENT_DEFAULTS } from './component-defaults.js';
import { k8s } from './kube.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { ComponentProps, JobProps } from './spec/types.js';

export interface HavenJobProps {
  readonly appName: string;
  readonly job: JobProps;
  /** The component the job belongs to (`job.component`): its image, configuration and Secret by default. */
  readonly component?: ComponentProps;
  readonly profile: ProviderProfile;
  readonly shared: SharedResources;
  /** Where the job is defined, for error messages (`app.yaml: spec.jobs[0]`). */
  readonly location: string;
}

/**
 * A Job `<app>-<job>` (migrations), or a CronJob with a schedule (scheduled tasks): one container
 * with the components' restricted defaults, the app's shared volumes and configuration files it
 * mounts, and a NetworkPolicy of its own (made by `HavenApp`: no inbound traffic, DNS, the
 * components it calls, its declared egress).
 */
export class HavenJob extends Construct {
  readonly fullName: string;
  readonly selector: Readonly<Record<string, string>>;
  /** Jobs accept no traffic. */
  readonly port = undefined;
  readonly isWeb = false;
  readonly isLoadBalanced = false;
  readonly props: Pick<ComponentProps, 'name' | 'connectsTo' | 'egress'>;
  readonly serviceEgress: readonly k8s.NetworkPolicyEgressRule[];

  constructor(scope: Construct, id: string, props: HavenJobProps) {
    super(scope, id);
    const { job, component } = props;
    const identity = componentIdentity(props.appName, job.name);
    this.fullName = identity.fullName;
    this.selector = identity.selector;
    this.props = {
      name: job.name,
      ...(job.connectsTo !== undefined ? { connectsTo: job.connectsTo } : {}),
      ...(job.egress !== undefined ? { egress: job.egress } : {}),
    };
    // The component's plain environment is in its ConfigMap; a job of a component reads that one
    // first, then its own (later sources win, so the job's own env overrides the component's).
    const envFrom: k8s.EnvFromSource[] = [];
    const annotations: Record<string, string> = {};
    if (component !== undefined && component.env !== undefined && Object.keys(component.env).length > 0)
      envFrom.push({
        configMapRef: { name: envConfigMapName(componentIdentity(props.appName, component.name)) },
      });
    if (job.env !== undefined || component === undefined) {
      const own = addConfiguration(this, {
        identity,
        ...(job.env !== undefined ? { env: job.env } : {}),
        ...(job.envFromSecret !== undefined ? { envFromSecret: job.envFromSecret } : {}),
      });
      envFrom.push(...own.envFrom);
      Object.assign(annotations, own.podAnnotations);
    }
    if (component !== undefined) {
      const secret = job.envFromSecret ?? component.envFromSecret;
      if (secret !== undefined && !envFrom.some((e) => e.secretRef?.name === secret))
        envFrom.push({ secretRef: { name: secret } });
    }
    // A job of a component uses the component's services unless it names its own.
    const services = backingServiceAccess(job.services ?? component?.services, {
      appName: props.appName,
      profile: props.profile,
      location: props.location,
    });
    envFrom.push(...services.envFrom);
    this.serviceEgress = services.egress;
    const mounted = sharedMounts(props.shared, job.mounts, job.configMounts);
    const template = podTemplate({
      identity,
      component: {
        name: job.name,
        image: job.image ?? component?.image ?? '',
        ...(job.command !== undefined ? { command: job.command } : {}),
        ...(job.args !== undefined ? { args: job.args } : {}),
        ...(job.resources !== undefined
          ? { resources: job.resources }
          : component?.resources !== undefined
            ? { resources: component.resources }
            : {}),
        ...(job.writablePaths !== undefined ? { writablePaths: job.writablePaths } : {}),
        ...(job.runAsUser !== undefined ? { runAsUser: job.runAsUser } : {}),
        ...(job.runAsGroup !== undefined ? { runAsGroup: job.runAsGroup } : {}),
        ...(job.fsGroup !== undefined ? { fsGroup: job.fsGroup } : {}),
      },
      envFrom,
      annotations: { ...annotations, ...mounted.annotations },
      volumes: mounted.volumes,
      mounts: mounted.mounts,
      zoneLabel: props.profile.zones.label,
      restartPolicy: job.schedule !== undefined ? 'OnFailure' : 'Never',
    });
    const spec: k8s.JobSpec = {
      // A Job's pod template cannot change: a finished one goes after a day, so the next version applies.
      ...(job.schedule === undefined
        ? { ttlSecondsAfterFinished: COMPONENT_DEFAULTS.jobTtlSecondsAfterFinished }
        : {}),
      backoffLimit: job.backoffLimit ?? COMPONENT_DEFAULTS.jobBackoffLimit,
      activeDeadlineSeconds: job.activeDeadlineSeconds ?? COMPONENT_DEFAULTS.jobActiveDeadlineSeconds,
      template,
    };
    const metadata = objectMeta(identity, identity.fullName);
    if (job.schedule === undefined) {
      new k8s.KubeJob(this, 'job', { metadata, spec });
    } else {
      new k8s.KubeCronJob(this, 'cronjob', {
        metadata,
        spec: {
          schedule: job.schedule,
          ...(job.timeZone !== undefined ? { timeZone: job.timeZone } : {}),
          // A slow run is never overtaken by the next one; a run that cannot start in time is skipped.
          concurrencyPolicy: 'Forbid',
          startingDeadlineSeconds:
            job.startingDeadlineSeconds ?? COMPONENT_DEFAULTS.cronJobStartingDeadlineSeconds,
          jobTemplate: { metadata: { labels: identity.labels }, spec },
        },
      });
    }
  }
}
