import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTING_ENTITY, InputError, SELF_ENTITY, type SovereigntyFacts } from '@havenkit/model';
import { dumpYaml } from '../yaml.js';
import {
  ambiguousMatchers,
  bundledFactFiles,
  loadSovereigntyFacts,
  matchesPattern,
  mergeFacts,
  parseUserFacts,
  readUserFacts,
  resolveEntity,
  type FactsFile,
} from './facts.js';

const facts = loadSovereigntyFacts();
const files = bundledFactFiles();
const CHECKED = '2026-12-01';

/** Every list of source ids a fact or matcher carries, with where it is. */
function citations(f: typeof facts): [string, readonly string[]][] {
  const out: [string, readonly string[]][] = [];
  f.countryGroups.forEach((g) => out.push([`countryGroups ${g.id}`, g.sources]));
  f.laws.forEach((l) => out.push([`laws ${l.id}`, l.sources]));
  for (const e of f.entities) {
    out.push([`entity ${e.id}`, e.sources]);
    if (e.seat) out.push([`entity ${e.id} seat`, e.seat.sources]);
    if (e.parent) out.push([`entity ${e.id} parent`, e.parent.sources]);
    if (e.control) out.push([`entity ${e.id} control`, e.control.sources]);
  }
  for (const r of f.registries) {
    out.push([`registry ${r.id}`, r.sources]);
    r.hostedBy?.forEach((h) => out.push([`registry ${r.id} hostedBy ${h.entity}`, h.sources]));
  }
  for (const p of f.providers) {
    for (const m of [...(p.providerIds ?? []), ...(p.nodeLabels ?? []), ...(p.apiServers ?? [])]) {
      out.push([`provider ${p.id} matcher`, m.sources]);
    }
    p.regions?.forEach((r) => out.push([`provider ${p.id} region ${r.code}`, r.sources]));
  }
  const sections = [
    f.storage,
    f.loadBalancers,
    f.ingressControllers,
    f.certificateAuthorities,
    f.dns,
    f.saas,
  ] as const;
  for (const list of sections) for (const m of list) out.push([m.name, m.sources]);
  return out;
}

let tmp: string | undefined;
/** Writes a user facts file (an object as YAML, or text as it is) and returns its path. */
function userFile(content: object | string, name = 'facts.yaml'): string {
  tmp ??= mkdtempSync(join(tmpdir(), 'havenkit-facts-'));
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : dumpYaml(content));
  return path;
}
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const HEAD = { apiVersion: 'havenkit.dev/v1alpha1', kind: 'SovereigntyFacts' } as const;
const OWN_SOURCE = {
  id: 'gemeente-cmdb',
  url: 'https://cmdb.gemeente-voorbeeld.nl/registries',
  sourceDate: '2026-11-20',
  checked: CHECKED,
  confidence: 'verified',
} as const;
/** A user's file: their own organisation, a source for it, and what else is given. */
const own = (extra: Partial<SovereigntyFacts> = {}): SovereigntyFacts => ({
  ...HEAD,
  sources: [OWN_SOURCE],
  entities: [
    {
      id: 'gemeente-voorbeeld',
      name: 'Gemeente Voorbeeld',
      kind: 'public-body',
      seat: { country: 'NL', sources: ['gemeente-cmdb'] },
      sources: ['gemeente-cmdb'],
    },
  ],
  ...extra,
});
const harbor = {
  id: 'gemeente-harbor',
  name: 'Harbor of Gemeente Voorbeeld',
  hosts: ['harbor.gemeente-voorbeeld.nl'],
  operator: 'gemeente-voorbeeld',
  sources: ['gemeente-cmdb'],
};

/** The error a function throws (it must throw). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the bundled sovereignty facts (compliance/sovereignty)', () => {
  it('validate against sovereignty.schema.json and load', () => {
    expect(files.map((f) => f.path.replace(/^.*\//, ''))).toContain('entities.yaml');
    expect(facts.entities.length).toBeGreaterThan(20);
    expect(facts.registries.length).toBeGreaterThan(5);
  });

  it('give every source a URL, the date it states (or unknown) and the date it was checked', () => {
    const undated = facts.sources.filter(
      (s) =>
        !/^https?:\/\/\S+$/.test(s.url) ||
        !/^(\d{4}(-\d{2}(-\d{2})?)?|unknown)$/.test(s.sourceDate) ||
        s.checked !== CHECKED,
    );
    expect(undated.map((s) => s.id)).toEqual([]);
  });

  it('cite at least one existing source for every entity, fact and matcher', () => {
    const ids = new Set(facts.sources.map((s) => s.id));
    const problems = citations(facts).flatMap(([what, cited]) =>
      cited.length === 0
        ? [`${what}: no source`]
        : cited.filter((id) => !ids.has(id)).map((id) => `${what}: ${id}`),
    );
    expect(problems).toEqual([]);
  });

  it('cite only entities that exist (parents, operators, hosts, providers, matchers)', () => {
    const ids = new Set([...facts.entities.map((e) => e.id), SELF_ENTITY, HOSTING_ENTITY]);
    const refs = [
      ...facts.entities.flatMap((e) => (e.parent ? [e.parent.entity] : [])),
      ...facts.registries.flatMap((r) => [r.operator, ...(r.hostedBy ?? []).map((h) => h.entity)]),
      ...facts.providers.map((p) => p.entity),
      ...[
        facts.storage,
        facts.loadBalancers,
        facts.ingressControllers,
        facts.certificateAuthorities,
        facts.dns,
      ].flatMap((list) => list.map((m) => m.entity)),
    ];
    expect(refs.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('resolve every entity to an ultimate parent, without a cycle of parents', () => {
    const problems = facts.entities.flatMap((e) => {
      const { chain, ultimateParent } = resolveEntity(facts, e.id);
      if (new Set(chain.map((c) => c.id)).size !== chain.length) return [`${e.id}: a cycle`];
      return ultimateParent.parent ? [`${e.id}: ${ultimateParent.id} has a parent`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('put control of A1 Telekom Austria outside the EU/EEA, with its Mexican parent', () => {
    const a1 = resolveEntity(facts, 'a1-telekom-austria');
    expect(a1.ultimateParent.id).toBe('america-movil');
    expect(a1.ultimateParent.seat?.country).toBe('MX');
    expect(a1.controlOutsideEuEea).toBe(true);
  });

  it('put Docker, seated in San Francisco, outside the EU/EEA', () => {
    expect(resolveEntity(facts, 'docker').controlOutsideEuEea).toBe(true);
  });

  it('keep control unknown where the research has no seat or owner, never EU', () => {
    expect(resolveEntity(facts, 'chainguard').controlOutsideEuEea).toBeUndefined();
    expect(resolveEntity(facts, 'exoscale').controlOutsideEuEea).toBeUndefined();
    expect(resolveEntity(facts, 'hetzner').controlOutsideEuEea).toBe(false);
  });

  it('apply the US CLOUD Act by its rule to an entity with a US seat, and not to one in the EU', () => {
    expect(resolveEntity(facts, 'isrg').laws.map((l) => l.id)).toEqual(['us-cloud-act']);
    expect(resolveEntity(facts, 'hetzner').laws).toEqual([]);
  });

  it('define the EU within the EEA, which adds Iceland, Liechtenstein and Norway', () => {
    const group = (id: string) => facts.countryGroups.find((g) => g.id === id)!.countries;
    expect(group('eu')).toHaveLength(27);
    expect(
      group('eea')
        .filter((c) => !group('eu').includes(c))
        .sort(),
    ).toEqual(['IS', 'LI', 'NO']);
  });

  it('map docker.io, its aliases and references without a host to Docker, hosted on AWS and Cloudflare', () => {
    const hub = facts.registries.find((r) => r.implicit)!;
    expect(hub.hosts).toEqual(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
    expect(hub.operator).toBe('docker');
    expect(new Set(hub.hostedBy?.map((h) => h.entity))).toEqual(new Set(['aws', 'cloudflare']));
  });

  it('have no ambiguous matchers', () => {
    expect(ambiguousMatchers(files)).toEqual([]);
  });
});

describe('ambiguousMatchers', () => {
  const file = (registries: SovereigntyFacts['registries']): FactsFile => ({
    path: 'x.yaml',
    facts: { ...HEAD, registries },
  });
  const claim = (id: string, hosts: string[], operator: string, specific?: true) => ({
    id,
    name: id,
    hosts,
    operator,
    sources: ['s'],
    ...(specific ? { specific } : {}),
  });

  it('reports the same registry host claimed by two entities, naming both places', () => {
    const problems = ambiguousMatchers([
      file([claim('a', ['quay.io'], 'red-hat'), claim('b', ['quay.io'], 'ibm')]),
    ]);
    expect(problems).toEqual([
      'x.yaml: registries[1].hosts[0]: registry host quay.io (ibm) overlaps quay.io (red-hat) at registries[0].hosts[0]; mark the narrower one specific: true',
    ]);
  });

  it('reports a host under another entity’s wildcard unless the narrower one is marked specific', () => {
    const wide = claim('wide', ['*.example.org'], 'aws');
    expect(ambiguousMatchers([file([wide, claim('narrow', ['eu.example.org'], 'scaleway')])])).toHaveLength(
      1,
    );
    expect(ambiguousMatchers([file([wide, claim('narrow', ['eu.example.org'], 'scaleway', true)])])).toEqual(
      [],
    );
  });

  it('matches * in a host pattern against one or more characters', () => {
    expect(matchesPattern('*.gcr.io', 'eu.gcr.io')).toBe(true);
    expect(matchesPattern('*.gcr.io', 'gcr.io')).toBe(false);
    expect(matchesPattern('rg.*.scw.cloud', 'rg.nl-ams.scw.cloud')).toBe(true);
  });
});

describe('mergeFacts', () => {
  it('adds a user’s entity and its registry, ahead of the bundled entries', () => {
    const merged = mergeFacts(facts, readUserFacts(userFile(own({ registries: [harbor] }))));
    expect(merged.entities[0]!.id).toBe('gemeente-voorbeeld');
    expect(merged.registries[0]).toMatchObject({ id: 'gemeente-harbor', operator: 'gemeente-voorbeeld' });
    expect(merged.registries.length).toBe(facts.registries.length + 1);
    expect(merged.files.at(-1)).toMatch(/facts\.yaml$/);
  });

  it('lets a user’s matcher for a host win over the bundled one, leaving it the other hosts', () => {
    const mirror = { ...harbor, id: 'docker-mirror', hosts: ['docker.io'], mirrorOf: 'docker.io' };
    const merged = mergeFacts(facts, readUserFacts(userFile(own({ registries: [mirror] }))));
    const claimsDockerIo = merged.registries.filter((r) => r.hosts?.includes('docker.io'));
    expect(claimsDockerIo.map((r) => r.id)).toEqual(['docker-mirror']);
    expect(merged.registries.find((r) => r.id === 'docker-hub')?.hosts).toEqual([
      'index.docker.io',
      'registry-1.docker.io',
    ]);
  });

  it('lets a user’s own data centre take a provisioner from the bundled storage', () => {
    const cinder = {
      name: 'Cinder in our data centre',
      provisioners: ['cinder.csi.openstack.org'],
      entity: 'gemeente-voorbeeld',
      sources: ['gemeente-cmdb'],
    };
    const merged = mergeFacts(facts, readUserFacts(userFile(own({ storage: [cinder] }))));
    const owners = merged.storage.filter((s) => s.provisioners.includes('cinder.csi.openstack.org'));
    expect(owners.map((s) => s.entity)).toEqual(['gemeente-voorbeeld']);
  });

  it('replaces a bundled entity with the user’s entry of the same id', () => {
    const docker = {
      id: 'docker',
      name: 'Docker, Inc.',
      seat: { country: 'US', sources: ['gemeente-cmdb'] },
      sources: ['gemeente-cmdb'],
    };
    const merged = mergeFacts(facts, readUserFacts(userFile(own({ entities: [docker] }))));
    expect(merged.entities.filter((e) => e.id === 'docker')).toHaveLength(1);
    expect(resolveEntity(merged, 'docker').controlOutsideEuEea).toBe(true);
  });

  it('does not change the bundled facts it merges into', () => {
    mergeFacts(facts, readUserFacts(userFile(own({ registries: [{ ...harbor, hosts: ['docker.io'] }] }))));
    expect(loadSovereigntyFacts().registries.find((r) => r.id === 'docker-hub')?.hosts).toContain(
      'docker.io',
    );
  });
});

describe('a bad user facts file', () => {
  const refused = (content: object | string): Error => {
    const path = userFile(content, 'bad.yaml');
    return thrown(() => mergeFacts(facts, readUserFacts(path)));
  };

  it('is refused for an unknown field, with one line naming the file and the field', () => {
    const error = refused(own({ registries: [{ ...harbor, owner: 'me' } as never] }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/bad\.yaml: registries\[0\]\.owner: is not a known field$/);
    expect(error.message).not.toMatch(/\n/);
  });

  it('is refused for a fact without a source, naming the file and the field', () => {
    const { sources: _, ...unsourced } = harbor;
    const error = refused(own({ registries: [unsourced as never] }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/bad\.yaml: registries\[0\]\.sources: is required$/);
  });

  it('is refused for a source without its dates, naming the file and the field', () => {
    const { checked: _, ...undated } = OWN_SOURCE;
    const error = refused({ ...own(), sources: [undated] });
    expect(error.message).toMatch(/bad\.yaml: sources\[0\]\.checked: is required$/);
  });

  it('is refused for an entity id that does not exist, naming the file and the field', () => {
    const error = refused(own({ registries: [{ ...harbor, operator: 'gemeente-elders' }] }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /bad\.yaml: registries\[0\]\.operator: no entity gemeente-elders \(add it to entities, in this file or a bundled one\)$/,
    );
  });

  it('is refused for a source id that does not exist, naming the file and the field', () => {
    const error = refused(own({ registries: [{ ...harbor, sources: ['nowhere'] }] }));
    expect(error.message).toMatch(/bad\.yaml: registries\[0\]\.sources\[0\]: no source nowhere/);
  });

  it('is refused when its parents form a cycle', () => {
    const a = {
      id: 'a-bv',
      name: 'A B.V.',
      parent: { entity: 'b-bv', sources: ['gemeente-cmdb'] },
      sources: ['gemeente-cmdb'],
    };
    const b = {
      id: 'b-bv',
      name: 'B B.V.',
      parent: { entity: 'a-bv', sources: ['gemeente-cmdb'] },
      sources: ['gemeente-cmdb'],
    };
    const error = refused({ ...HEAD, sources: [OWN_SOURCE], entities: [a, b] });
    expect(error.message).toMatch(/bad\.yaml: entities\[\d\]\.parent\.entity: the parents form a cycle/);
  });

  it('is refused when it is not YAML, naming the file', () => {
    const error = refused('registries: [unclosed\n');
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/bad\.yaml: not valid YAML/);
  });

  it('is refused by parseUserFacts for the wrong kind of document', () => {
    const error = thrown(() =>
      parseUserFacts({ apiVersion: 'havenkit.dev/v1alpha1', kind: 'WaiverList' }, 'w.yaml'),
    );
    expect(error.message).toBe('w.yaml: kind: must be "SovereigntyFacts" (got "WaiverList")');
  });
});
