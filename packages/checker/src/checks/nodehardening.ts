import type { LocalizedText, OperatingSystem, Evidence, KubeObject } from '@havenkit/model';
import type { CheckFunction } from './context.js';
import { osImageOf } from './nodes.js';
import {
  arrayField,
  both,
  fail,
  field,
  nameOf,
  nlCount,
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
  return both(`${system.name} is accepted by name`, `${system.name} wordt op naam geaccepteerd`);
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
    return unknown(
      NAME,
      'insufficient-data',
      both('The cluster has no nodes to inspect.', 'Het cluster heeft geen nodes om te inspecteren.'),
    );
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
          note: both(
            `${hardening.join(', ')} observed by the node-lsm probe`,
            `${hardening.join(', ')} waargenomen door de node-lsm-probe`,
          ),
        });
      } else if (system?.kind === 'hardened') {
        add('hardened', { fields, note: acceptedByName(system) });
      } else {
        // A node without a security module makes the check fail (and only fail: see below).
        add('not-hardened', {
          fields,
          note: both(
            'the node-lsm probe observed no SELinux, AppArmor, LKRG or grsecurity',
            'de node-lsm-probe heeft geen SELinux, AppArmor, LKRG of grsecurity waargenomen',
          ),
          offending: true,
        });
      }
    } else if (system?.kind === 'hardened') {
      add('hardened', { fields: base, note: acceptedByName(system) });
    } else if (APPARMOR_READY_MESSAGE.test(readyMessage(node) ?? '')) {
      add('hardened', {
        fields: { ...base, 'status.conditions.Ready.message': readyMessage(node) ?? '' },
        note: both('the kubelet reports AppArmor enabled', 'de kubelet meldt dat AppArmor is ingeschakeld'),
      });
    } else if (system?.kind === 'default-lsm') {
      add('inferred', {
        fields: { ...base, lsm: system.lsm ?? null },
        inferred: true,
        note: both(
          `${system.name} enables ${system.lsm} by default; not observed on the node (use the node-lsm probe)`,
          `${system.name} schakelt ${system.lsm} standaard in; niet waargenomen op de node (gebruik de node-lsm-probe)`,
        ),
      });
    } else {
      const why =
        system?.kind === 'lsm-off'
          ? both(
              `${system.name} ships without an enforcing security module`,
              `${system.name} wordt geleverd zonder afdwingende beveiligingsmodule`,
            )
          : both('unrecognised operating system', 'onbekend besturingssysteem');
      const probeError = observed?.error
        ? both(`; probe error: ${observed.error}`, `; fout van de probe: ${observed.error}`)
        : both('', '');
      add('undetermined', {
        fields: base,
        note: both(
          `${why.en}${probeError.en}; use the node-lsm probe to observe it`,
          `${why.nl}${probeError.nl}; gebruik de node-lsm-probe om dit waar te nemen`,
        ),
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
      both(
        `No security module or hardened OS on ${notHardened.length} node(s): ${notHardened.join(', ')}.`,
        `Geen beveiligingsmodule of gehard besturingssysteem op ${nlCount(notHardened.length, 'node', 'nodes')}: ${notHardened.join(', ')}.`,
      ),
      evidence,
    );
  }
  if (undetermined.length > 0) {
    return unknown(
      NAME,
      'insufficient-data',
      both(
        `Hardening could not be determined for ${undetermined.length} node(s): ${undetermined.join(', ')}.`,
        `Voor ${nlCount(undetermined.length, 'node', 'nodes')} kon niet worden vastgesteld of ze gehard zijn: ${undetermined.join(', ')}.`,
      ),
      evidence,
    );
  }
  const how =
    inferred.length > 0
      ? both(
          ` (inferred from the OS default on ${inferred.length} node(s))`,
          ` (afgeleid uit de standaardinstelling van het besturingssysteem op ${nlCount(inferred.length, 'node', 'nodes')})`,
        )
      : both('', '');
  return pass(
    NAME,
    both(
      `All ${verdicts.length} nodes run a hardened OS or a Linux security module${how.en}.`,
      verdicts.length === 1
        ? `De enige node draait een gehard besturingssysteem of een Linux-beveiligingsmodule${how.nl}.`
        : `Alle ${verdicts.length} nodes draaien een gehard besturingssysteem of een Linux-beveiligingsmodule${how.nl}.`,
    ),
    evidence,
  );
};
