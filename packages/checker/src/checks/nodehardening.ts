import type { OperatingSystem } from '../data/types.js';
import type { Evidence } from '../result.js';
import type { KubeObject } from '../snapshot/types.js';
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
  if (nodes.value.length === 0)
    return unknown(NAME, 'insufficient-data', 'The cluster has no nodes to inspect.');

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
      if (hardening.length > 0)
        add('hardened', { fields, note: `${hardening.join(', ')} observed by the node-lsm probe` });
      else if (system?.kind === 'hardened')
        add('hardened', { fields, note: `${system.name} is accepted by name` });
      else
        add('not-hardened', {
          fields,
          note: 'the node-lsm probe observed no SELinux, AppArmor, LKRG or grsecurity',
        });
    } else if (system?.kind === 'hardened') {
      add('hardened', { fields: base, note: `${system.name} is accepted by name` });
    } else if (APPARMOR_READY_MESSAGE.test(readyMessage(node) ?? '')) {
      add('hardened', {
        fields: { ...base, 'status.conditions.Ready.message': readyMessage(node) ?? '' },
        note: 'the kubelet reports AppArmor enabled',
      });
    } else if (system?.kind === 'default-lsm') {
      add('inferred', {
        fields: { ...base, lsm: system.lsm ?? null },
        inferred: true,
        note: `${system.name} enables ${system.lsm} by default; not observed on the node (use the node-lsm probe)`,
      });
    } else {
      const why =
        system?.kind === 'lsm-off'
          ? `${system.name} ships without an enforcing security module`
          : 'unrecognised operating system';
      const probeError = observed?.error ? `; probe error: ${observed.error}` : '';
      add('undetermined', {
        fields: base,
        note: `${why}${probeError}; use the node-lsm probe to observe it`,
      });
    }
  }

  const evidence = verdicts.map((v) => v.evidence);
  const with_ = (verdict: Verdict) => verdicts.filter((v) => v.verdict === verdict).map((v) => v.node);
  const notHardened = with_('not-hardened');
  const undetermined = with_('undetermined');
  const inferred = with_('inferred');
  if (notHardened.length > 0) {
    return fail(
      NAME,
      `No security module or hardened OS on ${notHardened.length} node(s): ${notHardened.join(', ')}.`,
      evidence,
    );
  }
  if (undetermined.length > 0) {
    return unknown(
      NAME,
      'insufficient-data',
      `Hardening could not be determined for ${undetermined.length} node(s): ${undetermined.join(', ')}.`,
      evidence,
    );
  }
  const how = inferred.length > 0 ? ` (inferred from the OS default on ${inferred.length} node(s))` : '';
  return pass(
    NAME,
    `All ${verdicts.length} nodes run a hardened OS or a Linux security module${how}.`,
    evidence,
  );
};
