/**
 * `HavenDefaults`: the defaults of havenkit's own components for objects a supplier adds with
 * plain cdk8s (an `ApiObject`, `k8s.KubeDeployment`, a cdk8s-plus `Deployment`, …): Pod Security
 * "restricted" settings where the supplier left them out, and a default-deny NetworkPolicy for
 * every workload no NetworkPolicy of the scope selects. A value the supplier set is never changed.
 *
 * cdk8s has no aspect mechanism of its own, so it runs when called, after the objects exist:
 * `HavenDefaults.applyTo(chart)` (or `new HavenDefaults().visit(node)` per construct, the
 * `IAspect` shape, for a supplier's own aspect runner).
 */
import { createRequire } from 'node:module';
import type * as Cdk8s from 'cdk8s';
import type { IConstruct } from 'constructs';
import { COMPONENT_DEFAULTS } from './component-defaults.js';
import { MANAGED_BY } from './builders/identity.js';
import { DNS_PEER } from './builders/network-policy.js';
import { resourceRequirements, restrictedContainer } from './builders/pod-template.js';
import { k8s } from './kube.js';

const require = createRequire(import.meta.url);
const cdk8s = require('cdk8s') as typeof Cdk8s;

/** The annotation on each changed object that lists what HavenDefaults set. */
export const HAVEN_DEFAULTS_ANNOTATION = 'havenkit.dev/defaults';

/**
 * The restricted container settings of havenkit's components, taken from the builder itself
 * (ids excepted: those are set once for the pod, where a container's own value overrides them).
 */
const CONTAINER_SECURITY: Readonly<Record<string, unknown>> = (() => {
  const {
    runAsUser: _u,
    runAsGroup: _g,
    ...rest
  } = restrictedContainer({
    name: 'defaults',
    image: 'defaults',
    runAsUser: COMPONENT_DEFAULTS.runAsUser,
    runAsGroup: COMPONENT_DEFAULTS.runAsGroup,
  }).securityContext ?? {};
  return rest as Record<string, unknown>;
})();

/** The pod-level security context of havenkit's pod template, with its default ids. */
const POD_SECURITY: Readonly<Record<string, unknown>> = {
  runAsNonRoot: true,
  runAsUser: COMPONENT_DEFAULTS.runAsUser,
  runAsGroup: COMPONENT_DEFAULTS.runAsGroup,
  fsGroup: COMPONENT_DEFAULTS.fsGroup,
  seccompProfile: CONTAINER_SECURITY.seccompProfile,
};

/** Requests and memory limit of a container without any (COMPONENT_DEFAULTS.requests), as JSON. */
const DEFAULT_RESOURCES: unknown = JSON.parse(
  JSON.stringify(resourceRequirements(undefined), (_key, value: unknown) =>
    value instanceof k8s.Quantity ? value.value : value,
  ),
);

/** Where each workload kind keeps its pod template (JSON pointer of the pod template). */
const POD_TEMPLATE: Readonly<Record<string, string>> = {
  Deployment: '/spec/template',
  StatefulSet: '/spec/template',
  DaemonSet: '/spec/template',
  ReplicaSet: '/spec/template',
  Job: '/spec/template',
  CronJob: '/spec/jobTemplate/spec/template',
  Pod: '',
};
const CORE_GROUPS = new Set(['v1', 'apps/v1', 'batch/v1']);

export interface HavenDefaultsProps {
  /**
   * Add a default-deny NetworkPolicy (DNS egress only) for workloads whose pods no NetworkPolicy
   * in the scope selects.
   * @default true
   */
  readonly networkPolicies?: boolean;
  /**
   * Annotate each changed object with `havenkit.dev/defaults`: the fields set.
   * @default true
   */
  readonly annotate?: boolean;
}

/** One value HavenDefaults set (or one NetworkPolicy it added). */
export interface HavenDefaultsChange {
  /** `Kind/name` of the object. */
  readonly object: string;
  /** JSON pointer of the field set, or `NetworkPolicy/<name>` for an added policy. */
  readonly path: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Whether a label selector selects pods with these labels (an empty selector selects all). */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (selector === undefined) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const value = labels[e.key];
    const values = e.values ?? [];
    const ok =
      e.operator === 'In'
        ? value !== undefined && values.includes(value)
        : e.operator === 'NotIn'
          ? value === undefined || !values.includes(value)
          : e.operator === 'Exists'
            ? value !== undefined
            : e.operator === 'DoesNotExist'
              ? value === undefined
              : false;
    if (!ok) return false;
  }
  return true;
}

/**
 * Applies havenkit's restricted defaults and NetworkPolicy coverage to plain cdk8s objects.
 * Objects havenkit built already have every default; they come out unchanged.
 */
export class HavenDefaults {
  /** Everything set so far, in the order it was set. */
  readonly changes: HavenDefaultsChange[] = [];
  private readonly props: HavenDefaultsProps;

  constructor(props: HavenDefaultsProps = {}) {
    this.props = props;
  }

  /** Applies the defaults to every object under `scope` (a chart, or the app); returns the changes. */
  static applyTo(scope: IConstruct, props: HavenDefaultsProps = {}): HavenDefaultsChange[] {
    const aspect = new HavenDefaults(props);
    for (const node of scope.node.findAll()) aspect.visit(node);
    return aspect.changes;
  }

  /** The aspect's visit: one construct; only workload `ApiObject`s are changed. */
  visit(node: IConstruct): void {
    if (!cdk8s.ApiObject.isApiObject(node)) return;
    const templatePath = POD_TEMPLATE[node.kind];
    if (templatePath === undefined || !CORE_GROUPS.has(node.apiVersion)) return;
    const json = node.toJson() as Json;
    const template = pointer(json, templatePath);
    if (!isObject(template)) return;
    const object = `${node.kind}/${node.name}`;
    const set: string[] = [];
    const add = (path: string, value: unknown): void => {
      node.addJsonPatch(cdk8s.JsonPatch.add(path, value));
      set.push(path);
      this.changes.push({ object, path });
    };
    this.securityDefaults(template, templatePath, add);
    if (this.props.networkPolicies !== false) {
      const policy = this.networkPolicy(node, json, template, templatePath, add);
      if (policy !== undefined) {
        set.push(`NetworkPolicy/${policy}`);
        this.changes.push({ object, path: `NetworkPolicy/${policy}` });
      }
    }
    if (set.length > 0 && this.props.annotate !== false) {
      const metadata = isObject(json.metadata) ? json.metadata : {};
      const annotation = `/metadata/annotations/${escape(HAVEN_DEFAULTS_ANNOTATION)}`;
      if (!isObject(metadata.annotations))
        node.addJsonPatch(cdk8s.JsonPatch.add('/metadata/annotations', {}));
      node.addJsonPatch(cdk8s.JsonPatch.add(annotation, set.join(',')));
    }
  }

  private securityDefaults(
    template: Json,
    templatePath: string,
    add: (path: string, value: unknown) => void,
  ): void {
    const specPath = `${templatePath}/spec`;
    const spec = isObject(template.spec) ? template.spec : undefined;
    if (spec === undefined) return;
    fill(spec, specPath, { automountServiceAccountToken: false, securityContext: POD_SECURITY }, add);
    for (const list of ['initContainers', 'containers'] as const) {
      const containers = spec[list];
      if (!Array.isArray(containers)) continue;
      containers.forEach((c: unknown, i) => {
        if (!isObject(c)) return;
        const path = `${specPath}/${list}/${i}`;
        fill(c, path, { securityContext: CONTAINER_SECURITY }, add);
        if (c.resources === undefined) add(`${path}/resources`, DEFAULT_RESOURCES);
      });
    }
  }

  /** Adds a default-deny policy for the workload's pods unless a policy of its chart selects them. */
  private networkPolicy(
    node: Cdk8s.ApiObject,
    json: Json,
    template: Json,
    templatePath: string,
    add: (path: string, value: unknown) => void,
  ): string | undefined {
    const metadata = (isObject(json.metadata) ? json.metadata : {}) as { name?: string; namespace?: string };
    const templateMeta = isObject(template.metadata) ? template.metadata : {};
    const labels = (isObject(templateMeta.labels) ? templateMeta.labels : {}) as Record<string, string>;
    const namespace = metadata.namespace ?? '';
    const root = cdk8s.Chart.of(node);
    const covered = root.node
      .findAll()
      .filter((c): c is Cdk8s.ApiObject => cdk8s.ApiObject.isApiObject(c) && c.kind === 'NetworkPolicy')
      .some((p) => {
        const policy = p.toJson() as {
          metadata?: { namespace?: string };
          spec?: { podSelector?: LabelSelector };
        };
        return (
          (policy.metadata?.namespace ?? '') === namespace &&
          selectorMatches(policy.spec?.podSelector, labels)
        );
      });
    if (covered) return undefined;
    // Select exactly this workload's pods: by its labels; pods without labels get one.
    let podSelector: LabelSelector;
    if (Object.keys(labels).length > 0) {
      const selector = pointer(json, '/spec/selector');
      podSelector =
        node.kind !== 'Pod' && isObject(selector) && selectorMatches(selector as LabelSelector, labels)
          ? (selector as LabelSelector)
          : { matchLabels: labels };
    } else {
      const label = { 'havenkit.dev/workload': `${node.kind.toLowerCase()}-${node.name}`.slice(0, 63) };
      if (node.kind !== 'Pod' && pointer(json, '/spec/selector') !== undefined) return undefined; // cannot select it
      const at = templatePath === '' ? '' : templatePath;
      if (!isObject(template.metadata)) add(`${at}/metadata`, { labels: label });
      else add(`${at}/metadata/labels`, label);
      podSelector = { matchLabels: label };
    }
    const name = `${node.name}-default-deny`.slice(0, 253);
    new k8s.KubeNetworkPolicy(node.node.scope ?? root, `${node.node.id}-haven-default-deny`, {
      metadata: {
        name,
        ...(metadata.namespace ? { namespace: metadata.namespace } : {}),
        labels: { ...MANAGED_BY },
      },
      spec: {
        podSelector,
        policyTypes: ['Ingress', 'Egress'],
        egress: [
          {
            to: [DNS_PEER],
            ports: [
              { port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' },
              { port: k8s.IntOrString.fromNumber(53), protocol: 'TCP' },
            ],
          },
        ],
      },
    });
    return name;
  }
}

/** The value at a JSON pointer of plain JSON ('' is the whole). */
function pointer(json: unknown, path: string): unknown {
  let node = json;
  for (const key of path.split('/').slice(1)) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** Adds every default `target` lacks, descending into objects it has; never replaces a value. */
function fill(
  target: Json,
  path: string,
  defaults: Readonly<Json>,
  add: (path: string, value: unknown) => void,
): void {
  for (const [key, value] of Object.entries(defaults)) {
    const here = `${path}/${escape(key)}`;
    const current = target[key];
    if (current === undefined || current === null) add(here, structuredClone(value));
    else if (isObject(current) && isObject(value)) fill(current, here, value, add);
  }
}
