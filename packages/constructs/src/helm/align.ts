/**
 * Matches the objects of every provider's synthesis by kind and name: one entry per object, with
 * the variant each provider synthesized, grouped by the app and component labels they carry.
 */
import { LABEL_COMPONENT, LABEL_PART_OF } from '../builders/identity.js';
import type { K8sObject } from '../synth.js';
import { compare } from './json.js';

/** The objects one provider synthesized. */
export interface ProviderObjects {
  readonly provider: string;
  readonly objects: readonly K8sObject[];
}

export interface AlignedObject {
  readonly kind: string;
  readonly name: string;
  /** `app.kubernetes.io/part-of`, if the object carries it. */
  readonly app?: string;
  /** `app.kubernetes.io/component`, if the object carries it. */
  readonly component?: string;
  /** Provider id → the object synthesized for it; only providers that have the object. */
  readonly variants: ReadonlyMap<string, K8sObject>;
}

const labelsOf = (o: K8sObject): Record<string, unknown> =>
  (o.metadata.labels as Record<string, unknown> | undefined) ?? {};

/** Objects of all providers, matched by kind+name, sorted by app, component, kind and name. */
export function alignObjects(syntheses: readonly ProviderObjects[]): AlignedObject[] {
  const byKey = new Map<string, { kind: string; name: string; variants: Map<string, K8sObject> }>();
  for (const s of syntheses) {
    for (const o of s.objects) {
      const key = `${o.kind}\u0000${o.metadata.name}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { kind: o.kind, name: o.metadata.name, variants: new Map() };
        byKey.set(key, entry);
      }
      entry.variants.set(s.provider, o);
    }
  }
  const aligned = [...byKey.values()].map((e): AlignedObject => {
    const first = [...e.variants.values()][0] as K8sObject;
    const app = labelsOf(first)[LABEL_PART_OF];
    const component = labelsOf(first)[LABEL_COMPONENT];
    return {
      ...e,
      ...(typeof app === 'string' ? { app } : {}),
      ...(typeof app === 'string' && typeof component === 'string' ? { component } : {}),
    };
  });
  return aligned.sort(
    (a, b) =>
      compare(a.app ?? '', b.app ?? '') ||
      compare(a.component ?? '', b.component ?? '') ||
      compare(a.kind, b.kind) ||
      compare(a.name, b.name),
  );
}

/** One template file: the objects of one component, of one app (no component), or without app. */
export interface TemplateGroup {
  /** Relative to the chart: `templates/<app>/<component>.yaml`, `templates/<app>.yaml`, `templates/objects.yaml`. */
  readonly file: string;
  readonly app?: string;
  readonly component?: string;
  readonly objects: readonly AlignedObject[];
}

export function groupByComponent(objects: readonly AlignedObject[]): TemplateGroup[] {
  const groups = new Map<
    string,
    { file: string; app?: string; component?: string; objects: AlignedObject[] }
  >();
  for (const o of objects) {
    const file =
      o.app === undefined
        ? 'templates/objects.yaml'
        : o.component === undefined
          ? `templates/${o.app}.yaml`
          : `templates/${o.app}/${o.component}.yaml`;
    let g = groups.get(file);
    if (!g) {
      g = {
        file,
        ...(o.app !== undefined ? { app: o.app } : {}),
        ...(o.component !== undefined ? { component: o.component } : {}),
        objects: [],
      };
      groups.set(file, g);
    }
    g.objects.push(o);
  }
  return [...groups.values()].sort((a, b) => compare(a.file, b.file));
}
