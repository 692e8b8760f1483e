/**
 * The knobs of the chart: per app and component, the values a supplier sets per municipality
 * (images of every container, replicas, the HPA maximum, ingress hosts). Knobs are found in the
 * synthesized objects by kind and field, never by provider: a field is a knob only where every
 * provider synthesized the same value.
 */
import type { K8sObject } from '../synth.js';
import type { AlignedObject } from './align.js';
import { deepEqual, getPath, isRecord, lookup, setPath, type Json, type Segment } from './json.js';

export type KnobKind = 'image' | 'replicas' | 'maxReplicas' | 'host';

export interface KnobValue {
  /** Path below `apps.<app>.components.<component>`. */
  readonly path: readonly string[];
  readonly kind: KnobKind;
  readonly value: Json;
}

/** The template variable that holds `.Values.apps.<app>.components.<component>`. */
export const COMPONENT_VAR = '$c';

/** The knobs of one component, claimed as the templates use them. */
export class ComponentKnobs {
  private readonly byPath = new Map<string, KnobValue>();
  constructor(
    readonly app: string,
    readonly component: string,
  ) {}

  /**
   * The path of the knob for `value`: `base` if free or holding the same value, else `base_2`, … so
   * two different values never share a knob.
   */
  claim(base: readonly string[], kind: KnobKind, value: Json): readonly string[] {
    for (let n = 1; ; n++) {
      const last = base[base.length - 1] ?? '';
      const path = [...base.slice(0, -1), n === 1 ? last : `${last}_${n}`];
      const id = path.join('\u0000');
      const existing = this.byPath.get(id);
      if (!existing) {
        this.byPath.set(id, { path, kind, value });
        return path;
      }
      if (existing.kind === kind && deepEqual(existing.value, value)) return path;
    }
  }

  get values(): KnobValue[] {
    return [...this.byPath.values()];
  }
}

/** A synthesized leaf replaced by a knob: the template renders `expr()`; the value is the default. */
export class KnobRef {
  constructor(
    readonly value: Json,
    readonly expr: () => string,
  ) {}
}

interface Candidate {
  readonly path: readonly Segment[];
  readonly base: readonly string[];
  readonly kind: KnobKind;
}

/** Paths of `containers`/`initContainers` entries with an image, anywhere in the object. */
function containerImages(node: unknown, path: Segment[], component: string, out: Candidate[]): void {
  if (Array.isArray(node)) {
    node.forEach((x, i) => containerImages(x, [...path, i], component, out));
    return;
  }
  if (!isRecord(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'containers' || k === 'initContainers') && Array.isArray(v)) {
      v.forEach((c, i) => {
        if (isRecord(c) && typeof c.image === 'string' && typeof c.name === 'string')
          out.push({
            path: [...path, k, i, 'image'],
            base: c.name === component ? ['image'] : ['images', c.name],
            kind: 'image',
          });
      });
    } else containerImages(v, [...path, k], component, out);
  }
}

function candidates(o: K8sObject, component: string, hasHpa: boolean): Candidate[] {
  const out: Candidate[] = [];
  const spec = o.spec;
  if (!isRecord(spec)) return out;
  if ((o.kind === 'Deployment' || o.kind === 'StatefulSet') && 'replicas' in spec && !hasHpa)
    out.push({ path: ['spec', 'replicas'], base: ['replicas'], kind: 'replicas' });
  if (o.kind === 'HorizontalPodAutoscaler') {
    if ('minReplicas' in spec)
      out.push({ path: ['spec', 'minReplicas'], base: ['replicas'], kind: 'replicas' });
    if ('maxReplicas' in spec)
      out.push({ path: ['spec', 'maxReplicas'], base: ['maxReplicas'], kind: 'maxReplicas' });
  }
  if (o.kind === 'Ingress') {
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((r, i) => {
      if (isRecord(r) && typeof r.host === 'string')
        out.push({ path: ['spec', 'rules', i, 'host'], base: ['host'], kind: 'host' });
    });
    (Array.isArray(spec.tls) ? spec.tls : []).forEach((t, i) => {
      if (isRecord(t) && Array.isArray(t.hosts))
        t.hosts.forEach((_h, j) =>
          out.push({ path: ['spec', 'tls', i, 'hosts', j], base: ['host'], kind: 'host' }),
        );
    });
  }
  containerImages(o, [], component, out);
  return out;
}

/** `Kind/name` of every object an HPA scales. */
export function hpaTargets(objects: readonly AlignedObject[]): Set<string> {
  const targets = new Set<string>();
  for (const o of objects) {
    if (o.kind !== 'HorizontalPodAutoscaler') continue;
    for (const v of o.variants.values()) {
      const ref = getPath(v, ['spec', 'scaleTargetRef']);
      if (isRecord(ref)) targets.add(`${String(ref.kind)}/${String(ref.name)}`);
    }
  }
  return targets;
}

/**
 * Replaces the knob leaves of the variants (copies, mutated) with one shared `KnobRef` each. A
 * knob is claimed when the template renders it. A Deployment scaled by an HPA keeps its synthesized
 * `replicas` (if any): the HPA owns the count.
 */
export function markKnobs(
  object: AlignedObject,
  variants: ReadonlyMap<string, unknown>,
  knobs: ComponentKnobs,
  hasHpa: boolean,
): void {
  const first = [...object.variants.values()][0] as K8sObject;
  let minReplicas: (() => readonly string[]) | undefined;
  for (const c of candidates(first, knobs.component, hasHpa)) {
    const values = [...variants.values()].map((v) => getPath(v, c.path));
    const value = values[0] as Json;
    if (value === undefined || !values.every((v) => deepEqual(v, value))) continue;
    let claimed: readonly string[] | undefined;
    const claim = (): readonly string[] => (claimed ??= knobs.claim(c.base, c.kind, value));
    const min = object.kind === 'HorizontalPodAutoscaler' ? minReplicas : undefined;
    if (object.kind === 'HorizontalPodAutoscaler' && c.kind === 'replicas') minReplicas = claim;
    const ref = new KnobRef(value, () =>
      // An HPA maximum below the minimum is rejected by the API server: render the larger.
      c.kind === 'maxReplicas' && min
        ? `(max ${lookup(COMPONENT_VAR, [...min()])} ${lookup(COMPONENT_VAR, [...claim()])})`
        : lookup(COMPONENT_VAR, [...claim()]),
    );
    for (const v of variants.values()) setPath(v, c.path, ref);
  }
}
