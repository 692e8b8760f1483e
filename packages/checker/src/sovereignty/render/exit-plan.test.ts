import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, DependencyRegister, KubeObject } from '@havenkit/model';
import { escapeMarkdown } from '../../report/markdown.js';
import { cells, tableAfter, tables } from '../../testing/markdown.js';
import { EVIL } from '../../testing/registers.js';
import { parseYaml } from '../../yaml.js';
import { exitTargetOf, type ExitTarget, type ProfileForExit } from '../exit.js';
import { loadSovereigntyFacts } from '../facts.js';
import { buildRegister } from '../register.js';
import { renderRegisterTable } from '../table.js';
import { renderExitPlan } from './exit-plan.js';
import { renderRegisterHtml } from './html.js';
import { renderRegisterMarkdown } from './markdown.js';

const facts = loadSovereigntyFacts();
const OVH: ExitTarget = exitTargetOf(
  parseYaml(
    readFileSync(new URL('../../../../constructs/src/profiles/ovhcloud.yaml', import.meta.url), 'utf8'),
    'ovhcloud.yaml',
  ) as ProfileForExit,
);
const fixture = (name: string): ClusterSnapshot =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')) as ClusterSnapshot;
const registerOf = (snapshot: ClusterSnapshot, exitTo: ExitTarget | null = OVH): DependencyRegister =>
  buildRegister(snapshot, facts, {
    subject: { kind: 'cluster', context: 'admin@haven-kapsule' },
    tool: { name: 'havenkit', version: 'test' },
    ...(exitTo !== null ? { exitTo } : {}),
  });

/** The Scaleway fixture moving to OVHcloud: storage, a load balancer and a registry to mirror. */
const scaleway = registerOf(fixture('scaleway'));
const en = { language: 'en' } as const;
const nl = { language: 'nl' } as const;

/** The Markdown with its code spans taken out: what a GFM parser reads as text and markup. */
const outsideCode = (markdown: string): string =>
  markdown.replace(/(?<![\\`])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');

/** A Scaleway cluster whose storage class has a hostile name. */
function hostile(): DependencyRegister {
  const snapshot = fixture('scaleway');
  for (const key of ['storageclasses.storage.k8s.io', 'persistentvolumeclaims', 'persistentvolumes']) {
    const entry = snapshot.resources[key] as { items: KubeObject[] };
    for (const item of entry.items) {
      const o = item as { metadata: { name: string }; spec?: { storageClassName?: string } };
      if (key === 'storageclasses.storage.k8s.io' && o.metadata.name === 'sbs-default')
        o.metadata.name = EVIL;
      if (o.spec?.storageClassName === 'sbs-default') o.spec.storageClassName = EVIL;
    }
  }
  return registerOf(snapshot);
}

describe('renderExitPlan', () => {
  it.each([
    [
      en,
      '# Exit plan: admin@haven-kapsule',
      ['## Scenario 1: planned exit', '## Scenario 2: sudden disruption'],
      'summarised from secondary sources; check the policy text',
    ],
    [
      nl,
      '# Exitplan: admin@haven-kapsule',
      ['## Scenario 1: geplande exit', '## Scenario 2: plotselinge verstoring'],
      'samengevat uit secundaire bronnen; controleer de beleidstekst',
    ],
  ])(
    'writes both scenarios in %j, and says the policy is summarised from secondary sources',
    (options, title, scenarios, secondary) => {
      const plan = renderExitPlan(scaleway, options);
      expect(plan.split('\n')[0]).toBe(title);
      for (const s of scenarios) expect(plan).toContain(`\n${s}\n`);
      expect(plan.indexOf(scenarios[0]!)).toBeLessThan(plan.indexOf(scenarios[1]!));
      expect(plan).toContain('Kamerstuk 26643 nr. 1541');
      expect(plan).toContain(secondary);
    },
  );

  it.each([
    [
      en,
      [
        'Data destruction by the provider',
        'Tested by yourself',
        'Annual review',
        'Within 12 months',
        'Roles',
        'Timeline',
      ],
    ],
    [
      nl,
      [
        'Vernietiging van data door de provider',
        'Zelf getest',
        'Jaarlijkse herziening',
        'Binnen 12 maanden',
        'Rollen',
        'Tijdlijn',
      ],
    ],
  ])('gives each scenario the policy’s elements as headings to complete (%j)', (options, headings) => {
    const plan = renderExitPlan(scaleway, options);
    const [, first, second] = plan.split(/\n## Scenario [12]: /);
    for (const part of [first!, second!]) {
      for (const heading of headings) expect(part).toContain(`\n### ${heading}\n`);
      expect(part).toMatch(/\*\*TODO:\*\*/);
    }
  });

  it('pre-fills the planned exit with the findings, worst effort first, and their changes', () => {
    const plan = renderExitPlan(scaleway, en);
    expect(plan).toContain(`**${escapeMarkdown(scaleway.exit!.summary.en)}**`);
    const rows = tableAfter(plan, '### What must change').slice(2);
    expect(rows.map((r) => cells(r)[1]!.trim())).toEqual([
      'Storage classes',
      'Storage classes',
      'Load balancers',
      'Registries to mirror',
    ]);
    expect(cells(rows[0]!)[4]).toContain(
      'copy the data of 1 claim (10 GiB) to StorageClass csi-cinder-high-speed (cinder.csi.openstack.org) at OVHcloud Managed Kubernetes',
    );
    expect(plan).toContain('- Data the cluster shows: 2 claims (60 GiB); volumes per country: NL: 2.');
  });

  it('pre-fills the sudden disruption with the cut-off of the group that hosts the nodes, and its concentration', () => {
    const plan = renderExitPlan(scaleway, en);
    const disruption = scaleway.exit!.disruption!;
    expect(disruption.without).toEqual(['iliad']);
    const second = plan.slice(plan.indexOf('## Scenario 2: sudden disruption'));
    expect(second).toContain(`**${escapeMarkdown(disruption.summary.en)}** (\`--without iliad\`)`);
    expect(second).toMatch(/\n- ⚠️ \*\*concentration risk:\*\* Iliad S\.A\. \(`FR`\) — EU\/EEA: /);
    expect(second).toContain('Backups are written to: unknown backup store (s3.nl-ams.scw.cloud).');
  });

  it('says that no cut-off was simulated when no company in the facts hosts the nodes', () => {
    const plan = renderExitPlan(registerOf(fixture('on-prem')), en);
    expect(plan).toContain('No company in the facts hosts the nodes, so no cut-off was simulated');
  });

  it('asks to collect what was not read before relying on the findings', () => {
    expect(renderExitPlan(scaleway, en)).toContain(
      '**TODO:** Not read, so not in the list: vendor APIs. Collect them',
    );
  });

  it('keeps every table whole and escapes the cluster’s text', () => {
    const plan = renderExitPlan(hostile(), en);
    for (const table of tables(plan)) {
      const width = cells(table[0]!).length;
      for (const row of table) expect(cells(row)).toHaveLength(width);
    }
    expect(plan).toContain(escapeMarkdown(hostile().exit!.summary.en));
    expect(outsideCode(plan)).not.toContain('<script>');
    expect(plan).not.toMatch(/^# new line/m);
  });

  it('needs a register made with --exit-to', () => {
    expect(() => renderExitPlan(registerOf(fixture('scaleway'), null), en)).toThrow(/--exit-to/);
  });
});

describe('the exit-readiness part of the register', () => {
  it('is in the Markdown register after the cut-off, with the summary and the findings', () => {
    const markdown = renderRegisterMarkdown(scaleway, nl);
    expect(markdown).toContain('\n## Exitgereedheid\n');
    expect(markdown).toContain(`**${escapeMarkdown(scaleway.exit!.summary.nl)}**`);
    expect(tableAfter(markdown, '## Exitgereedheid').slice(2)).toHaveLength(scaleway.exit!.findings.length);
    expect(markdown).toContain('\n### Niet gelezen\n');
  });

  it('is in the HTML register, escaped, with a row per finding', () => {
    const html = renderRegisterHtml(hostile(), en);
    expect(html).toContain('<section id="exit"><h2>Exit readiness</h2>');
    expect(html.match(/<tr data-kind="/g)).toHaveLength(hostile().exit!.findings.length);
    expect(html).not.toContain('<script>alert(1)</script>');
  });

  it('is in the table: the summary and a line per finding', () => {
    const table = renderRegisterTable(scaleway, { width: 200 });
    expect(table).toContain(`\nExit readiness (--exit-to ovhcloud):\n  ${scaleway.exit!.summary.en}\n`);
    expect(table).toMatch(
      /\n {2}- \[data migration\] Storage classes: sbs-default \(csi\.scaleway\.com\); 1 object → copy the data/,
    );
    expect(table).toMatch(
      /\n {2}\? Vendor APIs: customresourcedefinitions\.apiextensions\.k8s\.io was not collected/,
    );
  });

  it('is absent without --exit-to', () => {
    const register = registerOf(fixture('scaleway'), null);
    expect(register.exit).toBeUndefined();
    expect(renderRegisterMarkdown(register, en)).not.toContain('## Exit readiness');
    expect(renderRegisterHtml(register, en)).not.toContain('id="exit"');
    expect(renderRegisterTable(register)).not.toContain('Exit readiness');
  });
});
