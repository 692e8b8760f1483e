// Low-level k8s.KubeIngress on purpose: kplus's Ingress takes the backend port from a kplus Service
// and writes it by number (`port: { number: 8000 }`); havenkit names the Service port `http`, so the
// Ingress needs no change when the port does, and manifests stay exact.
import type { Construct } from 'constructs';
import { k8s } from '../kube.js';
import { COMPONENT_DEFAULTS } from '../component-defaults.js';
import type { ProviderProfile } from '../profiles/profile.js';
import type { ComponentProps } from '../spec/types.js';
import { objectMeta, type ComponentIdentity } from './identity.js';

export interface IngressProps {
  readonly identity: ComponentIdentity;
  /**
   * The public host and path.
   * @default - not exposed: no Ingress
   */
  readonly ingress?: ComponentProps['ingress'];
  /**
   * The container port; an Ingress needs the Service it brings.
   * @default - none: no Ingress
   */
  readonly port?: number;
  /** The provider's ingress class and annotations, and the cert-manager issuer of the TLS certificate. */
  readonly profile: Pick<ProviderProfile, 'ingress' | 'certManager'>;
}

/**
 * The Ingress `<app>-<component>`: HTTPS for one host and path prefix (default `/`) to the Service's
 * `http` port, with a certificate from the profile's cert-manager ClusterIssuer in `<app>-<component>-tls`.
 */
export function addIngress(scope: Construct, props: IngressProps): k8s.KubeIngress | undefined {
  const { identity, ingress, profile } = props;
  if (!ingress || props.port === undefined) return undefined;
  return new k8s.KubeIngress(scope, 'ingress', {
    metadata: objectMeta(identity, identity.fullName, {
      ...profile.ingress.annotations,
      'cert-manager.io/cluster-issuer': profile.certManager.clusterIssuer,
    }),
    spec: {
      ...(profile.ingress.className ? { ingressClassName: profile.ingress.className } : {}),
      tls: [{ hosts: [ingress.host], secretName: `${identity.fullName}-tls` }],
      rules: [
        {
          host: ingress.host,
          http: {
            paths: [
              {
                path: ingress.path ?? COMPONENT_DEFAULTS.ingressPath,
                pathType: 'Prefix',
                backend: { service: { name: identity.fullName, port: { name: 'http' } } },
              },
            ],
          },
        },
      ],
    },
  });
}
