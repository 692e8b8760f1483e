import yaml from 'js-yaml';
import { HavenkitInputError } from './errors.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { AppDefinition } from './source.js';
import { renderYaml, synthesize, type K8sObject, type SynthOptions } from './synth.js';

/** A knob of the chart: a field of a synthesized object, replaced by a `.Values` lookup. */
interface Knob {
  readonly values: readonly string[];
  readonly value: unknown;
}

const placeholder = (n: number): string => `__HAVENKIT_VALUE_${n}__`;

function valuesLookup(path: readonly string[]): string {
  return `index .Values ${path.map((p) => JSON.stringify(p)).join(' ')}`;
}

/**
 * Replaces the knobs (image, replicas, ingress host) of each object with placeholders and
 * returns the values they had. The same objects for every provider give the same knobs.
 */
function extractKnobs(objects: readonly K8sObject[], knobs: Knob[]): K8sObject[] {
  const out = structuredClone(objects) as Array<Record<string, unknown> & K8sObject>;
  const use = (values: string[], value: unknown): string => {
    let i = knobs.findIndex((k) => k.values.join('\u0000') === values.join('\u0000'));
    if (i === -1) {
      knobs.push({ values, value });
      i = knobs.length - 1;
    }
    return placeholder(i);
  };
  for (const o of out) {
    const component = (o.metadata.labels as Record<string, string> | undefined)?.[
      'app.kubernetes.io/component'
    ];
    if (!component) continue;
    const spec = o.spec as Record<string, unknown> | undefined;
    if (!spec) continue;
    if (o.kind === 'Deployment' || o.kind === 'StatefulSet') {
      spec.replicas = use(['components', component, 'replicas'], spec.replicas);
      const containers = (spec.template as { spec: { containers: Array<{ image: string }> } }).spec
        .containers;
      for (const c of containers) c.image = use(['components', component, 'image'], c.image);
    } else if (o.kind === 'HorizontalPodAutoscaler') {
      spec.minReplicas = use(['components', component, 'replicas'], spec.minReplicas);
    } else if (o.kind === 'Ingress') {
      const rules = spec.rules as Array<{ host: string }>;
      const tls = spec.tls as Array<{ hosts: string[] }>;
      for (const r of rules) r.host = use(['components', component, 'host'], r.host);
      for (const t of tls) t.hosts = t.hosts.map((h) => use(['components', component, 'host'], h));
    }
  }
  return out;
}

export interface HelmChartOptions extends SynthOptions {
  /** The provider `values.yaml` selects. */
  readonly provider: ProviderProfile;
  /** Every provider the chart can render (the selected one is added if missing). */
  readonly profiles: readonly ProviderProfile[];
  /** @default '0.1.0' */
  readonly chartVersion?: string;
}

export interface HelmChart {
  /** Relative path → content. */
  readonly files: ReadonlyArray<{ readonly name: string; readonly content: string }>;
  /** Providers the app cannot be synthesized for (left out of the chart), with the reason. */
  readonly skipped: ReadonlyArray<{ readonly provider: string; readonly reason: string }>;
}

/**
 * A Helm chart of the app for every provider: `values.yaml` selects `provider` and exposes image,
 * replicas and host per component. Rendered with its default values, the chart equals the plain
 * synthesis for the selected provider (compared as parsed YAML; Helm adds `# Source` comments).
 */
export function helmChart(definitions: readonly AppDefinition[], options: HelmChartOptions): HelmChart {
  const selected = options.provider;
  const profiles = [...options.profiles.filter((p) => p.id !== selected.id), selected].sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  const synthOptions = options.namespace ? { namespace: options.namespace } : {};
  const chartName =
    synthesize(definitions, selected, synthOptions).files[0]?.name.replace(/\.yaml$/, '') ?? 'app';
  const knobs: Knob[] = [];
  const blocks: string[] = [];
  const skipped: Array<{ provider: string; reason: string }> = [];
  for (const p of profiles) {
    let objects: K8sObject[];
    try {
      objects = synthesize(definitions, p, synthOptions).files.flatMap((f) => f.objects);
    } catch (err) {
      if (p.id === selected.id) throw err;
      skipped.push({ provider: p.id, reason: (err as Error).message });
      continue;
    }
    const text = renderYaml(extractKnobs(objects, knobs));
    if (text.includes('{{'))
      throw new HavenkitInputError(
        `provider "${p.id}": the manifests contain "{{", which Helm would interpret`,
      );
    const templated = text.replace(
      /'?__HAVENKIT_VALUE_(\d+)__'?/g,
      (_m, n: string) => `{{ ${valuesLookup(knobs[Number(n)]?.values ?? [])} }}`,
    );
    blocks.push(
      `{{- ${blocks.length === 0 ? 'if' : 'else if'} eq .Values.provider ${JSON.stringify(p.id)} }}\n${templated}`,
    );
  }
  const known = profiles.map((p) => p.id).filter((id) => !skipped.some((s) => s.provider === id));
  const template = `${blocks.join('')}{{- else }}\n{{- fail (printf "provider %q is not in this chart (known: ${known.join(', ')})" .Values.provider) }}\n{{- end }}\n`;

  const values: Record<string, unknown> = { provider: selected.id, components: {} };
  for (const k of knobs) {
    let node = values;
    k.values.slice(0, -1).forEach((segment) => {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    });
    node[k.values[k.values.length - 1] ?? ''] = k.value;
  }
  const chart = {
    apiVersion: 'v2',
    name: chartName,
    description: `${chartName} for every provider, synthesized by havenkit`,
    type: 'application',
    version: options.chartVersion ?? '0.1.0',
  };
  const dump = (v: unknown): string => yaml.dump(v, { sortKeys: true, lineWidth: -1, noRefs: true });
  return {
    files: [
      { name: 'Chart.yaml', content: dump(chart) },
      { name: 'values.yaml', content: `# provider: one of ${known.join(', ')}\n${dump(values)}` },
      { name: 'templates/manifests.yaml', content: template },
    ],
    skipped,
  };
}
