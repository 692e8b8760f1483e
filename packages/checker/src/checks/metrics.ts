import { message, type Evidence } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { arrayField, fail, field, nameOf, pass, readList, stringField, unknownFrom } from './util.js';

const NAME = 'metrics';
const API_SERVICE = 'v1beta1.metrics.k8s.io';

/** The APIService v1beta1.metrics.k8s.io exists and its Available condition is True. */
export const metrics: CheckFunction = (snapshot) => {
  const services = readList(snapshot, 'apiservices.apiregistration.k8s.io');
  if (!services.ok) return unknownFrom(NAME, services);
  const service = services.value.find((s) => nameOf(s) === API_SERVICE);
  if (!service) {
    return fail(NAME, message('metrics.notRegistered', { apiService: API_SERVICE }));
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
    return pass(NAME, message('metrics.pass', { apiService: API_SERVICE }), evidence);
  }
  const why = stringField(available, 'reason') ?? `Available=${status}`;
  // The registered but unavailable APIService is the cause of the failure.
  return fail(
    NAME,
    message('metrics.fail', { apiService: API_SERVICE, why }),
    evidence.map((e) => ({ ...e, offending: true })),
  );
};
