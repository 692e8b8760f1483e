import { describe, expect, it } from 'vitest';
import { expectSelfContained } from '../testing/html.js';
import { fleetOverview, type FleetFile } from './model.js';
import { renderFleetHtml } from './render-html.js';
import { renderFleetMarkdown } from './render-markdown.js';
import { fleetFile } from './testing.js';

const HOSTILE = '<script>alert(1)</script> | # **x**\n## y';

/** A cluster that regressed, a compliant one with a hostile context name, and a file not read. */
const files: FleetFile[] = [
  fleetFile('a/2026-10/report.json', {
    clusterId: 'a',
    context: 'gemeente-a',
    collectedAt: '2026-10-01T06:00:00Z',
    publicAddress: false,
  }),
  fleetFile(
    'a/2026-11/report.json',
    { clusterId: 'a', context: 'gemeente-a', collectedAt: '2026-11-01T06:00:00Z' },
    'signed',
  ),
  fleetFile('evil/report.json', {
    clusterId: 'e',
    context: HOSTILE,
    collectedAt: '2026-11-01T06:00:00Z',
    publicAddress: false,
  }),
];
const overview = fleetOverview(files, {
  notRead: [{ path: 'junk<b>.json', problem: 'not-a-report', detail: 'no kind' }],
  generatedAt: '2026-11-05T10:00:00Z',
});
const options = { language: 'en', generator: 'havenkit 0.1.0' } as const;

describe('renderFleetMarkdown', () => {
  const md = renderFleetMarkdown(overview, options);

  it('starts with the summary line', () => {
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# Haven compliance of the fleet',
      '',
      '**2 clusters: 1 not compliant, 0 inconclusive, 0 compliant with waivers, 1 compliant.**',
    ]);
  });

  it('gives each cluster a matrix row, worst first, with a mark per check', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| gemeente-a') || l.startsWith('| \\<script'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| gemeente-a \| ❌ not compliant \| /);
    // Cells: cluster, verdict and one per check: a hostile `|` never adds one.
    const cells = (row: string) => row.split(/(?<!\\)\|/).length - 2;
    expect(cells(rows[1]!)).toBe(cells(rows[0]!));
  });

  it('shows the trend and what failed anew since the report before', () => {
    expect(md).toContain('**Trend (oldest → newest):** ✅ 2026-10-01 → ❌ 2026-11-01');
    expect(md).toContain('Since 2026-10-01T06:00:00Z: newly failing `privatenetworking`; fixed —.');
  });

  it('says that a signed report was not verified', () => {
    expect(md).toContain('| Signature | signed, not verified |');
  });

  it('lists the files not read with their reason', () => {
    expect(md).toContain('| `junk<b>.json` | not a havenkit report: no kind |');
  });

  it('escapes a hostile cluster name: no HTML, no heading, no table cell of its own', () => {
    // Inside a code span markup is shown as it is; everywhere else it is escaped.
    expect(md.replace(/`[^`\n]*`/g, '')).not.toContain('<script>');
    expect(md).not.toMatch(/^## y/m);
    expect(md).toContain('### ✅ \\<script\\>alert(1)\\</script\\> \\| \\# \\*\\*x\\*\\*<br>\\#\\# y');
  });

  it('is written in Dutch with --lang nl', () => {
    const nl = renderFleetMarkdown(overview, { ...options, language: 'nl' });
    expect(nl).toContain(
      '**2 clusters: 1 niet compliant, 0 geen eindoordeel, 0 compliant met uitzonderingen, 1 compliant.**',
    );
    expect(nl).toContain(
      'Sinds 1 oktober 2026 om 06:00:00 UTC: nieuw afgekeurd `privatenetworking`; opgelost —.',
    );
    expect(nl).toContain('| `junk<b>.json` | geen havenkit-rapport: no kind |');
  });
});

describe('renderFleetHtml', () => {
  const html = renderFleetHtml(overview, options);

  it('is one self-contained page: no scripts, no external requests, links only within the page', () => {
    expect(expectSelfContained(html).every((href) => href.startsWith('#'))).toBe(true);
  });

  it('escapes a hostile cluster name everywhere it appears', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; | # **x**\n## y');
    expect(html).toContain('data-cluster="&#60;script&#62;');
  });

  it('shows the summary, then the clusters worst first', () => {
    expect(html).toContain(
      '<p class="summary" id="summary">2 clusters: 1 not compliant, 0 inconclusive, 0 compliant with waivers, 1 compliant.</p>',
    );
    const order = [...html.matchAll(/<tr data-cluster="([^"]*)" data-verdict="([^"]*)"/g)].map((m) => m[2]);
    expect(order).toEqual(['not-compliant', 'compliant']);
  });

  it('marks each cell by symbol and word, not by colour alone', () => {
    expect(html).toContain(
      '<td class="cell tone-fail" data-check="privatenetworking" data-cell="fail" title="privatenetworking: fail"><span aria-hidden="true">✗</span><span class="sr">fail</span></td>',
    );
  });

  it('shows the trend oldest first and the checks newly failing', () => {
    expect([...html.matchAll(/<li class="tone-[a-z]+" data-verdict="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'compliant',
      'not-compliant',
      'compliant',
    ]);
    expect(html).toContain('<span class="tone-fail">newly failing</span> <code>privatenetworking</code>');
  });

  it('lists the files not read, escaped', () => {
    expect(html).toContain(
      '<tr data-problem="not-a-report"><td><code>junk&#60;b&#62;.json</code></td><td>not a havenkit report: no kind</td></tr>',
    );
  });

  it('is written in Dutch with --lang nl', () => {
    const nl = renderFleetHtml(overview, { ...options, language: 'nl' });
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('<h2>Clusters en controles</h2>');
    expect(nl).toContain('ondertekend, niet gecontroleerd');
  });
});
