import { describe, expect, it } from 'vitest';
import { expectCase, type CheckCase } from '../testing/cases.js';
import { crd, forbidden, list, pod, pods, withResources } from '../testing/fixtures.js';
import { autocerts } from './autocerts.js';

const crds = (...names: string[]) =>
  list('CustomResourceDefinition', names.map(crd), 'apiextensions.k8s.io/v1');
const certManager = (phase = 'Running') =>
  pod('cert-manager', 'cert-manager-7d9f8b5c4-x2x4k', {
    image: 'quay.io/jetstack/cert-manager-controller:v1.19.1',
    phase,
  });
const CM_CRDS = ['certificates.cert-manager.io', 'issuers.cert-manager.io', 'clusterissuers.cert-manager.io'];

const cases: CheckCase[] = [
  {
    spec: 'passes with the cert-manager CRDs and a Running cert-manager controller',
    snapshot: withResources({
      pods: pods(certManager()),
      'customresourcedefinitions.apiextensions.k8s.io': crds(...CM_CRDS),
    }),
    outcome: 'pass',
    reason: 'cert-manager is running',
    evidence: (r) => expect(r.evidence.map((e) => e.kind)).toEqual(['Pod', 'CustomResourceDefinition']),
  },
  {
    spec: 'passes with Traefik configured with an ACME certificates resolver',
    snapshot: withResources({
      pods: pods(
        pod('traefik', 'traefik-abc', {
          image: 'docker.io/traefik:v3.5',
          args: ['--certificatesresolvers.le.acme.email=ops@example.nl'],
        }),
      ),
      'customresourcedefinitions.apiextensions.k8s.io': crds(),
    }),
    outcome: 'pass',
  },
  {
    spec: 'does not count Traefik without ACME',
    snapshot: withResources({
      pods: pods(
        pod('traefik', 'traefik-abc', { image: 'traefik:v3.5', args: ['--entrypoints.web.address=:80'] }),
      ),
      'customresourcedefinitions.apiextensions.k8s.io': crds(),
    }),
    outcome: 'fail',
  },
  {
    spec: 'fails when cert-manager CRDs exist but no controller is Running',
    snapshot: withResources({
      pods: pods(certManager('Pending')),
      'customresourcedefinitions.apiextensions.k8s.io': crds(...CM_CRDS),
    }),
    outcome: 'fail',
    evidence: (r) => expect(r.evidence[0]?.note?.en).toBe('no Running controller'),
  },
  {
    spec: 'fails when the cert-manager controller runs without its CRDs',
    snapshot: withResources({
      pods: pods(certManager()),
      'customresourcedefinitions.apiextensions.k8s.io': crds(),
    }),
    outcome: 'fail',
    reason: 'certificates.cert-manager.io is missing',
  },
  {
    spec: 'is unknown when cert-manager runs but CRDs may not be listed',
    snapshot: withResources({
      pods: pods(certManager()),
      'customresourcedefinitions.apiextensions.k8s.io': forbidden(),
    }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
  {
    spec: 'is unknown (forbidden) when pods may not be listed',
    snapshot: withResources({
      pods: forbidden(),
      'customresourcedefinitions.apiextensions.k8s.io': crds(...CM_CRDS),
    }),
    outcome: 'unknown',
    cause: 'forbidden',
  },
];

describe('autocerts', () => {
  it.each(cases)('$spec', (c) => {
    expectCase(autocerts, c);
  });
});
