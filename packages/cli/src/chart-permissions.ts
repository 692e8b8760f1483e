/**
 * charts/havenkit/files/permissions.yaml as the generator writes it (`pnpm chart:permissions`):
 * the chart's RBAC data, from the same catalogue and probe lists as `havenkit rbac`.
 */
import { loadCatalogue } from '@havenkit/checker';
import { dump } from 'js-yaml';

/** Where the file lives, from the repository root. */
export const CHART_PERMISSIONS_FILE = 'charts/havenkit/files/permissions.yaml';

export async function chartPermissionsYaml(): Promise<string> {
  // The collector (and @kubernetes/client-node) only when this runs: the CLI's commands load it so too.
  const { CHART_PROBE_NAMESPACE, chartPermissions } = await import('@havenkit/collect');
  const header = [
    '# The permissions of havenkit, per check, for the dependency register, the cluster id and per probe:',
    '# generated from the catalogue (`pnpm chart:permissions`); do not edit. The templates grant what the',
    "# values select; a test fails when this file or the chart's RBAC drift from `havenkit rbac`.",
    `# "${CHART_PROBE_NAMESPACE}" stands for the probe namespace of the release.`,
  ];
  const data = chartPermissions(loadCatalogue());
  return `${header.join('\n')}\n${dump(data, { flowLevel: 3, lineWidth: -1, noRefs: true })}`;
}
