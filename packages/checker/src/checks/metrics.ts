import type { Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { arrayField, both, fail, field, nameOf, pass, readList, stringField, unknownFrom } from './util.js';

const NAME = 'metrics';
const API_SERVICE = 'v1beta1.metrics.k8s.io';

/** The APIService v1beta1.metrics.k8s.io exists and its Available condition is True. */
export const metrics: CheckFunction = (snapshot) => {
  const services = readList(snapshot, 'apiservices.apiregistration.k8s.io');
  if (!services.ok) return unknownFrom(NAME, services);
  const service = services.value.find((s) => nameOf(s) === API_SERVICE);
  if (!service) {
    return fail(
      NAME,
      both(
        `The APIService ${API_SERVICE} is not registered: no metrics-server.`,
        `De APIService ${API_SERVICE} is niet geregistreerd: geen metrics-server.`,
      ),
    );
  }

  const available = arrayField(service, 'status', 'conditions').find((c) => field(c, 'type') === 'Available');
  const status = stringField(available, 'status') ?? 'missing';
  const backend = stringField(service, 'spec', 'service', 'name');
  const backendNs = stringField(service, 'spec', 'service', 'namespace');
  const evidence: Evidence[] = [
    {
      kind: 'APIService',
      name: API_SERVICE,
      fields: {
        'status.conditions.Available': status,
        ...(backend ? { 'spec.service': `${backendNs ?? ''}/${backend}` } : {}),
        ...(stringField(available, 'reason') ? { reason: stringField(available, 'reason')! } : {}),
        ...(stringField(available, 'message') ? { message: stringField(available, 'message')! } : {}),
      },
    },
  ];
  if (status === 'True') {
    return pass(
      NAME,
      both(
        `The APIService ${API_SERVICE} is Available.`,
        `De APIService ${API_SERVICE} is beschikbaar (Available).`,
      ),
      evidence,
    );
  }
  const why = stringField(available, 'reason') ?? `Available=${status}`;
  // The registered but unavailable APIService is the cause of the failure.
  return fail(
    NAME,
    both(
      `The APIService ${API_SERVICE} is not Available (${why}).`,
      `De APIService ${API_SERVICE} is niet beschikbaar (${why}).`,
    ),
    evidence.map((e) => ({ ...e, offending: true })),
  );
};
