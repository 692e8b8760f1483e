/**
 * Generated from compliance/schemas/application.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */

/**
 * a lowercase DNS label of at most 30 characters, like api
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "name".
 */
export type Name = string;
/**
 * an absolute path like /tmp
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "absolutePath".
 */
export type AbsolutePath = string;
/**
 * a size like 20Gi (a whole number of Mi, Gi or Ti)
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "size".
 */
export type Size = string;

/**
 * One application, described once, synthesized by havenkit for every provider profile. Defaults are documented here and applied by the constructs (packages/constructs/src/component.ts).
 */
export interface ApplicationDocument {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'Application';
  metadata: {
    /**
     * a lowercase DNS label of at most 30 characters, like meldingen; prefixes every resource name
     */
    name: Name;
  };
  spec: ApplicationSpec;
}
export interface ApplicationSpec {
  /**
   * @minItems 1
   */
  components: ComponentProps[];
}
/**
 * one component: a container image, how it runs and what it may reach
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "component".
 */
export interface ComponentProps {
  /**
   * a lowercase DNS label, unique in the app; resource names are <app>-<component>
   */
  name: Name;
  /**
   * an image reference like registry.example.eu/app/api:1.0.0; pin a tag or digest
   */
  image: string;
  /**
   * container port; without it the component gets no Service, Ingress or inbound traffic
   */
  port?: number;
  /**
   * default 1
   */
  replicas?: number;
  /**
   * default: the image's entrypoint
   */
  command?: string[];
  /**
   * default: the image's cmd
   */
  args?: string[];
  /**
   * plain environment variables, written to the ConfigMap <app>-<component>-env
   */
  env?: {
    [k: string]: string;
  };
  /**
   * a Secret name like app-secrets; an existing Secret whose keys become environment variables (never synthesized)
   */
  envFromSecret?: string;
  /**
   * CPU and memory requests; memory is also the limit; default: no requests
   */
  resources?: {
    /**
     * a CPU quantity like 250m or 1
     */
    cpu?: string;
    /**
     * a memory quantity like 512Mi
     */
    memory?: string;
  };
  /**
   * HTTP path for readiness and liveness probes on port; default: no probes
   */
  health?: {
    path: AbsolutePath;
  };
  /**
   * persistent volumes; shared: true is one ReadWriteMany claim for all replicas, otherwise each replica owns a ReadWriteOnce claim and the component becomes a StatefulSet
   */
  storage?: StorageProps[];
  /**
   * paths that get a writable emptyDir (the root filesystem is read-only)
   */
  writablePaths?: AbsolutePath[];
  /**
   * public HTTPS through the cluster's ingress controller, TLS from cert-manager; default: not exposed
   */
  ingress?: {
    /**
     * a DNS host name like app.gemeente.example.nl
     */
    host: string;
    path?: AbsolutePath;
  };
  /**
   * components this one calls (on their port); the NetworkPolicies allow exactly that
   */
  connectsTo?: Name[];
  /**
   * traffic to destinations outside the app (databases, APIs); default: none (DNS only)
   */
  egress?: {
    /**
     * a CIDR block like 10.0.0.0/8
     */
    cidr: string;
    port: number;
  }[];
  /**
   * a Service of type LoadBalancer (with the profile's annotations) instead of ClusterIP
   */
  loadBalancer?: {
    /**
     * externalTrafficPolicy Local; fails on providers that do not support it
     */
    preserveClientIp?: boolean;
  };
  /**
   * a HorizontalPodAutoscaler on CPU between replicas and maxReplicas; default: enabled when resources.cpu is set, maxReplicas 2 × replicas, cpuUtilization 75
   */
  autoscale?: {
    /**
     * default: true when resources.cpu is set
     */
    enabled?: boolean;
    maxReplicas?: number;
    cpuUtilization?: number;
  };
  /**
   * numeric user id; default 10001
   */
  runAsUser?: number;
  /**
   * numeric group id; default 10001
   */
  runAsGroup?: number;
  /**
   * group owning mounted volumes; default 10001
   */
  fsGroup?: number;
}
export interface StorageProps {
  name: Name;
  size: Size;
  /**
   * true: ReadWriteMany, shared by all replicas; default false: ReadWriteOnce per replica (StatefulSet)
   */
  shared?: boolean;
  mountPath: AbsolutePath;
}
