import { Chart } from './kube.js';
import type { Construct } from 'constructs';
import { addNetworkPolicies } from './builders/network-policy.js';
import { addSharedResources } from './builders/shared.js';
import { HavenComponent } from './component.js';
import { HavenJob } from './job.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { ApplicationProps } from './spec/types.js';
import { toDocument, validateApplication } from './spec/validate.js';

export interface HavenAppProps extends ApplicationProps {
  /** The provider the manifests are for. */
  readonly profile: ProviderProfile;
  /**
   * Namespace written on every resource.
   * @default - none (kubectl's current namespace)
   */
  readonly namespace?: string;
  /**
   * Names the app definition in error messages.
   * @default 'app'
   */
  readonly source?: string;
}

/**
 * A Haven application for one provider: its shared volumes and configuration files, its
 * components and jobs, plus a default-deny NetworkPolicy and, per component and job, exactly the
 * traffic it needs (the ingress controller's pods → web components, component or job → component
 * as declared in `connectsTo`, declared egress by purpose, DNS).
 * The props are validated like a YAML app (errors name `spec.components[i]...`).
 */
export class HavenApp extends Chart {
  readonly components: readonly HavenComponent[];
  readonly jobs: readonly HavenJob[];

  constructor(scope: Construct, id: string, props: HavenAppProps) {
    super(scope, id, {
      ...(props.namespace ? { namespace: props.namespace } : {}),
      disableResourceNameHashes: true,
    });
    const source = props.source ?? 'app';
    const app = validateApplication(toDocument(props), source);
    const shared = addSharedResources(this, {
      appName: app.name,
      ...(app.volumes !== undefined ? { volumes: app.volumes } : {}),
      ...(app.configFiles !== undefined ? { configFiles: app.configFiles } : {}),
      profile: props.profile,
      source,
    });
    const components = app.components.map(
      (component, index) =>
        new HavenComponent(this, component.name, {
          appName: app.name,
          component,
          index,
          profile: props.profile,
          source,
          shared,
        }),
    );
    this.components = components;
    const byName = new Map(app.components.map((c) => [c.name, c]));
    this.jobs = (app.jobs ?? []).map((job, index) => {
      const component = job.component !== undefined ? byName.get(job.component) : undefined;
      return new HavenJob(this, `job-${job.name}`, {
        appName: app.name,
        job,
        ...(component !== undefined ? { component } : {}),
        profile: props.profile,
        shared,
        location: `${source}: spec.jobs[${index}]`,
      });
    });

    const ingress = props.profile.ingress;
    addNetworkPolicies(this, {
      appName: app.name,
      components: [...components, ...this.jobs],
      ...(ingress.controllerNamespace !== undefined
        ? { ingressControllerNamespace: ingress.controllerNamespace }
        : {}),
      ...(ingress.controllerPodLabels !== undefined
        ? { ingressControllerPodLabels: ingress.controllerPodLabels }
        : {}),
    });
  }
}
