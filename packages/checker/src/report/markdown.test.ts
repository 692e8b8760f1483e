import { describe, expect, it } from 'vitest';
import type { Evidence, ComplianceReport, ReportResult } from '@havenkit/model';
import { cells, tableAfter, tables } from '../testing/markdown.js';
import { DEMO_CLUSTER_ID, WAIVERS_SHA256, demoReport, waiverList } from '../testing/reports.js';
import { applyWaivers } from '../waivers/apply.js';
import { reportFormat } from './formats.js';
import {
  MARKDOWN_MAX_EVIDENCE,
  escapeMarkdown,
  inlineCode,
  remediationMarkdown,
  renderMarkdown,
} from './markdown.js';

// No Markdown parser is a dependency, so these tests check the structure a GFM parser relies on:
// tables whose rows have as many cells as their header, escaped pipes, blank lines around blocks.

const CLUSTER_ID = DEMO_CLUSTER_ID;
const context = { language: 'en', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:02Z' } as const;

/** The demo: privatenetworking fails, shavalidation is unknown, havenversion, cis and kubescape skip. */
const demo = demoReport({ unverifiedToolkit: true });
const waived = applyWaivers(
  demo,
  waiverList(
    {
      check: 'privatenetworking',
      scope: { clusterId: CLUSTER_ID },
      reason: 'Bastion | replaced by *a VPN*',
      owner: 'platform-team',
      ticket: 'OPS-1234',
      expires: '2026-12-31',
    },
    {
      check: 'multiaz',
      scope: { clusterId: 'another-cluster' },
      reason: 'not this one',
      owner: 'someone',
      ticket: 'OPS-1',
      expires: '2026-12-31',
    },
  ),
  WAIVERS_SHA256,
);

/** The demo report with one result replaced. */
function withResult(name: string, change: Partial<ReportResult>): ComplianceReport {
  return { ...demo, results: demo.results.map((r) => (r.name === name ? { ...r, ...change } : r)) };
}

describe('renderMarkdown', () => {
  it('starts with the title and states the verdict', () => {
    const md = renderMarkdown(demo, context);
    expect(md.split('\n')[0]).toBe('# Haven compliance report: admin@haven-demo');
    expect(md).toContain('\n**Verdict:** ❌ NOT Haven compliant\n');
    expect(md).not.toContain('Verdict with waivers');
  });

  it('states the verdict with waivers when waivers were given', () => {
    expect(renderMarkdown(waived, context)).toContain(
      '\n**Verdict with waivers:** ⚠️ Inconclusive, so not shown to be Haven compliant: no check failed, but not every check could decide\n',
    );
  });

  it('has a cluster identity table with the server, context, cluster id and snapshot time', () => {
    const table = tableAfter(renderMarkdown(demo, context), '## Cluster\n');
    expect(table).toEqual([
      '| Cluster |  |',
      '| --- | --- |',
      '| API server | `https://haven-demo.gemeente-voorbeeld.nl:6443` |',
      '| Context | `admin@haven-demo` |',
      `| Cluster id | \`${CLUSTER_ID}\` |`,
      '| Snapshot collected at | `2026-11-01T09:00:00Z` |',
      `| Snapshot sha256 | \`${demo.metadata.snapshot.sha256}\` |`,
      '| Haven standard | `v12.8.0` |',
      `| Checker | \`${demo.metadata.checker.name} ${demo.metadata.checker.version}\` |`,
    ]);
  });

  it('has a summary table with a row per outcome and the total of the mandatory checks', () => {
    const table = tableAfter(renderMarkdown(demo, context), '## Summary\n');
    const { passed, failed, skipped, unknown, total } = demo.summary;
    expect(table).toEqual([
      '| Result | Checks |',
      '| --- | ---: |',
      `| ✅ pass | ${passed} |`,
      `| ❌ fail | ${failed} |`,
      `| ⏭️ skipped | ${skipped} |`,
      `| ⚠️ unknown | ${unknown} |`,
      `| **Total** | **${total}** |`,
    ]);
  });

  it('lists every check, mandatory and suggested, as a row of its category table', () => {
    const md = renderMarkdown(demo, context);
    for (const r of [...demo.results, ...demo.suggested]) {
      const row = md
        .split('\n')
        .find((line) => line.startsWith('|') && cells(line)[1]?.trim() === `\`${r.name}\``);
      expect(row).toBeDefined();
      expect(cells(row!)[2]?.trim()).toBe(r.label);
    }
    expect(md.indexOf('## Suggested checks')).toBeGreaterThan(md.indexOf('### Validation'));
  });

  it('gives every row of every table as many cells as its header, and blank lines around tables', () => {
    for (const report of [demo, waived]) {
      const md = renderMarkdown(report, context);
      const found = tables(md);
      expect(found.length).toBeGreaterThan(5);
      for (const table of found) {
        const width = cells(table[0]!).length;
        expect(cells(table[1]!).every((c) => /^ -+:? $/.test(c))).toBe(true);
        for (const row of table) expect(cells(row)).toHaveLength(width);
        const at = md.indexOf(`${table.join('\n')}\n`);
        expect(md.slice(at - 2, at)).toBe('\n\n');
      }
    }
  });

  it('expands a failed check with its reason, rationale and evidence table', () => {
    const md = renderMarkdown(demo, context);
    const section = md.slice(md.indexOf('### ❌ fail: `privatenetworking` Private networking topology'));
    expect(section).toContain('**Reason:** 1 node(s) have a globally routable address: haven-worker-3.');
    expect(section).toContain('**Rationale:** Nodes should only have private addresses');
    const table = tableAfter(section, '<summary>Evidence (6)</summary>\n');
    expect(table[0]).toBe('| Object | Fields | Note |');
    expect(table).toContain(
      '| Node `haven-worker-3` _(offending)_ | `status.addresses.ExternalIP`: `51.68.142.37`<br>`status.addresses.InternalIP`: `10.20.1.23` | globally routable: 51.68.142.37 (ExternalIP) |',
    );
  });

  it('expands an unknown check with its cause', () => {
    const md = renderMarkdown(demo, context);
    const section = md.slice(md.indexOf('### ⚠️ unknown: `shavalidation`'));
    expect(section).toContain('\n**Cause:** not collected  \n');
    expect(section).toContain('No evidence recorded.');
  });

  it('does not expand passed or skipped checks', () => {
    const md = renderMarkdown(demo, context);
    const attention = md.slice(md.indexOf('## Checks that need attention'), md.indexOf('## What to do'));
    expect(attention.match(/^### /gm)).toHaveLength(2);
  });

  it('shows short evidence as a table and folds evidence of more than 5 objects in <details>', () => {
    const few: Evidence[] = [{ kind: 'Node', name: 'a', fields: { x: 1 } }];
    const short = renderMarkdown(withResult('privatenetworking', { evidence: few }), context);
    expect(short).toContain(
      '**Evidence:**\n\n| Object | Fields | Note |\n| --- | --- | --- |\n| Node `a` | `x`: `1` |  |\n',
    );
    const long = renderMarkdown(demo, context);
    expect(long).toMatch(
      /<details>\n<summary>Evidence \(6\)<\/summary>\n\n\| Object[^]*?\|\n\n<\/details>\n/,
    );
  });

  it(`shows at most ${MARKDOWN_MAX_EVIDENCE} evidence rows and says how many more the JSON report has`, () => {
    const many: Evidence[] = Array.from({ length: 60 }, (_, i) => ({
      kind: 'Node',
      name: `n${i}`,
      fields: {},
    }));
    const md = renderMarkdown(withResult('privatenetworking', { evidence: many }), context);
    const table = tableAfter(md, '<summary>Evidence (60)</summary>\n');
    expect(table).toHaveLength(2 + MARKDOWN_MAX_EVIDENCE);
    expect(md).toContain('\n… 10 more objects are in the JSON report.\n');
  });

  it('escapes pipes and line breaks in table cells', () => {
    const reason = 'one | two\nthree';
    const md = renderMarkdown(withResult('multiaz', { reason: { en: reason, nl: reason } }), context);
    const row = md.split('\n').find((line) => line.includes('`multiaz`'))!;
    expect(row).toBe('| ✅ pass | `multiaz` | Multiple availability zones in use | one \\| two<br>three |');
    expect(cells(row)).toHaveLength(4);
  });

  it('escapes Markdown and HTML in text from the cluster and the waivers file', () => {
    const reason = '*bold* _em_ `code` [link](https://x.example) <script>alert(1)</script> #12 ~~del~~ $x$';
    const md = renderMarkdown(withResult('multiaz', { reason: { en: reason, nl: reason } }), context);
    expect(md).toContain(
      '\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](https://x.example) \\<script\\>alert(1)\\</script\\> \\#12 \\~\\~del\\~\\~ \\$x\\$',
    );
    expect(md).not.toContain('<script>');
    expect(renderMarkdown(waived, context)).toContain('Bastion \\| replaced by \\*a VPN\\*');
  });

  it('writes a value with backticks or pipes as code that GFM reads back as written', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x')).toBe('`` `x ``');
    expect(inlineCode('a|b')).toBe('`a\\|b`');
    expect(inlineCode('a\\|b')).toBe(escapeMarkdown('a\\|b'));
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b');
    expect(cells(`| ${inlineCode('a\\|b')} |`)).toHaveLength(1);
  });

  it('has a waivers table with every waiver and its status, or says none were given', () => {
    const table = tableAfter(renderMarkdown(waived, context), '## Waivers\n');
    expect(table[0]).toBe('| # | Check | Status | Owner | Ticket | Expires | Reason |');
    expect(table).toHaveLength(4);
    expect(table[2]).toContain('| `privatenetworking` | applied: waives the failure until 2026-12-31 |');
    expect(table[3]).toContain('| `multiaz` | out of scope, no effect: ');
    expect(renderMarkdown(demo, context)).toContain('## Waivers\n\nNo waivers file was given.\n');
  });

  it('marks a waived failure as waived, in its row and its expanded section', () => {
    const md = renderMarkdown(waived, context);
    expect(md).toContain('| 🔕 waived | `privatenetworking` |');
    expect(md).toContain(
      '**Waived:** Bastion \\| replaced by \\*a VPN\\* (owner `platform-team`, ticket OPS-1234, expires `2026-12-31`)',
    );
  });

  it('names the key the JSON report is signed with, or says the report is not signed', () => {
    expect(renderMarkdown(demo, { ...context, signedBy: 'SHA256:k3y' })).toContain(
      '## Signature\n\nThe JSON report of this run is signed (DSSE, ed25519) with key `SHA256:k3y`. Verify it with:',
    );
    expect(renderMarkdown(demo, context)).toContain('## Signature\n\nNot signed.');
  });

  it('ends the results with what to do about the failed and the unknown check', () => {
    const md = renderMarkdown(demo, context);
    const section = md.slice(md.indexOf('\n## What to do\n'), md.indexOf('\n## Waivers\n'));
    expect(section.match(/^### .*$/gm)).toEqual([
      '### `privatenetworking` Private networking topology (❌ fail)',
      '### `shavalidation` SHA has been validated (⚠️ unknown)',
    ]);
    const failed = demo.results.find((r) => r.name === 'privatenetworking')?.remediation?.en ?? '';
    const unknown = demo.results.find((r) => r.name === 'shavalidation')?.remediation?.en ?? '';
    expect(section).toContain(`\n\n${remediationMarkdown(failed)}\n`);
    expect(section).toContain(`\n\n${remediationMarkdown(unknown)}\n`);
    expect(section).toContain('\n```\nkubectl get nodes -o wide\n```\n');
    expect(md.indexOf('## What to do')).toBeGreaterThan(md.indexOf('## Checks that need attention'));
  });

  it('has no what-to-do section when every check passed or was skipped', () => {
    const passed = {
      ...demo,
      results: demo.results.map(({ remediation: _, ...r }) => ({ ...r, outcome: 'pass' as const })),
    };
    expect(renderMarkdown(passed, context)).not.toContain('## What to do');
  });

  it('writes what to do in Dutch when the language is nl', () => {
    const md = renderMarkdown(demo, { ...context, language: 'nl' });
    const nl = demo.results.find((r) => r.name === 'privatenetworking')?.remediation?.nl ?? '';
    expect(md).toContain(
      `## Wat te doen\n\n### \`privatenetworking\` Private networking topology (❌ voldoet niet)\n\n${remediationMarkdown(nl)}\n`,
    );
  });

  it('escapes the text of a remediation and fences its code so that nothing inside ends it', () => {
    expect(
      remediationMarkdown('Run *this* <b>x</b> `a|b`:\n\n```sh\necho ``` | wc\n```\n\n1. not a list'),
    ).toBe('Run \\*this\\* \\<b\\>x\\</b\\> `a|b`:\n\n````sh\necho ``` | wc\n````\n\n1\\. not a list');
  });

  it('writes the texts in Dutch when the language is nl', () => {
    const md = renderMarkdown(waived, { ...context, language: 'nl', signedBy: 'k' });
    expect(md.split('\n')[0]).toBe('# Haven-compliancerapport: admin@haven-demo');
    expect(md).toContain('**Oordeel:** ❌ NIET Haven-compliant');
    expect(md).toContain('## Verplichte controles');
    expect(md).toContain('## Controles die aandacht vragen');
    expect(md).toContain('| 🔕 uitgezonderd | `privatenetworking` |');
    expect(md).toContain('| ⏭️ overgeslagen | `havenversion` |');
    expect(md).toContain('Het JSON-rapport van deze run is ondertekend');
  });

  it('is registered as the markdown format, written to report.md', () => {
    const format = reportFormat('markdown');
    expect(format?.fileName).toBe('report.md');
    expect(format?.render(demo, context)).toBe(renderMarkdown(demo, context));
  });
});
