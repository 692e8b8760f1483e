/**
 * One library function per CLI command (`havenkit synth`, `providers`, `providers diff`): the
 * commands parse flags, call these, and render. Nothing here prints or exits.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diffObjects, type FieldDifference } from './diff.js';
import { HavenkitInputError } from './errors.js';
import { helmChart } from './helm.js';
import { loadBuiltinProfiles, loadProfile } from './profiles/load.js';
import { loadAppDefinitions } from './source.js';
import type { ProviderProfile } from './profiles/profile.js';
import { resultYaml, synthesize, type SynthResult } from './synth.js';
import { writeFilesAtomically, type FileSetWriter } from './write.js';

export type SynthFormat = 'manifests' | 'helm';

export interface SynthRequest {
  /** `--app`: a YAML/.ts/.js file or a directory of YAML apps. */
  readonly app: string;
  /**
   * `--provider`: a built-in id or a profile file; several (in this order) synthesize the app for
   * each in one run, which needs `out`: the files of each go to `<out>/<provider-id>/`.
   */
  readonly provider: string | readonly string[];
  /** `--out`: directory; without it the YAML is returned in `stdout` (one provider only). */
  readonly out?: string;
  readonly namespace?: string;
  /** @default 'manifests' */
  readonly format?: SynthFormat;
  /**
   * `--skip-unsupported`: with several providers, leave out (and report in `skipped`) those the
   * app cannot be synthesized for instead of failing the run. At least one must succeed.
   * @default false
   */
  readonly skipUnsupported?: boolean;
  /**
   * How the files of `--out` are written: all or nothing, after the whole synthesis succeeded.
   * @default writeFileSet (replaces regular files only)
   */
  readonly write?: FileSetWriter;
}

/** What one provider of a synthesis produced. */
export interface ProviderSynthReport {
  readonly provider: string;
  /** Files written for it (absent when printing; -o helm: the chart's files are the report's). */
  readonly written: readonly string[];
  /** Resources per kind. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface SynthReport {
  /** The (first) provider: the one -o helm's `values.yaml` selects. */
  readonly provider: string;
  readonly format: SynthFormat;
  /** Files written (absent when printing), of every provider. */
  readonly written: readonly string[];
  /** The YAML to print when there is no `--out`. */
  readonly stdout?: string;
  /** Resources per kind, of the first provider. */
  readonly counts: Readonly<Record<string, number>>;
  /** Every provider synthesized, in the order given (skipped ones left out). */
  readonly providers: readonly ProviderSynthReport[];
  /** Providers left out (helm chart, or `skipUnsupported`), with the reason. */
  readonly skipped: ReadonlyArray<{ readonly provider: string; readonly reason: string }>;
}

function countKinds(result: SynthResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of result.files.flatMap((f) => f.objects)) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}

/** The profiles of `--provider`, loaded (so a bad one fails before any synthesis), ids unique. */
function loadProfiles(refs: readonly string[]): ProviderProfile[] {
  if (refs.length === 0) throw new HavenkitInputError('--provider: name at least one provider');
  const profiles: ProviderProfile[] = [];
  const from = new Map<string, string>();
  for (const ref of refs) {
    const profile = loadProfile(ref);
    const other = from.get(profile.id);
    if (other === ref) continue; // the same provider twice: once
    if (other !== undefined)
      throw new HavenkitInputError(
        `--provider: ${ref} and ${other} are both provider "${profile.id}"; each provider needs its own id (its directory in --out)`,
      );
    from.set(profile.id, ref);
    profiles.push(profile);
  }
  return profiles;
}

/**
 * `havenkit synth`: synthesize fully in memory — for every provider asked, the app definitions
 * loaded once — then write (or return) the result, all files as one set.
 */
export async function synthCommand(request: SynthRequest): Promise<SynthReport> {
  const format = request.format ?? 'manifests';
  if (request.out !== undefined && existsSync(request.out) && !statSync(request.out).isDirectory()) {
    throw new HavenkitInputError(`--out: ${request.out} exists and is not a directory`);
  }
  if (format === 'helm' && request.out === undefined)
    throw new HavenkitInputError('--out: -o helm writes a chart directory; pass --out DIR');
  const refs = typeof request.provider === 'string' ? [request.provider] : [...request.provider];
  const profiles = loadProfiles(refs);
  const several = profiles.length > 1;
  if (several && request.out === undefined)
    throw new HavenkitInputError(
      `--out: ${profiles.length} providers are written to one directory each (DIR/<provider>/<app>.yaml); pass --out DIR`,
    );
  const definitions = await loadAppDefinitions(request.app);
  const options = request.namespace ? { namespace: request.namespace } : {};

  const results: SynthResult[] = [];
  const skipped: Array<{ provider: string; reason: string }> = [];
  for (const profile of profiles) {
    try {
      results.push(synthesize(definitions, profile, options));
    } catch (err) {
      if (!several || !(err instanceof HavenkitInputError)) throw err;
      if (!request.skipUnsupported)
        throw new HavenkitInputError(
          `provider "${profile.id}": ${err.message} (no file was written; --skip-unsupported leaves such providers out)`,
        );
      skipped.push({ provider: profile.id, reason: err.message });
    }
  }
  if (results.length === 0)
    throw new HavenkitInputError(
      `--provider: the app cannot be synthesized for any provider given (${skipped.map((s) => `${s.provider}: ${s.reason}`).join('; ')})`,
    );
  const first = results[0]!;

  if (format === 'helm') {
    const selected = profiles.find((p) => p.id === first.provider)!;
    // One --provider: the chart covers every built-in provider the app supports (as before);
    // several: exactly those given.
    const chart = helmChart(definitions, {
      ...options,
      provider: selected,
      profiles: several
        ? profiles.filter((p) => results.some((r) => r.provider === p.id))
        : loadBuiltinProfiles(),
    });
    if (several && !request.skipUnsupported && chart.skipped.length > 0) {
      const s = chart.skipped[0]!;
      throw new HavenkitInputError(
        `provider "${s.provider}": ${s.reason} (no file was written; --skip-unsupported leaves such providers out)`,
      );
    }
    const written = writeFilesAtomically(request.out ?? '.', chart.files, request.write);
    return {
      provider: first.provider,
      format,
      written,
      counts: countKinds(first),
      providers: results
        .filter((r) => !chart.skipped.some((s) => s.provider === r.provider))
        .map((r) => ({ provider: r.provider, written: [], counts: countKinds(r) })),
      skipped: [...skipped, ...chart.skipped],
    };
  }
  if (request.out === undefined) {
    return {
      provider: first.provider,
      format,
      written: [],
      stdout: resultYaml(first),
      counts: countKinds(first),
      providers: [{ provider: first.provider, written: [], counts: countKinds(first) }],
      skipped,
    };
  }
  const files = results.flatMap((r) =>
    r.files.map((f) => ({ name: several ? join(r.provider, f.name) : f.name, content: f.yaml })),
  );
  const written = writeFilesAtomically(request.out, files, request.write);
  let next = 0;
  const providers = results.map((r) => {
    const mine = written.slice(next, next + r.files.length);
    next += r.files.length;
    return { provider: r.provider, written: mine, counts: countKinds(r) };
  });
  return { provider: first.provider, format, written, counts: countKinds(first), providers, skipped };
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
    rwx: p.storage.rwx.supported ? p.storage.rwx.class : 'none',
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
