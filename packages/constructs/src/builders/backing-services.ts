import { isEveryAddress } from '../cidr.js';
import { HavenkitInputError } from '../errors.js';
import { k8s } from '../kube.js';
import type { ProviderProfile } from '../profiles/profile.js';
import type { DeepReadonly } from '../spec/types.js';
import type * as A from '../generated/application.js';

export type ServiceUseProps = DeepReadonly<A.ServiceUse>;

/** What a pod needs to use its backing services: their Secrets as environment, and the traffic to them. */
export interface BackingServiceAccess {
  readonly envFrom: readonly k8s.EnvFromSource[];
  readonly egress: readonly k8s.NetworkPolicyEgressRule[];
}

const fill = (template: string, instance: string): string => template.replaceAll('{instance}', instance);

/** POSTGRESQL_, MEDIA_STORE_: the prefix of a service's Secret keys in the environment. */
export const envPrefix = (name: string): string => `${name.toUpperCase().replace(/-/g, '_')}_`;

/**
 * The backing services a component or job uses, as the profile says the provider offers them: the
 * Secret with the connection details (`envFrom` with the prefix NAME_, so two services never clash),
 * and one egress rule — to the operator's pods of that instance, or to the managed service's
 * address ranges, on its port. The app names only the service; everything provider-specific is
 * the profile's. Throws, naming the profile and what to do, where the profile does not offer it.
 */
export function backingServiceAccess(
  uses: readonly ServiceUseProps[] | undefined,
  props: { readonly appName: string; readonly profile: ProviderProfile; readonly location: string },
): BackingServiceAccess {
  const envFrom: k8s.EnvFromSource[] = [];
  const egress: k8s.NetworkPolicyEgressRule[] = [];
  (uses ?? []).forEach((use, j) => {
    const name = use.name ?? use.service;
    const instance = `${props.appName}-${name}`;
    const offer = props.profile.backingServices[use.service];
    const where = `${props.location}.services[${j}]`;
    const refuse = (why: string): never => {
      throw new HavenkitInputError(`${where}: ${use.service} on provider "${props.profile.id}": ${why}`);
    };
    if (offer === undefined || offer.offering === 'none') {
      return refuse(
        `${offer?.remedy ?? 'the profile does not say how it is offered'}; or describe it in a profile of your own (backingServices.${use.service}) and pass --provider FILE`,
      );
    }
    const incomplete = [
      ...(offer.secretName === undefined ? ['secretName'] : []),
      ...(offer.port === undefined ? ['port'] : []),
      ...(offer.offering === 'managed' && (offer.cidrs ?? []).length === 0 ? ['cidrs'] : []),
    ];
    if (offer.offering === 'operator' && Object.keys(offer.podLabels ?? {}).length === 0)
      incomplete.push('podLabels that select only its pods');
    if ((offer.cidrs ?? []).some(isEveryAddress))
      refuse(
        `the profile's backingServices.${use.service}.cidrs name every address (/0): name the service's ranges`,
      );
    if (incomplete.length > 0)
      refuse(
        `the profile's backingServices.${use.service} (${offer.offering}) lacks ${incomplete.join(', ')}`,
      );
    envFrom.push({ prefix: envPrefix(name), secretRef: { name: fill(offer.secretName ?? '', instance) } });
    const ports = [{ port: k8s.IntOrString.fromNumber(offer.port ?? 0), protocol: 'TCP' }];
    if (offer.offering === 'operator') {
      const podLabels = Object.fromEntries(
        Object.entries(offer.podLabels ?? {}).map(([k, v]) => [k, fill(v, instance)]),
      );
      egress.push({
        to: [
          {
            ...(offer.namespace !== undefined
              ? { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': offer.namespace } } }
              : {}),
            podSelector: { matchLabels: podLabels },
          },
        ],
        ports,
      });
    } else {
      egress.push({ to: (offer.cidrs ?? []).map((cidr) => ({ ipBlock: { cidr } })), ports });
    }
  });
  return { envFrom, egress };
}
