import {
  message,
  type LocalizedText,
  type OperatingSystem,
  type Evidence,
  type KubeObject,
} from '@havenkit/model';
import type { CheckContext, CheckFunction } from './context.js';
import { nodeField, osImageOf } from './nodes.js';
import {
  arrayField,
  fail,
  field,
  nameOf,
  pass,
  readList,
  regex,
  stringField,
  unknown,
  unknownFrom,
} from './util.js';

const NAME = 'nodehardening';

/** How a node counted; `inferred` and `inferred-off` rest on the OS default, not an observation. */
type Verdict = 'hardened' | 'inferred' | 'not-hardened' | 'inferred-off' | 'undetermined';

type ContainerSignal = CheckContext['data']['hardenedOs']['containerised'][number];

/** The kubelet's legacy Ready message on AppArmor hosts (removed in Kubernetes 1.30). */
const APPARMOR_READY_MESSAGE = /AppArmor enabled/;

const acceptedNotes = new WeakMap<OperatingSystem, LocalizedText>();

/** Worded once per system, not once per node: 5,000 nodes of a pool run one. */
function acceptedByName(system: OperatingSystem): LocalizedText {
  let note = acceptedNotes.get(system);
  if (note === undefined) {
    note = message('nodehardening.acceptedByName', { os: system.name });
    acceptedNotes.set(system, note);
  }
  return note;
}

function readyMessage(node: KubeObject): string | undefined {
  const ready = arrayField(node, 'status', 'conditions').find((c) => field(c, 'type') === 'Ready');
  return stringField(ready, 'message');
}

/** The first signal the node matches, with the value it matched: the node runs a node image. */
function containerSignalOf(
  node: KubeObject,
  signals: readonly ContainerSignal[],
): { signal: ContainerSignal; value: string } | undefined {
  for (const signal of signals) {
    const value = nodeField(node, signal.field);
    if (value !== undefined && regex(signal.pattern).test(value)) return { signal, value };
  }
  return undefined;
}

type Fields = Evidence['fields'];
interface Judgement {
  verdict: Verdict;
  evidence: Omit<Evidence, 'kind' | 'name'>;
}

/** A usable probe result decides: an accepted module, else Talos/Flatcar by name, else fail. */
function judgeObserved(
  lsms: string[],
  acceptedLsms: readonly string[],
  system: OperatingSystem | undefined,
  base: Fields,
): Judgement {
  const observed = lsms.map((l) => l.toLowerCase());
  const hardening = observed.filter((l) => acceptedLsms.includes(l));
  const fields = { ...base, 'probe.lsms': observed.join(', ') };
  if (hardening.length > 0) {
    const note = message('nodehardening.observed', { lsms: hardening.join(', ') });
    return { verdict: 'hardened', evidence: { fields, note } };
  }
  if (system?.kind === 'hardened') {
    return { verdict: 'hardened', evidence: { fields, note: acceptedByName(system) } };
  }
  // A node without a security module makes the check fail (and only fail: see below).
  const note = message('nodehardening.noneObserved');
  return { verdict: 'not-hardened', evidence: { fields, note, offending: true } };
}

function judgeContainerised(
  container: { signal: ContainerSignal; value: string },
  base: Fields,
  probeError: string | undefined,
): Judgement {
  const where = {
    platform: container.signal.name,
    signal: `${container.signal.field}: ${container.value}`,
  };
  const note = probeError
    ? message('nodehardening.containerisedProbeError', { ...where, error: probeError })
    : message('nodehardening.containerised', where);
  return { verdict: 'undetermined', evidence: { fields: base, note } };
}

/** Without an observation: the documented default of the OS, or undetermined. */
function judgeByDefault(
  system: OperatingSystem | undefined,
  base: Fields,
  probeError: string | undefined,
): Judgement {
  const cited = {
    ...(system?.source ? { source: system.source } : {}),
    ...(probeError ? { 'probe.error': probeError } : {}),
  };
  if (system?.kind === 'default-lsm') {
    const params = { os: system.name, lsm: system.lsm ?? '' };
    const fields = {
      ...base,
      lsm: system.lsm ?? null,
      ...(system.mode ? { mode: system.mode } : {}),
      ...cited,
    };
    const note =
      system.mode === 'permissive'
        ? message('nodehardening.defaultLsmPermissive', params)
        : message('nodehardening.defaultLsm', params);
    return { verdict: 'inferred', evidence: { fields, inferred: true, note } };
  }
  if (system?.kind === 'default-off') {
    const note = message('nodehardening.defaultOff', { os: system.name });
    const evidence = { fields: { ...base, ...cited }, inferred: true, offending: true, note };
    return { verdict: 'inferred-off', evidence };
  }
  const why =
    system?.kind === 'unverified'
      ? message('nodehardening.unverifiedDefault', { os: system.name })
      : message('nodehardening.unrecognisedOs');
  const note = probeError
    ? message('nodehardening.undeterminedProbeError', { why, error: probeError })
    : message('nodehardening.undetermined', { why });
  const fields = { ...base, ...(system?.source ? { source: system.source } : {}) };
  return { verdict: 'undetermined', evidence: { fields, note } };
}

/**
 * Every node runs a hardened OS (Talos, Flatcar) or a Linux security module: observed by the
 * node-lsm probe, reported by the kubelet, or inferred from the distribution's documented default
 * (evidence marked inferred): enabled passes, off fails. A probe observation beats an inference.
 * A containerised node (kind, k3d, minikube, a LinuxKit or WSL 2 kernel) gets no inference: its
 * osImage names its node image, not the system whose kernel enforces the modules.
 */
export const nodehardening: CheckFunction = (snapshot, context) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);
  if (nodes.value.length === 0) {
    return unknown(NAME, 'insufficient-data', message('nodehardening.noNodes'));
  }

  const { acceptedLsms, containerised, systems } = context.data.hardenedOs;
  const probe = snapshot.probes?.nodeLsm?.nodes;
  const verdicts: { node: string; verdict: Verdict; evidence: Evidence }[] = [];

  for (const node of nodes.value) {
    const name = nameOf(node);
    const osImage = osImageOf(node) ?? '';
    const container = containerSignalOf(node, containerised);
    // A container image's osImage neither names an accepted OS nor implies a default.
    const system = container ? undefined : systems.find((s) => regex(s.pattern).test(osImage));
    const observed = probe?.[name];
    const base: Fields = {
      'status.nodeInfo.osImage': osImage || null,
      ...(container ? { [container.signal.field]: container.value } : {}),
    };
    const ready = readyMessage(node) ?? '';
    let judgement: Judgement;
    if (observed && !observed.error) {
      judgement = judgeObserved(observed.lsms, acceptedLsms, system, base);
    } else if (system?.kind === 'hardened') {
      judgement = { verdict: 'hardened', evidence: { fields: base, note: acceptedByName(system) } };
    } else if (APPARMOR_READY_MESSAGE.test(ready)) {
      const fields = { ...base, 'status.conditions.Ready.message': ready };
      judgement = {
        verdict: 'hardened',
        evidence: { fields, note: message('nodehardening.kubeletAppArmor') },
      };
    } else if (container) {
      judgement = judgeContainerised(container, base, observed?.error);
    } else {
      judgement = judgeByDefault(system, base, observed?.error);
    }
    verdicts.push({
      node: name,
      verdict: judgement.verdict,
      evidence: { kind: 'Node', name, ...judgement.evidence },
    });
  }

  const evidence = verdicts.map((v) => v.evidence);
  const with_ = (...wanted: Verdict[]) =>
    verdicts.filter((v) => wanted.includes(v.verdict)).map((v) => v.node);
  const failing = with_('not-hardened', 'inferred-off');
  const undetermined = with_('undetermined');
  if (failing.length > 0) {
    const reason = message('nodehardening.fail', {
      count: failing.length,
      nodes: failing.join(', '),
      inferred: with_('inferred-off').length,
    });
    return fail(NAME, reason, evidence);
  }
  if (undetermined.length > 0) {
    const reason = message('nodehardening.unknown', {
      count: undetermined.length,
      nodes: undetermined.join(', '),
    });
    return unknown(NAME, 'insufficient-data', reason, evidence);
  }
  return pass(
    NAME,
    message('nodehardening.pass', { count: verdicts.length, inferred: with_('inferred').length }),
    evidence,
  );
};
