/**
 * Generated from compliance/schemas/provider-profile.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 * Properties with a schema default are required: loading fills them in (ajv useDefaults).
 */

/**
 * Everything that may differ between providers when havenkit synthesizes an application. Built-in profiles live in packages/constructs/src/profiles/<id>.yaml; users pass their own with --provider ./file.yaml. Defaults are filled in from this schema when the profile is loaded.
 */
export interface ProviderProfile {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'ProviderProfile';
  /**
   * a lowercase id like scaleway (for built-in profiles: the file name)
   */
  id: string;
  /**
   * human name, e.g. Scaleway Kapsule
   */
  name: string;
  description?: string;
  storage: {
    rwo: {
      /**
       * storageClassName written on ReadWriteOnce claims; leave out to use the cluster's default class
       */
      class?: string;
      /**
       * informational: the class the provider marks as default
       */
      clusterDefault?: string;
      /**
       * informational: CSI provisioner of the RWO class
       */
      provisioner?: string;
    };
    rwx: unknown;
  };
  loadBalancer: {
    /**
     * annotations written on every Service of type LoadBalancer
     */
    annotations: {
      [k: string]: string;
    };
    /**
     * whether externalTrafficPolicy: Local works (needed to preserve client IPs)
     */
    externalTrafficPolicyLocal: boolean;
  };
  ingress: {
    /**
     * ingressClassName; leave out to use the cluster's default IngressClass
     */
    className?: string;
    /**
     * annotations written on every Ingress (controller-specific settings)
     */
    annotations: {
      [k: string]: string;
    };
    /**
     * namespace of the ingress controller pods (web components admit traffic only from there); leave out to allow web traffic from every namespace
     */
    controllerNamespace?: string;
    /**
     * informational: whether the provider's load balancer sends PROXY protocol to the ingress controller
     */
    proxyProtocol: boolean;
    /**
     * labels of the ingress controller pods in controllerNamespace: with it, only those pods may send web traffic
     */
    controllerPodLabels?: {
      [k: string]: string;
    };
  };
  zones: {
    /**
     * node label pods are spread over (ScheduleAnyway)
     */
    label: string;
    /**
     * informational
     */
    known: string[];
  };
  certManager: {
    /**
     * cert-manager ClusterIssuer named on every Ingress
     */
    clusterIssuer: string;
    /**
     * informational: a cert-manager DNS01 webhook for this provider
     */
    dns01Webhook?: string;
  };
  notes: string[];
  sources: string[];
  /**
   * how the provider (or the platform on it) offers the backing services apps ask for; {app} and {name} in names stand for the app and the instance (<app>-<name>)
   */
  backingServices: {
    postgresql?: BackingService;
    redis?: BackingService;
    rabbitmq?: BackingService;
    'object-storage'?: BackingService;
  };
}
/**
 * operator needs secretName, port and podLabels; managed secretName, port and cidrs; none a remedy (checked when an app uses it)
 *
 * This interface was referenced by `ProviderProfile`'s JSON-Schema
 * via the `definition` "backingService".
 */
export interface BackingService {
  /**
   * operator: in the cluster, run by an operator; managed: the provider's service; none: not offered (remedy says what to do)
   */
  offering: 'operator' | 'managed' | 'none';
  /**
   * what provides it, like CloudNativePG
   */
  description?: string;
  /**
   * the Secret with the connection details, like {instance}-app; {instance} is <app>-<name>
   */
  secretName?: string;
  port?: number;
  /**
   * operator: labels of the service's pods in the app's namespace ({instance} allowed in values)
   */
  podLabels?: {
    [k: string]: string;
  };
  /**
   * operator: the namespace the service's pods run in; default the app's
   */
  namespace?: string;
  /**
   * managed: the address ranges of the service's endpoints
   */
  cidrs?: string[];
  /**
   * none: what to do instead
   */
  remedy?: string;
  /**
   * where these facts come from
   */
  source?: string;
}
