/**
 * charts/havenkit with the real helm (built from the Go module proxy) and a real API server of its
 * own: lint, schema, the RBAC it renders against `havenkit rbac` for the same selection (the chart
 * and the generator must not drift), a server-side dry run of everything it renders in a namespace
 * that enforces Pod Security "restricted" (the job's pod too), and the CronJob's own commands run
 * as its ServiceAccount (a TokenRequest token: the identity a pod of the job gets), which publish
 * the reports with nothing unknown for lack of rights. No kubelet runs, so the command runs as a
 * process here with that identity; its arguments are taken from the rendered CronJob as they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport, DependencyRegister } from '../../packages/checker/src/index.js';
import { loadCatalogue } from '../../packages/checker/src/index.js';
import { rbacPlan } from '../../packages/collect/src/rbac.js';
import type { PublishGrant, RbacSelection } from '../../packages/collect/src/rbac.js';
import { outcomes, runCli } from '../checker/helpers.js';
import { controlPlane, seedScenario, startApiServer, uniqueName } from '../controlplane/index.js';
import type { ExtraApiServer, Manifest } from '../controlplane/index.js';
import { ApiError, RestClient } from '../controlplane/rest.js';

const CHART = new URL('../../charts/havenkit', import.meta.url).pathname;
const KUBE_VERSION = '1.37.2';
const RELEASE = 'hk';
const FULLNAME = 'hk-havenkit';
const work = mkdtempSync(join(tmpdir(), 'havenkit-chart-'));

function helm(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(controlPlane().binaries.helm, args, {
    encoding: 'utf8',
    env: { ...process.env, HELM_CACHE_HOME: join(work, 'cache'), HELM_CONFIG_HOME: join(work, 'config') },
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** `helm template` of the chart in `namespace` with these values (a values file, so lists and strings stay as written). */
function template(
  namespace: string,
  values: Record<string, unknown>,
): { code: number; stdout: string; stderr: string } {
  const file = join(work, `${uniqueName('values')}.yaml`);
  writeFileSync(file, dump(values));
  return helm([
    'template',
    RELEASE,
    CHART,
    '--namespace',
    namespace,
    '--kube-version',
    KUBE_VERSION,
    '-f',
    file,
  ]);
}

/** The rendered objects; a render helm refuses is an error of the test. */
function render(namespace: string, values: Record<string, unknown> = {}): Manifest[] {
  const run = template(namespace, values);
  if (run.code !== 0) throw new Error(`helm template: ${run.stderr}`);
  return (loadAll(run.stdout) as (Manifest | null)[]).filter(
    (o): o is Manifest => o !== null && o !== undefined,
  );
}

/** What a render refuses: helm's error output. */
function refused(values: Record<string, unknown>): string {
  const run = template('scans', values);
  expect(run.code).not.toBe(0);
  return run.stderr;
}

interface Rule {
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
  verbs: string[];
}

/** Every permission the rendered roles grant, as "namespace|group|resource|name|verb" ("" = cluster-wide, any name). */
function chartGrants(objects: readonly Manifest[]): string[] {
  const grants = objects
    .filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role')
    .flatMap((o) =>
      ((o.rules ?? []) as Rule[]).flatMap((rule) =>
        rule.apiGroups.flatMap((group) =>
          rule.resources.flatMap((resource) =>
            (rule.resourceNames ?? ['']).flatMap((name) =>
              rule.verbs.map(
                (verb) =>
                  `${o.kind === 'Role' ? o.metadata.namespace : ''}|${group}|${resource}|${name}|${verb}`,
              ),
            ),
          ),
        ),
      ),
    );
  return [...new Set(grants)].sort();
}

/** The same, as `havenkit rbac` computes it for the selection, bound to the chart's ServiceAccount. */
function generatorGrants(namespace: string, selection: RbacSelection): string[] {
  const plan = rbacPlan(loadCatalogue(), {
    selection,
    subject: { kind: 'ServiceAccount', name: FULLNAME, namespace },
    name: FULLNAME,
    probeNamespace: `${namespace}-probe`,
  });
  return plan.permissions
    .map((p) => `${p.namespace ?? ''}|${p.group}|${p.resource}|${p.resourceName ?? ''}|${p.verb}`)
    .sort();
}

const configMap = (namespace: string, suffix: string): PublishGrant => ({
  group: '',
  resource: 'configmaps',
  name: `${FULLNAME}-${suffix}`,
  namespace,
});
const clusterPolicyReport: PublishGrant = {
  group: 'wgpolicyk8s.io',
  resource: 'clusterpolicyreports',
  name: FULLNAME,
};
const clusterReport: PublishGrant = { group: 'openreports.io', resource: 'clusterreports', name: FULLNAME };

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('charts/havenkit, rendered', () => {
  it('passes helm lint --strict with the default values', () => {
    const run = helm(['lint', '--strict', CHART, '--namespace', 'havenkit', '--kube-version', KUBE_VERSION]);
    expect(run.stdout + run.stderr).toContain('0 chart(s) failed');
    expect(run.code).toBe(0);
  });

  it('passes helm lint --strict with every feature on', () => {
    const file = join(work, 'all.yaml');
    writeFileSync(
      file,
      dump({
        checks: { cis: true, kubescape: true, latestKubernetes: '1.38' },
        probes: { enabled: ['rwx', 'node-lsm'] },
        sovereignty: { exitTo: 'ovhcloud' },
        report: { openReports: true, formats: ['json', 'html', 'markdown', 'sarif'] },
        persistence: { enabled: true },
        waivers: { content: 'waivers: []\n' },
        signing: { existingSecret: 'havenkit-signing' },
        networkPolicy: { apiServer: { cidrs: ['10.0.0.1/32'] } },
        timeZone: 'Europe/Amsterdam',
      }),
    );
    const run = helm([
      'lint',
      '--strict',
      CHART,
      '--namespace',
      'havenkit',
      '--kube-version',
      KUBE_VERSION,
      '-f',
      file,
    ]);
    expect(run.stdout + run.stderr).toContain('0 chart(s) failed');
    expect(run.code).toBe(0);
  });

  it('refuses a value the schema does not allow, naming the field', () => {
    expect(refused({ language: 'fr' })).toMatch(/\/language.*'en', 'nl'/);
    expect(refused({ probes: { enabled: ['port-scan'] } })).toContain('/probes/enabled/0');
    expect(refused({ reprot: {} })).toContain('reprot');
  });

  it('refuses an unknown check, signing without a volume and a probe namespace that is the release’s', () => {
    expect(refused({ checks: { only: ['multiazz'] } })).toContain('checks.only: unknown check "multiazz"');
    expect(refused({ signing: { existingSecret: 'key' } })).toContain(
      'signing.existingSecret needs persistence.enabled',
    );
    expect(refused({ probes: { enabled: ['rwx'], namespace: 'default' } })).toContain(
      'probes.namespace "default"',
    );
  });

  it.each<[string, Record<string, unknown>, (namespace: string) => RbacSelection]>([
    [
      'the defaults: every mandatory check, the register, both ConfigMaps and the ClusterPolicyReport',
      {},
      (ns) => ({
        sovereignty: true,
        publish: [configMap(ns, 'report'), configMap(ns, 'sovereignty'), clusterPolicyReport],
      }),
    ],
    [
      'two checks, no register, only the report ConfigMap',
      {
        checks: { only: ['multiaz', 'hamasters'] },
        sovereignty: { enabled: false },
        report: { policyReport: false },
      },
      (ns) => ({ only: ['multiaz', 'hamasters'], publish: [configMap(ns, 'report')] }),
    ],
    [
      'suggested checks, both probes, an OpenReports ClusterReport, nothing else published',
      {
        checks: { cis: true, kubescape: true },
        probes: { enabled: ['rwx', 'node-lsm'] },
        sovereignty: { enabled: false },
        report: { configMap: false, openReports: true },
      },
      () => ({ suggested: ['cis', 'kubescape'], probes: ['rwx', 'node-lsm'], publish: [clusterReport] }),
    ],
    [
      'the register with the rwx probe and no publishing at all',
      { probes: { enabled: ['rwx'] }, report: { configMap: false, policyReport: false } },
      () => ({ sovereignty: true, probes: ['rwx'] }),
    ],
  ])('grants exactly what havenkit rbac grants for %s', (_, values, selection) => {
    const namespace = 'scans';
    expect(chartGrants(render(namespace, values))).toEqual(generatorGrants(namespace, selection(namespace)));
  });

  it('grants no Secret, no wildcard and no write but the probes’ and the report’s own objects', () => {
    const grants = chartGrants(render('scans', { probes: { enabled: ['rwx', 'node-lsm'] } }));
    expect(grants.filter((g) => g.includes('|secrets|') || g.includes('*'))).toEqual([]);
    const writes = grants.filter((g) => !/\|(get|list|watch)$/.test(g));
    expect(writes.filter((g) => !g.startsWith('scans-probe|')).sort()).toEqual(
      [
        '|authorization.k8s.io|subjectaccessreviews||create',
        '|wgpolicyk8s.io|clusterpolicyreports||create',
        '|wgpolicyk8s.io|clusterpolicyreports|hk-havenkit|update',
        'scans||configmaps||create',
        'scans||configmaps|hk-havenkit-report|update',
        'scans||configmaps|hk-havenkit-sovereignty|update',
      ].sort(),
    );
  });

  it('runs the check and the register as two containers with the chart’s names, never failing the Job for a verdict', () => {
    const cronJob = render('scans').find((o) => o.kind === 'CronJob')!;
    const pod = (cronJob.spec as CronJobSpec).jobTemplate.spec.template.spec;
    expect(pod.containers.map((c) => c.name)).toEqual(['check', 'sovereignty']);
    expect(pod.containers[0]!.args).toEqual(
      expect.arrayContaining([
        '--no-verdict-exit-code',
        '--publish',
        'configmap,policyreport',
        '--publish-name',
        FULLNAME,
      ]),
    );
    expect(pod.serviceAccountName).toBe(FULLNAME);
  });
});

interface Container {
  name: string;
  args: string[];
}
interface CronJobSpec {
  jobTemplate: {
    spec: {
      template: {
        metadata: Manifest['metadata'];
        spec: { containers: Container[]; serviceAccountName: string } & Record<string, unknown>;
      };
    };
  };
}

describe('charts/havenkit on a real API server', () => {
  const namespace = 'havenkit-scans';
  let server: ExtraApiServer | undefined;
  let admin: RestClient;
  let objects: Manifest[];
  let token: string;

  beforeAll(async () => {
    server = await startApiServer();
    await seedScenario(server.kubeconfig, 'compliant');
    admin = await RestClient.fromKubeconfig(server.kubeconfig);
    await admin.request('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
      },
    });
    objects = render(namespace, {});
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
  });

  async function create(object: Manifest, dryRun: boolean): Promise<void> {
    const path = await admin.resourcePath(object.apiVersion, object.kind, object.metadata.namespace);
    await admin.request(
      'POST',
      `${path}${dryRun ? '?dryRun=All&fieldValidation=Strict' : '?fieldValidation=Strict'}`,
      object,
    );
  }

  /** The pod a run of the CronJob creates, as the Job controller would make it. */
  function jobPod(values: Record<string, unknown> = {}): Manifest {
    const cronJob = render(namespace, values).find((o) => o.kind === 'CronJob')!;
    const template = (cronJob.spec as CronJobSpec).jobTemplate.spec.template;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...template.metadata, name: uniqueName('scan'), namespace },
      spec: template.spec,
    };
  }

  it('accepts everything it renders, with every feature on, in a server-side dry run with strict field validation', async () => {
    const all = render(namespace, {
      probes: { enabled: ['rwx'] },
      persistence: { enabled: true },
      waivers: { content: 'waivers: []\n' },
      signing: { existingSecret: 'havenkit-signing' },
      checks: { cis: true },
    });
    // The probe namespace must exist for its Role to be dry-run; it is the only object created for real.
    for (const ns of all.filter((o) => o.kind === 'Namespace')) await create(ns, false);
    const kinds: string[] = [];
    for (const object of all.filter((o) => o.kind !== 'Namespace')) {
      await create(object, true);
      kinds.push(object.kind);
    }
    expect(new Set(kinds)).toEqual(
      new Set([
        'NetworkPolicy',
        'ServiceAccount',
        'ConfigMap',
        'PersistentVolumeClaim',
        'ClusterRole',
        'ClusterRoleBinding',
        'Role',
        'RoleBinding',
        'CronJob',
      ]),
    );
  });

  it('makes a job pod that Pod Security "restricted" admits', async () => {
    await expect(
      create(jobPod({ persistence: { enabled: true }, signing: { existingSecret: 'k' } }), true),
    ).resolves.toBeUndefined();
  });

  it('is in a namespace that does enforce "restricted": the same pod running as root is refused', async () => {
    const pod = jobPod();
    const spec = pod.spec as { securityContext: Record<string, unknown> };
    spec.securityContext = { ...spec.securityContext, runAsNonRoot: false, runAsUser: 0 };
    const refusal = await create(pod, true).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).apiMessage).toContain('violates PodSecurity "restricted');
  });

  describe('the CronJob’s commands, as its ServiceAccount', () => {
    let kubeconfig: string;
    const args = (container: string): string[] => {
      const cronJob = objects.find((o) => o.kind === 'CronJob')!;
      return (cronJob.spec as CronJobSpec).jobTemplate.spec.template.spec.containers.find(
        (c) => c.name === container,
      )!.args;
    };

    beforeAll(async () => {
      for (const object of objects) await create(object, false);
      const review = await admin.request<{ status: { token: string } }>(
        'POST',
        `/api/v1/namespaces/${namespace}/serviceaccounts/${FULLNAME}/token`,
        { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
      );
      token = review.status.token;
      kubeconfig = join(work, 'service-account.kubeconfig');
      writeFileSync(
        kubeconfig,
        dump({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [
            {
              name: 'in-cluster',
              cluster: {
                server: server!.server,
                'certificate-authority-data': readFileSync(controlPlane().pki.caCert).toString('base64'),
              },
            },
          ],
          users: [{ name: FULLNAME, user: { token } }],
          contexts: [{ name: 'in-cluster', context: { cluster: 'in-cluster', user: FULLNAME, namespace } }],
          'current-context': 'in-cluster',
        }),
        { mode: 0o600 },
      );
    });

    it('fails with exit 12, naming the CRD, where the cluster has no PolicyReport kind; the ConfigMap is written first', async () => {
      const run = await runCli([...args('check'), '--kubeconfig', kubeconfig]);
      expect(run.stderr).toContain('the cluster does not serve clusterpolicyreports.wgpolicyk8s.io/v1alpha2');
      expect(run.stderr).toContain(`(written before: ConfigMap ${namespace}/${FULLNAME}-report)`);
      expect(run.code).toBe(12);
    });

    it('publishes the report: a ClusterPolicyReport and the json report in a ConfigMap, as cluster-admin sees the cluster', async () => {
      await seedScenario(server!.kubeconfig, {
        name: 'policyreport-crd',
        crds: [{ fixture: 'policyreport/wgpolicyk8s.io_clusterpolicyreports.yaml' }],
      });
      const run = await runCli([...args('check'), '--kubeconfig', kubeconfig]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`published: ClusterPolicyReport ${FULLNAME} (created)`);
      expect(run.stderr).toContain(`published: ConfigMap ${namespace}/${FULLNAME}-report`);

      const stored = await admin.request<{ data: Record<string, string> }>(
        'GET',
        `/api/v1/namespaces/${namespace}/configmaps/${FULLNAME}-report`,
      );
      const report = JSON.parse(stored.data['report.json']!) as ComplianceReport;
      const asAdmin = await runCli(['check', '--kubeconfig', server!.kubeconfig, '--output', 'json']);
      const baseline = JSON.parse(asAdmin.stdout) as ComplianceReport;
      expect(outcomes(report)).toEqual(outcomes(baseline));
      expect(Object.values(outcomes(report))).not.toContain('unknown');

      const policyReport = await admin.request<{ summary: Record<string, number>; results: unknown[] }>(
        'GET',
        `/apis/wgpolicyk8s.io/v1alpha2/clusterpolicyreports/${FULLNAME}`,
      );
      expect(policyReport.results).toHaveLength(report.results.length + report.suggested.length);
      expect(policyReport.summary.pass).toBe(report.results.filter((r) => r.outcome === 'pass').length);
    });

    it('replaces its own objects on the next run', async () => {
      const run = await runCli([...args('check'), '--kubeconfig', kubeconfig]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`published: ClusterPolicyReport ${FULLNAME} (replaced)`);
      expect(run.stderr).toContain(`published: ConfigMap ${namespace}/${FULLNAME}-report (replaced)`);
    });

    it('publishes the dependency register in its ConfigMap', async () => {
      const run = await runCli([...args('sovereignty'), '--kubeconfig', kubeconfig]);
      expect(run.stderr).toContain(`published: ConfigMap ${namespace}/${FULLNAME}-sovereignty (created)`);
      expect(run.code).toBe(0);
      const stored = await admin.request<{ data: Record<string, string> }>(
        'GET',
        `/api/v1/namespaces/${namespace}/configmaps/${FULLNAME}-sovereignty`,
      );
      const register = JSON.parse(stored.data['register.json']!) as DependencyRegister;
      expect(register.functions.length).toBeGreaterThan(0);
    });

    it('keeps every run’s signed reports on its volume, which verify and fleet report read', async () => {
      // The pod's mounts, as directories here: the claim, the signing Secret, the waivers ConfigMap.
      const volume = join(work, 'volume');
      const signing = join(work, 'signing');
      const waivers = join(work, 'waivers');
      mkdirSync(volume);
      mkdirSync(waivers);
      expect((await runCli(['keys', 'generate', '--out', join(signing, 'havenkit')])).code).toBe(0);
      const kubeSystem = await admin.request<{ metadata: { uid: string } }>(
        'GET',
        '/api/v1/namespaces/kube-system',
      );
      writeFileSync(
        join(waivers, 'waivers.yaml'),
        dump({
          apiVersion: 'havenkit.dev/v1alpha1',
          kind: 'WaiverList',
          waivers: [
            {
              check: 'privatenetworking',
              scope: { clusterId: kubeSystem.metadata.uid },
              reason: 'A bastion keeps its public address until the VPN is live',
              owner: 'platform@gemeente.example',
              ticket: 'GEM-1',
              expires: '2099-12-31',
            },
          ],
        }),
      );
      const cronJob = render(namespace, {
        persistence: { enabled: true },
        signing: { existingSecret: 'havenkit-signing' },
        waivers: { content: 'placeholder: the test mounts its own\n' },
      }).find((o) => o.kind === 'CronJob')!;
      const mounted = (cronJob.spec as CronJobSpec).jobTemplate.spec.template.spec.containers
        .find((c) => c.name === 'check')!
        .args.map((a) =>
          a
            .replace('/var/lib/havenkit', volume)
            .replace('/var/run/havenkit/signing', signing)
            .replace('/etc/havenkit/waivers', waivers),
        );
      for (const run of [1, 2]) {
        if (run === 2) await new Promise((resolve) => setTimeout(resolve, 1100)); // {time} is to the second
        const result = await runCli([...mounted, '--kubeconfig', kubeconfig]);
        expect(result.stderr).not.toContain('error');
        expect(result.code).toBe(0);
      }
      const runs = readdirSync(join(volume, 'check')).sort();
      expect(runs).toHaveLength(2);
      const [first] = runs;
      expect(readdirSync(join(volume, 'check', first!)).sort()).toEqual([
        'report.html',
        'report.json',
        'report.md',
      ]);
      const verified = await runCli([
        'verify',
        join(volume, 'check', first!, 'report.json'),
        '--key',
        join(signing, 'havenkit.pub'),
        '--snapshot',
        join(volume, `snapshot-${first}.json`),
      ]);
      expect(verified.code).toBe(0);

      const overview = await runCli([
        'fleet',
        'report',
        volume,
        '-o',
        'json',
        '--key',
        join(signing, 'havenkit.pub'),
      ]);
      expect(overview.code).toBe(0);
      const fleet = JSON.parse(overview.stdout) as {
        clusters: { runs: { signature: string }[] }[];
        notRead: unknown[];
        passedOver: string[];
      };
      expect(fleet.clusters).toHaveLength(1);
      expect(fleet.clusters[0]!.runs.map((r) => r.signature)).toEqual(['verified', 'verified']);
      expect(fleet.notRead).toEqual([]);
      expect(fleet.passedOver).toEqual(runs.map((t) => `snapshot-${t}.json`));
    });

    it('may not read a Secret nor update a ConfigMap that is not the report’s', async () => {
      const kc = await RestClient.fromKubeconfig(kubeconfig);
      const secrets = await kc
        .request('GET', `/api/v1/namespaces/${namespace}/secrets`)
        .catch((e: unknown) => e);
      expect((secrets as ApiError).status).toBe(403);
      await admin.request('POST', `/api/v1/namespaces/${namespace}/configmaps`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings' },
        data: { a: 'b' },
      });
      const update = await kc
        .request('PUT', `/api/v1/namespaces/${namespace}/configmaps/settings`, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'settings', namespace },
          data: { a: 'changed' },
        })
        .catch((e: unknown) => e);
      expect((update as ApiError).status).toBe(403);
    });

    it('never replaces an object of that name that is not havenkit’s (exit 12), even as cluster-admin', async () => {
      await admin.request('POST', `/api/v1/namespaces/${namespace}/configmaps`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'theirs-report' },
        data: { mine: 'yes' },
      });
      const run = await runCli([
        'check',
        '--kubeconfig',
        server!.kubeconfig,
        '--publish',
        'configmap',
        '--publish-name',
        'theirs',
        '--publish-namespace',
        namespace,
        '--output',
        'json',
      ]);
      expect(run.stderr).toContain(
        `cannot write ConfigMap ${namespace}/theirs-report: it exists and is not havenkit's`,
      );
      expect(run.code).toBe(12);
      const kept = await admin.request<{ data: Record<string, string> }>(
        'GET',
        `/api/v1/namespaces/${namespace}/configmaps/theirs-report`,
      );
      expect(kept.data).toEqual({ mine: 'yes' });
    });
  });
});
