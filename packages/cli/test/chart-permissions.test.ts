/**
 * charts/havenkit/files/permissions.yaml is generated from the catalogue and the probes' declared
 * access: the chart's RBAC is made from it. It must be what the generator writes today, so that a
 * check that reads something new can never leave the chart's identity without the right to read it
 * (test/chart/chart.test.ts compares the rendered roles with `havenkit rbac`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHART_PERMISSIONS_FILE, chartPermissionsYaml } from '../src/chart-permissions.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the chart’s permission lists', () => {
  it('are what the generator writes from the catalogue today (run `pnpm chart:permissions` after changing a check)', async () => {
    expect(readFileSync(`${root}${CHART_PERMISSIONS_FILE}`, 'utf8')).toBe(await chartPermissionsYaml());
  });

  it('name every check of the catalogue, the register, the cluster id and every probe', async () => {
    const text = await chartPermissionsYaml();
    for (const section of ['mandatory:', 'suggested:', 'checks:', 'register:', 'always:', 'probes:'])
      expect(text).toContain(`\n${section}`);
    expect(text).toContain("{verb: get, group: '', resource: namespaces, namespace: kube-system}");
    expect(text).toContain("namespace: '@probe'");
  });
});
