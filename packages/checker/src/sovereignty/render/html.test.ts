import { describe, expect, it } from 'vitest';
import type { DependencyRegister, Language } from '@havenkit/model';
import { escapeHtml } from '../../report/html.js';
import { validate } from '../../schema.js';
import { chromiumPages } from '../../testing/chromium.js';
import { expectSelfContained } from '../../testing/html.js';
import {
  EVIL,
  cutOffRegister,
  demoRegister,
  madeRegister,
  withManyAffected,
} from '../../testing/registers.js';
import { HTML_MAX_WORKLOADS, renderRegisterHtml } from './html.js';

const demo = demoRegister();
const older = demoRegister({ older: true });
const made = madeRegister();
const cut = cutOffRegister();
const en = { language: 'en' } as const;
const nl = { language: 'nl' } as const;

/** The markup of one element with this attribute, up to its closing tag. */
function element(html: string, tag: string, attribute: string): string {
  const found = new RegExp(`<${tag} [^>]*${attribute}[^>]*>[\\s\\S]*?</${tag}>`).exec(html)?.[0];
  expect(found, `<${tag} ${attribute}>`).toBeDefined();
  return found ?? '';
}

describe('renderRegisterHtml', () => {
  it('gets registers that are valid against the register schema', () => {
    expect(validate('register', demo)).toBeUndefined();
    expect(validate('register', older)).toBeUndefined();
    expect(validate('register', made)).toBeUndefined();
    expect(validate('register', cut)).toBeUndefined();
  });

  it('is a page in the language chosen, with the title and the subject', () => {
    const html = renderRegisterHtml(demo, en);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain('<title>Digital-dependency register</title>');
    expect(html).toContain('<h1>Digital-dependency register</h1>');
    expect(html).toContain('<p class="subtitle">Cluster · havenkit test</p>');
    expect(renderRegisterHtml(demo, nl)).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
  });

  it('states the one-line summary in the language chosen', () => {
    expect(element(renderRegisterHtml(demo, en), 'div', 'id="summary-text"')).toContain(
      `<span class="what">Summary</span>${escapeHtml(demo.summary.text.en)}</div>`,
    );
    expect(element(renderRegisterHtml(demo, nl), 'div', 'id="summary-text"')).toContain(
      `<span class="what">Samenvatting</span>${escapeHtml(demo.summary.text.nl)}</div>`,
    );
  });

  it('has tiles for the functions in use, outside the EU/EEA, unknown and not read, and for the images', () => {
    const html = renderRegisterHtml(made, en);
    const tiles = html.slice(
      html.indexOf('<div class="counts functions"'),
      html.indexOf('</section>', html.indexOf('id="summary"')),
    );
    expect(tiles).toBe(`<div class="counts functions" data-counts="functions">
<div class="count"><b>2</b>functions in use</div>
<div class="count tone-fail alert"><b>1</b>outside the EU/EEA</div>
<div class="count"><b>0</b>unknown jurisdiction</div>
<div class="count tone-unknown alert"><b>2</b>not read</div>
</div>
<div class="counts images" data-counts="images">
<div class="count"><b>3</b>images</div>
<div class="count tone-unknown alert"><b>2</b>not under your control</div>
<div class="count tone-unknown alert"><b>2</b>without a digest</div>
</div>
`);
  });

  it('has a row for every function, in the register’s order (worst first)', () => {
    const html = renderRegisterHtml(demo, en);
    const overview = element(html, 'table', 'class="overview"');
    expect([...overview.matchAll(/<tr data-function="([^"]+)">/g)].map((m) => m[1])).toEqual(
      demo.functions.map((f) => f.id),
    );
    for (const f of demo.functions) expect(overview).toContain(escapeHtml(f.label.en));
    expect(element(renderRegisterHtml(made, en), 'table', 'class="overview"')).toContain(
      '<tr data-function="hosting"><td><a href="#function-hosting">Hosting (nodes)</a></td><td><span class="badge tone-self" data-status="in-use"><span aria-hidden="true">●</span> in use</span></td>',
    );
  });

  it('shows a jurisdiction as a badge with symbol and word, not colour alone', () => {
    const html = renderRegisterHtml(made, en);
    for (const badge of [
      '<span class="badge jur-eu-non-eu-parent" data-jurisdiction="eu-non-eu-parent"><span aria-hidden="true">◐</span> EU, controlled from outside</span>',
      '<span class="badge jur-eu" data-jurisdiction="eu"><span aria-hidden="true">✓</span> EU/EEA</span>',
      '<span class="badge jur-non-eu" data-jurisdiction="non-eu"><span aria-hidden="true">✗</span> outside the EU/EEA</span>',
      '<span class="badge jur-unknown" data-jurisdiction="unknown"><span aria-hidden="true">?</span> unknown</span>',
    ]) {
      expect(html).toContain(badge);
    }
  });

  it('keeps hostile text from the snapshot as text', () => {
    const html = renderRegisterHtml(made, en);
    expect(html).not.toMatch(/<script|<img|<svg/i);
    const evil = escapeHtml(EVIL);
    expect(evil).toContain('&#60;script&#62;');
    expect(html).toContain(`<title>Digital-dependency register — ${evil}</title>`);
    expect(html).toContain('<code>https://&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;</code>');
    expect(html).toContain(
      `<td>Service <code>shop/${evil}</code></td><td><ul><li><code>${evil}</code> = <code>${evil}</code></li>`,
    );
    expect(html).toContain(`<dt>Note</dt><dd>${evil}</dd>`);
    expect(html).toContain('<code>evil.example/`x`|y:&#60;script&#62;</code>');
  });

  it('refers to nothing outside the file, forbids it by CSP and links only http(s) sources', () => {
    const html = renderRegisterHtml(made, en);
    expect(expectSelfContained(html).filter((href) => !href.startsWith('#'))).toEqual([
      'https://aws.amazon.com/legal/?a=(b)|c d',
      'https://www.leaseweb.com/en/legal',
      'https://eur-lex.europa.eu/eli/reg/2022/2554/oj?a=(b)|c d',
    ]);
    expect(html).toContain('<li><code>javascript:alert(1)</code></li>');
  });

  it('shows what a dependency is, how it was recognised, its evidence and how many objects it leaves out', () => {
    const html = renderRegisterHtml(made, en);
    const dependency = element(html, 'article', 'data-jurisdiction="eu-non-eu-parent"');
    for (const text of [
      '<h4>Amazon Web Services EMEA SARL</h4>',
      '<dt>What</dt><dd>Elastic Load Balancing</dd>',
      '<dt>Role</dt><dd>operator</dd>',
      '<dt>Seat</dt><dd><code>LU</code></dd>',
      '<dt>Ultimate parent</dt><dd>Amazon.com, Inc. (<code>US</code>)</dd>',
      '<dt>Laws with extraterritorial reach</dt><dd>US CLOUD Act</dd>',
      '<dt>Recognised by</dt><dd><code>Service annotation service.beta.kubernetes.io/aws-load-balancer-type</code></dd>',
      '<dt>Objects</dt><dd>25</dd>',
      '<tr><td>Service <code>shop/web</code></td><td>—</td></tr>',
      '<p class="muted more">… and 23 more</p>',
      '<a href="https://aws.amazon.com/legal/?a=(b)|c d" rel="noreferrer noopener">',
    ]) {
      expect(dependency).toContain(text);
    }
    expect(element(html, 'article', 'data-jurisdiction="eu"')).not.toContain('more');
  });

  it('lists the functions not read, each with why', () => {
    const notRead = element(renderRegisterHtml(older, en), 'section', 'id="not-read"');
    const functions = older.functions.filter(
      (f) => f.status === 'not-collected' || f.status === 'unreadable',
    );
    expect(functions.map((f) => f.id)).toEqual(
      expect.arrayContaining(['external-endpoints', 'images', 'load-balancing']),
    );
    expect([...notRead.matchAll(/<li data-function="([^"]+)">/g)].map((m) => m[1])).toEqual(
      functions.map((f) => f.id),
    );
    for (const f of functions)
      expect(notRead).toContain(`<span class="why">${escapeHtml(f.why ?? '?')}</span>`);
    expect(element(renderRegisterHtml(made, en), 'section', 'id="not-read"')).toContain(
      `<li data-function="backup"><strong>Backup</strong> <span class="badge tone-unknown" data-status="unreadable"><span aria-hidden="true">!</span> unreadable</span>: <span class="why">backupstoragelocations.velero.io could not be read: Forbidden: ${escapeHtml(EVIL)}</span></li>`,
    );
  });

  it('lists the images not pinned by digest and those from registries outside the EU/EEA or unknown', () => {
    const images = element(renderRegisterHtml(made, en), 'section', 'id="images"');
    const [unpinned = '', outside = ''] = images.split('<h3>').slice(1);
    expect(unpinned).toMatch(/^Images not pinned by digest<\/h3>/);
    expect(unpinned).toContain(
      '<td><code>nginx:1.27</code></td><td>Docker Hub (<code>docker.io</code>)</td>',
    );
    expect(unpinned).toContain('<code>evil.example/`x`|y:&#60;script&#62;</code>');
    expect(unpinned).not.toContain('registry.example.nl');
    expect(outside).toMatch(/^Images from registries outside the EU\/EEA or of unknown origin<\/h3>/);
    expect(outside).toContain('<td><code>docker</code></td><td>—</td>');
    expect(outside).not.toContain('registry.example.nl');
    expect(element(renderRegisterHtml(older, en), 'section', 'id="images"')).toContain(
      '<p>The images were not read.</p>',
    );
  });

  it('shows where the data is: country, EU/EEA, nodes, volumes and regions', () => {
    const locations = element(renderRegisterHtml(made, en), 'section', 'id="locations"');
    expect([...locations.matchAll(/<tr><td>(.*?)<\/td>/g)].map((m) => m[1])).toEqual([
      '<code>US</code>',
      'unknown',
      '<code>NL</code>',
    ]);
    expect(locations).toContain(
      '<td><span class="badge jur-eu"><span aria-hidden="true">✓</span> yes</span></td><td class="number">3</td><td class="number">4</td><td><code>nl-ams-1</code></td>',
    );
  });

  it('is Dutch throughout in Dutch', () => {
    const html = renderRegisterHtml(made, nl);
    for (const text of [
      '<h1>Register van digitale afhankelijkheden</h1>',
      '<h2>Functies</h2>',
      '<th>Hangt af van</th>',
      '<h2>Afhankelijkheden per functie</h2>',
      '<h2>Niet gelezen functies</h2>',
      '<h2>Waar de data staat</h2>',
      '<h3>Images zonder digest</h3>',
      'EU, zeggenschap van buiten',
      '<dt>Uiteindelijke moedermaatschappij</dt>',
      '<dt>Herkend aan</dt>',
      '… en nog 23',
      'functies in gebruik',
      'niet in eigen beheer',
      '1 november 2026 om 09:00:00 UTC',
    ]) {
      expect(html).toContain(text);
    }
    for (const english of [
      'Functions',
      'Depends on',
      'Where the data is',
      'Recognised by',
      'functions in use',
    ]) {
      expect(html).not.toContain(english);
    }
  });

  it('groups the dependencies by ultimate parent and marks a concentration in words, not colour alone', () => {
    const concentration = element(renderRegisterHtml(made, en), 'section', 'id="concentration"');
    expect(concentration).toContain('<h2>Concentration</h2>');
    expect(concentration).toContain(
      '<thead><tr><th>Group</th><th>Jurisdiction</th><th>Functions</th><th>Critical functions</th><th class="number">Workloads</th></tr></thead>',
    );
    expect(concentration).toContain(
      '<tr data-group="amazon" class="flagged" data-flagged="true"><td>Amazon.com, Inc. (<code>US</code>), via Amazon Web Services EMEA SARL <span class="badge tone-fail flag"><span aria-hidden="true">!</span> concentration risk</span><span class="subst" data-substitutable="false">',
    );
    expect(concentration).toContain(
      '<td>certificates; Load balancing; Logging and monitoring export</td><td>certificates; Load balancing (2)</td><td class="number">3</td></tr>',
    );
    // One critical function: not flagged; a hostile group name and id stay text.
    const evil = escapeHtml(EVIL);
    expect(concentration).toContain(`<tr data-group="${evil}"><td>${evil}<span class="subst muted"`);
    expect(concentration.match(/concentration risk<\/span>/g)).toHaveLength(1);
    const demoGroups = element(renderRegisterHtml(demo, en), 'section', 'id="concentration"');
    expect([...demoGroups.matchAll(/<tr data-group="([^"]+)"/g)].map((m) => m[1])).toEqual(
      (demo.concentration ?? []).map((g) => g.entity),
    );
  });

  it('has no concentration part for a register without one, and says so when it is empty', () => {
    const { concentration: _, ...without } = made;
    expect(renderRegisterHtml(without, en)).not.toContain('id="concentration"');
    expect(
      element(renderRegisterHtml({ ...made, concentration: [] }, en), 'section', 'id="concentration"'),
    ).toContain('<p>No party outside your own control was found.</p>');
  });

  it('shows what stops when an entity is cut off: the summary, functions, namespaces and workloads', () => {
    const part = element(renderRegisterHtml(cut, en), 'section', 'id="cut-off"');
    expect(part).toContain('<h2>Cut-off</h2>');
    expect(part).toContain('<p><strong>Cut off:</strong> Docker, Inc. (<code>--without docker</code>)</p>');
    expect(part).toContain(
      `<div class="headline tone-fail" data-cut-off="summary">${escapeHtml(cut.cutOff?.summary.en ?? '?')}</div>`,
    );
    expect(part).toMatch(
      /<tr data-function="images" data-effect="cannot-restart"><td>Image supply<\/td><td>cannot restart or be rescheduled<\/td><td class="number">\d+<\/td><td><ul><li>Image <code>docker\.io\//,
    );
    const namespaces = element(part, 'table', 'class="cut-off namespaces"');
    expect(
      [
        ...namespaces.matchAll(
          /<tr data-namespace="([^"]*)"><td><code>[^<]*<\/code><\/td><td class="number">(\d+) of (\d+)</g,
        ),
      ].map((m) => [m[1], Number(m[2]), Number(m[3])]),
    ).toEqual((cut.cutOff?.namespaces ?? []).map((n) => [n.namespace, n.affected, n.total]));
    const workloads = element(part, 'table', 'class="cut-off workloads"');
    expect(
      [
        ...workloads.matchAll(
          /<tr><td><code>([^<]+)<\/code><\/td><td>cannot restart or be rescheduled<\/td><\/tr>/g,
        ),
      ].map((m) => m[1]),
    ).toEqual((cut.cutOff?.workloads.affected ?? []).map((a) => a.workload));
    expect(element(renderRegisterHtml(cut, nl), 'section', 'id="cut-off"')).toContain(
      `<div class="headline tone-fail" data-cut-off="summary">${escapeHtml(cut.cutOff?.summary.nl ?? '?')}</div>`,
    );
  });

  it('has no cut-off part without --without', () => {
    expect(demo.cutOff).toBeUndefined();
    const html = renderRegisterHtml(demo, en);
    expect(html).not.toContain('id="cut-off"');
    expect(html).not.toContain('data-cut-off');
    expect(renderRegisterHtml(demo, nl)).not.toContain('Wegvallen');
  });

  it('keeps hostile names in the cut-off as text and shows a certificate’s first expiry', () => {
    const part = element(renderRegisterHtml(made, en), 'section', 'id="cut-off"');
    const evil = escapeHtml(EVIL);
    expect(part).not.toMatch(/<script/i);
    expect(part).toContain(`(<code>--without amazon,${evil}</code>)`);
    expect(part).toContain(`If Amazon.com, Inc. and ${evil} is cut off: `);
    expect(part).toContain(
      `<td><ul><li>Service <code>shop/${evil}</code></li><li class="muted more">… and 24 more</li></ul></td><td>—</td></tr>`,
    );
    expect(part).toContain(
      '<tr data-function="certificates" data-effect="no-renewal"><td>certificates</td><td>certificates stop renewing</td><td class="number">1</td><td><ul><li>Certificate <code>shop/web-tls</code></li></ul></td><td><code>2026-12-01T00:00:00Z</code></td></tr>',
    );
    expect(part).toContain(
      '<tr data-namespace=""><td>(cluster-wide)</td><td class="number">1 of 1</td></tr>',
    );
    expect(part).toContain(
      `<tr><td><code>Deployment/shop/${evil}</code></td><td>are unreachable from outside</td></tr>`,
    );
  });

  it('cuts long cut-off tables and says how many they leave out', () => {
    const many = withManyAffected(made, HTML_MAX_WORKLOADS + 7, HTML_MAX_WORKLOADS + 3);
    expect(validate('register', many)).toBeUndefined();
    const part = element(renderRegisterHtml(many, en), 'section', 'id="cut-off"');
    const namespaces = element(part, 'table', 'class="cut-off namespaces"');
    expect(namespaces.match(/<tr data-namespace=/g)).toHaveLength(HTML_MAX_WORKLOADS);
    expect(part).toContain('</table>\n<p class="muted more">… and 3 more</p>\n<h3>Affected workloads</h3>');
    const workloads = element(part, 'table', 'class="cut-off workloads"');
    expect(workloads.match(/<tr><td>/g)).toHaveLength(HTML_MAX_WORKLOADS);
    expect(workloads).toContain(
      '<tr><td><code>Deployment/ns0/app</code></td><td>cannot restart or be rescheduled; are unreachable from outside</td></tr>',
    );
    expect(part).toContain('</table>\n<p class="muted more">… and 7 more</p>\n</section>');
  });

  it('has the concentration and cut-off parts in Dutch in Dutch', () => {
    const html = renderRegisterHtml(made, nl);
    for (const text of [
      '<h2>Concentratie</h2>',
      'Een groep die twee of meer kritieke functies levert',
      '<th>Groep</th><th>Jurisdictie</th><th>Functies</th><th>Kritieke functies</th>',
      '<span aria-hidden="true">!</span> concentratierisico</span>',
      '<h2>Wegvallen</h2>',
      '<strong>Weggevallen:</strong> Amazon Web Services EMEA SARL',
      'Als Amazon.com, Inc. en ',
      '<h3>Functies die uitvallen of verslechteren</h3>',
      '<th>Gevolg</th>',
      '<th>Blijkt uit</th><th>Eerste verloopdatum</th>',
      '<td>zijn van buitenaf onbereikbaar</td>',
      '<code>1 december 2026 om 00:00:00 UTC</code>',
      '… en nog 24',
      '<h3>Getroffen workloads per namespace</h3>',
      '<td>(clusterbreed)</td><td class="number">1 van 1</td>',
      '<h3>Getroffen workloads</h3>',
      '<th>Workload</th><th>Gevolgen</th>',
    ]) {
      expect(html).toContain(text);
    }
    for (const english of [
      'Concentration',
      'concentration risk',
      'Cut off',
      'Affected',
      'Effect',
      'cluster-wide',
    ]) {
      expect(html).not.toContain(english);
    }
  });

  it('is pure: the same register gives the same bytes', () => {
    expect(renderRegisterHtml(made, en)).toBe(renderRegisterHtml(structuredClone(made), en));
  });
});

// In a real browser (Chromium through playwright-core), as test/reports/html.test.ts does it.

describe('the register page in Chromium', () => {
  const open = chromiumPages({ timeout: 60_000 });

  const cases = [
    { name: 'the demo register (en)', register: demo, language: 'en' },
    { name: 'the register of an older snapshot (en)', register: older, language: 'en' },
    { name: 'a made register with hostile text (nl)', register: made, language: 'nl' },
    { name: 'the demo register cut off from Docker (en)', register: cut, language: 'en' },
    { name: 'the demo register cut off from Docker (nl)', register: cut, language: 'nl' },
  ] as const satisfies readonly { name: string; register: DependencyRegister; language: Language }[];

  it.each(cases)(
    '$name: no requests, no errors, the summary and every function visible, fits A4',
    async ({ register, language }) => {
      const { page, requests, errors, close } = await open(renderRegisterHtml(register, { language }));
      try {
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        const summary = page.locator('#summary-text');
        expect(await summary.isVisible()).toBe(true);
        expect(((await summary.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
          register.summary.text[language].replace(/\s+/g, ' '),
        );
        for (const f of register.functions) {
          const row = page.locator(`table.overview tr[data-function="${f.id}"]`);
          expect(await row.isVisible()).toBe(true);
          expect(await row.locator('td').first().textContent()).toBe(f.label[language]);
        }
        // The concentration, and with --without the cut-off with its summary and affected workloads.
        const flat = (t: string | null) => (t ?? '').replace(/\s+/g, ' ');
        expect(await page.locator('#concentration table.concentration').isVisible()).toBe(
          (register.concentration ?? []).length > 0,
        );
        const cutOff = page.locator('#cut-off [data-cut-off="summary"]');
        const summaryText = register.cutOff?.summary[language];
        expect(await cutOff.isVisible()).toBe(summaryText !== undefined);
        expect((await cutOff.allTextContents()).map(flat)).toEqual(
          summaryText === undefined ? [] : [flat(summaryText)],
        );
        expect(await page.locator('#cut-off table.cut-off.workloads tbody tr').count()).toBe(
          register.cutOff?.workloads.affected.length ?? 0,
        );
        // Hostile text is shown as text: no element came of it.
        expect(await page.locator('body script, body img, body svg').count()).toBe(0);

        // Print: A4 text width (210 mm − 2 × 15 mm ≈ 680 CSS px) without horizontal overflow.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 680, height: 1000 });
        // A string: the test project has no DOM types.
        const overflow = (await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        )) as number;
        expect(overflow).toBeLessThanOrEqual(0);

        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    60_000,
  );
});

describe('renderRegisterHtml: the scores and the rules', () => {
  const scores = (register: DependencyRegister, language: Language = 'en') =>
    element(renderRegisterHtml(register, { language }), 'section', 'id="scores"');
  const rules = (register: DependencyRegister, language: Language = 'en') =>
    element(renderRegisterHtml(register, { language }), 'section', 'id="rules"');

  it('puts the scores after the functions table and the rules after the cut-off, at the end of main', () => {
    const html = renderRegisterHtml(made, en);
    const at = (id: string) => html.indexOf(`<section id="${id}">`);
    expect(at('functions')).toBeLessThan(html.indexOf('<section id="scores"'));
    expect(html.indexOf('<section id="scores"')).toBeLessThan(at('dependencies'));
    expect(at('cut-off')).toBeLessThan(at('rules'));
    expect(html).toMatch(/<\/section>\n<\/main>\n<footer/);
    expect(html.indexOf('</main>')).toBeGreaterThan(at('rules'));
  });

  it('sums the scores up: the overall SEAL with its name, what limits it, the weighted score with the weight set', () => {
    expect(scores(made)).toContain(
      '<p data-scores="summary"><strong>Overall at most SEAL-1 (Jurisdictional Sovereignty), limited by SOV-2 Legal &#38; Jurisdictional Sovereignty; weighted score at most 72.5 % (Framework v1.2.1 (October 2025)); 3 criteria scored from the subject, 2 need an attestation.</strong>',
    );
    expect(scores(demo)).toMatch(
      /<strong>Overall at most SEAL-0 \(No Sovereignty\), limited by SOV-1 Strategic Sovereignty, [^<]*; weighted score at most [\d.]+ % \(Framework v1\.2\.1 \(October 2025\)\);/,
    );
  });

  it('names the objectives only an attestation can show', () => {
    expect(scores(made)).toContain(
      '</strong> SOV-8 Environmental Sustainability can be shown only by an attestation.</p>',
    );
  });

  it('has a row per objective: its weight, the SEAL at most as a badge with its name, what limits it', () => {
    const table = element(scores(made), 'table', 'class="scores"');
    expect(table).toContain(
      '<thead><tr><th>Objective</th><th class="number">Weight</th><th>At most</th><th>Limited by</th></tr></thead>',
    );
    expect(table).toContain(
      '<tr data-objective="SOV-6"><td><code>SOV-6</code> Technology Sovereignty</td><td class="number">15</td><td><span class="badge tone-pass" data-seal="3">SEAL-3</span> Digital Resilience</td><td><ul><li><code>SOV-6.1</code> the subject shows an indicator only: SEAL-4 needs an attestation</li></ul></td></tr>',
    );
    expect(table).toContain(
      '<span class="badge tone-fail" data-seal="1">SEAL-1</span> Jurisdictional Sovereignty',
    );
    const demoTable = element(scores(demo), 'table', 'class="scores"');
    expect([...demoTable.matchAll(/<tr data-objective="([^"]+)">/g)].map((m) => m[1])).toEqual(
      (demo.scores?.objectives ?? []).map((o) => o.id),
    );
  });

  it('says an objective without a SEAL needs an attestation', () => {
    expect(element(scores(made), 'table', 'class="scores"')).toContain(
      '<tr data-objective="SOV-8"><td><code>SOV-8</code> Environmental Sustainability</td><td class="number">5</td><td><span class="badge tone-skip" data-seal="none"><span aria-hidden="true">?</span> needs an attestation</span></td><td>—</td></tr>',
    );
  });

  it('shows the first two limits of an objective and how many more there are', () => {
    const row = element(scores(made), 'tr', 'data-objective="SOV-2"');
    expect(row.match(/<li><code>SOV-2\.\d<\/code>/g)).toHaveLength(2);
    expect(row).toContain('<li class="muted more">… and 1 more</li></ul>');
  });

  it('lists per objective, in a details element, the criteria to ask about with what to ask the supplier for', () => {
    const part = scores(made);
    expect(part).toContain('<h3>What to ask the suppliers for</h3>');
    expect(
      [...part.matchAll(/<details class="attestations" data-objective="([^"]+)">/g)].map((m) => m[1]),
    ).toEqual(['SOV-2', 'SOV-6', 'SOV-8']);
    const details = element(part, 'details', 'data-objective="SOV-2"');
    expect(details).toContain(
      '<summary><strong>SOV-2 Legal &#38; Jurisdictional Sovereignty</strong>: 2 criteria to ask about</summary>',
    );
    expect(details).toContain('<th>Criterion</th><th>Ask the supplier for</th>');
    expect(details).toContain(
      '<tr data-criterion="SOV-2.2" data-evidence="partly"><td><code>SOV-2.2</code> Extraterritorial Laws <span class="muted">(partly observed)</span></td><td>The mitigations against extraterritorial laws (contract clauses, legal structures).</td></tr>',
    );
    expect(details).not.toContain('data-criterion="SOV-2.1"');
  });

  it('keeps hostile text in the scores as text', () => {
    const part = scores(made);
    const evil = escapeHtml(EVIL);
    expect(part).not.toMatch(/<script/i);
    expect(part).toContain(`<li><code>SOV-2.2</code> Load balancing: ${evil} (reached by US CLOUD Act`);
    expect(part).toContain(
      `<td><code>SOV-2.4</code> Export Control Restrictions ${evil} <span class="muted">(attestation)</span></td><td>Whether the services fall under non-EU export controls: ${evil}</td>`,
    );
  });

  it('says the rules are a mapping, never a legal verdict', () => {
    expect(rules(made)).toContain('<p data-rules="intro">A mapping, never a legal verdict: ');
    expect(rules(demo)).toContain('<p data-rules="intro">A mapping, never a legal verdict: ');
  });

  it('has a row per rule: the rule linked to its source, what it asks, what this report shows', () => {
    const part = rules(made);
    expect(part).toContain('<thead><tr><th>Rule</th><th>Asks</th><th>This report shows</th></tr></thead>');
    expect(part).toContain(
      '<tr data-rule="DORA-29-1-a"><td><a href="https://eur-lex.europa.eu/eli/reg/2022/2554/oj?a=(b)|c d" rel="noreferrer noopener">DORA Art. 29(1)(a) — not easily substitutable</a></td><td>Whether an ICT third-party service provider is not easily substitutable.</td><td><ul><li data-shows="substitutability">1 group is not easily substitutable: Amazon.com, Inc. (load-balancing)</li><li data-shows="concentration">',
    );
  });

  it('links every rule of the demo register to its source', () => {
    const part = rules(demo);
    const links = [
      ...part.matchAll(
        /<tr data-rule="[^"]+"><td><a href="([^"]+)" rel="noreferrer noopener">([^<]+)<\/a><\/td>/g,
      ),
    ];
    expect(links.map((m) => [m[1], m[2]])).toEqual(
      (demo.rules ?? []).map((r) => [escapeHtml(r.source.url), escapeHtml(r.name.en)]),
    );
  });

  it('links a rule over http(s) only and keeps hostile text in the rules as text', () => {
    const part = rules(made);
    const evil = escapeHtml(EVIL);
    expect(part).not.toMatch(/<script/i);
    expect(part).not.toContain('href="javascript:');
    expect(part).toContain(
      `<tr data-rule="${evil}"><td>A rule ${evil} (<code>javascript:alert(1)</code>)</td><td>What it asks ${evil}</td><td>—</td></tr>`,
    );
  });

  it('marks a group that is not easily substitutable with its functions, one that is, and nothing when not judged', () => {
    const concentration = element(renderRegisterHtml(made, en), 'section', 'id="concentration"');
    expect(concentration).toContain(
      '<span class="subst" data-substitutable="false"><span aria-hidden="true">⚓</span> <strong>not easily substitutable</strong>: Load balancing</span></td>',
    );
    expect(concentration).toContain(
      '<span class="subst muted" data-substitutable="true"><span aria-hidden="true">⇄</span> substitutable</span></td>',
    );
    expect(element(renderRegisterHtml(demo, en), 'section', 'id="concentration"')).not.toContain(
      'data-substitutable',
    );
  });

  it('has the scores and rules sections and substitutability in Dutch in Dutch', () => {
    const html = renderRegisterHtml(made, nl);
    for (const text of [
      '<h2>Soevereiniteitsscores (EU Cloud Sovereignty Framework)</h2>',
      '<strong>In totaal hoogstens SEAL-1 (Juridische soevereiniteit), begrensd door SOV-2 Juridische soevereiniteit en rechtsmacht; gewogen score hoogstens 72,5 % (Raamwerk v1.2.1 (oktober 2025)); ',
      ' SOV-8 Duurzaamheid is alleen met een verklaring aan te tonen.</p>',
      '<th>Doelstelling</th><th class="number">Gewicht</th><th>Hoogstens</th><th>Begrensd door</th>',
      'SEAL-3</span> Digitale weerbaarheid',
      '<span aria-hidden="true">?</span> vraagt een verklaring</span>',
      '<h3>Wat u de leveranciers vraagt</h3>',
      ': 2 criteria om naar te vragen</summary>',
      '<th>Criterium</th><th>Vraag de leverancier om</th>',
      '<span class="muted">(deels waargenomen)</span>',
      '<h2>Regels waarvoor deze bevindingen van belang zijn</h2>',
      '<p data-rules="intro">Een koppeling, nooit een juridisch oordeel: ',
      '<th>Regel</th><th>Vraagt</th><th>Dit rapport toont</th>',
      'rel="noreferrer noopener">DORA art. 29(1)(a) — niet eenvoudig vervangbaar</a>',
      '<strong>niet eenvoudig vervangbaar</strong>: Loadbalancing</span>',
      '<span aria-hidden="true">⇄</span> vervangbaar</span>',
    ]) {
      expect(html).toContain(text);
    }
    for (const english of [
      'Sovereignty scores',
      'Overall at most',
      'needs an attestation',
      'Ask the supplier',
      'legal verdict',
      'not easily substitutable',
      '</span> substitutable',
    ]) {
      expect(html).not.toContain(english);
    }
  });

  it('has no scores or rules part for a register without them', () => {
    const { scores: _, rules: __, ...without } = made;
    const html = renderRegisterHtml(without, en);
    expect(html).not.toContain('id="scores"');
    expect(html).not.toContain('id="rules"');
    expect(renderRegisterHtml({ ...made, rules: [] }, en)).not.toContain('id="rules"');
  });
});

describe('the scores in Chromium', () => {
  const open = chromiumPages({ timeout: 60_000 });

  it('folds the criteria to ask about on screen and prints them', async () => {
    const { page, requests, errors, close } = await open(renderRegisterHtml(demo, en));
    try {
      expect(await page.locator('#scores table.scores').isVisible()).toBe(true);
      expect(await page.locator('#rules table.rules').isVisible()).toBe(true);
      const asked = page.locator('#scores details.attestations table').first();
      expect(await asked.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await asked.isVisible()).toBe(true);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);
});
