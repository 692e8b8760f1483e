import { message, type AcmeController, type Evidence, type KubeObject } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import {
  containersOf,
  fail,
  imageRepository,
  nameOf,
  namespaceOf,
  pass,
  readList,
  readUnsorted,
  repositoryMatcher,
  runningPodsWith,
  unknown,
  unknownFrom,
} from './util.js';

const NAME = 'autocerts';

/** A Running pod with its containers' images taken apart once, whatever the number of controllers. */
interface RunningPod {
  readonly pod: KubeObject;
  readonly containers: readonly { image: string; repository: string; argv: readonly string[] }[];
}

/** The Running pods with a container of any ACME controller's images: a handful of 50,000. */
function runningPods(pods: readonly KubeObject[], controllers: readonly AcmeController[]): RunningPod[] {
  const anyController = repositoryMatcher(controllers.flatMap((c) => c.images));
  return runningPodsWith(pods, anyController).map((pod) => ({
    pod,
    containers: containersOf(pod).map((c) => ({ ...c, repository: imageRepository(c.image) })),
  }));
}

/** The Running pods of an ACME controller (image, and args when the controller needs them). */
function runningPodsOf(
  controller: AcmeController,
  pods: readonly RunningPod[],
): { pod: KubeObject; image: string }[] {
  const found: { pod: KubeObject; image: string }[] = [];
  const matches = repositoryMatcher(controller.images);
  for (const { pod, containers } of pods) {
    const container = containers.find(
      (c) => matches(c.repository) && (!controller.args || c.argv.some((a) => a.includes(controller.args!))),
    );
    if (container) found.push({ pod, image: container.image });
  }
  return found;
}

/**
 * Automated certificates: cert-manager (its CRDs and a Running controller) or another ACME
 * controller from compliance/data/acme-controllers.yaml (kcert, Caddy ingress, Traefik with an
 * ACME certificates resolver).
 */
export const autocerts: CheckFunction = (snapshot, context) => {
  // Unsorted: runningPodsWith sorts the few pods it finds.
  const pods = readUnsorted(snapshot, 'pods');
  if (!pods.ok) return unknownFrom(NAME, pods);
  const crds = readList(snapshot, 'customresourcedefinitions.apiextensions.k8s.io');
  const crdNames = new Set(crds.ok ? crds.value.map(nameOf) : []);

  const incomplete: { controller: AcmeController; missing: string[]; evidence: Evidence[] }[] = [];
  let crdsUnreadable: Evidence[] | undefined;
  const candidates = runningPods(pods.value, context.data.acmeControllers.controllers);
  for (const controller of context.data.acmeControllers.controllers) {
    const running = runningPodsOf(controller, candidates);
    if (running.length === 0) continue;
    const evidence: Evidence[] = running.map(({ pod, image }) => ({
      kind: 'Pod',
      namespace: namespaceOf(pod),
      name: nameOf(pod),
      fields: { image, 'status.phase': 'Running' },
      note: message('autocerts.recognised', { controller: controller.name }),
    }));
    const required = controller.crds ?? [];
    if (required.length > 0 && !crds.ok) {
      crdsUnreadable = [...evidence, ...crds.evidence];
      continue;
    }
    const missing = required.filter((crd) => !crdNames.has(crd));
    const crdEvidence: Evidence[] = required
      .filter((crd) => crdNames.has(crd))
      .map((crd) => ({ kind: 'CustomResourceDefinition', name: crd, fields: { present: true } }));
    if (missing.length === 0) {
      return pass(NAME, message('autocerts.pass', { controller: controller.name, pods: running.length }), [
        ...evidence,
        ...crdEvidence,
      ]);
    }
    incomplete.push({ controller, missing, evidence: [...evidence, ...crdEvidence] });
  }

  if (crdsUnreadable && !crds.ok) {
    return unknown(NAME, crds.cause, message('autocerts.crdsUnreadable', { why: crds.why }), crdsUnreadable);
  }
  const first = incomplete[0];
  if (first) {
    const reason = message('autocerts.crdsMissing', {
      controller: first.controller.name,
      missing: first.missing.join(', '),
      count: first.missing.length,
    });
    return fail(NAME, reason, first.evidence);
  }
  const leftovers: Evidence[] = [...crdNames]
    .filter((n) => n.endsWith('.cert-manager.io'))
    .sort()
    .map((n) => ({
      kind: 'CustomResourceDefinition',
      name: n,
      fields: { present: true },
      note: message('autocerts.noController'),
    }));
  const controllers = context.data.acmeControllers.controllers.map((c) => c.name).join(', ');
  return fail(NAME, message('autocerts.fail', { controllers }), leftovers);
};
