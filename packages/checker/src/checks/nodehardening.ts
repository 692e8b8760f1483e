import {
  message,
  type LocalizedText,
  type OperatingSystem,
  type Evidence,
  type KubeObject,
} from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { osImageOf } from './nodes.js';
import {
  arrayField,
  fail,
  field,
  nameOf,
  pass,
  readList,
  stringField,
  unknown,
  unknownFrom,
} from './util.js';

const NAME = 'nodehardening';

type Verdict = 'hardened' | 'inferred' | 'not-hardened' | 'undetermined';

/** The kubelet's legacy Ready message on AppArmor hosts (removed in Kubernetes 1.30). */
const APPARMOR_READY_MESSAGE = /AppArmor enabled/;

function acceptedByName(system: OperatingSystem): LocalizedText {
  return message('nodehardening.acceptedByName', { os: system.name });
}

function readyMessage(node: KubeObject): string | undefined {
  const ready = arrayField(node, 'status', 'conditions').find((c) => field(c, 'type') === 'Ready');
  return stringField(ready, 'message');
}

/**
 * Every node runs a hardened OS (Talos, Flatcar) or a Linux security module: observed by the
 * node-lsm probe, reported by the kubelet, or inferred from a distribution that enables SELinux or
 * AppArmor by default (evidence marked inferred). A probe observation beats an inference.
 */
export const nodehardening: CheckFunction = (snapshot, context) => {
  const nodes = readList(snapshot, 'nodes');
  if (!nodes.ok) return unknownFrom(NAME, nodes);
  if (nodes.value.length === 0) {
    return unknown(NAME, 'insufficient-data', message('nodehardening.noNodes'));
  }

  const { acceptedLsms, systems } = context.data.hardenedOs;
  const probe = snapshot.probes?.nodeLsm?.nodes;
  const verdicts: { node: string; verdict: Verdict; evidence: Evidence }[] = [];

  for (const node of nodes.value) {
    const name = nameOf(node);
    const osImage = osImageOf(node) ?? '';
    const system: OperatingSystem | undefined = systems.find((s) => new RegExp(s.pattern).test(osImage));
    const observed = probe?.[name];
    const base = { 'status.nodeInfo.osImage': osImage || null };
    const add = (verdict: Verdict, evidence: Omit<Evidence, 'kind' | 'name'>) =>
      verdicts.push({ node: name, verdict, evidence: { kind: 'Node', name, ...evidence } });

    if (observed && !observed.error) {
      const lsms = observed.lsms.map((l) => l.toLowerCase());
      const hardening = lsms.filter((l) => acceptedLsms.includes(l));
      const fields = { ...base, 'probe.lsms': lsms.join(', ') };
      if (hardening.length > 0) {
        add('hardened', {
          fields,
          note: message('nodehardening.observed', { lsms: hardening.join(', ') }),
        });
      } else if (system?.kind === 'hardened') {
        add('hardened', { fields, note: acceptedByName(system) });
      } else {
        // A node without a security module makes the check fail (and only fail: see below).
        add('not-hardened', {
          fields,
          note: message('nodehardening.noneObserved'),
          offending: true,
        });
      }
    } else if (system?.kind === 'hardened') {
      add('hardened', { fields: base, note: acceptedByName(system) });
    } else if (APPARMOR_READY_MESSAGE.test(readyMessage(node) ?? '')) {
      add('hardened', {
        fields: { ...base, 'status.conditions.Ready.message': readyMessage(node) ?? '' },
        note: message('nodehardening.kubeletAppArmor'),
      });
    } else if (system?.kind === 'default-lsm') {
      add('inferred', {
        fields: { ...base, lsm: system.lsm ?? null },
        inferred: true,
        note: message('nodehardening.defaultLsm', { os: system.name, lsm: system.lsm ?? '' }),
      });
    } else {
      const why =
        system?.kind === 'lsm-off'
          ? message('nodehardening.lsmOff', { os: system.name })
          : message('nodehardening.unrecognisedOs');
      add('undetermined', {
        fields: base,
        note: observed?.error
          ? message('nodehardening.undeterminedProbeError', { why, error: observed.error })
          : message('nodehardening.undetermined', { why }),
      });
    }
  }

  const evidence = verdicts.map((v) => v.evidence);
  const with_ = (verdict: Verdict) => verdicts.filter((v) => v.verdict === verdict).map((v) => v.node);
  const notHardened = with_('not-hardened');
  const undetermined = with_('undetermined');
  const inferred = with_('inferred');
  if (notHardened.length > 0) {
    const reason = message('nodehardening.fail', {
      count: notHardened.length,
      nodes: notHardened.join(', '),
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
    message('nodehardening.pass', { count: verdicts.length, inferred: inferred.length }),
    evidence,
  );
};
