/**
 * CI gates on a register (`havenkit sovereignty --fail-on …`): which findings make the run fail.
 * A gate is a name, optionally scoped to one function (`non-eu:storage`). Pure.
 */
import { InputError, type DependencyRegister, type FunctionId, type Jurisdiction } from '@havenkit/model';

/** The gates, and what each finds. */
export const GATES = {
  'non-eu': 'a dependency on an entity with its seat outside the EU/EEA',
  'non-eu-parent': 'a dependency on an entity in the EU/EEA controlled from outside it',
  'non-eu-hosting':
    'nodes hosted by an entity controlled outside the EU/EEA (non-eu or non-eu-parent in hosting)',
  'non-eu-registry': 'an image from a registry operated or hosted by an entity controlled outside the EU/EEA',
  'non-eu-location': 'a node or volume in a country outside the EU/EEA',
  unpinned: 'an image not pinned by digest',
  unknown: 'a dependency, image registry or location that is not known, or a function that could not be read',
} as const;

export type GateName = keyof typeof GATES;

/** A gate as given: its name and, for non-eu, non-eu-parent and unknown, an optional function. */
export interface Gate {
  readonly name: GateName;
  readonly function?: FunctionId;
}

/** One finding of a gate: the gate as written and a line that says what tripped it. */
export interface GateFinding {
  readonly gate: string;
  readonly finding: string;
  /** True when only an unknown tripped it (nothing known is wrong). */
  readonly unknownOnly: boolean;
}

const SCOPABLE = new Set<GateName>(['non-eu', 'non-eu-parent', 'unknown']);

/**
 * Parses --fail-on values.
 * @throws InputError naming the flag and the value, listing the gates and functions.
 */
export function parseGates(
  values: readonly string[],
  functionIds: readonly FunctionId[],
  flag = '--fail-on',
): Gate[] {
  return values.map((raw) => {
    const [name, fn, ...rest] = raw.trim().split(':');
    if (!name || !(name in GATES) || rest.length > 0) {
      throw new InputError(
        `${flag} ${raw}: not a gate; choose from ${Object.keys(GATES).join(', ')} (non-eu, non-eu-parent and unknown also as GATE:FUNCTION)`,
      );
    }
    if (fn === undefined) return { name: name as GateName };
    if (!SCOPABLE.has(name as GateName))
      throw new InputError(`${flag} ${raw}: only non-eu, non-eu-parent and unknown take a function`);
    if (!functionIds.includes(fn as FunctionId))
      throw new InputError(`${flag} ${raw}: no function ${fn}; functions: ${functionIds.join(', ')}`);
    return { name: name as GateName, function: fn as FunctionId };
  });
}

const OUTSIDE: readonly Jurisdiction[] = ['non-eu', 'eu-non-eu-parent'];

/** The findings of the gates on a register; empty when none trips. */
export function evaluateGates(register: DependencyRegister, gates: readonly Gate[]): GateFinding[] {
  const findings: GateFinding[] = [];
  for (const gate of gates) {
    const label = gate.function ? `${gate.name}:${gate.function}` : gate.name;
    const functions = register.functions.filter((f) => gate.function === undefined || f.id === gate.function);
    const found = (finding: string, unknownOnly = false) =>
      findings.push({ gate: label, finding, unknownOnly });
    const byJurisdiction = (wanted: readonly Jurisdiction[], fns = functions) => {
      for (const f of fns) {
        for (const d of f.dependencies) {
          if (wanted.includes(d.jurisdiction))
            found(
              `${f.id}: ${d.name}${d.what ? ` (${d.what})` : ''} — ${d.matchedBy}`,
              d.jurisdiction === 'unknown',
            );
        }
      }
    };
    switch (gate.name) {
      case 'non-eu':
        byJurisdiction(['non-eu']);
        break;
      case 'non-eu-parent':
        byJurisdiction(['eu-non-eu-parent']);
        break;
      case 'non-eu-hosting':
        byJurisdiction(
          OUTSIDE,
          register.functions.filter((f) => f.id === 'hosting'),
        );
        break;
      case 'non-eu-registry':
        for (const i of register.images)
          if (OUTSIDE.includes(i.jurisdiction)) found(`image ${i.reference} (${i.registry ?? i.host})`);
        break;
      case 'non-eu-location':
        for (const l of register.locations)
          if (l.eea === false) found(`${l.nodes} nodes and ${l.volumes} volumes in ${l.country}`);
        break;
      case 'unpinned':
        for (const i of register.images) if (!i.pinned) found(`image ${i.reference} is not pinned by digest`);
        break;
      case 'unknown':
        byJurisdiction(['unknown']);
        for (const f of functions) {
          if (f.status === 'not-collected' || f.status === 'unreadable')
            found(`${f.id}: ${f.status}: ${f.why ?? ''}`, true);
        }
        if (gate.function === undefined) {
          for (const l of register.locations)
            if (l.country === 'unknown')
              found(`${l.nodes} nodes and ${l.volumes} volumes in an unknown country`, true);
        }
        break;
    }
  }
  return findings;
}
