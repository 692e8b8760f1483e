import type { ProviderProfile } from './profiles/profile.js';

const code = (s: string): string => `\`${s}\``;
const cell = (s: string): string => s.replaceAll('|', '\\|');

function rwx(p: ProviderProfile): string {
  const r = p.storage.rwx;
  if (!r.supported) return `no: ${r.reason}`;
  const cls = r.class ? code(r.class) : 'cluster default';
  return r.addon ? `${cls} (install: ${r.addon})` : cls;
}

/**
 * The provider matrix (docs/providers.md) generated from the profiles, never kept by hand.
 * `pnpm --filter @havenkit/constructs docs:providers` rewrites the file; a test checks it is current.
 */
export function providerMatrixMarkdown(profiles: readonly ProviderProfile[]): string {
  const rows = [...profiles].sort((a, b) => (a.id < b.id ? -1 : 1));
  const lines = [
    '# Provider matrix',
    '',
    '<!-- Generated from packages/constructs/src/profiles/*.yaml by `pnpm --filter @havenkit/constructs docs:providers`. Do not edit. -->',
    '',
    'What `havenkit synth` writes differently per provider. "cluster default" means the field is left',
    "out so the cluster default applies. Known zones, DNS01 webhooks and the provider's default class are",
    'informational, from the documentation listed under Sources; check them on a live cluster.',
    '',
    '| id | Provider | RWO class on claims | RWX class on shared claims | LB annotations | externalTrafficPolicy Local | Ingress class | Cert-manager issuer | Known zones | DNS01 webhook |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((p) =>
      [
        code(p.id),
        p.name,
        p.storage.rwo.class
          ? code(p.storage.rwo.class)
          : `cluster default${p.storage.rwo.clusterDefault ? ` (${code(p.storage.rwo.clusterDefault)})` : ''}`,
        rwx(p),
        Object.entries(p.loadBalancer.annotations)
          .map(([k, v]) => code(`${k}: ${v}`))
          .join('<br>') || 'none',
        p.loadBalancer.externalTrafficPolicyLocal ? 'yes' : 'no',
        p.ingress.className ? code(p.ingress.className) : 'cluster default',
        code(p.certManager.clusterIssuer),
        p.zones.known.length > 0 ? p.zones.known.join(', ') : '–',
        p.certManager.dns01Webhook ?? '–',
      ]
        .map(cell)
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    ),
    '',
    '## Notes per provider',
    '',
    ...rows.flatMap((p) => [
      `### ${p.name} (${code(p.id)})`,
      '',
      ...(p.description ? [p.description, ''] : []),
      ...p.notes.map((n) => `- ${n}`),
      ...(p.notes.length > 0 ? [''] : []),
      ...(p.sources.length > 0 ? [`Sources: ${p.sources.join(', ')}.`, ''] : []),
    ]),
  ];
  return lines.join('\n');
}
