import type { k8s } from '../kube.js';

export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';

/** The label every havenkit resource carries, so tools can tell what they must not edit by hand. */
export const MANAGED_BY: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': 'havenkit' };

/** How one component's resources are named and labelled. */
export interface ComponentIdentity {
  /** `<app>-<component>`: the name of every resource of the component. */
  readonly fullName: string;
  /** Labels that select the component's pods (part-of and component). */
  readonly selector: Readonly<Record<string, string>>;
  /** Labels on every resource of the component: the selector plus name and managed-by. */
  readonly labels: Readonly<Record<string, string>>;
}

export function componentIdentity(appName: string, componentName: string): ComponentIdentity {
  const fullName = `${appName}-${componentName}`;
  const selector = { [LABEL_PART_OF]: appName, [LABEL_COMPONENT]: componentName };
  return { fullName, selector, labels: { ...selector, 'app.kubernetes.io/name': fullName, ...MANAGED_BY } };
}

/** Metadata of one of the component's resources; empty annotations are left out rather than written as `{}`. */
export function objectMeta(
  identity: ComponentIdentity,
  name: string,
  annotations?: Readonly<Record<string, string>>,
): k8s.ObjectMeta {
  return {
    name,
    labels: identity.labels,
    ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}
