import { describe, expect, it } from 'vitest';
import type { DependencyRegister } from '@havenkit/model';
import { validate } from '../../schema.js';
import { escapeMarkdown } from '../../report/markdown.js';
import { cells, tableAfter, tables } from '../../testing/markdown.js';
import {
  EVIL,
  cutOffRegister,
  demoRegister,
  madeRegister,
  withManyAffected,
} from '../../testing/registers.js';
import { MARKDOWN_MAX_IMAGES, MARKDOWN_MAX_WORKLOADS, renderRegisterMarkdown } from './markdown.js';

// No Markdown parser is a dependency, so these tests check the structure a GFM parser relies on:
// tables whose rows have as many cells as their header, escaped pipes, text that never starts a line.

const demo = demoRegister();
const older = demoRegister({ older: true });
const made = madeRegister();
const cut = cutOffRegister();
const en = { language: 'en' } as const;
const nl = { language: 'nl' } as const;

/** The text between a heading and the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const at = markdown.indexOf(`\n${heading}\n`);
  expect(at).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(heading)?.[0] ?? '#';
  const rest = markdown.slice(at + heading.length + 2);
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The Markdown with its code spans taken out: what a GFM parser reads as text and markup. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(?<![\\`])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

describe('renderRegisterMarkdown', () => {
  it('gets registers that are valid against the register schema', () => {
    expect(validate('register', demo)).toBeUndefined();
    expect(validate('register', older)).toBeUndefined();
    expect(validate('register', made)).toBeUndefined();
    expect(validate('register', cut)).toBeUndefined();
    expect(cut.cutOff?.workloads.affected.length).toBeGreaterThan(0);
  });

  it('starts with the title and a line naming the subject', () => {
    const lines = renderRegisterMarkdown(made, en).split('\n');
    expect(lines[0]).toBe(`# Digital-dependency register: ${escapeMarkdown(EVIL)}`);
    expect(lines[2]).toMatch(/^\*\*Cluster:\*\* API server `https:\/\/"><script>alert\(1\)<\/script>` · /);
    expect(lines[2]).toContain('Cluster id `cluster-1`');
    expect(lines[2]).toContain(`Snapshot sha256 \`${'a'.repeat(64)}\``);
    expect(lines[2]).toContain('As of `2026-11-01T09:00:00Z` · Tool `havenkit test`');
  });

  it('states the one-line summary in the language chosen', () => {
    expect(renderRegisterMarkdown(demo, en)).toContain(
      `\n**Summary:** ${escapeMarkdown(demo.summary.text.en)}\n`,
    );
    expect(renderRegisterMarkdown(demo, nl)).toContain(
      `\n**Samenvatting:** ${escapeMarkdown(demo.summary.text.nl)}\n`,
    );
  });

  it('has a row for every function, in the register’s order (worst first)', () => {
    const table = tableAfter(renderRegisterMarkdown(demo, en), '## Functions\n');
    expect(table.slice(0, 2)).toEqual([
      '| Function | Status | Jurisdiction | Depends on | Workloads |',
      '| --- | --- | --- | --- | ---: |',
    ]);
    const rows = table.slice(2).map(cells);
    expect(rows.map((r) => r[0]?.trim())).toEqual(demo.functions.map((f) => escapeMarkdown(f.label.en)));
    demo.functions.forEach((f, i) => {
      expect(rows[i]?.[4]?.trim()).toBe(String(f.workloads));
      for (const name of new Set(f.dependencies.map((d) => d.name))) {
        expect(rows[i]?.[3]).toContain(escapeMarkdown(name));
      }
    });
  });

  it('shows a jurisdiction by mark and word in the functions table', () => {
    const rows = tableAfter(renderRegisterMarkdown(made, en), '## Functions\n').slice(2).map(cells);
    expect(rows.map((r) => r[2]?.trim())).toEqual([
      '🟠 EU, controlled from outside',
      '🟢 EU/EEA',
      '—',
      '⚠️ unknown',
      '⚠️ unknown',
    ]);
  });

  it('keeps every table row as wide as its header, whatever the cluster wrote', () => {
    const found = tables(renderRegisterMarkdown(made, en));
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const table of found) {
      const width = cells(table[0] ?? '').length;
      for (const row of table) expect(cells(row)).toHaveLength(width);
    }
  });

  it('escapes hostile text: no markup, no broken line, no link outside code', () => {
    const md = renderRegisterMarkdown(made, en);
    const text = outsideCode(md);
    // Markup only escaped (\<script\>): GFM shows it as text.
    expect(text).not.toMatch(/(?<!\\)<script/i);
    expect(text).toContain('\\<script\\>');
    expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
    // The line break in the text never starts a line (a heading, a list item).
    expect(md).not.toMatch(/^# new line/m);
    expect(md).toContain('<br>\\# new line \\*em\\* \\[x\\](javascript:y)');
    // In a table cell the code span escapes the pipe and is fenced longer than the backtick runs.
    expect(md).toContain(
      '| Service ```shop/<script>alert(1)</script> \\| `tick` ``two``  # new line *em* [x](javascript:y)``` | ',
    );
    // Outside a table a code span keeps the pipe.
    expect(md).toContain('Cluster id `cluster-1`');
  });

  it('shows what a dependency is, how it was recognised and the first objects that show it', () => {
    const md = renderRegisterMarkdown(made, en);
    const dependency = section(md, '#### Amazon Web Services EMEA SARL');
    for (const line of [
      '**Jurisdiction:** 🟠 EU, controlled from outside',
      '**What:** Elastic Load Balancing',
      '**Role:** operator',
      '**Seat:** `LU`',
      '**Ultimate parent:** Amazon.com, Inc. (`US`)',
      '**Laws with extraterritorial reach:** US CLOUD Act',
      '**Recognised by:** `Service annotation service.beta.kubernetes.io/aws-load-balancer-type`',
      '**Objects:** 25 · **Workloads:** 3',
      `**Note:** ${escapeMarkdown(EVIL)}`,
    ]) {
      expect(dependency).toContain(line);
    }
    const evidence = tableAfter(dependency, '**Evidence:**\n');
    expect(evidence).toHaveLength(4);
    expect(evidence[3]).toBe('| Service `shop/web` | — |');
    expect(evidence[2]).toContain(
      '`spec.type`: `LoadBalancer`<br>`port`: `443`<br>`internal`: `false`<br>`none`: `null`',
    );
  });

  it('says how many objects the evidence leaves out', () => {
    const md = renderRegisterMarkdown(made, en);
    expect(section(md, '#### Amazon Web Services EMEA SARL')).toContain('\n… and 23 more\n');
    expect(section(md, '#### Leaseweb Netherlands B.V.')).not.toContain('more');
  });

  it('links the sources over http(s) only, with the destination encoded', () => {
    const sources = section(renderRegisterMarkdown(made, en), '#### Amazon Web Services EMEA SARL');
    expect(sources).toContain(
      '\n**Sources:**\n\n- [https://aws.amazon.com/legal/?a=(b)\\|c d](https://aws.amazon.com/legal/?a=%28b%29%7Cc%20d)\n- `javascript:alert(1)`',
    );
  });

  it('lists the functions not read, each with why', () => {
    const notRead = section(renderRegisterMarkdown(older, en), '## Functions not read');
    const functions = older.functions.filter(
      (f) => f.status === 'not-collected' || f.status === 'unreadable',
    );
    expect(functions.map((f) => f.id)).toEqual(
      expect.arrayContaining(['external-endpoints', 'images', 'load-balancing']),
    );
    for (const f of functions) {
      expect(notRead).toContain(`- **${f.label.en}** (⚠️ not collected): ${escapeMarkdown(f.why ?? '?')}\n`);
    }
  });

  it('escapes why a function could not be read', () => {
    const notRead = section(renderRegisterMarkdown(made, en), '## Functions not read');
    expect(notRead).toContain(
      `- **Backup** (⚠️ unreadable): backupstoragelocations.velero.io could not be read: Forbidden: ${escapeMarkdown(EVIL)}\n`,
    );
    expect(notRead).toContain('- **DNS** (⚠️ not collected): issuers.cert-manager.io was not collected');
  });

  it('shows a function with nothing found with the register’s note', () => {
    expect(section(renderRegisterMarkdown(made, en), '## Functions without a dependency found')).toContain(
      '- **Logging and monitoring export:** no agent of a known SaaS service runs\n',
    );
  });

  it('lists the images not pinned by digest and those from registries outside the EU/EEA or unknown', () => {
    const md = renderRegisterMarkdown(made, en);
    expect(section(md, '## Images')).toContain(
      '3 images: 2 not under your control, 1 outside the EU/EEA, 1 from unknown registries, 2 without a digest.',
    );
    expect(tableAfter(md, '### Images not pinned by digest\n')).toEqual([
      '| Image | Registry | Jurisdiction | Workloads |',
      '| --- | --- | --- | ---: |',
      '| `nginx:1.27` | Docker Hub (`docker.io`) | 🔴 outside the EU/EEA | 2 |',
      '| ``evil.example/`x`\\|y:<script>`` | `evil.example` | ⚠️ unknown | 1 |',
    ]);
    expect(
      tableAfter(md, '### Images from registries outside the EU/EEA or of unknown origin\n').slice(2),
    ).toEqual([
      '| `nginx:1.27` | Docker Hub (`docker.io`) | `docker` | — | 🔴 outside the EU/EEA | 2 |',
      '| ``evil.example/`x`\\|y:<script>`` | `evil.example` | — | — | ⚠️ unknown | 1 |',
    ]);
  });

  it('says so when the images were not read', () => {
    expect(section(renderRegisterMarkdown(older, en), '## Images')).toBe('\nThe images were not read.\n\n');
  });

  it('cuts a long image table and says how many it leaves out', () => {
    const many: DependencyRegister = {
      ...made,
      images: Array.from({ length: MARKDOWN_MAX_IMAGES + 7 }, (_, i) => ({
        reference: `docker.io/library/app${i}:latest`,
        host: 'docker.io',
        jurisdiction: 'unknown' as const,
        pinned: false,
        workloads: 1,
      })),
    };
    expect(validate('register', many)).toBeUndefined();
    const unpinned = section(renderRegisterMarkdown(many, en), '### Images not pinned by digest');
    expect(tables(unpinned)[0]).toHaveLength(MARKDOWN_MAX_IMAGES + 2);
    expect(unpinned).toContain('\n… and 7 more\n');
  });

  it('shows where the data is: country, EU/EEA, nodes, volumes and regions', () => {
    expect(tableAfter(renderRegisterMarkdown(made, en), '## Where the data is\n')).toEqual([
      '| Country | EU/EEA | Nodes | Volumes | Regions |',
      '| --- | --- | ---: | ---: | --- |',
      '| `US` | ❌ no | 0 | 2 | — |',
      '| unknown | ? | 1 | 0 | — |',
      '| `NL` | ✅ yes | 3 | 4 | `nl-ams-1` |',
    ]);
  });

  it('is Dutch throughout in Dutch', () => {
    const md = renderRegisterMarkdown(made, nl);
    for (const text of [
      '# Register van digitale afhankelijkheden: ',
      '\n## Functies\n',
      '| Functie | Status | Jurisdictie | Hangt af van | Workloads |',
      '🟠 EU, zeggenschap van buiten',
      '\n## Afhankelijkheden per functie\n',
      '**Uiteindelijke moedermaatschappij:** Amazon.com, Inc.',
      '**Wetten met extraterritoriale werking:** US CLOUD Act',
      '**Herkend aan:**',
      '\n**Bewijs:**\n',
      '… en nog 23',
      '\n## Niet gelezen functies\n',
      '(⚠️ onleesbaar)',
      '\n## Images\n',
      '\n### Images zonder digest\n',
      '\n## Waar de data staat\n',
      '| Land | EU/EER | Nodes | Volumes | Regio’s |',
      '| `NL` | ✅ ja |',
      'Stand van `1 november 2026 om 09:00:00 UTC`',
    ]) {
      expect(md).toContain(text);
    }
    for (const english of ['## Functions', 'Depends on', 'Where the data is', 'Recognised by', 'Evidence']) {
      expect(md).not.toContain(english);
    }
  });

  it('groups the dependencies by ultimate parent and marks a concentration in words', () => {
    const md = renderRegisterMarkdown(made, en);
    const concentration = section(md, '## Concentration');
    expect(concentration).toContain('A group that serves two or more critical functions is marked');
    const rows = tableAfter(concentration, 'concentration risk”.\n');
    expect(rows.slice(0, 2)).toEqual([
      '| Group | Jurisdiction | Functions | Critical functions | Workloads |',
      '| --- | --- | --- | --- | ---: |',
    ]);
    expect(rows[2]).toBe(
      '| Amazon.com, Inc. (`US`), via Amazon Web Services EMEA SARL<br>⚠️ **concentration risk**<br>⚓ **not easily substitutable**: Load balancing | 🟠 EU, controlled from outside | certificates; Load balancing; Logging and monitoring export | certificates; Load balancing (2) | 3 |',
    );
    // One critical function: not flagged; a hostile group name escaped.
    expect(rows[3]).toBe(
      `| ${escapeMarkdown(EVIL)}<br>⇄ substitutable | 🟢 EU/EEA | Hosting (nodes) | Hosting (nodes) (1) | 4 |`,
    );
    const demoRows = tableAfter(renderRegisterMarkdown(demo, en), '## Concentration\n').slice(2);
    expect(demoRows).toHaveLength(demo.concentration?.length ?? -1);
  });

  it('has no concentration part for a register without one, and says so when it is empty', () => {
    const { concentration: _, ...without } = made;
    expect(renderRegisterMarkdown(without, en)).not.toContain('## Concentration');
    expect(
      section(renderRegisterMarkdown({ ...made, concentration: [] }, en), '## Concentration').trim(),
    ).toBe('No party outside your own control was found.');
  });

  it('shows what stops when an entity is cut off: the summary, functions, namespaces and workloads', () => {
    const md = renderRegisterMarkdown(cut, en);
    const part = section(md, '## Cut-off');
    expect(part).toContain('\n**Cut off:** Docker, Inc. (`--without docker`)\n');
    expect(part).toContain(`\n**${escapeMarkdown(cut.cutOff?.summary.en ?? '?')}**\n`);
    expect(cut.cutOff?.summary.en).toMatch(
      /^If Docker, Inc\. is cut off: \d+ of \d+ workloads cannot restart/,
    );
    const functions = tableAfter(part, '### Functions that stop or degrade\n');
    expect(functions.slice(0, 2)).toEqual([
      '| Function | Effect | Objects | Shown by | First expiry |',
      '| --- | --- | ---: | --- | --- |',
    ]);
    expect(functions[2]).toMatch(
      /^\| Image supply \| cannot restart or be rescheduled \| \d+ \| Image `docker\.io\/[^`]+`(<br>Image `[^`]+`)* \| — \|$/,
    );
    const namespaces = tableAfter(part, '### Affected workloads per namespace\n');
    expect(namespaces.slice(0, 2)).toEqual(['| Namespace | Affected |', '| --- | ---: |']);
    expect(namespaces.slice(2)).toEqual(
      (cut.cutOff?.namespaces ?? []).map((n) => `| \`${n.namespace}\` | ${n.affected} of ${n.total} |`),
    );
    const workloads = tableAfter(part, '### Affected workloads\n');
    expect(workloads.slice(2)).toEqual(
      (cut.cutOff?.workloads.affected ?? []).map(
        (a) => `| \`${a.workload}\` | cannot restart or be rescheduled |`,
      ),
    );
    expect(renderRegisterMarkdown(cut, nl)).toContain(
      `\n**${escapeMarkdown(cut.cutOff?.summary.nl ?? '?')}**\n`,
    );
  });

  it('has no cut-off part without --without', () => {
    expect(demo.cutOff).toBeUndefined();
    const md = renderRegisterMarkdown(demo, en);
    expect(md).not.toContain('## Cut-off');
    expect(md).not.toContain('Affected workloads');
    expect(renderRegisterMarkdown(demo, nl)).not.toContain('## Wegvallen');
  });

  it('escapes hostile names in the cut-off and shows a certificate’s first expiry', () => {
    const part = section(renderRegisterMarkdown(made, en), '## Cut-off');
    expect(outsideCode(part)).not.toMatch(/(?<!\\)<script/i);
    expect(part).toContain(`**If Amazon.com, Inc. and ${escapeMarkdown(EVIL)} is cut off: `);
    const functions = tableAfter(part, '### Functions that stop or degrade\n').slice(2);
    expect(functions[0]).toBe(
      '| Load balancing | are unreachable from outside | 25 | Service ```shop/<script>alert(1)</script> \\| `tick` ``two``  # new line *em* [x](javascript:y)```<br>… and 24 more | — |',
    );
    expect(functions[1]).toBe(
      '| certificates | certificates stop renewing | 1 | Certificate `shop/web-tls` | `2026-12-01T00:00:00Z` |',
    );
    expect(tableAfter(part, '### Affected workloads per namespace\n').slice(2)).toEqual([
      '| `shop` | 1 of 3 |',
      '| (cluster-wide) | 1 of 1 |',
    ]);
    expect(tableAfter(part, '### Affected workloads\n')[2]).toBe(
      '| ```Deployment/shop/<script>alert(1)</script> \\| `tick` ``two``  # new line *em* [x](javascript:y)``` | are unreachable from outside |',
    );
  });

  it('cuts long cut-off tables and says how many they leave out', () => {
    const many = withManyAffected(made, MARKDOWN_MAX_WORKLOADS + 7, MARKDOWN_MAX_WORKLOADS + 3);
    expect(validate('register', many)).toBeUndefined();
    const md = renderRegisterMarkdown(many, en);
    const namespaces = section(md, '### Affected workloads per namespace');
    expect(tables(namespaces)[0]).toHaveLength(MARKDOWN_MAX_WORKLOADS + 2);
    expect(namespaces).toContain('\n… and 3 more\n');
    const workloads = section(md, '### Affected workloads');
    expect(tables(workloads)[0]).toHaveLength(MARKDOWN_MAX_WORKLOADS + 2);
    expect(tables(workloads)[0]?.[2]).toBe(
      '| `Deployment/ns0/app` | cannot restart or be rescheduled; are unreachable from outside |',
    );
    expect(workloads).toContain('\n… and 7 more\n');
  });

  it('has the concentration and cut-off parts in Dutch in Dutch', () => {
    const md = renderRegisterMarkdown(made, nl);
    for (const text of [
      '\n## Concentratie\n',
      'Een groep die twee of meer kritieke functies levert',
      '| Groep | Jurisdictie | Functies | Kritieke functies | Workloads |',
      '<br>⚠️ **concentratierisico**',
      '\n## Wegvallen\n',
      '**Weggevallen:** Amazon Web Services EMEA SARL',
      `**Als Amazon.com, Inc. en ${escapeMarkdown(EVIL)} wegvalt: `,
      '\n### Functies die uitvallen of verslechteren\n',
      '| Functie | Gevolg | Objecten | Blijkt uit | Eerste verloopdatum |',
      '| zijn van buitenaf onbereikbaar |',
      '| certificaten worden niet meer vernieuwd |',
      '`1 december 2026 om 00:00:00 UTC`',
      '… en nog 24',
      '\n### Getroffen workloads per namespace\n',
      '| Namespace | Getroffen |',
      '| `shop` | 1 van 3 |',
      '| (clusterbreed) | 1 van 1 |',
      '\n### Getroffen workloads\n',
      '| Workload | Gevolgen |',
    ]) {
      expect(md).toContain(text);
    }
    for (const english of [
      'Concentration',
      'concentration risk',
      'Cut off',
      'Affected',
      'Effect',
      'cluster-wide',
    ]) {
      expect(md).not.toContain(english);
    }
    expect(renderRegisterMarkdown(cut, nl)).toContain(
      '| Levering van images | kunnen niet herstarten of verhuizen |',
    );
  });

  it('ends with the tool and the facts files', () => {
    expect(renderRegisterMarkdown(made, en)).toMatch(
      /\n---\n\n<sub>Generated by `havenkit test`\. Facts: `compliance\/sovereignty\/entities\.yaml`\.<\/sub>\n$/,
    );
  });

  it('is pure: the same register gives the same text', () => {
    expect(renderRegisterMarkdown(made, en)).toBe(renderRegisterMarkdown(structuredClone(made), en));
  });
});

describe('renderRegisterMarkdown: the scores and the rules', () => {
  const SCORES = '## Sovereignty scores (EU Cloud Sovereignty Framework)';
  const RULES = '## Rules these findings bear on';
  const scores = (register: DependencyRegister, language: typeof en | typeof nl = en) =>
    section(renderRegisterMarkdown(register, language), SCORES);
  const rules = (register: DependencyRegister, language: typeof en | typeof nl = en) =>
    section(renderRegisterMarkdown(register, language), RULES);

  it('puts the scores after the functions table and the rules after the cut-off, before the footer', () => {
    const md = renderRegisterMarkdown(made, en);
    const at = (heading: string) => md.indexOf(`\n${heading}\n`);
    expect(at('## Functions')).toBeLessThan(at(SCORES));
    expect(at(SCORES)).toBeLessThan(at('## Dependencies per function'));
    expect(at('## Cut-off')).toBeLessThan(at(RULES));
    expect(at(RULES)).toBeLessThan(md.lastIndexOf('\n---\n'));
  });

  it('sums the scores up: the overall SEAL with its name, what limits it, the weighted score with the weight set', () => {
    expect(scores(made)).toContain(
      '\nOverall at most SEAL-1 (Jurisdictional Sovereignty), limited by SOV-2 Legal \\& Jurisdictional Sovereignty; weighted score at most 72.5 % (Framework v1.2.1 (October 2025)); 3 criteria scored from the subject, 2 need an attestation.',
    );
    expect(scores(demo)).toMatch(
      /\nOverall at most SEAL-0 \(No Sovereignty\), limited by SOV-1 Strategic Sovereignty, .*; weighted score at most [\d.]+ % \(Framework v1\.2\.1 \(October 2025\)\); \d+ criteria scored from the subject, \d+ need an attestation\./,
    );
  });

  it('names the objectives only an attestation can show', () => {
    expect(scores(made)).toContain(
      ' SOV-8 Environmental Sustainability can be shown only by an attestation.\n',
    );
    expect(scores(demo)).toContain(
      ' SOV-8 Environmental Sustainability can be shown only by an attestation.\n',
    );
  });

  it('says how the scores are bounded', () => {
    expect(scores(made)).toContain('\nPer objective the highest SEAL the evidence allows: ');
  });

  it('has a row per objective: its weight, the SEAL at most with its name, what limits it', () => {
    const rows = tableAfter(scores(made), 'at their maximum.\n');
    expect(rows.slice(0, 2)).toEqual([
      '| Objective | Weight | At most | Limited by |',
      '| --- | ---: | --- | --- |',
    ]);
    expect(rows[3]).toBe(
      '| SOV-6 Technology Sovereignty | 15 | SEAL-3 (Digital Resilience) | `SOV-6.1` the subject shows an indicator only: SEAL-4 needs an attestation |',
    );
    expect(
      tableAfter(scores(demo), 'at their maximum.\n')
        .slice(2)
        .map((r) => cells(r)[0]?.trim()),
    ).toEqual((demo.scores?.objectives ?? []).map((o) => escapeMarkdown(`${o.id} ${o.name.en}`)));
  });

  it('says an objective without a SEAL needs an attestation', () => {
    expect(tableAfter(scores(made), 'at their maximum.\n')[4]).toBe(
      '| SOV-8 Environmental Sustainability | 5 | ⚠️ needs an attestation | — |',
    );
  });

  it('shows the first two limits of an objective and how many more there are', () => {
    const cell = cells(tableAfter(scores(made), 'at their maximum.\n')[2] ?? '')[3]?.trim() ?? '';
    expect(cell.split('<br>').filter((part) => part.startsWith('`SOV-'))).toHaveLength(2);
    expect(cell).toContain(
      '`SOV-2.1` Load balancing: Amazon Web Services EMEA SARL (EU, controlled from outside)',
    );
    expect(cell).toMatch(/<br>… and 1 more$/);
  });

  it('lists per objective the criteria to ask about, with what to ask the supplier for', () => {
    const part = scores(made);
    expect(part).toContain(
      '\n### What to ask the suppliers for\n\n**SOV-2 Legal \\& Jurisdictional Sovereignty** (2 criteria to ask about)\n\n- **SOV-2.2** Extraterritorial Laws (partly observed): The mitigations against extraterritorial laws (contract clauses, legal structures).\n',
    );
    expect(part).toContain(
      '\n**SOV-8 Environmental Sustainability** (1 criterion to ask about)\n\n- **SOV-8.1** Energy efficiency (attestation): The data centres’ PUE and energy use.\n',
    );
    // An observed criterion has nothing to ask.
    expect(part).not.toContain('**SOV-2.1**');
  });

  it('escapes hostile text in the scores', () => {
    const part = scores(made);
    expect(outsideCode(part)).not.toMatch(/(?<!\\)<script/i);
    expect(part).not.toMatch(/^# new line/m);
    expect(part).toContain(`Load balancing: ${escapeMarkdown(EVIL)} (reached by US CLOUD Act`);
    expect(part).toContain(
      `- **SOV-2.4** Export Control Restrictions ${escapeMarkdown(EVIL)} (attestation): Whether the services fall under non-EU export controls: ${escapeMarkdown(EVIL)}\n`,
    );
  });

  it('says the rules are a mapping, never a legal verdict', () => {
    expect(rules(made)).toMatch(/^\nA mapping, never a legal verdict: /);
    expect(rules(demo)).toMatch(/^\nA mapping, never a legal verdict: /);
  });

  it('has a row per rule: the rule linked to its source, what it asks, what this report shows', () => {
    const rows = tableAfter(rules(made), 'for it.\n');
    expect(rows.slice(0, 2)).toEqual(['| Rule | Asks | This report shows |', '| --- | --- | --- |']);
    expect(rows[2]).toBe(
      '| [DORA Art. 29(1)(a) — not easily substitutable](https://eur-lex.europa.eu/eli/reg/2022/2554/oj?a=%28b%29%7Cc%20d) | Whether an ICT third-party service provider is not easily substitutable. | 1 group is not easily substitutable: Amazon.com, Inc. (load-balancing)<br>2 groups by ultimate parent; 1 serves two or more critical functions: ' +
        `${escapeMarkdown(EVIL)} |`,
    );
  });

  it('links every rule of the demo register to its source', () => {
    const rows = tableAfter(rules(demo), 'for it.\n').slice(2);
    expect(rows).toHaveLength(demo.rules?.length ?? -1);
    (demo.rules ?? []).forEach((r, i) => {
      expect(cells(rows[i] ?? '')[0]?.trim()).toBe(`[${escapeMarkdown(r.name.en)}](${r.source.url})`);
    });
  });

  it('links a rule over http(s) only and escapes hostile text in the rules', () => {
    const part = rules(made);
    expect(outsideCode(part)).not.toMatch(/(?<!\\)<script/i);
    expect(outsideCode(part)).not.toMatch(/(?<!\\)\]\((?!https:)/);
    expect(tableAfter(part, 'for it.\n')[3]).toBe(
      `| A rule ${escapeMarkdown(EVIL)} (\`javascript:alert(1)\`) | What it asks ${escapeMarkdown(EVIL)} | — |`,
    );
  });

  it('marks a group that is not easily substitutable with its functions, one that is, and nothing when not judged', () => {
    const rows = tableAfter(renderRegisterMarkdown(made, en), '## Concentration\n').slice(2);
    expect(rows[0]).toContain('<br>⚓ **not easily substitutable**: Load balancing |');
    expect(rows[1]).toContain('<br>⇄ substitutable |');
    expect((demo.concentration ?? []).every((g) => g.substitutable === undefined)).toBe(true);
    expect(section(renderRegisterMarkdown(demo, en), '## Concentration')).not.toContain('substitutable');
  });

  it('has the scores and rules sections and substitutability in Dutch in Dutch', () => {
    const md = renderRegisterMarkdown(made, nl);
    for (const text of [
      '\n## Soevereiniteitsscores (EU Cloud Sovereignty Framework)\n',
      '\nIn totaal hoogstens SEAL-1 (Juridische soevereiniteit), begrensd door SOV-2 Juridische soevereiniteit en rechtsmacht; gewogen score hoogstens 72,5 % (Raamwerk v1.2.1 (oktober 2025)); ',
      ' SOV-8 Duurzaamheid is alleen met een verklaring aan te tonen.\n',
      '| Doelstelling | Gewicht | Hoogstens | Begrensd door |',
      '| SOV-6 Technologische soevereiniteit | 15 | SEAL-3 (Digitale weerbaarheid) |',
      '| SOV-8 Duurzaamheid | 5 | ⚠️ vraagt een verklaring | — |',
      '… en nog 1',
      '\n### Wat u de leveranciers vraagt\n',
      '(2 criteria om naar te vragen)',
      '- **SOV-2.2** Wetten met extraterritoriale werking (deels waargenomen): ',
      '\n## Regels waarvoor deze bevindingen van belang zijn\n',
      '\nEen koppeling, nooit een juridisch oordeel: ',
      '| Regel | Vraagt | Dit rapport toont |',
      '[DORA art. 29(1)(a) — niet eenvoudig vervangbaar](',
      '<br>⚓ **niet eenvoudig vervangbaar**: Loadbalancing |',
      '<br>⇄ vervangbaar |',
    ]) {
      expect(md).toContain(text);
    }
    for (const english of [
      'Sovereignty scores',
      'Overall at most',
      'needs an attestation',
      'Ask the supplier',
      'legal verdict',
      'substitutable',
    ]) {
      expect(md).not.toContain(english);
    }
  });

  it('has no scores or rules part for a register without them', () => {
    const { scores: _, rules: __, ...without } = made;
    const md = renderRegisterMarkdown(without, en);
    expect(md).not.toContain(SCORES);
    expect(md).not.toContain(RULES);
    expect(renderRegisterMarkdown({ ...made, rules: [] }, en)).not.toContain(RULES);
  });
});
