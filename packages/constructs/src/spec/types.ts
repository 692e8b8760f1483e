/**
 * The application as suppliers describe it (YAML or TypeScript). The JSON Schema is
 * compliance/schemas/application.schema.json. Each default is applied once: `replicas` in
 * `HavenComponent`, every other one in the builder (src/builders/) that uses it.
 */
export interface ComponentProps {
  /** A lowercase DNS label, unique in the app; resource names are `<app>-<component>`. */
  readonly name: string;
  /** Image reference; pin a tag or digest. */
  readonly image: string;
  /**
   * Container port. Without it the component gets no Service, Ingress or inbound traffic.
   * @default - no port
   */
  readonly port?: number;
  /** @default 1 */
  readonly replicas?: number;
  /** @default - the image's entrypoint */
  readonly command?: readonly string[];
  /** @default - the image's cmd */
  readonly args?: readonly string[];
  /**
   * Plain environment variables, written to the ConfigMap `<app>-<component>-env`.
   * @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Name of an existing Secret whose keys become environment variables (never synthesized).
   * @default - none
   */
  readonly envFromSecret?: string;
  /**
   * CPU and memory requests; memory is also the limit.
   * @default - no requests
   */
  readonly resources?: { readonly cpu?: string; readonly memory?: string };
  /**
   * HTTP path for readiness and liveness probes on `port`.
   * @default - no probes
   */
  readonly health?: { readonly path: string };
  /**
   * Persistent volumes. `shared: true` is one ReadWriteMany claim for all replicas; otherwise each
   * replica owns a ReadWriteOnce claim and the component becomes a StatefulSet.
   * @default - none
   */
  readonly storage?: readonly StorageProps[];
  /**
   * Paths that get a writable `emptyDir`; the root filesystem is read-only.
   * @default - none
   */
  readonly writablePaths?: readonly string[];
  /**
   * Public HTTPS through the cluster's ingress controller, TLS from cert-manager.
   * @default - not exposed
   */
  readonly ingress?: { readonly host: string; readonly path?: string };
  /**
   * Components this one calls (on their `port`); the NetworkPolicies allow exactly that.
   * @default - none
   */
  readonly connectsTo?: readonly string[];
  /**
   * Destinations outside the app this component calls.
   * @default - none (DNS only)
   */
  readonly egress?: readonly { readonly cidr: string; readonly port: number }[];
  /**
   * A Service of type LoadBalancer (with the profile's annotations) instead of ClusterIP.
   * @default - ClusterIP
   */
  readonly loadBalancer?: { readonly preserveClientIp?: boolean };
  /**
   * HorizontalPodAutoscaler on CPU between `replicas` and `maxReplicas`.
   * @default - enabled when resources.cpu is set, maxReplicas 2 × replicas, cpuUtilization 75
   */
  readonly autoscale?: {
    readonly enabled?: boolean;
    readonly maxReplicas?: number;
    readonly cpuUtilization?: number;
  };
  /** @default 10001 */
  readonly runAsUser?: number;
  /** @default 10001 */
  readonly runAsGroup?: number;
  /** @default 10001 */
  readonly fsGroup?: number;
}

export interface StorageProps {
  readonly name: string;
  /** A size like `20Gi`. */
  readonly size: string;
  /** @default false (ReadWriteOnce, one claim per replica) */
  readonly shared?: boolean;
  readonly mountPath: string;
}

/** An application: a name and its components. */
export interface ApplicationProps {
  /** A lowercase DNS label; prefixes every resource name. */
  readonly name: string;
  readonly components: readonly ComponentProps[];
}

/** The YAML document form (`kind: Application`). */
export interface ApplicationDocument {
  readonly apiVersion: 'havenkit.dev/v1alpha1';
  readonly kind: 'Application';
  readonly metadata: { readonly name: string };
  readonly spec: { readonly components: readonly ComponentProps[] };
}
