import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { message, type CheckDefinition, type LocalizedText, type PermissionNeed } from '@havenkit/model';
import { loadCatalogue } from './catalogue/load.js';
import { normalizeRemediation, parseRemediation } from './remediation-text.js';
import { permissionsToGrant, remediationOf } from './remediation.js';
import { demoReport } from './testing/reports.js';

const catalogue = loadCatalogue();
const checks = catalogue.checks;
const check = (name: string): CheckDefinition => {
  const found = checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check ${name}`);
  return found;
};
const forbidden = { outcome: 'unknown', cause: 'forbidden' } as const;
/** A text as the report stores it: normalized remediation text. */
const normalized = (text: LocalizedText | undefined): LocalizedText | undefined =>
  text && { en: normalizeRemediation(text.en), nl: normalizeRemediation(text.nl) };

/** The code blocks of a remediation text, by language ("" for none). */
function codeBlocks(text: string, language = ''): string[] {
  return parseRemediation(text).flatMap((b) =>
    b.kind === 'code' && (b.language ?? '') === language ? [b.code] : [],
  );
}

interface RbacObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
}

/** The RBAC objects of a forbidden remediation, parsed from its YAML block. */
function rbacObjects(text: string): RbacObject[] {
  const [manifest] = codeBlocks(text, 'yaml');
  return yaml.loadAll(manifest ?? '') as RbacObject[];
}

/** Every permission the objects grant, with the namespace of a Role. */
function granted(objects: readonly RbacObject[]): PermissionNeed[] {
  return objects.flatMap((o) =>
    o.rules.flatMap((rule) =>
      rule.apiGroups.flatMap((group) =>
        rule.resources.flatMap((resource) =>
          rule.verbs.map(
            (verb) =>
              ({
                verb,
                group,
                resource,
                ...(o.kind === 'Role' ? { namespace: o.metadata.namespace } : {}),
              }) as PermissionNeed,
          ),
        ),
      ),
    ),
  );
}

const sorted = (permissions: readonly PermissionNeed[]) =>
  [...permissions].map((p) => JSON.stringify(p, Object.keys(p).sort())).sort();

describe('remediationOf', () => {
  it("gives a failure the check's own remediation, in English and Dutch", () => {
    const metrics = check('metrics');
    expect(remediationOf(metrics, { outcome: 'fail' }, checks)).toEqual(
      normalized(metrics.remediation?.fail),
    );
  });

  it('gives a pass and a skip no remediation', () => {
    expect(remediationOf(check('metrics'), { outcome: 'pass' }, checks)).toBeUndefined();
    expect(remediationOf(check('havenversion'), { outcome: 'skip' }, checks)).toBeUndefined();
  });

  it("gives an unknown the check's own advice for its cause", () => {
    const text = remediationOf(
      check('nodehardening'),
      { outcome: 'unknown', cause: 'insufficient-data' },
      checks,
    );
    expect(text).toEqual(normalized(check('nodehardening').remediation?.unknown?.['insufficient-data']));
    expect(text?.en).toContain('--probe node-lsm');
  });

  it.each(['timeout', 'api-error', 'not-collected', 'insufficient-data'] as const)(
    'gives an unknown (%s) without advice of the check the generic advice for the cause',
    (cause) => {
      const ids = {
        timeout: 'remediation.timeout',
        'api-error': 'remediation.apiError',
        'not-collected': 'remediation.notCollected',
        'insufficient-data': 'remediation.insufficientData',
      } as const;
      expect(remediationOf(check('metrics'), { outcome: 'unknown', cause }, checks)).toEqual(
        normalized(message(ids[cause])),
      );
    },
  );

  it('treats an unknown without a cause as insufficient data', () => {
    expect(remediationOf(check('metrics'), { outcome: 'unknown' }, checks)).toEqual(
      normalized(message('remediation.insufficientData')),
    );
  });

  // clusteradmin (access.self) grants every enabled check's permissions: tested on its own below.
  it.each(
    checks
      .filter((c) => c.needs.permissions.length > 0 && c.needs.sections?.includes('access.self') !== true)
      .map((c) => c.name),
  )('for forbidden, %s gets RBAC objects granting exactly its permissions', (name) => {
    const text = remediationOf(check(name), forbidden, checks);
    expect(text?.en).toContain(normalized(message('remediation.forbidden'))?.en);
    expect(sorted(granted(rbacObjects(text?.en ?? '')))).toEqual(sorted(check(name).needs.permissions));
  });

  it('grants namespaced permissions in a Role of that namespace, and binds each object', () => {
    const text = remediationOf(check('hamasters'), forbidden, checks)?.en ?? '';
    const objects = rbacObjects(text);
    expect(objects.map((o) => [o.kind, o.metadata.name, o.metadata.namespace])).toEqual([
      ['ClusterRole', 'havenkit-hamasters', undefined],
      ['Role', 'havenkit-hamasters', 'default'],
    ]);
    expect(codeBlocks(text)).toEqual([
      [
        'kubectl create clusterrolebinding havenkit-hamasters --clusterrole=havenkit-hamasters --user=USER',
        'kubectl create rolebinding havenkit-hamasters --namespace=default --role=havenkit-hamasters --user=USER',
      ].join('\n'),
    ]);
  });

  it('writes the core API group as "" and groups the resources of one group and verb', () => {
    const objects = rbacObjects(remediationOf(check('rwxvolumes'), forbidden, checks)?.en ?? '');
    expect(objects[0]?.rules).toEqual([
      { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['list'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['list'] },
    ]);
  });

  it('for clusteradmin (it reviews access.self), grants every permission the enabled checks need', () => {
    const enabled = checks.filter((c) => c.mandatory);
    const text = remediationOf(check('clusteradmin'), forbidden, enabled);
    expect(text?.en).toContain(normalized(check('clusteradmin').remediation?.unknown?.forbidden)?.en);
    const objects = rbacObjects(text?.en ?? '');
    expect(objects[0]?.metadata.name).toBe('havenkit');
    const needed = enabled.flatMap((c) => c.needs.permissions);
    expect(sorted(granted(objects))).toEqual(
      sorted([...new Map(needed.map((p) => [JSON.stringify(p), p])).values()]),
    );
    expect(permissionsToGrant(check('clusteradmin'), [check('metrics')])).toEqual(
      check('metrics').needs.permissions,
    );
  });

  it('for forbidden without permissions of its own, points to the default discovery roles', () => {
    const text = remediationOf(check('kubernetesversion'), forbidden, checks);
    expect(text).toEqual(
      normalized({
        en: `${message('remediation.forbidden').en}\n\n${message('remediation.defaultRoles').en}`,
        nl: `${message('remediation.forbidden').nl}\n\n${message('remediation.defaultRoles').nl}`,
      }),
    );
  });

  it('puts the same manifest and commands in both languages', () => {
    const text = remediationOf(check('autocerts'), forbidden, checks);
    expect(codeBlocks(text?.nl ?? '', 'yaml')).toEqual(codeBlocks(text?.en ?? '', 'yaml'));
    expect(codeBlocks(text?.nl ?? '')).toEqual(codeBlocks(text?.en ?? ''));
  });

  it('gives a check built without a remediation none for a failure, and the generic advice for an unknown', () => {
    const { remediation: _, ...bare } = check('metrics');
    expect(remediationOf(bare, { outcome: 'fail' }, checks)).toBeUndefined();
    expect(remediationOf(bare, { outcome: 'unknown', cause: 'timeout' }, checks)).toEqual(
      normalized(message('remediation.timeout')),
    );
  });
});

describe('evaluate', () => {
  it('puts a remediation on every failed and unknown result, and none on a pass or skip', () => {
    // The demo: privatenetworking fails, shavalidation is unknown, havenversion and cis skip.
    const report = demoReport({ unverifiedToolkit: true });
    const all = [...report.results, ...report.suggested];
    for (const r of all) {
      const expected = r.outcome === 'fail' || r.outcome === 'unknown';
      expect(r.remediation !== undefined, `${r.name} (${r.outcome})`).toBe(expected);
    }
    const failed = all.find((r) => r.name === 'privatenetworking');
    expect(failed?.remediation).toEqual(normalized(check('privatenetworking').remediation?.fail));
    const unknown = all.find((r) => r.name === 'shavalidation');
    expect(unknown?.remediation).toEqual(
      normalized(check('shavalidation').remediation?.unknown?.['not-collected']),
    );
  });
});
