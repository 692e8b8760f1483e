import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  ClusterSnapshot,
  CutOffEffect,
  DataLocation,
  Dependency,
  DependencyGroup,
  FunctionId,
  Jurisdiction,
  RegisterFunction,
} from '@havenkit/model';
import { validate } from '../schema.js';
import { demoRegister } from '../testing/registers.js';
import { loadSovereigntyFacts } from './facts.js';
import { frameworkProblem, loadFramework } from './framework.js';
import { buildRegister } from './register.js';
import { scoreRegister, type ScoreInputs, type Tie } from './scores.js';

const framework = loadFramework();
const FUNCTIONS: FunctionId[] = [
  'hosting',
  'control-plane',
  'storage',
  'load-balancing',
  'ingress',
  'images',
  'certificates',
  'dns',
  'backup',
  'observability',
  'external-endpoints',
  'admission',
  'aggregated-apis',
];

const dep = (name: string, jurisdiction: Jurisdiction, extra: Partial<Dependency> = {}): Dependency => ({
  name,
  jurisdiction,
  matchedBy: 'test',
  objects: 1,
  workloads: 1,
  evidence: [],
  sources: [],
  laws: [],
  ...(jurisdiction === 'unknown' ? {} : { entity: name.toLowerCase() }),
  ...extra,
});

const fn = (id: FunctionId, dependencies: Dependency[]): RegisterFunction => ({
  id,
  label: { en: id, nl: id },
  status: dependencies.length > 0 ? 'in-use' : 'none',
  jurisdiction: dependencies[0]?.jurisdiction ?? 'self',
  workloads: 1,
  dependencies,
});

const EU_LOCATION: DataLocation = { country: 'NL', eea: true, nodes: 3, volumes: 1 };
const euGroup = (name: string, functions: FunctionId[]): DependencyGroup => ({
  entity: name.toLowerCase(),
  name,
  jurisdiction: 'eu',
  functions,
  critical: functions.filter((f) => f !== 'backup' && f !== 'observability'),
  workloads: 1,
  entities: [name.toLowerCase()],
});

/** Every function served by one EU party, all data in the Netherlands, nothing tying it to the provider. */
function allEu(
  overrides: Partial<Record<FunctionId, RegisterFunction>> = {},
  rest: Partial<ScoreInputs> = {},
) {
  const inputs: ScoreInputs = {
    functions: FUNCTIONS.map((id) => overrides[id] ?? fn(id, [dep('EuCo', 'eu')])),
    locations: [EU_LOCATION],
    concentration: [euGroup('EuCo', FUNCTIONS)],
    cutOff: () => ({ effects: ['stopped'], summary: { en: 'all stop', nl: 'alles stopt' } }),
    ties: [],
    ...rest,
  };
  return scoreRegister(framework, 'framework-1.2.1', inputs);
}

const criterion = (scores: ReturnType<typeof allEu>, id: string) =>
  scores.objectives.flatMap((o) => o.criteria).find((c) => c.id === id)!;
const objective = (scores: ReturnType<typeof allEu>, id: string) =>
  scores.objectives.find((o) => o.id === id)!;

describe('scores: the framework file', () => {
  it('has eight objectives, 48 criteria and two weight sets that each add up to 100', () => {
    expect(framework.objectives.map((o) => o.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `SOV-${n}`));
    expect(framework.objectives.flatMap((o) => o.criteria)).toHaveLength(48);
    expect(framework.weightSets.map((s) => s.id)).toEqual(['framework-1.2.1', 'calculator-2026']);
    expect(frameworkProblem(framework)).toBeUndefined();
  });

  it('refuses a weight set that does not add up to 100', () => {
    const broken = structuredClone(framework);
    broken.weightSets[0]!.weights['SOV-1'] = 50;
    expect(frameworkProblem(broken)).toMatch(/framework-1\.2\.1: weights add up to 135, not 100/);
  });

  it('refuses an attestation criterion with a rule', () => {
    const broken = structuredClone(framework);
    broken.objectives[0]!.criteria[1]!.rule = { kind: 'operator' };
    expect(frameworkProblem(broken)).toMatch(/SOV-1\.2: an attestation criterion has no rule/);
  });
});

describe('scores: the party ladder (SOV-2.1 Primary Legal Jurisdiction)', () => {
  it.each<[Jurisdiction, number]>([
    ['non-eu', 0],
    ['eu-non-eu-parent', 1],
    ['unknown', 0],
    ['eu', 4],
    ['self', 4],
  ])('a hosting party %s gives at most SEAL-%i', (jurisdiction, seal) => {
    const scores = allEu({ hosting: fn('hosting', [dep('Host', jurisdiction)]) });
    expect(criterion(scores, 'SOV-2.1').atMost).toBe(seal);
  });

  it('names the party and the function that hold the criterion down', () => {
    const scores = allEu({ hosting: fn('hosting', [dep('Amazon Web Services, Inc.', 'non-eu')]) });
    expect(criterion(scores, 'SOV-2.1').reasons).toEqual([
      expect.objectContaining({ seal: 0, parties: ['Amazon Web Services, Inc.'] }),
    ]);
    expect(criterion(scores, 'SOV-2.1').reasons![0]!.text.en).toBe(
      'hosting: Amazon Web Services, Inc. (outside the EU/EEA)',
    );
  });
});

describe('scores: an unknown caps a SEAL, never raises it', () => {
  it('counts a function that was not read as the worst it could show', () => {
    const notRead: RegisterFunction = {
      ...fn('hosting', []),
      status: 'not-collected',
      why: 'nodes was not collected',
    };
    const scores = allEu({ hosting: notRead });
    expect(criterion(scores, 'SOV-2.1').atMost).toBe(0);
    expect(criterion(scores, 'SOV-2.1').reasons![0]!.text.en).toContain(
      'hosting was not read (nodes was not collected)',
    );
  });

  it('counts nodes without a country as outside the EEA', () => {
    const scores = allEu({}, { locations: [{ country: 'unknown', nodes: 2, volumes: 0 }] });
    expect(criterion(scores, 'SOV-3.4').atMost).toBe(0);
  });

  /** Every register the platform fixtures give, and the same with one function's parties all made unknown. */
  const fixtures = readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => f.endsWith('.json'));
  it.each(fixtures)("%s: making any function's parties unknown lowers or keeps every bound", (file) => {
    const snapshot = JSON.parse(
      readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'),
    ) as ClusterSnapshot;
    const register = buildRegister(snapshot, loadSovereigntyFacts(), {
      subject: { kind: 'cluster' },
      tool: { name: 'havenkit', version: 'test' },
    });
    const bounds = (functions: readonly RegisterFunction[]) => {
      const s = scoreRegister(framework, 'framework-1.2.1', {
        functions,
        locations: register.locations,
        concentration: register.concentration ?? [],
        cutOff: () => ({ effects: [], summary: { en: '', nl: '' } }),
        ties: [],
      });
      return s.objectives.flatMap((o) => [o.atMost ?? 4, ...o.criteria.map((c) => c.atMost ?? 4)]);
    };
    const before = bounds(register.functions);
    for (const f of register.functions.filter((x) => x.status === 'in-use')) {
      const unknown = register.functions.map((x) =>
        x === f
          ? {
              ...x,
              dependencies: x.dependencies.map((d) => {
                const { entity: _e, ultimateParent: _p, ...rest } = d;
                return { ...rest, jurisdiction: 'unknown' as const, laws: [] };
              }),
            }
          : x,
      );
      const after = bounds(unknown);
      after.forEach((seal, i) => expect(seal).toBeLessThanOrEqual(before[i]!));
    }
  });
});

describe('scores: a subject that shows only EU parties', () => {
  it('reaches at most SEAL-3 on every objective with a criterion that needs an attestation, and says why', () => {
    const scores = allEu();
    for (const o of scores.objectives.filter((x) => x.atMost !== undefined)) {
      expect(o.atMost).toBe(3);
      expect(o.limits.at(-1)!.text.en).toMatch(/^SEAL-4 cannot be shown from a cluster: SOV-\d\.\d/);
    }
  });

  it('leaves the objective only an attestation can show unscored (SOV-8) and the overall SEAL at the lowest scored one', () => {
    const scores = allEu();
    expect(objective(scores, 'SOV-8').atMost).toBeUndefined();
    expect(scores.seal).toEqual({
      atMost: 3,
      limitedBy: ['SOV-1', 'SOV-2', 'SOV-3', 'SOV-4', 'SOV-5', 'SOV-6', 'SOV-7'],
      unscored: ['SOV-8'],
    });
  });

  it('holds a partly observable criterion at SEAL-3 (SOV-2.2 Extraterritorial Laws)', () => {
    expect(criterion(allEu(), 'SOV-2.2').atMost).toBe(3);
    expect(criterion(allEu(), 'SOV-2.2').reasons![0]!.text.en).toMatch(/indicator only/);
  });
});

describe('scores: the rules', () => {
  it('gives SEAL-0 on Extraterritorial Laws to a party a law with extraterritorial reach reaches', () => {
    const reached = dep('UsCo', 'non-eu', {
      laws: [{ id: 'us-cloud-act', name: 'US CLOUD Act (18 U.S.C. § 2713)' }],
    });
    const scores = allEu({ dns: fn('dns', [reached]) });
    expect(criterion(scores, 'SOV-2.2').atMost).toBe(0);
    expect(criterion(scores, 'SOV-2.2').reasons![0]!.text.en).toBe(
      'dns: UsCo (reached by US CLOUD Act, unless mitigations are attested)',
    );
  });

  it.each<[Jurisdiction, number]>([
    ['non-eu', 2],
    ['eu-non-eu-parent', 2],
    ['unknown', 2],
    ['eu', 4],
  ])(
    'gives an EU registry hosted by a %s party at most SEAL-%i on its supply chain (SOV-5.5)',
    (jurisdiction, seal) => {
      const images = fn('images', [
        dep('EuRegistry', 'eu', { role: 'operator', what: 'EU registry' }),
        dep('Cdn', jurisdiction, { role: 'cdn', via: 'EU registry', what: 'EU registry' }),
      ]);
      expect(criterion(allEu({ images }), 'SOV-5.5').atMost).toBe(seal);
    },
  );

  it.each<[string, CutOffEffect[], number]>([
    ['every workload stops', ['stopped'], 0],
    ['pods cannot restart', ['cannot-restart'], 1],
    ['API writes are refused', ['writes-refused'], 1],
    ['certificates stop renewing', ['no-renewal'], 2],
    ['only backups stop', ['backup-stops'], 3],
    ['nothing breaks', [], 4],
  ])(
    'cut-off (SOV-4.2): when a group outside the EU/EEA goes and %s, at most SEAL-%i',
    (_what, effects, seal) => {
      const outside: DependencyGroup = { ...euGroup('UsCo', ['images']), jurisdiction: 'non-eu' };
      const scores = allEu(
        {},
        {
          concentration: [euGroup('EuCo', FUNCTIONS), outside],
          cutOff: (g) =>
            g === 'usco'
              ? { effects, summary: { en: 'x', nl: 'x' } }
              : { effects: ['stopped'], summary: { en: 'y', nl: 'y' } },
        },
      );
      expect(criterion(scores, 'SOV-4.2').atMost).toBe(seal);
    },
  );

  it('does not count the cut-off of an EU group against resilience to foreign cut-off', () => {
    expect(criterion(allEu(), 'SOV-4.2').atMost).toBe(4);
  });

  it.each<[string, Tie['effort'][], number]>([
    ['a re-architecture', ['re-architecture', 'config-change'], 1],
    ['a data migration', ['data-migration', 'config-change'], 2],
    ['config changes', ['config-change'], 3],
    ['nothing', [], 4],
  ])('portability (SOV-4.1): when leaving takes %s, at most SEAL-%i', (_what, efforts, seal) => {
    const ties = efforts.map((effort) => ({ effort, text: { en: effort, nl: effort } }));
    expect(criterion(allEu({}, { ties }), 'SOV-4.1').atMost).toBe(seal);
  });

  it.each<[string, DependencyGroup[], number]>([
    [
      'only parties outside, for critical functions',
      [{ ...euGroup('UsCo', ['hosting']), jurisdiction: 'non-eu' }],
      0,
    ],
    [
      'mostly parties outside, one critical',
      [
        { ...euGroup('UsCo', ['hosting']), jurisdiction: 'non-eu' },
        { ...euGroup('UsCo2', ['backup']), jurisdiction: 'non-eu', critical: [] },
        euGroup('EuCo', ['images']),
      ],
      1,
    ],
    [
      'a few parties outside, critical',
      [
        { ...euGroup('UsCo', ['dns']), jurisdiction: 'non-eu' },
        euGroup('EuCo', ['hosting']),
        euGroup('EuCo2', ['images']),
      ],
      2,
    ],
    [
      'parties outside for non-critical functions only',
      [
        { ...euGroup('UsCo', ['backup']), jurisdiction: 'non-eu', critical: [] },
        euGroup('EuCo', ['hosting']),
      ],
      3,
    ],
    ['no party outside', [euGroup('EuCo', ['hosting'])], 4],
  ])('single point of dependency (SOV-5.6): %s gives at most SEAL-%i', (_what, concentration, seal) => {
    expect(criterion(allEu({}, { concentration }), 'SOV-5.6').atMost).toBe(seal);
  });
});

describe('scores: portability reads exit readiness', () => {
  const withCrds = (names: string[]): ClusterSnapshot => {
    const snapshot = JSON.parse(
      readFileSync(new URL('./fixtures/eks.json', import.meta.url), 'utf8'),
    ) as ClusterSnapshot;
    snapshot.resources['customresourcedefinitions.apiextensions.k8s.io'] = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinitionList',
      items: names.map((name) => ({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name },
      })),
    };
    return snapshot;
  };
  const portability = (snapshot: ClusterSnapshot) =>
    criterion(
      buildRegister(snapshot, loadSovereigntyFacts(), {
        subject: { kind: 'cluster' },
        tool: { name: 'havenkit', version: 'test' },
      }).scores!,
      'SOV-4.1',
    );

  it("holds SOV-4.1 at SEAL-1 when a vendor's API is installed (a re-architecture to leave)", () => {
    const c = portability(withCrds(['targetgroupbindings.elbv2.k8s.aws']));
    expect(c.atMost).toBe(1);
    expect(c.reasons!.map((r) => r.text.en)).toEqual([
      'vendor APIs: AWS Load Balancer Controller (re-architecture)',
    ]);
  });

  it('counts CRDs that were not collected as the re-architecture they may hide', () => {
    const c = portability(
      JSON.parse(readFileSync(new URL('./fixtures/eks.json', import.meta.url), 'utf8')) as ClusterSnapshot,
    );
    expect(c.atMost).toBe(1);
    expect(c.reasons![0]!.text.en).toMatch(/^vendor APIs: customresourcedefinitions.* was not collected/);
  });

  it("rises above SEAL-1 when the CRDs were read and none is a vendor's", () => {
    expect(portability(withCrds(['certificates.cert-manager.io'])).atMost).toBeGreaterThan(1);
  });
});

describe('scores: weights and the register', () => {
  it('weighs the same bounds differently with the framework and the calculator weights', () => {
    const inputs: ScoreInputs = {
      functions: FUNCTIONS.map((id) => fn(id, [dep('UsCo', 'non-eu')])),
      locations: [EU_LOCATION],
      concentration: [{ ...euGroup('UsCo', FUNCTIONS), jurisdiction: 'non-eu' }],
      cutOff: () => ({ effects: ['stopped'], summary: { en: 'x', nl: 'x' } }),
      ties: [],
    };
    const a = scoreRegister(framework, 'framework-1.2.1', inputs);
    const b = scoreRegister(framework, 'calculator-2026', inputs);
    expect(a.objectives.map((o) => o.atMost)).toEqual(b.objectives.map((o) => o.atMost));
    expect(a.score.atMost).not.toBe(b.score.atMost);
    expect(b.weights.id).toBe('calculator-2026');
  });

  it('counts the criteria scored and those that need an attestation', () => {
    expect(allEu().score).toMatchObject({ observed: 17, attestation: 31 });
  });

  it('gives the demo register scores and a rules mapping that validate against the schema', () => {
    const register = demoRegister();
    expect(register.scores!.objectives).toHaveLength(8);
    expect(register.rules!.map((r) => r.id)).toContain('DORA-29-1-a');
    expect(validate('register', register)).toBeUndefined();
  });
});
