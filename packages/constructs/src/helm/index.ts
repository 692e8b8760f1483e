/**
 * `havenkit synth -o helm`: one chart for every provider. The app is synthesized per provider; the
 * objects are matched by kind and name; what all providers agree on is written once, the fields they
 * differ in become per-provider values, and the knobs of each component (images, replicas, hosts)
 * values of their own. Pure: objects in, files out.
 */
import yaml from 'js-yaml';
import { HavenkitInputError } from '../errors.js';
import type { ProviderProfile } from '../profiles/profile.js';
import type { AppDefinition } from '../source.js';
import { synthesize, type K8sObject, type SynthOptions } from '../synth.js';
import { alignObjects, groupByComponent, type AlignedObject, type ProviderObjects } from './align.js';
import { PROVIDER_GUARD, helpersTpl, notesTxt, readme, type ComponentSummary } from './docs.js';
import { compare, goString, isRecord, lookup } from './json.js';
import { COMPONENT_VAR, ComponentKnobs, KnobRef, hpaTargets, markKnobs } from './knobs.js';
import {
  NAMESPACE_SENTINEL,
  PROVIDER_VAR,
  assignDiffKeys,
  mergeVariants,
  type MergeContext,
  type TNode,
} from './merge.js';
import { renderNode } from './render.js';
import { appValues, valuesSchema, valuesYaml, type ChartValues, type Skipped } from './values.js';

export { NAMESPACE_SENTINEL } from './merge.js';
export type { ProviderObjects } from './align.js';

export interface HelmChartOptions extends SynthOptions {
  /** The provider `values.yaml` selects. */
  readonly provider: ProviderProfile;
  /** Every provider the chart can render (the selected one is added if missing). */
  readonly profiles: readonly ProviderProfile[];
  /** @default '0.1.0' */
  readonly chartVersion?: string;
  /** @default the name of the first app */
  readonly name?: string;
}

export interface HelmChartFile {
  readonly name: string;
  readonly content: string;
}

export interface HelmChart {
  /** Relative path → content. */
  readonly files: readonly HelmChartFile[];
  /** Providers the app cannot be synthesized for (left out of the chart), with the reason. */
  readonly skipped: readonly Skipped[];
}

/** The label that names the release on every object of the chart. */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';

const RELEASE_NAME = new KnobRef(null, () => '$.Release.Name');

/** Copies of the variants, with the knobs marked and the instance label added. */
function prepare(
  object: AlignedObject,
  knobs: ComponentKnobs | undefined,
  scaled: ReadonlySet<string>,
): Array<readonly [string, unknown]> {
  const copies = new Map<string, Record<string, unknown>>();
  for (const [p, o] of object.variants) {
    const copy = structuredClone(o) as Record<string, unknown> & K8sObject;
    const metadata = copy.metadata as Record<string, unknown>;
    const labels = isRecord(metadata.labels) ? metadata.labels : (metadata.labels = {});
    (labels as Record<string, unknown>)[INSTANCE_LABEL] ??= RELEASE_NAME;
    copies.set(p, copy);
  }
  if (knobs) markKnobs(object, copies, knobs, scaled.has(`${object.kind}/${object.name}`));
  return [...copies];
}

interface MergedObject {
  readonly object: AlignedObject;
  readonly node: TNode;
  readonly ctx: MergeContext;
}

export interface ChartInput {
  readonly name: string;
  readonly version: string;
  /** The provider `values.yaml` selects. */
  readonly provider: string;
  /** The objects of every provider in the chart, synthesized in namespace `NAMESPACE_SENTINEL`. */
  readonly syntheses: readonly ProviderObjects[];
  readonly skipped: readonly Skipped[];
}

/** The files of the chart, from the objects of every provider. */
export function chartFiles(input: ChartInput): HelmChartFile[] {
  const known = input.syntheses.map((s) => s.provider).sort(compare);
  const aligned = alignObjects(input.syntheses);
  const scaled = hpaTargets(aligned);
  const groups = groupByComponent(aligned);
  const knobs: ComponentKnobs[] = [];
  const merged = groups.map((g) => {
    const k =
      g.app !== undefined && g.component !== undefined ? new ComponentKnobs(g.app, g.component) : undefined;
    if (k) knobs.push(k);
    const objects = g.objects.map((object): MergedObject => {
      const ctx: MergeContext = { diffs: [], what: `${object.kind} ${object.name}` };
      const node = mergeVariants(prepare(object, k, scaled), ctx);
      assignDiffKeys(ctx.diffs);
      return { object, node, ctx };
    });
    return { group: g, objects };
  });

  // Blocks of the provider values: the object's name, or Kind/name where two objects share a name.
  const withDiffs = merged.flatMap((g) => g.objects).filter((m) => m.ctx.diffs.length > 0);
  const names = new Map<string, number>();
  for (const m of withDiffs) names.set(m.object.name, (names.get(m.object.name) ?? 0) + 1);
  for (const m of withDiffs)
    m.ctx.blockKey =
      (names.get(m.object.name) ?? 0) > 1 ? `${m.object.kind}/${m.object.name}` : m.object.name;

  const templates = merged.map(({ group, objects }) => {
    const docs = objects.map(({ object, node }) => {
      const doc = `---\n${renderNode(node)}`;
      if (object.variants.size === known.length) return doc;
      const only = known.filter((p) => object.variants.has(p));
      return `{{- if has (toString .Values.provider) (list ${only.map(goString).join(' ')}) }}\n${doc}{{- end }}\n`;
    });
    const body = docs.join('');
    const header = [
      `{{- /* ${group.app ?? 'Objects of no app'}${group.component ? ` ${group.component}` : ''}: generated by havenkit; regenerate rather than edit. */}}`,
      `{{- include ${goString(PROVIDER_GUARD)} . }}`,
      ...(body.includes(PROVIDER_VAR)
        ? [`{{- ${PROVIDER_VAR} := index .Values.providers .Values.provider }}`]
        : []),
      ...(body.includes(COMPONENT_VAR) && group.app !== undefined && group.component !== undefined
        ? [`{{- ${COMPONENT_VAR} := ${lookup('.Values.apps', [group.app, 'components', group.component])} }}`]
        : []),
    ];
    return { name: group.file, content: `${header.join('\n')}\n${body}` };
  });

  const providers: ChartValues['providers'] = {};
  for (const p of known) {
    providers[p] = {};
    for (const m of withDiffs) {
      if (!m.object.variants.has(p)) continue;
      const block: Record<string, ChartValues['providers'][string][string][string]> = {};
      for (const d of m.ctx.diffs) {
        const v = d.values.get(p);
        if (v !== undefined) block[d.key ?? ''] = v;
      }
      providers[p][m.ctx.blockKey ?? ''] = block;
    }
  }
  const values: ChartValues = { provider: input.provider, apps: appValues(knobs), providers };
  const components: ComponentSummary[] = knobs.map((k) => ({
    app: k.app,
    component: k.component,
    hosts: k.values.filter((v) => v.kind === 'host').map((v) => v.path.join('.')),
  }));
  const chart = {
    apiVersion: 'v2',
    name: input.name,
    description: `${input.name} for the providers ${known.join(', ')}, synthesized by havenkit`,
    type: 'application',
    version: input.version,
  };
  const dump = (v: unknown): string => yaml.dump(v, { sortKeys: true, lineWidth: -1, noRefs: true });
  const templateNames = templates.map((t) => t.name);
  return [
    { name: 'Chart.yaml', content: dump(chart) },
    { name: 'README.md', content: readme(input.name, values, templateNames, known, input.skipped) },
    { name: 'values.yaml', content: valuesYaml(values, known, input.skipped) },
    {
      name: 'values.schema.json',
      content: `${JSON.stringify(valuesSchema(values, knobs, known, input.skipped), null, 2)}\n`,
    },
    { name: 'templates/NOTES.txt', content: notesTxt(components) },
    { name: 'templates/_helpers.tpl', content: helpersTpl(known, input.skipped) },
    ...templates,
  ];
}

/**
 * A Helm chart of the apps for every provider: `values.yaml` selects `provider` and exposes the
 * knobs per app and component. `helm template R chart --namespace NS --set provider=P` equals the
 * plain synthesis for P in namespace NS (compared as parsed YAML) plus the label
 * `app.kubernetes.io/instance: R` on every object. `options.namespace` does not change the chart:
 * the namespace is the release's.
 */
export function helmChart(definitions: readonly AppDefinition[], options: HelmChartOptions): HelmChart {
  const selected = options.provider;
  const profiles = [...options.profiles.filter((p) => p.id !== selected.id), selected].sort((a, b) =>
    compare(a.id, b.id),
  );
  const syntheses: ProviderObjects[] = [];
  const skipped: Skipped[] = [];
  let name = options.name;
  for (const p of profiles) {
    try {
      const result = synthesize(definitions, p, { namespace: NAMESPACE_SENTINEL });
      name ??= result.files[0]?.name.replace(/\.yaml$/, '');
      syntheses.push({ provider: p.id, objects: result.files.flatMap((f) => f.objects) });
    } catch (err) {
      if (p.id === selected.id) throw err;
      if (!(err instanceof HavenkitInputError)) throw err;
      skipped.push({ provider: p.id, reason: err.message });
    }
  }
  const files = chartFiles({
    name: name ?? 'app',
    version: options.chartVersion ?? '0.1.0',
    provider: selected.id,
    syntheses,
    skipped,
  });
  return { files, skipped };
}
