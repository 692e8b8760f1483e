import { describe, expect, it } from 'vitest';
import { loadCatalogue, registerReaders } from '@havenkit/checker';
import type { Catalogue, CheckDefinition } from '@havenkit/model';
import { KubeError } from './errors.js';
import { planCollection } from './plan.js';
import { PROBE_ACCESS } from './probes.js';
import {
  CLUSTER_ID_PERMISSION,
  assertLeastPrivilege,
  rbacPlan,
  type RbacObject,
  type RbacOptions,
  type RbacPlan,
} from './rbac.js';

const catalogue = loadCatalogue();
const READS = new Set(['get', 'list', 'watch']);

/** Every permission the objects grant, as "verb resource[.group] [in ns]". */
function granted(objects: readonly RbacObject[]): string[] {
  return objects
    .filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role')
    .flatMap((o) =>
      (o.rules ?? []).flatMap((rule) =>
        rule.apiGroups.flatMap((group) =>
          rule.resources.flatMap((resource) =>
            rule.verbs.map(
              (verb) =>
                `${verb} ${group === '' ? resource : `${resource}.${group}`}${o.kind === 'Role' ? ` in ${o.metadata.namespace}` : ''}`,
            ),
          ),
        ),
      ),
    )
    .sort();
}

const text = (p: { verb: string; group: string; resource: string; namespace?: string }): string =>
  `${p.verb} ${p.group === '' ? p.resource : `${p.resource}.${p.group}`}${p.namespace ? ` in ${p.namespace}` : ''}`;

/** May these objects do that? A cluster-wide grant covers every namespace. */
function allows(
  objects: readonly RbacObject[],
  p: { verb: string; group: string; resource: string; namespace?: string },
) {
  const all = new Set(granted(objects));
  return all.has(text({ ...p, namespace: undefined })) || (p.namespace !== undefined && all.has(text(p)));
}

const kinds = (plan: RbacPlan): string[] =>
  plan.objects.map(
    (o) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`,
  );

/** A copy of the catalogue with one more mandatory check that needs `needs`. */
function withCheck(needs: Partial<CheckDefinition['needs']>): Catalogue {
  const model = catalogue.checks.find((c) => c.name === 'multiaz')!;
  const extra: CheckDefinition = {
    ...model,
    name: 'greedy',
    needs: { resources: [], permissions: [], ...needs } as CheckDefinition['needs'],
  };
  return { ...catalogue, checks: [...catalogue.checks, extra] };
}

function everyWrite(plan: RbacPlan): string[] {
  return plan.objects
    .filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role')
    .flatMap((o) =>
      (o.rules ?? []).flatMap((r) =>
        r.verbs
          .filter((v) => !READS.has(v))
          .flatMap((v) => r.resources.map((res) => `${v} ${res} ${o.metadata.namespace ?? 'cluster-wide'}`)),
      ),
    );
}

describe('rbacPlan, the default selection (the mandatory checks) for the ServiceAccount havenkit', () => {
  const plan = rbacPlan(catalogue);

  it('makes the namespace, the ServiceAccount, a ClusterRole and a Role per namespace read in, each bound', () => {
    expect(kinds(plan)).toEqual([
      'Namespace havenkit',
      'ServiceAccount havenkit/havenkit',
      'ClusterRole havenkit',
      'ClusterRoleBinding havenkit',
      'Role default/havenkit',
      'RoleBinding default/havenkit',
      'Role kube-system/havenkit',
      'RoleBinding kube-system/havenkit',
    ]);
    const sa = plan.objects.find((o) => o.kind === 'ServiceAccount');
    expect(sa?.automountServiceAccountToken).toBe(false);
    for (const binding of plan.objects.filter((o) => o.kind.endsWith('Binding'))) {
      expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'havenkit', namespace: 'havenkit' }]);
      expect(binding.roleRef).toEqual({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: binding.kind === 'ClusterRoleBinding' ? 'ClusterRole' : 'Role',
        name: 'havenkit',
      });
    }
  });

  it('grants exactly the reads the checks declare and the collector makes, merged per group and verbs', () => {
    expect(plan.objects.find((o) => o.kind === 'ClusterRole')?.rules).toEqual([
      { apiGroups: [''], resources: ['nodes', 'persistentvolumes', 'pods'], verbs: ['list'] },
      { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], verbs: ['list'] },
      { apiGroups: ['apiregistration.k8s.io'], resources: ['apiservices'], verbs: ['list'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['list'] },
    ]);
    expect(granted(plan.objects.filter((o) => o.kind === 'Role'))).toEqual([
      'get namespaces in kube-system',
      'list endpoints in default',
      'list endpointslices.discovery.k8s.io in default',
    ]);
  });

  it('grants every permission the run reviews (so clusteradmin passes), and the cluster id read', () => {
    const reviewed = planCollection(catalogue).permissions;
    expect(reviewed.filter((p) => !allows(plan.objects, p))).toEqual([]);
    expect(allows(plan.objects, CLUSTER_ID_PERMISSION)).toBe(true);
    expect(plan.checks).toEqual(
      catalogue.checks
        .filter((c) => c.mandatory)
        .map((c) => c.name)
        .sort(),
    );
  });

  it('says who needs each permission', () => {
    expect(plan.permissions.find((p) => p.resource === 'namespaces')?.neededBy).toEqual([
      'check clusteradmin',
      'cluster id',
    ]);
    expect(plan.permissions.find((p) => p.resource === 'nodes')?.neededBy).toContain('check multiaz');
  });
});

describe('rbacPlan invariants, for every selection', () => {
  const selections: RbacOptions[] = [
    {},
    { selection: { all: true, sovereignty: true } },
    { selection: { all: true, sovereignty: true, probes: ['rwx', 'node-lsm'] } },
    { selection: { only: ['rbac'], probes: ['node-lsm'] }, subject: { kind: 'User', name: 'auditor' } },
  ];

  it.each(selections)(
    'never Secrets, never *, writes only by the probes in their namespace: %j',
    (options) => {
      const plan = rbacPlan(catalogue, options);
      const all = granted(plan.objects);
      expect(all.filter((p) => /\bsecrets\b|\*/.test(p))).toEqual([]);
      for (const object of plan.objects) {
        for (const rule of object.rules ?? []) {
          for (const verb of rule.verbs) {
            if (READS.has(verb)) continue;
            if (verb === 'create' && rule.resources.every((r) => r === 'subjectaccessreviews')) continue;
            expect(object.kind).toBe('Role');
            expect(object.metadata.namespace).toBe(plan.probeNamespace);
          }
        }
      }
    },
  );
});

describe('rbacPlan selections', () => {
  it('--only narrows to those checks (and the cluster id)', () => {
    const plan = rbacPlan(catalogue, { selection: { only: ['multiaz'] } });
    expect(plan.checks).toEqual(['multiaz']);
    expect(granted(plan.objects)).toEqual(['get namespaces in kube-system', 'list nodes']);
    expect(kinds(plan)).not.toContain('Role default/havenkit');
  });

  it('--cis and --kubescape add the suggested checks; --all every check', () => {
    const cis = rbacPlan(catalogue, { selection: { suggested: ['cis'] } });
    expect(cis.checks).toContain('cis');
    expect(granted(cis.objects)).toContain('list clustercompliancereports.aquasecurity.github.io');
    expect(granted(rbacPlan(catalogue).objects)).not.toContain(
      'list clustercompliancereports.aquasecurity.github.io',
    );
    expect(rbacPlan(catalogue, { selection: { all: true } }).checks).toEqual(
      catalogue.checks.map((c) => c.name).sort(),
    );
  });

  it("--sovereignty adds list of every resource the register reads, and names the register's functions", () => {
    const without = granted(rbacPlan(catalogue).objects);
    const plan = rbacPlan(catalogue, { selection: { sovereignty: true } });
    const register = planCollection(catalogue, {
      withoutChecks: true,
      readers: registerReaders(),
    }).permissions;
    expect(register.length).toBeGreaterThan(10);
    expect(register.filter((p) => !allows(plan.objects, p))).toEqual([]);
    const all = granted(plan.objects);
    expect(all).toContain('list deployments.apps');
    expect(all).toContain('list certificates.cert-manager.io');
    expect(without).not.toContain('list deployments.apps');
    expect(plan.permissions.find((p) => p.resource === 'deployments')?.neededBy).toEqual(
      expect.arrayContaining([expect.stringMatching(/^register:/)]),
    );
    expect(plan.grantedFor).toMatch(/; the dependency register$/);
  });

  it('a probe adds its declared writes only in its namespace, which the manifest creates', () => {
    const before = rbacPlan(catalogue);
    const plan = rbacPlan(catalogue, { selection: { probes: ['rwx'] } });
    expect(plan.probeNamespace).toBe('havenkit-probe');
    const namespace = plan.objects.find(
      (o) => o.kind === 'Namespace' && o.metadata.name === 'havenkit-probe',
    );
    expect(namespace?.metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
    const declared = PROBE_ACCESS.rwx.inNamespace
      .filter((p) => !READS.has(p.verb))
      .map((p) => `${p.verb} ${p.resource} havenkit-probe`)
      .sort();
    expect(
      everyWrite(plan)
        .filter((w) => !w.startsWith('create subjectaccessreviews'))
        .sort(),
    ).toEqual(declared);
    // The cluster-wide part is unchanged: the probe's reads are the checks' already.
    expect(plan.objects.find((o) => o.kind === 'ClusterRole')?.rules).toEqual(
      before.objects.find((o) => o.kind === 'ClusterRole')?.rules,
    );
    expect(kinds(plan)).toContain('Role havenkit-probe/havenkit');
    expect(kinds(plan)).toContain('RoleBinding havenkit-probe/havenkit');
    expect(kinds(before).some((k) => k.includes('havenkit-probe'))).toBe(false);
  });

  it('node-lsm: a privileged probe namespace, pods/log, and its own reads when the checks have none', () => {
    const plan = rbacPlan(catalogue, {
      selection: { only: ['kubernetesversion'], probes: ['node-lsm'] },
      probeNamespace: 'lsm',
    });
    expect(
      plan.objects.find((o) => o.metadata.name === 'lsm' && o.kind === 'Namespace')?.metadata.labels,
    ).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
    });
    expect(granted(plan.objects)).toEqual(
      [
        'create pods in lsm',
        'deletecollection persistentvolumeclaims in lsm',
        'deletecollection pods in lsm',
        'get namespaces in kube-system',
        'get namespaces in lsm',
        'get pods/log in lsm',
        'list nodes',
        'list persistentvolumeclaims in lsm',
        'list pods in lsm',
      ].sort(),
    );
  });

  it('binds a kubeconfig user instead: no ServiceAccount, no namespace of its own', () => {
    const plan = rbacPlan(catalogue, {
      subject: { kind: 'User', name: 'auditor@gemeente.example' },
      name: 'audit',
    });
    expect(kinds(plan)).toEqual([
      'ClusterRole audit',
      'ClusterRoleBinding audit',
      'Role default/audit',
      'RoleBinding default/audit',
      'Role kube-system/audit',
      'RoleBinding kube-system/audit',
    ]);
    for (const binding of plan.objects.filter((o) => o.kind.endsWith('Binding')))
      expect(binding.subjects).toEqual([
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'auditor@gemeente.example' },
      ]);
  });

  it('a ServiceAccount in a namespace of the cluster itself gets no Namespace object', () => {
    const plan = rbacPlan(catalogue, {
      subject: { kind: 'ServiceAccount', name: 'audit', namespace: 'kube-system' },
    });
    expect(kinds(plan).slice(0, 2)).toEqual(['ServiceAccount kube-system/audit', 'ClusterRole havenkit']);
  });
});

describe('rbacPlan bad input (exit 3) names what is known or allowed', () => {
  /** What rbacPlan throws for these options. */
  const errorOf = (options: RbacOptions): unknown => {
    try {
      rbacPlan(catalogue, options);
    } catch (err) {
      return err;
    }
    return undefined;
  };

  it.each<[RbacOptions, RegExp]>([
    [
      { selection: { only: ['multiaz', 'nope'] } },
      /^unknown check "nope" in --only \(checks: autocerts, cis, /,
    ],
    [{ selection: { probes: ['disk'] } }, /^unknown probe "disk" in --probe \(probes: node-lsm, rwx\)$/],
    [{ name: 'Havenkit' }, /^--name "Havenkit" is not a Kubernetes name/],
    [
      { subject: { kind: 'ServiceAccount', name: 'x', namespace: 'a.b' } },
      /^--namespace "a.b" is not a namespace name/,
    ],
    [{ subject: { kind: 'User', name: ' ' } }, /^--user " " is not a user name$/],
    [{ selection: { probes: ['rwx'] }, probeNamespace: 'kube-system' }, /namespace of the cluster itself/],
    [{ selection: { probes: ['rwx'] }, probeNamespace: 'default' }, /namespace of the cluster itself/],
    [{ selection: { probes: ['rwx'] }, probeNamespace: 'havenkit' }, /is the service account's namespace/],
  ])('%j', (options, message) => {
    const error = errorOf(options);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ exitCode: 3 });
    expect((error as KubeError).message).toMatch(message);
  });
});

describe('rbacPlan refuses a catalogue that would demand more (an internal error, no manifest)', () => {
  it.each<[Partial<CheckDefinition['needs']>, RegExp]>([
    [
      { resources: [{ resource: 'secrets' }] },
      /^havenkit rbac refuses to grant list secrets cluster-wide \(needed by check greedy\): havenkit never reads Secrets$/,
    ],
    [
      { permissions: [{ verb: 'get', group: '', resource: 'secrets', namespace: 'kube-system' }] },
      /get secrets in kube-system .*never reads Secrets/,
    ],
    [
      { permissions: [{ verb: 'create', group: '', resource: 'pods' }] },
      /^havenkit rbac refuses to grant create pods cluster-wide \(needed by check greedy\): havenkit writes nothing unless a probe is asked for$/,
    ],
    [{ permissions: [{ verb: 'list', group: '*', resource: 'pods' }] }, /a wildcard grants more than named/],
    [
      { permissions: [{ verb: 'get', group: '', resource: 'pods/exec' }] },
      /reaches into pods, nodes or tokens/,
    ],
    [
      { permissions: [{ verb: 'get', group: '', resource: 'nodes/proxy' }] },
      /reaches into pods, nodes or tokens/,
    ],
  ])('a check needing %j', (needs, message) => {
    expect(() => rbacPlan(withCheck(needs))).toThrow(message);
  });

  it("a check's write in the probe namespace is still refused: the writes there are the probes' own", () => {
    const catalogueWithWrite = withCheck({
      permissions: [{ verb: 'create', group: '', resource: 'configmaps', namespace: 'havenkit-probe' }],
    });
    expect(() => rbacPlan(catalogueWithWrite, { selection: { probes: ['rwx'] } })).toThrow(
      /create configmaps in havenkit-probe \(needed by check greedy\): the only writes are the probes', in namespace havenkit-probe/,
    );
  });

  it('a probe that would write outside its namespace is refused', () => {
    const probeAccess = {
      ...PROBE_ACCESS,
      rwx: {
        ...PROBE_ACCESS.rwx,
        reads: [{ verb: 'create' as const, group: '', resource: 'persistentvolumes' }],
      },
    };
    expect(() => rbacPlan(catalogue, { selection: { probes: ['rwx'] }, probeAccess })).toThrow(
      /refuses to grant create persistentvolumes cluster-wide \(needed by probe rwx\): the only writes are the probes', in namespace havenkit-probe/,
    );
  });
});

describe('rbacPlan with --publish (the report written to the cluster)', () => {
  const publish = [
    { group: '', resource: 'configmaps', name: 'havenkit-report', namespace: 'havenkit' },
    { group: 'wgpolicyk8s.io', resource: 'clusterpolicyreports', name: 'havenkit' },
  ];
  const plan = rbacPlan(catalogue, { selection: { publish } });
  const writes = plan.permissions.filter((p) => !READS.has(p.verb) && p.resource !== 'subjectaccessreviews');

  it('grants update of exactly the named objects and create of their kind, nothing else', () => {
    expect(
      writes.map((p) => `${p.verb} ${p.resource} ${p.resourceName ?? '*'} ${p.namespace ?? 'cluster-wide'}`),
    ).toEqual([
      'create clusterpolicyreports * cluster-wide',
      'update clusterpolicyreports havenkit cluster-wide',
      'create configmaps * havenkit',
      'update configmaps havenkit-report havenkit',
    ]);
  });

  it('writes the named ones as rules with resourceNames, get and update', () => {
    const role = plan.objects.find((o) => o.kind === 'Role' && o.metadata.namespace === 'havenkit')!;
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: ['create'] },
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['havenkit-report'],
        verbs: ['get', 'update'],
      },
    ]);
  });

  it('says so in what the roles are for', () => {
    expect(plan.grantedFor).toContain(
      'publishing to configmaps havenkit/havenkit-report, clusterpolicyreports.wgpolicyk8s.io havenkit',
    );
  });

  it('refuses a kind that is not the report’s, and a namespace of the cluster itself', () => {
    expect(() =>
      rbacPlan(catalogue, {
        selection: { publish: [{ group: '', resource: 'secrets', name: 'x', namespace: 'havenkit' }] },
      }),
    ).toThrow(/--publish cannot write secrets havenkit\/x/);
    expect(() =>
      rbacPlan(catalogue, {
        selection: { publish: [{ group: '', resource: 'configmaps', name: 'x', namespace: 'kube-system' }] },
      }),
    ).toThrow(/--publish-namespace kube-system is a namespace of the cluster itself/);
  });
});

describe('assertLeastPrivilege and the report’s objects', () => {
  it('refuses an update of the report’s kind that is not limited to its name', () => {
    expect(() =>
      assertLeastPrivilege(
        [
          {
            verb: 'update',
            group: '',
            resource: 'configmaps',
            namespace: 'havenkit',
            neededBy: ['publish configmaps'],
          },
        ],
        undefined,
      ),
    ).toThrow(/refuses to grant update configmaps in havenkit/);
  });

  it('refuses a delete of the report’s own object', () => {
    expect(() =>
      assertLeastPrivilege(
        [
          {
            verb: 'delete',
            group: '',
            resource: 'configmaps',
            namespace: 'havenkit',
            resourceName: 'havenkit-report',
            neededBy: ['publish configmaps havenkit/havenkit-report'],
          },
        ],
        undefined,
      ),
    ).toThrow(/refuses to grant delete configmaps havenkit-report in havenkit/);
  });
});
