import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { controlPlaneLabels, isControlPlane } from './nodes.js';
import { detectPlatform, gitVersionOf } from './platform.js';
import {
  arrayField,
  fail,
  labelsOf,
  nameOf,
  namespaceOf,
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
    const reason = message('hamasters.controlPlaneNodes', {
      count: controlPlanes.length,
      nodes: controlPlanes.map(nameOf).join(', '),
    });
    return pass(NAME, reason, nodeEvidence);
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
    const reason = message('hamasters.endpoints', {
      count: addresses.size,
      addresses: [...addresses].sort().join(', '),
    });
    return pass(NAME, reason, [...endpointEvidence, ...nodeEvidence]);
  }

  if (controlPlanes.length === 0) {
    const detected = detectPlatform(
      nodes.value,
      gitVersionOf(snapshot),
      context.data.cncfPlatforms.platforms,
    );
    if (detected?.platform.managedControlPlane) {
      const { name: platform, id } = detected.platform;
      return pass(NAME, message('hamasters.managed', { platform }), [
        { ...detected.evidence, inferred: true, note: message('hamasters.recognised', { platform, id }) },
      ]);
    }
  }

  const seen = message('hamasters.seen', { nodes: controlPlanes.length, endpoints: addresses.size });
  if (!slices.ok && !endpoints.ok) {
    return unknown(NAME, slices.cause, message('hamasters.endpointsUnreadable', { seen, why: slices.why }), [
      ...nodeEvidence,
      ...slices.evidence,
      ...endpoints.evidence,
    ]);
  }
  return fail(NAME, message('hamasters.fail', { seen, required: REQUIRED }), [
    ...nodeEvidence,
    ...endpointEvidence,
  ]);
};
