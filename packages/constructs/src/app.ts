import { Chart } from './kube.js';
import type { Construct } from 'constructs';
import { addNetworkPolicies } from './builders/network-policy.js';
import { HavenComponent } from './component.js';
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
 * A Haven application for one provider: its components plus a default-deny NetworkPolicy and,
 * per component, exactly the traffic it needs (ingress controller → web components,
 * component → component as declared in `connectsTo`, declared egress, DNS).
 * The props are validated like a YAML app (errors name `spec.components[i]...`).
 */
export class HavenApp extends Chart {
  readonly components: readonly HavenComponent[];

  constructor(scope: Construct, id: string, props: HavenAppProps) {
    super(scope, id, {
      ...(props.namespace ? { namespace: props.namespace } : {}),
      disableResourceNameHashes: true,
    });
    const source = props.source ?? 'app';
    const app = validateApplication(toDocument(props), source);
    const components = app.components.map(
      (component, index) =>
        new HavenComponent(this, component.name, {
          appName: app.name,
          component,
          index,
          profile: props.profile,
          source,
        }),
    );
    this.components = components;

    addNetworkPolicies(this, {
      appName: app.name,
      components,
      ingressControllerNamespace: props.profile.ingress.controllerNamespace,
    });
  }
}
