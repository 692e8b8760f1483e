import { App } from './kube.js';
import yaml from 'js-yaml';
import { HavenkitInputError } from './errors.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { AppDefinition } from './source.js';

/** A Kubernetes object as plain JSON. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

export interface SynthOptions {
  /** Namespace on every resource. @default - none */
  readonly namespace?: string;
}

/** One output file: a chart (an app) as one multi-document YAML file named `<chart>.yaml`. */
export interface SynthFile {
  readonly name: string;
  readonly objects: readonly K8sObject[];
  readonly yaml: string;
}

export interface SynthResult {
  readonly provider: string;
  readonly files: readonly SynthFile[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by kind, then name: the output order never depends on construction order. */
export function sortObjects(objects: readonly K8sObject[]): K8sObject[] {
  return [...objects].sort((a, b) => compare(a.kind, b.kind) || compare(a.metadata.name, b.metadata.name));
}

/** Multi-document YAML with sorted keys: byte-for-byte reproducible. */
export function renderYaml(objects: readonly K8sObject[]): string {
  return objects.map((o) => yaml.dump(o, { sortKeys: true, lineWidth: -1, noRefs: true })).join('---\n');
}

/** Synthesizes the app definitions for one provider, in memory. Throws on any bad input. */
export function synthesize(
  definitions: readonly AppDefinition[],
  profile: ProviderProfile,
  options: SynthOptions = {},
): SynthResult {
  const app = new App();
  for (const def of definitions) {
    try {
      def.build(app, { profile, ...(options.namespace ? { namespace: options.namespace } : {}) });
    } catch (err) {
      if (err instanceof HavenkitInputError) throw err;
      // Errors of user code and of cdk8s (e.g. two constructs with one name): one line naming the file.
      throw new HavenkitInputError(`${def.source}: ${(err as Error).message.split('\n')[0] ?? String(err)}`);
    }
  }
  const seen = new Map<string, string>();
  const files = app.charts
    .map((chart) => {
      const objects = sortObjects(chart.toJson() as K8sObject[]);
      for (const o of objects) {
        const key = `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
        const other = seen.get(key);
        if (other !== undefined)
          throw new HavenkitInputError(
            `--app: ${o.kind} "${o.metadata.name}" is produced by both ${other} and ${chart.node.id}; rename one app`,
          );
        seen.set(key, chart.node.id);
      }
      return { name: `${chart.node.id}.yaml`, objects, yaml: renderYaml(objects) };
    })
    .sort((a, b) => compare(a.name, b.name));
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name))
      throw new HavenkitInputError(`--app: two apps are named ${f.name.replace(/\.yaml$/, '')}`);
    names.add(f.name);
  }
  return { provider: profile.id, files };
}

/** All files of a result as one multi-document YAML text (stdout). */
export function resultYaml(result: SynthResult): string {
  return renderYaml(result.files.flatMap((f) => f.objects));
}
