import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError } from '@havenkit/model';
import { defaultCatalogueDir, loadCatalogue } from './load.js';

const OFFICIAL = [
  ['havenversion', 'Fundamental', 'Self test: HCC version is latest major or within 3 months upgrade window'],
  ['clusteradmin', 'Fundamental', 'Self test: does HCC have cluster-admin'],
  ['multiaz', 'Infrastructure', 'Multiple availability zones in use'],
  ['hamasters', 'Infrastructure', 'Running at least 3 master nodes'],
  ['haworkers', 'Infrastructure', 'Running at least 3 worker nodes'],
  [
    'nodehardening',
    'Infrastructure',
    'Nodes have SELinux, Grsecurity, AppArmor, LKRG, Talos or Flatcar enabled',
  ],
  ['privatenetworking', 'Infrastructure', 'Private networking topology'],
  ['kubernetesversion', 'Cluster', 'Kubernetes version is latest stable or max 3 minor versions behind'],
  ['rbac', 'Cluster', 'Role Based Access Control is enabled'],
  ['rwxvolumes', 'Cluster', 'ReadWriteMany persistent volumes support'],
  ['cncf', 'External', 'CNCF Kubernetes Conformance'],
  ['autocerts', 'Haven+', 'Automated HTTPS certificate provisioning'],
  ['logs', 'Haven+', 'Log aggregation is running'],
  ['metrics', 'Haven+', 'Metrics-server is running'],
  ['shavalidation', 'Validation', 'SHA has been validated'],
  ['cis', 'External', 'CIS Kubernetes Security Benchmark'],
  ['kubescape', 'External', 'Kubescape'],
];

const temps: string[] = [];
function copyCatalogue(): string {
  const dir = mkdtempSync(join(tmpdir(), 'havenkit-catalogue-'));
  temps.push(dir);
  cpSync(defaultCatalogueDir(), dir, { recursive: true });
  return dir;
}
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadCatalogue', () => {
  it('implements Haven v12.8.0', () => {
    expect(loadCatalogue().havenVersion).toBe('v12.8.0');
  });

  it('has the official name, label and category of every check, 15 mandatory and 2 suggested', () => {
    const checks = loadCatalogue().checks;
    const actual = checks.map((c) => [c.name, c.category, c.label]).sort();
    expect(actual).toEqual([...OFFICIAL].sort());
    expect(
      checks
        .filter((c) => c.mandatory)
        .map((c) => c.name)
        .sort(),
    ).toEqual(
      OFFICIAL.slice(0, 15)
        .map(([n]) => n)
        .sort(),
    );
  });

  it('orders checks by category (official order) and then by name', () => {
    expect(loadCatalogue().checks.map((c) => c.name)).toEqual([
      'clusteradmin',
      'havenversion',
      'hamasters',
      'haworkers',
      'multiaz',
      'nodehardening',
      'privatenetworking',
      'kubernetesversion',
      'rbac',
      'rwxvolumes',
      'cis',
      'cncf',
      'kubescape',
      'autocerts',
      'logs',
      'metrics',
      'shavalidation',
    ]);
  });

  it('fails loudly for a check file without a function', () => {
    const dir = copyCatalogue();
    writeFileSync(
      join(dir, 'basicauth.yaml'),
      'name: basicauth\nlabel: Basic auth is disabled\ncategory: Cluster\nmandatory: true\nrationale: { en: x, nl: y }\ndecides: { en: x, nl: y }\nremediation: { fail: { en: x, nl: y } }\nneeds: { resources: [], permissions: [] }\n',
    );
    expect(() => loadCatalogue(dir)).toThrow(/basicauth\.yaml: check "basicauth" has no function/);
  });

  it('fails loudly for a function without a check file', () => {
    const dir = copyCatalogue();
    unlinkSync(join(dir, 'metrics.yaml'));
    expect(() => loadCatalogue(dir)).toThrow(/check function "metrics" has no catalogue file/);
  });

  it('names the file and field of an invalid check', () => {
    const dir = copyCatalogue();
    writeFileSync(
      join(dir, 'logs.yaml'),
      'name: logs\nlabel: Logs\ncategory: Logging\nmandatory: true\nrationale: { en: x, nl: y }\ndecides: { en: x, nl: y }\nremediation: { fail: { en: x, nl: y } }\nneeds: { resources: [], permissions: [] }\n',
    );
    const error = (() => {
      try {
        loadCatalogue(dir);
      } catch (e) {
        return e as CatalogueError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error?.message).toMatch(
      /logs\.yaml: category: must be one of "Fundamental", "Infrastructure", .* \(got "Logging"\)$/,
    );
    expect(error?.exitCode).toBe(3);
  });

  it.each(loadCatalogue().checks.map((c) => [c.name, c]))(
    'gives %s a remediation for a failure, in English and in Dutch',
    (_, check) => {
      expect(check.remediation?.fail.en.trim()).not.toBe('');
      expect(check.remediation?.fail.nl.trim()).not.toBe('');
      expect(check.remediation?.fail.nl).not.toBe(check.remediation?.fail.en);
    },
  );

  it('names a source for the remediation of every check that reaches outside havenkit', () => {
    const withoutSources = loadCatalogue()
      .checks.filter((c) => (c.remediation?.sources ?? []).length === 0)
      .map((c) => c.name);
    expect(withoutSources).toEqual(['shavalidation']);
  });

  it('rejects a check file without a remediation, naming the field', () => {
    const dir = copyCatalogue();
    writeFileSync(
      join(dir, 'logs.yaml'),
      'name: logs\nlabel: Logs\ncategory: Haven+\nmandatory: true\nrationale: { en: x, nl: y }\ndecides: { en: x, nl: y }\nneeds: { resources: [], permissions: [] }\n',
    );
    expect(() => loadCatalogue(dir)).toThrow(/logs\.yaml: .*remediation/);
  });

  it('accepts check-specific advice only for the causes of an unknown outcome', () => {
    const dir = copyCatalogue();
    writeFileSync(
      join(dir, 'logs.yaml'),
      'name: logs\nlabel: Logs\ncategory: Haven+\nmandatory: true\nrationale: { en: x, nl: y }\ndecides: { en: x, nl: y }\nremediation: { fail: { en: x, nl: y }, unknown: { offline: { en: x, nl: y } } }\nneeds: { resources: [], permissions: [] }\n',
    );
    expect(() => loadCatalogue(dir)).toThrow(/logs\.yaml: remediation\.unknown/);
  });

  it('requires the file name to equal the check name', () => {
    const dir = copyCatalogue();
    cpSync(join(dir, 'logs.yaml'), join(dir, 'logging.yaml'));
    expect(() => loadCatalogue(dir)).toThrow(/logging\.yaml: name: must equal the file name/);
  });
});
