/**
 * The policyreport format against the upstream CRDs (test/fixtures/policyreport/) on a real kube-apiserver:
 * the ClusterPolicyReport rendered from the demo report, a waived variant and the OpenReports ClusterReport
 * pass a strict server-side dry-run, are really created, and read back with every written field intact (a
 * structural schema prunes unknown fields silently, so a mismatch with the CRD would show as a difference).
 * Values outside the CRDs' enums and types are refused by the API server itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderPolicyReport,
  type ComplianceReport,
  type PolicyReport,
} from '../../packages/checker/src/index.js';
import {
  DEMO_CLUSTER_ID,
  demoReport,
  demoWaiver,
  waivedDemoReport,
} from '../../packages/checker/src/testing/reports.js';
import { startApiServer, uniqueName, type ExtraApiServer, type Manifest } from '../controlplane/index.js';
import { sleep } from '../controlplane/process.js';
import { ApiError, RestClient } from '../controlplane/rest.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/policyreport/', import.meta.url));
const CONTEXT = {
  language: 'en',
  startTs: '2026-11-01T09:00:00Z',
  stopTs: '2026-11-01T09:00:04.25Z',
} as const;

let server: ExtraApiServer;
let api: RestClient;

/** Installs every CRD of the fixture directory (without the generated status block), waits until Established. */
async function installCrds(): Promise<string[]> {
  const crds = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => yaml.loadAll(readFileSync(join(FIXTURES, f), 'utf8')))
    .filter((doc): doc is Manifest => (doc as Manifest | null)?.kind === 'CustomResourceDefinition');
  const path = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
  await Promise.all(crds.map(({ status: _status, ...crd }) => api.request('POST', path, crd)));
  const deadline = Date.now() + 30_000;
  for (const crd of crds) {
    for (;;) {
      const got = await api.request<{ status?: { conditions?: { type: string; status: string }[] } }>(
        'GET',
        `${path}/${crd.metadata.name}`,
      );
      if (got.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new Error(`CRD ${crd.metadata.name} was not Established within 30 s`);
      await sleep(100);
    }
    const spec = crd.spec as { group: string; versions: { name: string }[] };
    for (const v of spec.versions) api.forget(`${spec.group}/${v.name}`);
  }
  return crds.map((c) => c.metadata.name);
}

beforeAll(async () => {
  // An isolated API server: the CRDs are ours alone (checks elsewhere look at the installed CRDs).
  server = await startApiServer();
  api = await RestClient.fromKubeconfig(server.kubeconfig);
  await installCrds();
});

afterAll(async () => {
  await server?.stop();
});

/** The rendered YAML, read as kubectl would, under a unique name. */
function rendered(report: ComplianceReport, openReports = false): PolicyReport {
  const object = yaml.load(renderPolicyReport(report, { ...CONTEXT, openReports })) as PolicyReport;
  return { ...object, metadata: { ...object.metadata, name: uniqueName(object.metadata.name) } };
}

/**
 * A strict server-side dry-run (unknown fields are an error; skipped with `strict` false), then a real
 * create with the default field validation (unknown fields pruned); returns what the API server stored,
 * read back with a GET, and deletes it.
 */
async function createAndReadBack(object: PolicyReport, strict = true): Promise<Manifest> {
  const collection = await api.resourcePath(object.apiVersion, object.kind);
  if (strict) await api.request('POST', `${collection}?dryRun=All&fieldValidation=Strict`, object);
  await api.request('POST', collection, object);
  const path = await api.resourcePath(object.apiVersion, object.kind, undefined, object.metadata.name);
  try {
    return await api.request<Manifest>('GET', path);
  } finally {
    await api.request('DELETE', path);
  }
}

/** Every top-level field written, and the metadata written, as stored. */
function expectStoredUnchanged(stored: Manifest, written: PolicyReport): void {
  const { metadata, ...body } = written;
  const storedBody = Object.fromEntries(Object.keys(body).map((k) => [k, stored[k]]));
  expect(storedBody).toEqual(body);
  expect(stored.metadata).toMatchObject(metadata);
  expect(stored.metadata.labels).toEqual(metadata.labels);
  expect(stored.metadata.annotations).toEqual(metadata.annotations);
}

describe('the wgpolicyk8s.io/v1alpha2 ClusterPolicyReport', () => {
  it('of the demo report is accepted and stored with nothing pruned', async () => {
    const written = rendered(demoReport());
    expect(written.kind).toBe('ClusterPolicyReport');
    const stored = await createAndReadBack(written);
    expectStoredUnchanged(stored, written);
    const privatenetworking = (stored.results as PolicyReport['results']).find(
      (r) => r.rule === 'privatenetworking',
    );
    expect(privatenetworking).toMatchObject({
      result: 'fail',
      severity: 'high',
      scored: true,
      source: 'havenkit',
      resources: [{ apiVersion: 'v1', kind: 'Node', name: 'haven-worker-3' }],
      timestamp: { seconds: Date.parse('2026-11-01T09:00:04Z') / 1000, nanos: 250_000_000 },
    });
    expect(stored.summary).toEqual(written.summary);
  });

  it('with a waived failure is stored with the waiver properties, the failure still a fail', async () => {
    const waived = waivedDemoReport(
      demoWaiver({
        scope: { clusterId: DEMO_CLUSTER_ID, nodes: ['haven-worker-3'] },
        reason: 'Public IP until the NAT gateway migration',
        owner: 'platform-team',
        ticket: 'OPS-1234',
      }),
    );
    const written = rendered(waived);
    const stored = await createAndReadBack(written);
    expectStoredUnchanged(stored, written);
    const privatenetworking = (stored.results as PolicyReport['results']).find(
      (r) => r.rule === 'privatenetworking',
    );
    expect(privatenetworking?.result).toBe('fail');
    expect(privatenetworking?.properties).toMatchObject({
      waived: 'true',
      waiverOwner: 'platform-team',
      waiverTicket: 'OPS-1234',
      waiverExpires: '2026-12-31',
    });
    expect((stored.summary as PolicyReport['summary']).fail).toBe(waived.summary.failed);
    expect(stored.metadata.annotations).toMatchObject({
      'havenkit.dev/verdict-with-waivers': waived.verdictWithWaivers,
    });
  });
});

describe('the openreports.io/v1alpha1 ClusterReport', () => {
  it('of the demo report is accepted and stored with nothing pruned', async () => {
    const written = rendered(demoReport(), true);
    expect(written).toMatchObject({ apiVersion: 'openreports.io/v1alpha1', kind: 'ClusterReport' });
    const stored = await createAndReadBack(written);
    expectStoredUnchanged(stored, written);
    expect(stored.source).toBe('havenkit');
  });
});

describe('the API server enforces the CRD schemas', () => {
  type Mutation = (r: Record<string, unknown>) => void;
  const CASES: [string, boolean, Mutation, RegExp][] = [
    [
      'a result outside the enum (waived)',
      false,
      (r) => (r.result = 'waived'),
      /results\[0\]\.result: Unsupported value: "waived": supported values: "pass", "fail", "warn", "error", "skip"/,
    ],
    [
      'a result outside the enum (waived), OpenReports',
      true,
      (r) => (r.result = 'waived'),
      /results\[0\]\.result: Unsupported value: "waived"/,
    ],
    [
      'a severity outside the v1alpha2 enum (critical)',
      false,
      (r) => (r.severity = 'critical'),
      /results\[0\]\.severity: Unsupported value: "critical": supported values: "high", "low", "medium"/,
    ],
    [
      'a property that is not a string',
      false,
      (r) => ((r.properties as Record<string, unknown>).evidenceCount = 9),
      /results\[0\]\.properties\.evidenceCount: Invalid value: "integer": .*must be of type string/,
    ],
    [
      'an RFC 3339 string as timestamp',
      false,
      (r) => (r.timestamp = '2026-11-01T09:00:04Z'),
      /results\[0\]\.timestamp: Invalid value: "string": .*must be of type object/,
    ],
  ];

  it('prunes an unknown field silently, and refuses it with strict field validation', async () => {
    // What the read-back comparison guards against: a field the CRD does not know vanishes on create.
    const object = rendered(demoReport());
    (object.results[0] as unknown as Record<string, unknown>).waived = 'true';
    const collection = await api.resourcePath(object.apiVersion, object.kind);
    const strict = await api
      .request('POST', `${collection}?dryRun=All&fieldValidation=Strict`, object)
      .catch((err: unknown) => err);
    expect(strict).toBeInstanceOf(ApiError);
    expect((strict as ApiError).apiMessage).toMatch(/unknown field "results\[0\]\.waived"/);
    const stored = await createAndReadBack(object, false);
    expect((stored.results as Record<string, unknown>[])[0]).not.toHaveProperty('waived');
    expect(stored.results).not.toEqual(object.results);
  });

  it.each(CASES)('refuses %s', async (_name, openReports, mutate, message) => {
    const object = rendered(demoReport(), openReports);
    mutate(object.results[0] as unknown as Record<string, unknown>);
    const collection = await api.resourcePath(object.apiVersion, object.kind);
    const error = await api.request('POST', collection, object).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).reason).toBe('Invalid');
    expect((error as ApiError).apiMessage).toMatch(message);
    // Nothing was stored.
    const path = await api.resourcePath(object.apiVersion, object.kind, undefined, object.metadata.name);
    const missing = await api.request('GET', path).catch((err: unknown) => err);
    expect((missing as ApiError).status).toBe(404);
  });
});
