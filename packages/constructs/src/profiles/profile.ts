/**
 * A provider profile: everything that may differ between providers, as data. The schema is
 * compliance/schemas/provider-profile.schema.json; loading fills in its defaults, so every
 * field below that the schema defaults is present after `loadProfile`.
 */
export interface ProviderProfile {
  readonly apiVersion: 'havenkit.dev/v1alpha1';
  readonly kind: 'ProviderProfile';
  /** Lowercase id; for built-in profiles the file name. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly storage: {
    readonly rwo: {
      /** storageClassName on ReadWriteOnce claims; absent: the cluster's default class. */
      readonly class?: string;
      readonly clusterDefault?: string;
      readonly provisioner?: string;
    };
    readonly rwx: RwxStorage;
  };
  readonly loadBalancer: {
    readonly annotations: Readonly<Record<string, string>>;
    readonly externalTrafficPolicyLocal: boolean;
  };
  readonly ingress: {
    /** ingressClassName; absent: the cluster's default IngressClass. */
    readonly className?: string;
    readonly annotations: Readonly<Record<string, string>>;
    /** Namespace of the ingress controller; absent: web traffic is allowed from every namespace. */
    readonly controllerNamespace?: string;
    readonly proxyProtocol: boolean;
  };
  readonly zones: { readonly label: string; readonly known: readonly string[] };
  readonly certManager: { readonly clusterIssuer: string; readonly dns01Webhook?: string };
  readonly notes: readonly string[];
  readonly sources: readonly string[];
}

/** ReadWriteMany storage: a class (possibly after installing an add-on), or why not and what to do. */
export type RwxStorage =
  | {
      readonly supported: true;
      /** storageClassName on ReadWriteMany claims; absent: the cluster's default class. */
      readonly class?: string;
      readonly provisioner?: string;
      /** What must be installed first; written as the `havenkit.dev/requires` annotation on the claim. */
      readonly addon?: string;
    }
  | { readonly supported: false; readonly reason: string; readonly remedy: string };
