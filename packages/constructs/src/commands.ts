/**
 * One library function per CLI command (`havenkit synth`, `providers`, `providers diff`): the
 * commands parse flags, call these, and render. Nothing here prints or exits.
 */
import { existsSync, statSync } from 'node:fs';
import { diffObjects, type FieldDifference } from './diff.js';
import { HavenkitInputError } from './errors.js';
import { helmChart } from './helm.js';
import { loadBuiltinProfiles, loadProfile } from './profiles/load.js';
import { loadAppDefinitions } from './source.js';
import { resultYaml, synthesize } from './synth.js';
import { writeFilesAtomically, type FileSetWriter } from './write.js';

export type SynthFormat = 'manifests' | 'helm';

export interface SynthRequest {
  /** `--app`: a YAML/.ts/.js file or a directory of YAML apps. */
  readonly app: string;
  /** `--provider`: a built-in id or a profile file. */
  readonly provider: string;
  /** `--out`: directory; without it the YAML is returned in `stdout`. */
  readonly out?: string;
  readonly namespace?: string;
  /** @default 'manifests' */
  readonly format?: SynthFormat;
  /**
   * How the files of `--out` are written: all or nothing, after the whole synthesis succeeded.
   * @default writeFileSet (replaces regular files only)
   */
  readonly write?: FileSetWriter;
}

export interface SynthReport {
  readonly provider: string;
  readonly format: SynthFormat;
  /** Files written (absent when printing). */
  readonly written: readonly string[];
  /** The YAML to print when there is no `--out`. */
  readonly stdout?: string;
  /** Resources per kind. */
  readonly counts: Readonly<Record<string, number>>;
  /** Helm only: providers left out of the chart, with the reason. */
  readonly skipped: ReadonlyArray<{ readonly provider: string; readonly reason: string }>;
}

/** `havenkit synth`: synthesize fully in memory, then write (or return) the result. */
export async function synthCommand(request: SynthRequest): Promise<SynthReport> {
  const format = request.format ?? 'manifests';
  if (request.out !== undefined && existsSync(request.out) && !statSync(request.out).isDirectory()) {
    throw new HavenkitInputError(`--out: ${request.out} exists and is not a directory`);
  }
  if (format === 'helm' && request.out === undefined)
    throw new HavenkitInputError('--out: -o helm writes a chart directory; pass --out DIR');
  const profile = loadProfile(request.provider);
  const definitions = await loadAppDefinitions(request.app);
  const options = request.namespace ? { namespace: request.namespace } : {};
  const result = synthesize(definitions, profile, options);
  const counts: Record<string, number> = {};
  for (const o of result.files.flatMap((f) => f.objects)) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  if (format === 'helm') {
    const chart = helmChart(definitions, { ...options, provider: profile, profiles: loadBuiltinProfiles() });
    const written = writeFilesAtomically(request.out ?? '.', chart.files, request.write);
    return { provider: profile.id, format, written, counts, skipped: chart.skipped };
  }
  if (request.out === undefined)
    return { provider: profile.id, format, written: [], stdout: resultYaml(result), counts, skipped: [] };
  const written = writeFilesAtomically(
    request.out,
    result.files.map((f) => ({ name: f.name, content: f.yaml })),
    request.write,
  );
  return { provider: profile.id, format, written, counts, skipped: [] };
}

export interface ProviderSummary {
  readonly id: string;
  readonly name: string;
  readonly rwx: string;
  readonly description?: string;
}

/** `havenkit providers`: the built-in profiles, sorted by id. */
export function listProviders(): ProviderSummary[] {
  return loadBuiltinProfiles().map((p) => ({
    id: p.id,
    name: p.name,
    rwx: p.storage.rwx.supported ? (p.storage.rwx.class ?? 'cluster default') : 'none',
    ...(p.description ? { description: p.description } : {}),
  }));
}

export interface ProvidersDiffRequest {
  readonly a: string;
  readonly b: string;
  readonly app: string;
  readonly namespace?: string;
}

/** `havenkit providers diff A B --app FILE`: exactly the fields of each resource that differ. */
export async function providersDiffCommand(
  request: ProvidersDiffRequest,
): Promise<{ readonly a: string; readonly b: string; readonly differences: FieldDifference[] }> {
  const a = loadProfile(request.a);
  const b = loadProfile(request.b);
  const definitions = await loadAppDefinitions(request.app);
  const options = request.namespace ? { namespace: request.namespace } : {};
  const left = synthesize(definitions, a, options).files.flatMap((f) => f.objects);
  const right = synthesize(definitions, b, options).files.flatMap((f) => f.objects);
  return { a: a.id, b: b.id, differences: diffObjects(left, right) };
}
