/**
 * The facts of the digital-dependency register (compliance/sovereignty/*.yaml, one schema:
 * compliance/schemas/sovereignty.schema.json): loading the bundled files, reading a user's file
 * with the same schema, putting them together (the user's entries win), and the checks the
 * schema cannot make (every id a fact cites exists, parents form no cycle, no two matchers claim
 * the same key for different entities). Errors are one line naming the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CatalogueError,
  HOSTING_ENTITY,
  InputError,
  SELF_ENTITY,
  oneLine,
  type Entity,
  type EntityResolution,
  type FactSection,
  type Law,
  type LoadedSovereigntyFacts,
  type SovereigntyFacts,
} from '@havenkit/model';
import { INPUT_LIMITS, inputErrorReason, readInputFile } from '../files/read-input.js';
import { validate } from '../schema.js';
import { complianceDir } from '../paths.js';
import { parseYaml } from '../yaml.js';

/** A facts file as read: where it is and what it says (valid against the schema). */
export interface FactsFile {
  readonly path: string;
  readonly facts: SovereigntyFacts;
}

/** The sections whose entries have an id: a user entry replaces the bundled one with its id. */
const ID_SECTIONS = ['sources', 'countryGroups', 'laws', 'entities', 'registries', 'providers'] as const;

/** The sections of matchers that name one entity each (storage provisioners, ACME directories, …). */
const ENTITY_MATCHER_SECTIONS = [
  'storage',
  'loadBalancers',
  'ingressControllers',
  'certificateAuthorities',
  'dns',
  'saas',
  'apiGroups',
] as const;

const SECTIONS = [...ID_SECTIONS, ...ENTITY_MATCHER_SECTIONS] as const satisfies readonly FactSection[];

/** Validates a parsed facts file; undefined when valid, else one line naming the field. */
function schemaProblem(value: unknown): string | undefined {
  return validate('sovereignty', value);
}

function emptyFacts(files: readonly string[]): LoadedSovereigntyFacts {
  return {
    files,
    sources: [],
    countryGroups: [],
    laws: [],
    entities: [],
    registries: [],
    providers: [],
    storage: [],
    loadBalancers: [],
    ingressControllers: [],
    certificateAuthorities: [],
    dns: [],
    saas: [],
    apiGroups: [],
  };
}

/** The sections of several files put together, in file order. */
function combine(files: readonly FactsFile[]): LoadedSovereigntyFacts {
  const out = emptyFacts(files.map((f) => f.path));
  for (const { facts } of files) {
    for (const section of SECTIONS) (out[section] as unknown[]).push(...(facts[section] ?? []));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Patterns and the keys matchers claim
// ---------------------------------------------------------------------------------------------

/**
 * Whether `value` matches `pattern`, where * stands for one or more characters (host patterns,
 * ACME directories) or, with `star: 'any'`, for any characters (image patterns).
 */
export function matchesPattern(pattern: string, value: string, star: 'some' | 'any' = 'some'): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join(star === 'some' ? '.+' : '.*');
  return new RegExp(`^${body}$`).test(value);
}

/**
 * How a kind of key overlaps another: pattern (host patterns and URLs, * is one or more
 * characters), image (* is any characters), prefix (one starts with the other), label (a key
 * ending in / is a prefix of the keys under it), registry (a host pattern, or a host/path prefix
 * that ends at a path boundary), exact.
 */
type Overlap = 'pattern' | 'image' | 'prefix' | 'label' | 'registry' | 'exact';

/** One key a matcher claims: what kind, the key, who it maps to, and where it is written. */
interface Claim {
  readonly kind: string;
  readonly overlap: Overlap;
  readonly key: string;
  readonly entity: string;
  readonly specific: boolean;
  readonly file: string;
  /** The entry, e.g. registries[0]. */
  readonly entry: string;
  /** The field, e.g. registries[0].hosts[1]. */
  readonly at: string;
}

/** The host of a registry key (a host pattern, or the host of a host/path prefix). */
const hostOf = (key: string) => key.split('/')[0]!;

/**
 * Whether two keys of one kind can match the same value. Wildcards are compared by matching one
 * key as written against the other: exact for the patterns the data uses (a wildcard label, a
 * leading or trailing *), an approximation for two patterns that could both match a third value.
 */
function overlaps(kind: Overlap, a: string, b: string): boolean {
  if (a === b) return true;
  switch (kind) {
    case 'exact':
      return false;
    case 'prefix':
      return a.startsWith(b) || b.startsWith(a);
    case 'label':
      return (a.endsWith('/') && b.startsWith(a)) || (b.endsWith('/') && a.startsWith(b));
    case 'registry': {
      const [pa, pb] = [a.includes('/'), b.includes('/')];
      if (pa && pb) return a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
      return matchesPattern(hostOf(a), hostOf(b)) || matchesPattern(hostOf(b), hostOf(a));
    }
    case 'pattern':
      return matchesPattern(a, b) || matchesPattern(b, a);
    case 'image':
      return matchesPattern(a, b, 'any') || matchesPattern(b, a, 'any');
  }
}

/** Every key the matchers of a file claim. */
function claimsOf(file: FactsFile): Claim[] {
  const claims: Claim[] = [];
  const add = (
    kind: string,
    overlap: Overlap,
    entry: string,
    field: string,
    keys: readonly string[],
    who: { entity: string; specific?: boolean },
  ): void =>
    keys.forEach((key, i) =>
      claims.push({
        kind,
        overlap,
        key,
        entity: who.entity,
        specific: who.specific === true,
        file: file.path,
        entry,
        at: `${entry}.${field}[${i}]`,
      }),
    );
  const f = file.facts;
  f.registries?.forEach((r, i) => {
    const who = { entity: r.operator, specific: r.specific };
    add('registry host', 'registry', `registries[${i}]`, 'hosts', r.hosts ?? [], who);
    add('registry host', 'registry', `registries[${i}]`, 'prefixes', r.prefixes ?? [], who);
  });
  f.providers?.forEach((p, i) => {
    const entry = `providers[${i}]`;
    add(
      'providerID prefix',
      'prefix',
      entry,
      'providerIds',
      (p.providerIds ?? []).map((m) => m.prefix),
      p,
    );
    const labels = (p.nodeLabels ?? []).map((m) => (m.value === undefined ? m.key : `${m.key}=${m.value}`));
    add('node label', 'label', entry, 'nodeLabels', labels, p);
    add(
      'API server host',
      'pattern',
      entry,
      'apiServers',
      (p.apiServers ?? []).map((m) => m.host),
      p,
    );
  });
  f.storage?.forEach((m, i) =>
    add('CSI provisioner', 'exact', `storage[${i}]`, 'provisioners', m.provisioners, m),
  );
  f.loadBalancers?.forEach((m, i) =>
    add('load-balancer annotation', 'prefix', `loadBalancers[${i}]`, 'annotations', m.annotations, m),
  );
  f.ingressControllers?.forEach((m, i) =>
    add('ingress controller', 'exact', `ingressControllers[${i}]`, 'controllers', m.controllers, m),
  );
  f.certificateAuthorities?.forEach((m, i) =>
    add('ACME directory', 'pattern', `certificateAuthorities[${i}]`, 'directories', m.directories, m),
  );
  f.dns?.forEach((m, i) => {
    add('DNS01 solver', 'exact', `dns[${i}]`, 'solvers', m.solvers ?? [], m);
    add('DNS image', 'image', `dns[${i}]`, 'images', m.images ?? [], m);
  });
  f.saas?.forEach((m, i) => {
    add('SaaS host', 'pattern', `saas[${i}]`, 'hosts', m.hosts ?? [], m);
    add('SaaS image', 'image', `saas[${i}]`, 'images', m.images ?? [], m);
  });
  f.apiGroups?.forEach((m, i) => add('API group', 'pattern', `apiGroups[${i}]`, 'groups', m.groups, m));
  return claims;
}

/**
 * The ambiguous matchers of a set of files, one line each: two entries claim the same key, or
 * overlapping keys for different entities (a host under another's wildcard, one prefix of
 * another), and not exactly one of the two is marked `specific` (the narrower one, which wins).
 */
export function ambiguousMatchers(files: readonly FactsFile[]): string[] {
  const claims = files.flatMap(claimsOf);
  const problems: string[] = [];
  for (const [i, a] of claims.entries()) {
    for (const b of claims.slice(i + 1)) {
      if (a.kind !== b.kind || !overlaps(a.overlap, a.key, b.key)) continue;
      if (a.file === b.file && a.entry === b.entry) continue;
      if (a.key !== b.key && a.entity === b.entity) continue;
      if (a.specific !== b.specific) continue;
      const there = a.file === b.file ? a.at : `${a.file}: ${a.at}`;
      problems.push(
        `${b.file}: ${b.at}: ${b.kind} ${b.key} (${b.entity}) overlaps ${a.key} (${a.entity}) at ${there}; mark the narrower one specific: true`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

/** The fields of a file that cite a source, an entity or a law, with their paths. */
function* references(
  facts: SovereigntyFacts,
): Generator<{ at: string; kind: 'source' | 'entity' | 'law'; id: string; special?: boolean }> {
  function* sources(
    at: string,
    ids: readonly string[] | undefined,
  ): Generator<{ at: string; kind: 'source'; id: string }> {
    for (const [i, id] of (ids ?? []).entries()) yield { at: `${at}.sources[${i}]`, kind: 'source', id };
  }
  for (const [i, g] of (facts.countryGroups ?? []).entries())
    yield* sources(`countryGroups[${i}]`, g.sources);
  for (const [i, l] of (facts.laws ?? []).entries()) yield* sources(`laws[${i}]`, l.sources);
  for (const [i, e] of (facts.entities ?? []).entries()) {
    const at = `entities[${i}]`;
    yield* sources(at, e.sources);
    if (e.seat) yield* sources(`${at}.seat`, e.seat.sources);
    if (e.parent) {
      yield { at: `${at}.parent.entity`, kind: 'entity', id: e.parent.entity };
      yield* sources(`${at}.parent`, e.parent.sources);
    }
    if (e.control) yield* sources(`${at}.control`, e.control.sources);
    for (const [j, r] of (e.legalReach ?? []).entries()) {
      yield { at: `${at}.legalReach[${j}].law`, kind: 'law', id: r.law };
      yield* sources(`${at}.legalReach[${j}]`, r.sources);
    }
  }
  for (const [i, r] of (facts.registries ?? []).entries()) {
    const at = `registries[${i}]`;
    yield { at: `${at}.operator`, kind: 'entity', id: r.operator, special: true };
    yield* sources(at, r.sources);
    for (const [j, h] of (r.hostedBy ?? []).entries()) {
      yield { at: `${at}.hostedBy[${j}].entity`, kind: 'entity', id: h.entity };
      yield* sources(`${at}.hostedBy[${j}]`, h.sources);
    }
  }
  for (const [i, p] of (facts.providers ?? []).entries()) {
    const at = `providers[${i}]`;
    yield { at: `${at}.entity`, kind: 'entity', id: p.entity, special: true };
    for (const key of ['providerIds', 'nodeLabels', 'apiServers', 'regions'] as const) {
      for (const [j, m] of (p[key] ?? []).entries()) yield* sources(`${at}.${key}[${j}]`, m.sources);
    }
  }
  for (const section of ENTITY_MATCHER_SECTIONS) {
    for (const [i, m] of (facts[section] ?? []).entries()) {
      yield { at: `${section}[${i}].entity`, kind: 'entity', id: m.entity, special: true };
      yield* sources(`${section}[${i}]`, m.sources);
    }
  }
}

/** The problems of a file that the schema cannot see, against the ids of the whole set. */
function fileProblems(file: FactsFile, all: LoadedSovereigntyFacts): string | undefined {
  const ids = {
    source: new Set(all.sources.map((s) => s.id)),
    entity: new Set(all.entities.map((e) => e.id)),
    law: new Set(all.laws.map((l) => l.id)),
  };
  const where = (at: string, message: string) => `${file.path}: ${at}: ${message}`;
  for (const section of ID_SECTIONS) {
    const seen = new Map<string, number>();
    for (const [i, entry] of (file.facts[section] ?? []).entries()) {
      const first = seen.get(entry.id);
      if (first !== undefined)
        return where(`${section}[${i}].id`, `${entry.id} is already the id of ${section}[${first}]`);
      seen.set(entry.id, i);
    }
  }
  for (const ref of references(file.facts)) {
    if (ref.special && (ref.id === SELF_ENTITY || ref.id === HOSTING_ENTITY)) continue;
    if (!ids[ref.kind].has(ref.id)) {
      const section = ref.kind === 'source' ? 'sources' : ref.kind === 'law' ? 'laws' : 'entities';
      return where(ref.at, `no ${ref.kind} ${ref.id} (add it to ${section}, in this file or a bundled one)`);
    }
  }
  for (const [i, r] of (file.facts.registries ?? []).entries()) {
    if (!r.hosts && !r.prefixes) return where(`registries[${i}]`, 'needs hosts or prefixes');
  }
  const implicit = (file.facts.registries ?? []).findIndex(
    (r, i, list) => r.implicit && list.findIndex((o) => o.implicit) !== i,
  );
  if (implicit >= 0)
    return where(`registries[${implicit}].implicit`, 'only one registry can be implicit (docker.io)');
  for (const [i, p] of (file.facts.providers ?? []).entries()) {
    if (p.entity === HOSTING_ENTITY) {
      return where(
        `providers[${i}].entity`,
        'a provider is the hosting: name its entity, or self for your own data centre',
      );
    }
    if (!p.providerIds && !p.nodeLabels && !p.apiServers && !p.regions) {
      return where(`providers[${i}]`, 'needs providerIds, nodeLabels, apiServers or regions');
    }
    const codes = new Map<string, number>();
    for (const [j, r] of (p.regions ?? []).entries()) {
      const first = codes.get(r.code);
      if (first !== undefined)
        return where(`providers[${i}].regions[${j}].code`, `${r.code} is already regions[${first}]`);
      codes.set(r.code, j);
    }
  }
  for (const [i, d] of (file.facts.dns ?? []).entries()) {
    if (!d.solvers && !d.images) return where(`dns[${i}]`, 'needs solvers or images');
  }
  for (const [i, s] of (file.facts.saas ?? []).entries()) {
    if (!s.hosts && !s.images) return where(`saas[${i}]`, 'needs hosts or images');
  }
  return undefined;
}

/** An id defined by two of the files (within one file, fileProblems says so); undefined when none. */
function duplicateIds(files: readonly FactsFile[]): string | undefined {
  for (const section of ID_SECTIONS) {
    const first = new Map<string, string>();
    for (const file of files) {
      for (const [i, entry] of (file.facts[section] ?? []).entries()) {
        const other = first.get(entry.id);
        if (other !== undefined && other !== file.path) {
          return `${file.path}: ${section}[${i}].id: ${entry.id} is already defined in ${other}`;
        }
        if (other === undefined) first.set(entry.id, file.path);
      }
    }
  }
  return undefined;
}

/** A cycle of parents in the set, as one line naming where it starts; undefined when none. */
function parentCycle(files: readonly FactsFile[], all: LoadedSovereigntyFacts): string | undefined {
  const byId = new Map(all.entities.map((e) => [e.id, e]));
  for (const entity of all.entities) {
    const seen = [entity.id];
    for (let next = entity.parent?.entity; next !== undefined; next = byId.get(next)?.parent?.entity) {
      if (next === entity.id) {
        const file = [...files].reverse().find((f) => f.facts.entities?.some((e) => e.id === entity.id));
        const index = file?.facts.entities?.findIndex((e) => e.id === entity.id) ?? -1;
        return `${file?.path ?? 'facts'}: entities[${index}].parent.entity: the parents form a cycle (${[...seen, entity.id].join(' → ')})`;
      }
      if (seen.includes(next)) break;
      seen.push(next);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Loading and merging
// ---------------------------------------------------------------------------------------------

const cache = new Map<string, LoadedSovereigntyFacts>();

/** The bundled facts directory, compliance/sovereignty. */
export function bundledFactsDir(): string {
  return join(complianceDir(), 'sovereignty');
}

/**
 * Reads the bundled facts files (compliance/sovereignty/*.yaml, in name order), each validated
 * against the schema.
 * @throws CatalogueError `<file>: <field>: <problem>`.
 */
export function bundledFactFiles(dir: string = bundledFactsDir()): FactsFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name): FactsFile => {
      const path = join(dir, name);
      let value: unknown;
      try {
        value = parseYaml(readFileSync(path, 'utf8'), path);
      } catch (error) {
        throw new CatalogueError(`${path}: ${(error as Error).message}`);
      }
      const problem = schemaProblem(value);
      if (problem) throw new CatalogueError(`${path}: ${problem}`);
      return { path, facts: value as SovereigntyFacts };
    });
}

/**
 * Reads and checks the bundled facts: valid files, ids defined once, every cited source, entity
 * and law defined, parents without a cycle. Cached per directory. (That no two matchers are
 * ambiguous is held by the data test, with ambiguousMatchers.)
 * @throws CatalogueError `<file>: <field>: <problem>` when a file is broken (a packaging or
 *   editing mistake).
 */
export function loadSovereigntyFacts(dir: string = bundledFactsDir()): LoadedSovereigntyFacts {
  const hit = cache.get(dir);
  if (hit) return hit;
  const files = bundledFactFiles(dir);
  const all = combine(files);
  const problem =
    duplicateIds(files) ??
    files.map((file) => fileProblems(file, all)).find((p) => p !== undefined) ??
    parentCycle(files, all);
  if (problem) throw new CatalogueError(problem);
  cache.set(dir, all);
  return all;
}

/**
 * Validates a parsed user facts file against the schema.
 * @throws InputError `<source>: <field>: <problem>` (one line, exit code 3).
 */
export function parseUserFacts(value: unknown, source: string): FactsFile {
  const problem = schemaProblem(value);
  if (problem) throw new InputError(`${source}: ${problem}`);
  return { path: source, facts: value as SovereigntyFacts };
}

/**
 * Reads a user's facts file (YAML or JSON, the schema of the bundled files): their own
 * registries, mirrors, data centre. Checked against the bundled facts by mergeFacts.
 * @throws InputError naming the file and the first bad field.
 */
export function readUserFacts(path: string, maxBytes: number = INPUT_LIMITS.document): FactsFile {
  let bytes: Buffer;
  try {
    bytes = readInputFile(path, maxBytes);
  } catch (error) {
    throw new InputError(`cannot read facts file ${path}: ${inputErrorReason(error)}`);
  }
  let value: unknown;
  try {
    value = parseYaml(bytes.toString('utf8'), path);
  } catch (error) {
    throw new InputError(`${path}: not valid YAML: ${oneLine((error as Error).message).split(' 1 |')[0]}`);
  }
  return parseUserFacts(value, path);
}

/** `list` without the keys `taken`; undefined when none is left. */
function keep<T>(
  list: readonly T[] | undefined,
  keyOf: (item: T) => string,
  taken: ReadonlySet<string>,
): T[] | undefined {
  const kept = (list ?? []).filter((item) => !taken.has(keyOf(item)));
  return kept.length > 0 ? kept : undefined;
}

/** `entry` with `fields` set to `values`, a field whose value is undefined left out. */
function withFields<T extends object>(entry: T, values: Partial<T>): T {
  const next: Record<string, unknown> = { ...entry, ...values };
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete next[key];
  return next as T;
}

const identity = (key: string) => key;
const labelKey = (m: { key: string; value?: string }) =>
  m.value === undefined ? m.key : `${m.key}=${m.value}`;

/** The ids of a user's entries of an id section, and the bundled entries it leaves. */
function byId<T extends { id: string }>(mine: readonly T[] | undefined, theirs: readonly T[]): T[] {
  const replaced = new Set((mine ?? []).map((e) => e.id));
  return [...(mine ?? []), ...theirs.filter((e) => !replaced.has(e.id))];
}

/**
 * The user's matchers first, then the bundled ones without the keys the user claims (a bundled
 * matcher left with no key is dropped). `fields` are the matcher's key lists.
 */
function byKey<T extends object, F extends keyof T & string>(
  mine: readonly T[] | undefined,
  theirs: readonly T[],
  fields: readonly F[],
): T[] {
  const keysOf = (m: T) => fields.flatMap((f) => (m[f] as readonly string[] | undefined) ?? []);
  const taken = new Set((mine ?? []).flatMap(keysOf));
  const rest = theirs.flatMap((m) => {
    if (!keysOf(m).some((k) => taken.has(k))) return [m];
    const values = Object.fromEntries(
      fields.map((f) => [f, keep(m[f] as readonly string[] | undefined, identity, taken)]),
    ) as Partial<T>;
    const next = withFields(m, values);
    return fields.some((f) => next[f] !== undefined) ? [next] : [];
  });
  return [...(mine ?? []), ...rest];
}

/**
 * The bundled facts with a user's file put in: the user's entries come first; an entry with the
 * id of a bundled one (entity, registry, provider, source, law, country group) replaces it; a
 * matcher key the user claims (a registry host or prefix, a providerID prefix, node label or API
 * server host, a provisioner, annotation, ingress controller, ACME directory, DNS solver or
 * image, a SaaS host or image, an API group) is taken from the bundled matcher, which is dropped when nothing
 * is left of it; a user's implicit registry takes `implicit` from docker.io's. The user's file
 * is checked against the whole: every id it cites exists (in it or in the bundled facts),
 * parents form no cycle, and its own matchers are not ambiguous.
 * @throws InputError `<file>: <field>: <problem>` (one line, exit code 3).
 */
export function mergeFacts(bundled: LoadedSovereigntyFacts, user: FactsFile): LoadedSovereigntyFacts {
  const u = user.facts;

  const userRegistries = u.registries ?? [];
  const registryKeys = new Set(userRegistries.flatMap((r) => [...(r.hosts ?? []), ...(r.prefixes ?? [])]));
  const userImplicit = userRegistries.some((r) => r.implicit);
  const bundledRegistries = bundled.registries
    .filter((r) => !userRegistries.some((m) => m.id === r.id))
    .flatMap((r) => {
      const next = withFields(r, {
        hosts: keep(r.hosts, identity, registryKeys),
        prefixes: keep(r.prefixes, identity, registryKeys),
        implicit: userImplicit ? undefined : r.implicit,
      });
      return next.hosts || next.prefixes ? [next] : [];
    });

  const userProviders = u.providers ?? [];
  const providerKeys = new Set(
    userProviders.flatMap((p) => [
      ...(p.providerIds ?? []).map((m) => `id ${m.prefix}`),
      ...(p.nodeLabels ?? []).map((m) => `label ${labelKey(m)}`),
      ...(p.apiServers ?? []).map((m) => `api ${m.host}`),
    ]),
  );
  const bundledProviders = bundled.providers
    .filter((p) => !userProviders.some((m) => m.id === p.id))
    .flatMap((p) => {
      const next = withFields(p, {
        providerIds: keep(p.providerIds, (m) => `id ${m.prefix}`, providerKeys),
        nodeLabels: keep(p.nodeLabels, (m) => `label ${labelKey(m)}`, providerKeys),
        apiServers: keep(p.apiServers, (m) => `api ${m.host}`, providerKeys),
      });
      return next.providerIds || next.nodeLabels || next.apiServers || next.regions ? [next] : [];
    });

  const merged: LoadedSovereigntyFacts = {
    files: [...bundled.files, user.path],
    sources: byId(u.sources, bundled.sources),
    countryGroups: byId(u.countryGroups, bundled.countryGroups),
    laws: byId(u.laws, bundled.laws),
    entities: byId(u.entities, bundled.entities),
    registries: [...userRegistries, ...bundledRegistries],
    providers: [...userProviders, ...bundledProviders],
    storage: byKey(u.storage, bundled.storage, ['provisioners']),
    loadBalancers: byKey(u.loadBalancers, bundled.loadBalancers, ['annotations']),
    ingressControllers: byKey(u.ingressControllers, bundled.ingressControllers, ['controllers']),
    certificateAuthorities: byKey(u.certificateAuthorities, bundled.certificateAuthorities, ['directories']),
    dns: byKey(u.dns, bundled.dns, ['solvers', 'images']),
    saas: byKey(u.saas, bundled.saas, ['hosts', 'images']),
    apiGroups: byKey(u.apiGroups, bundled.apiGroups, ['groups']),
  };
  const problem = fileProblems(user, merged) ?? parentCycle([user], merged) ?? ambiguousMatchers([user])[0];
  if (problem) throw new InputError(problem);
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

/**
 * An entity with its chain of parents, where its control sits and the laws that reach it.
 * @throws Error for an id the facts lack (a programming error: the loader checks every id).
 */
export function resolveEntity(facts: LoadedSovereigntyFacts, id: string): EntityResolution {
  const entities = new Map(facts.entities.map((e) => [e.id, e]));
  const entity = entities.get(id);
  if (!entity) throw new Error(`havenkit: no entity ${id} in the sovereignty facts`);
  const chain: Entity[] = [entity];
  let parent = entity.parent && entities.get(entity.parent.entity);
  while (parent && !chain.includes(parent)) {
    chain.push(parent);
    parent = parent.parent && entities.get(parent.parent.entity);
  }
  const eea = facts.countryGroups.find((g) => g.id === 'eea');
  const seats = chain.flatMap((e) => (e.seat ? [e.seat.country] : []));
  const seatOutside = eea !== undefined && seats.some((c) => !eea.countries.includes(c));
  const controlOutsideEuEea =
    seatOutside || chain.some((e) => e.control?.outsideEuEea === true)
      ? true
      : chain.some((e) => e.control?.outsideEuEea === false)
        ? false
        : undefined;
  const stated = new Set(entity.legalReach?.map((r) => r.law) ?? []);
  const laws: Law[] = facts.laws.filter(
    (law) => stated.has(law.id) || (law.appliesTo === 'seat-or-control' && seats.includes(law.country)),
  );
  return { entity, chain, ultimateParent: chain.at(-1)!, controlOutsideEuEea, laws };
}
