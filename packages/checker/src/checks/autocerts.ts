import type { AcmeController, Evidence, KubeObject } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import {
  both,
  containersOf,
  fail,
  globMatch,
  imageRepository,
  isRunning,
  nameOf,
  namespaceOf,
  nlCount,
  pass,
  readList,
  unknown,
  unknownFrom,
} from './util.js';

const NAME = 'autocerts';

/** The Running pods of an ACME controller (image, and args when the controller needs them). */
function runningPodsOf(
  controller: AcmeController,
  pods: readonly KubeObject[],
): { pod: KubeObject; image: string }[] {
  const found: { pod: KubeObject; image: string }[] = [];
  for (const pod of pods) {
    if (!isRunning(pod)) continue;
    const container = containersOf(pod).find(
      (c) =>
        controller.images.some((pattern) => globMatch(pattern, imageRepository(c.image))) &&
        (!controller.args || c.argv.some((a) => a.includes(controller.args!))),
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
  const pods = readList(snapshot, 'pods');
  if (!pods.ok) return unknownFrom(NAME, pods);
  const crds = readList(snapshot, 'customresourcedefinitions.apiextensions.k8s.io');
  const crdNames = new Set(crds.ok ? crds.value.map(nameOf) : []);

  const incomplete: { controller: AcmeController; missing: string[]; evidence: Evidence[] }[] = [];
  let crdsUnreadable: Evidence[] | undefined;
  for (const controller of context.data.acmeControllers.controllers) {
    const running = runningPodsOf(controller, pods.value);
    if (running.length === 0) continue;
    const evidence: Evidence[] = running.map(({ pod, image }) => ({
      kind: 'Pod',
      namespace: namespaceOf(pod),
      name: nameOf(pod),
      fields: { image, 'status.phase': 'Running' },
      note: both(`recognised as ${controller.name}`, `herkend als ${controller.name}`),
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
      return pass(
        NAME,
        both(
          `${controller.name} is running (${running.length} pod(s)) and can issue certificates automatically.`,
          `${controller.name} draait (${nlCount(running.length, 'pod', 'pods')}) en kan automatisch certificaten uitgeven.`,
        ),
        [...evidence, ...crdEvidence],
      );
    }
    incomplete.push({ controller, missing, evidence: [...evidence, ...crdEvidence] });
  }

  if (crdsUnreadable && !crds.ok) {
    return unknown(
      NAME,
      crds.cause,
      both(
        `An ACME controller is running, but ${crds.why.en}.`,
        `Er draait een ACME-controller, maar ${crds.why.nl}.`,
      ),
      crdsUnreadable,
    );
  }
  const first = incomplete[0];
  if (first) {
    const missing = first.missing.join(', ');
    return fail(
      NAME,
      both(
        `${first.controller.name} is running but its CRD ${missing} is missing.`,
        first.missing.length === 1
          ? `${first.controller.name} draait, maar de bijbehorende CRD ${missing} ontbreekt.`
          : `${first.controller.name} draait, maar de bijbehorende CRD's ${missing} ontbreken.`,
      ),
      first.evidence,
    );
  }
  const leftovers: Evidence[] = [...crdNames]
    .filter((n) => n.endsWith('.cert-manager.io'))
    .sort()
    .map((n) => ({
      kind: 'CustomResourceDefinition',
      name: n,
      fields: { present: true },
      note: both('no Running controller', 'geen draaiende controller'),
    }));
  const names = context.data.acmeControllers.controllers.map((c) => c.name).join(', ');
  return fail(
    NAME,
    both(
      `No Running ACME certificate controller was found (looked for: ${names}).`,
      `Er is geen draaiende ACME-certificaatcontroller gevonden (gezocht naar: ${names}).`,
    ),
    leftovers,
  );
};
