import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { controlPlaneLabels, isControlPlane } from './nodes.js';
import { detectPlatform, gitVersionOf } from './platform.js';
import {
  arrayField,
  both,
  fail,
  labelsOf,
  nameOf,
  namespaceOf,
  nlCount,
  pass,
  readList,
  stringField,
  unknown,
  unknownFrom,
} from './util.js';

const NAME = 'hamasters';
const REQUIRED = 3;

/**
 * At least 3 control-plane nodes; or at least 3 distinct API server endpoints in the
 * default/kubernetes EndpointSlice/Endpoints; or a recognised managed (hidden) control plane.
 */
export const hamasters: CheckFunction = (snapshot, context) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);

  const controlPlanes = nodes.value.filter(isControlPlane);
  const nodeEvidence: Evidence[] = controlPlanes.map((node) => ({
    kind: 'Node',
    name: nameOf(node),
    fields: Object.fromEntries(
      controlPlaneLabels(node).map((key) => [`labels.${key}`, labelsOf(node)[key] ?? '']),
    ),
  }));
  if (controlPlanes.length >= REQUIRED) {
    return pass(
      NAME,
      both(
        `${controlPlanes.length} control-plane nodes: ${controlPlanes.map(nameOf).join(', ')}.`,
        `Er zijn ${controlPlanes.length} control-plane-nodes: ${controlPlanes.map(nameOf).join(', ')}.`,
      ),
      nodeEvidence,
    );
  }

  // The API server endpoints: every kube-apiserver instance registers its address here.
  const addresses = new Set<string>();
  const endpointEvidence: Evidence[] = [];
  const slices = readList(snapshot, 'endpointslices.discovery.k8s.io');
  if (slices.ok) {
    for (const slice of slices.value) {
      if (namespaceOf(slice) !== 'default' || labelsOf(slice)['kubernetes.io/service-name'] !== 'kubernetes')
        continue;
      const found = arrayField(slice, 'endpoints')
        .flatMap((e) => arrayField(e, 'addresses'))
        .filter((a): a is string => typeof a === 'string');
      found.forEach((a) => addresses.add(a));
      endpointEvidence.push({
        kind: 'EndpointSlice',
        namespace: 'default',
        name: nameOf(slice),
        fields: { addresses: [...new Set(found)].sort().join(', ') },
      });
    }
  }
  const endpoints = readList(snapshot, 'endpoints');
  if (endpoints.ok) {
    for (const ep of endpoints.value) {
      if (namespaceOf(ep) !== 'default' || nameOf(ep) !== 'kubernetes') continue;
      const found = arrayField(ep, 'subsets')
        .flatMap((s) => arrayField(s, 'addresses'))
        .map((a) => stringField(a, 'ip'))
        .filter((a): a is string => !!a);
      found.forEach((a) => addresses.add(a));
      endpointEvidence.push({
        kind: 'Endpoints',
        namespace: 'default',
        name: 'kubernetes',
        fields: { 'subsets.addresses': [...new Set(found)].sort().join(', ') },
      });
    }
  }
  if (addresses.size >= REQUIRED) {
    return pass(
      NAME,
      both(
        `The API server has ${addresses.size} endpoints in default/kubernetes: ${[...addresses].sort().join(', ')}.`,
        `De API-server heeft ${addresses.size} endpoints in default/kubernetes: ${[...addresses].sort().join(', ')}.`,
      ),
      [...endpointEvidence, ...nodeEvidence],
    );
  }

  if (controlPlanes.length === 0) {
    const detected = detectPlatform(
      nodes.value,
      gitVersionOf(snapshot),
      context.data.cncfPlatforms.platforms,
    );
    if (detected?.platform.managedControlPlane) {
      return pass(
        NAME,
        both(
          `The control plane is managed by ${detected.platform.name} and not visible as nodes; its redundancy depends on the plan chosen.`,
          `Het control plane wordt beheerd door ${detected.platform.name} en is niet zichtbaar als nodes; de redundantie ervan hangt af van het gekozen abonnement.`,
        ),
        [
          {
            ...detected.evidence,
            inferred: true,
            note: both(
              `recognised as ${detected.platform.name} (${detected.platform.id})`,
              `herkend als ${detected.platform.name} (${detected.platform.id})`,
            ),
          },
        ],
      );
    }
  }

  const summary = both(
    `${controlPlanes.length} control-plane node(s) and ${addresses.size} API server endpoint(s)`,
    `${nlCount(controlPlanes.length, 'control-plane-node', 'control-plane-nodes')} en ${nlCount(addresses.size, 'API-server-endpoint', 'API-server-endpoints')}`,
  );
  if (!slices.ok && !endpoints.ok) {
    return unknown(
      NAME,
      slices.cause,
      both(
        `Only ${summary.en} seen, and the API server endpoints could not be read (${slices.why.en}).`,
        `Slechts ${summary.nl} gezien, en de API-server-endpoints konden niet worden gelezen (${slices.why.nl}).`,
      ),
      [...nodeEvidence, ...slices.evidence, ...endpoints.evidence],
    );
  }
  return fail(
    NAME,
    both(
      `Only ${summary.en}; at least ${REQUIRED} are required, and no managed control plane was recognised.`,
      `Slechts ${summary.nl}; er zijn er minstens ${REQUIRED} vereist, en er is geen beheerd control plane herkend.`,
    ),
    [...nodeEvidence, ...endpointEvidence],
  );
};
