/**
 * False verdicts: only an explicit, well-formed answer of the API server decides a check. An access review or a
 * list answered 200 with an empty body, `{}`, `{"status":{}}`, `null` items or a `kind: Status` failure is an
 * error of that resource (the check is unknown, naming it), never "denied" or "no nodes".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../packages/checker/src/index.js';
import { runCli } from '../checker/helpers.js';
import { BODIES, useFaultProxy } from './proxy.js';
import type { FaultProxy } from './proxy.js';

let proxy: FaultProxy;
let kubeconfig: string;
const work = mkdtempSync(join(tmpdir(), 'havenkit-faults-verdicts-'));

useFaultProxy(work, (p, k) => {
  proxy = p;
  kubeconfig = k;
});

async function check(only: string): Promise<{ code: number | null; report: ComplianceReport }> {
  const run = await runCli(['check', '--kubeconfig', kubeconfig, '--only', only, '-o', 'json']);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as ComplianceReport };
}

function result(report: ComplianceReport, name: string): ComplianceReport['results'][number] {
  const found = report.results.find((r) => r.name === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

const NOT_AN_ANSWER = [
  ['an empty body', BODIES.empty],
  ['{}', BODIES.emptyObject],
  ['{"status":{}}', BODIES.emptyStatus],
  ['a kind: Status failure', BODIES.statusFailure],
] as const;

describe('rbac decides only on a well-formed SubjectAccessReview', () => {
  it('passes through the proxy when the API server answers (the proxy itself changes nothing)', async () => {
    proxy.faults([]);
    const { report } = await check('rbac');
    expect(result(report, 'rbac').outcome).toBe('pass');
  });

  it.each(NOT_AN_ANSWER)(
    'is unknown, not pass, when the review is answered 200 with %s',
    async (_t, body) => {
      proxy.faults([
        {
          method: 'POST',
          path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
          action: { respond: { status: 200, body } },
        },
      ]);
      const { code, report } = await check('rbac');
      const rbac = result(report, 'rbac');
      expect(rbac.outcome).toBe('unknown');
      expect(rbac.cause).toBe('api-error');
      expect(JSON.stringify(rbac.evidence)).toMatch(/SubjectAccessReview/);
      expect(code).toBe(2);
    },
  );

  it('is unknown when the answer claims both allowed and denied', async () => {
    proxy.faults([
      {
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
        action: {
          respond: {
            status: 201,
            body: {
              kind: 'SubjectAccessReview',
              apiVersion: 'authorization.k8s.io/v1',
              status: { allowed: true, denied: true },
            },
          },
        },
      },
    ]);
    const { report } = await check('rbac');
    expect(result(report, 'rbac').outcome).toBe('unknown');
  });
});

describe('a node list that is no list is an error of nodes, never "no nodes"', () => {
  const NOT_A_LIST = [...NOT_AN_ANSWER, ['{"items":null}', BODIES.nullItems]] as const;

  it.each(NOT_A_LIST)('hamasters, haworkers and multiaz are unknown on %s', async (_t, body) => {
    proxy.faults([{ method: 'GET', path: '/api/v1/nodes', action: { respond: { status: 200, body } } }]);
    const { code, report } = await check('hamasters,haworkers,multiaz');
    const checks = ['hamasters', 'haworkers', 'multiaz'];
    expect(checks.map((name) => [name, result(report, name).outcome])).toEqual(
      checks.map((name) => [name, 'unknown']),
    );
    for (const name of checks) expect(JSON.stringify(result(report, name).evidence)).toMatch(/"nodes"/);
    expect(code).toBe(2);
  });

  it('names the Status in the evidence: its reason and message', async () => {
    proxy.faults([
      {
        method: 'GET',
        path: '/api/v1/nodes',
        action: { respond: { status: 200, body: BODIES.statusFailure } },
      },
    ]);
    const { report } = await check('multiaz');
    const evidence = JSON.stringify(result(report, 'multiaz').evidence);
    expect(evidence).toContain('InternalError');
    expect(evidence).toContain('etcdserver: request timed out');
  });
});
