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
 * a CIDR block like 10.0.0.0/8; 0.0.0.0/0 and ::/0 are refused (name the ranges)
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "cidr".
 */
export type Cidr = string;
/**
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "port".
 */
export type Port = number;

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
  /**
   * volumes shared by several components and jobs (one ReadWriteMany claim <app>-<volume> each), mounted with a component's or job's mounts
   */
  volumes?: SharedVolume[];
  /**
   * configuration files (an nginx vhost, an application config): one ConfigMap <app>-<name> each, mounted with configMounts; a change rolls the pods that mount it
   */
  configFiles?: ConfigFiles[];
  /**
   * run-to-completion work: a Job (migrations), or a CronJob with schedule; same restricted defaults and NetworkPolicy coverage as components
   */
  jobs?: Job[];
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
  env?: Env;
  /**
   * a Secret name like app-secrets; an existing Secret whose keys become environment variables (never synthesized)
   */
  envFromSecret?: string;
  resources?: Resources;
  /**
   * shorthand for probes: readiness HTTP GET on path, liveness a TCP check of the port (never the same probe twice); probes overrides it
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
   * traffic to destinations outside the app, by purpose; default: none (DNS only); never the whole internet
   */
  egress?: EgressRule[];
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
   * a HorizontalPodAutoscaler on CPU between replicas and maxReplicas, only when asked for (enabled: true, needs resources.cpu); maxReplicas default 2 × replicas, cpuUtilization 75; the workload then carries no replicas (the autoscaler owns them)
   */
  autoscale?: {
    /**
     * default false
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
  /**
   * default: with a port and no health, a TCP readiness probe of the port (no traffic before it listens)
   */
  probes?: Probes;
  /**
   * more named container ports (an admin or metrics port), for probes; not in the Service, no inbound traffic
   */
  ports?: {
    name: string;
    port: Port;
  }[];
  /**
   * spec.volumes this component mounts
   */
  mounts?: Mount[];
  /**
   * spec.configFiles this component mounts (read-only)
   */
  configMounts?: ConfigMount[];
  /**
   * run to completion before the component starts, in order
   */
  initContainers?: ExtraContainer[];
  /**
   * more containers in each pod, next to the component's
   */
  sidecars?: ExtraContainer[];
  /**
   * backing services: their Secret's keys become environment variables prefixed NAME_ (e.g. POSTGRESQL_uri), and the NetworkPolicy allows exactly their endpoint
   */
  services?: ServiceUse[];
}
/**
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "env".
 */
export interface Env {
  [k: string]: string;
}
/**
 * CPU, memory and ephemeral storage; memory is also the limit; default: requests of cpu 50m and memory 128Mi (no pod without requests), ephemeral storage 64Mi requested and 1Gi at most
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "resources".
 */
export interface Resources {
  /**
   * a CPU quantity like 250m or 1
   */
  cpu?: string;
  /**
   * a memory quantity like 512Mi
   */
  memory?: string;
  /**
   * the most local disk (writable paths, logs) a container may use, like 2Gi; default 1Gi
   */
  ephemeralStorage?: string;
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
/**
 * traffic to a destination outside the app, by purpose: an IP range (cidr/cidrs) or pods of another namespace (namespace, podLabels); NetworkPolicy cannot name DNS hosts, so give the range the host resolves to; exactly one of cidr, cidrs or namespace
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "egressRule".
 */
export interface EgressRule {
  /**
   * what it is for (documentation, and the policy's rule order); default other
   */
  purpose?: 'database' | 'cache' | 'broker' | 'smtp' | 'api' | 'object-storage' | 'directory' | 'other';
  /**
   * what is there, like "PostgreSQL of the province"
   */
  description?: string;
  cidr?: Cidr;
  /**
   * @minItems 1
   */
  cidrs?: Cidr[];
  /**
   * an in-cluster namespace (a database operator's, a shared broker's)
   */
  namespace?: Name;
  /**
   * with namespace: only these pods
   */
  podLabels?: {
    [k: string]: string;
  };
  port: Port;
  /**
   * default TCP
   */
  protocol?: 'TCP' | 'UDP';
}
/**
 * readiness (traffic), liveness (restart) and startup (slow starts) probes, each its own
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "probes".
 */
export interface Probes {
  readiness?: Probe;
  liveness?: Probe;
  startup?: Probe;
}
/**
 * exactly one of http, tcp or exec; timings default to Kubernetes' own except periodSeconds
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "probe".
 */
export interface Probe {
  http?: {
    path: AbsolutePath;
    /**
     * default: the component's port
     */
    port?: Port;
    /**
     * like Host: app.example.nl (Django's ALLOWED_HOSTS)
     */
    headers?: {
      [k: string]: string;
    };
    /**
     * default HTTP
     */
    scheme?: 'HTTP' | 'HTTPS';
  };
  tcp?: {
    /**
     * default: the component's port
     */
    port?: Port;
  };
  exec?: {
    /**
     * @minItems 1
     */
    command: string[];
  };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}
/**
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "mount".
 */
export interface Mount {
  /**
   * a name of spec.volumes
   */
  volume: Name;
  mountPath: AbsolutePath;
  /**
   * a directory of the volume, like media
   */
  subPath?: string;
  /**
   * default false
   */
  readOnly?: boolean;
}
/**
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "configMount".
 */
export interface ConfigMount {
  /**
   * a name of spec.configFiles
   */
  config: Name;
  /**
   * the directory the files appear in (read-only)
   */
  mountPath: AbsolutePath;
}
/**
 * an init container or a sidecar: the component's restricted defaults, its configuration (env, Secret), its mounts
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "extraContainer".
 */
export interface ExtraContainer {
  name: Name;
  /**
   * default: the component's image
   */
  image?: string;
  command?: string[];
  args?: string[];
  env?: Env;
  resources?: Resources;
  /**
   * sidecars only: a port it listens on (not exposed by the Service)
   */
  port?: Port;
  probes?: Probes;
  writablePaths?: AbsolutePath[];
}
/**
 * a backing service the component or job needs; the provider profile says how it is offered (an in-cluster operator or a managed service), so the app stays the same everywhere
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "serviceUse".
 */
export interface ServiceUse {
  service: 'postgresql' | 'redis' | 'rabbitmq' | 'object-storage';
  /**
   * which one, when there are several; default the service, like postgresql; the instance is <app>-<name>
   */
  name?: Name;
}
/**
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "sharedVolume".
 */
export interface SharedVolume {
  name: Name;
  size: Size;
}
/**
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "configFiles".
 */
export interface ConfigFiles {
  name: Name;
  /**
   * file name → content, like nginx.conf: "server { … }"
   */
  files: {
    [k: string]: string;
  };
}
/**
 * a Job <app>-<job> (or a CronJob with schedule): one container with the restricted defaults
 *
 * This interface was referenced by `ApplicationDocument`'s JSON-Schema
 * via the `definition` "job".
 */
export interface Job {
  name: Name;
  /**
   * default: the image of component (the component it belongs to)
   */
  image?: string;
  /**
   * the component whose image, configuration and Secret it uses by default (a migration of the web component)
   */
  component?: Name;
  command?: string[];
  args?: string[];
  env?: Env;
  envFromSecret?: string;
  resources?: Resources;
  /**
   * cron syntax: a CronJob; without it a Job
   */
  schedule?: string;
  /**
   * CronJob time zone like Europe/Amsterdam
   */
  timeZone?: string;
  /**
   * default 2
   */
  backoffLimit?: number;
  /**
   * default 3600
   */
  activeDeadlineSeconds?: number;
  mounts?: Mount[];
  configMounts?: ConfigMount[];
  writablePaths?: AbsolutePath[];
  /**
   * components it calls
   */
  connectsTo?: Name[];
  egress?: EgressRule[];
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  /**
   * CronJob: a run that cannot start within this many seconds of its time is skipped; default 600
   */
  startingDeadlineSeconds?: number;
  /**
   * backing services: their Secret's keys become environment variables prefixed NAME_ (e.g. POSTGRESQL_uri), and the NetworkPolicy allows exactly their endpoint
   */
  services?: ServiceUse[];
}
