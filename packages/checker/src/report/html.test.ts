import { describe, expect, it } from 'vitest';
import {
  DEMO_CLUSTER_ID,
  WAIVERS_SHA256,
  demoReport,
  demoSnapshot,
  demoWaiver,
  waivedDemoReport,
} from '../testing/reports.js';
import { reportFormat } from './formats.js';
import { escapeHtml, renderHtml } from './html.js';
import { expectSelfContained } from '../testing/html.js';
import type { ComplianceReport } from '@havenkit/model';

const demo = demoReport();
const waived = waivedDemoReport(
  demoWaiver({
    reason: 'Public IP until the <b>NAT gateway</b> is delivered',
    owner: 'Team Platform & Co',
    ticket: 'PLAT-123',
    expires: '2027-01-31',
  }),
  demoWaiver({
    check: 'multiaz',
    scope: { clusterId: 'another-cluster' },
    reason: 'not this cluster',
    owner: 'someone else',
    ticket: 'OTHER-7',
    expires: '2027-06-30',
  }),
  demoWaiver({ check: 'multiaz', reason: 'old', owner: 'someone', ticket: 'OLD-1', expires: '2025-01-01' }),
);
const context = { language: 'en', startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:02Z' } as const;

/** The demo report with hostile text from the cluster in every place a cluster can put text. */
function hostile(): ComplianceReport {
  const evil = '<script>alert("x")</script>';
  const report = structuredClone(waived);
  report.metadata.snapshot.server = `https://"><script>alert(1)</script>`;
  report.metadata.snapshot.context = evil;
  const result = report.results.find((r) => r.name === 'privatenetworking')!;
  result.reason = { en: `node ${evil} is public`, nl: `node ${evil} is publiek` };
  result.evidence.push({
    kind: 'Node',
    name: `"><img src=x onerror=alert(1)>`,
    fields: { [`<i>key</i>`]: `<svg onload=alert(1)>`, 'status.addresses': null },
    note: { en: evil, nl: evil },
    offending: true,
  });
  return report;
}

describe('escapeHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });
});

describe('renderHtml', () => {
  it('keeps cluster-provided markup as text', () => {
    const html = renderHtml(hostile(), { ...context, signedBy: '<key>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<svg|<i>|<b>NAT/i);
    expect(html).toContain('node &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; is public');
    expect(html).toContain('&#60;i&#62;key&#60;/i&#62;');
    expect(html).toContain('&#60;b&#62;NAT gateway&#60;/b&#62;');
    expect(html).toContain('Team Platform &#38; Co');
    expect(html).toContain('<code>&#60;key&#62;</code>');
    expect(html).toContain('<span class="marker offending">▲ offending</span>');
  });

  it('refers to nothing outside the file and forbids it by CSP', () => {
    const hrefs = expectSelfContained(renderHtml(hostile(), context));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href.startsWith('#'))).toEqual([]);
  });

  it('is made for A4 print and keeps a check together', () => {
    const html = renderHtml(demo, context);
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
    expect(html).toMatch(/\.check, \.waiver \{[^}]*break-inside: avoid/);
  });

  it('shows identity, verdict, counts and every check in English', () => {
    const html = renderHtml(demo, context);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<h1>Haven compliance report</h1>');
    expect(html).toContain('NOT Haven compliant');
    expect(html).not.toContain('Verdict with waivers');
    for (const text of [
      'https://haven-demo.gemeente-voorbeeld.nl:6443',
      'admin@haven-demo',
      DEMO_CLUSTER_ID,
      '2026-11-01T09:00:00Z',
      demoSnapshot().sha256,
      demo.metadata.havenVersion,
      `${demo.metadata.checker.name} ${demo.metadata.checker.version}`,
      '13 passed, 1 failed, 1 skipped, 0 unknown, of 15',
    ]) {
      expect(html).toContain(`${escapeHtml(text)}`);
    }
    for (const r of [...demo.results, ...demo.suggested]) {
      expect(html).toContain(`<h4 lang="en">${escapeHtml(r.label)}</h4><code class="name">${r.name}</code>`);
    }
    expect(html).toContain('Not signed.');
    expect(html).toContain('No waivers file was given.');
  });

  it('ends the results with what to do about the failed and the unknown check', () => {
    const report = demoReport({ unverifiedToolkit: true });
    const html = renderHtml(report, context);
    const section = html.slice(
      html.indexOf('<section id="remediation">'),
      html.indexOf('<section id="waivers">'),
    );
    expect(html.indexOf('<section id="remediation">')).toBeGreaterThan(
      html.indexOf('<section id="suggested">'),
    );
    expect(section).toContain('<h2>What to do</h2>');
    expect([...section.matchAll(/data-check="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'privatenetworking',
      'shavalidation',
    ]);
    expect(section).toContain('<p>Give the nodes named in the evidence private addresses only:');
    expect(section).toContain('<pre class="remedy-code"><code>kubectl get nodes -o wide</code></pre>');
    expect(section).toContain('Run <code>havenkit check</code>, or pass the result of');
    expect(section).toContain(
      '<a href="#check-privatenetworking"><code class="name">privatenetworking</code></a>',
    );
  });

  it('escapes the text and the code of a remediation', () => {
    const report = structuredClone(demo);
    const failed = report.results.find((r) => r.name === 'privatenetworking')!;
    const evil = '<script>alert(1)</script> `<b>` & more\n\n```yaml\n<img src=x onerror=alert(1)>\n```';
    failed.remediation = { en: evil, nl: evil };
    const html = renderHtml(report, context);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(
      '<p>&#60;script&#62;alert(1)&#60;/script&#62; <code>&#60;b&#62;</code> &#38; more</p>',
    );
    expect(html).toContain(
      '<pre class="remedy-code" data-language="yaml"><code>&#60;img src=x onerror=alert(1)&#62;</code></pre>',
    );
  });

  it('has no what-to-do section when every check passed or was skipped', () => {
    const passed = {
      ...demo,
      results: demo.results.map(({ remediation: _, ...r }) => ({ ...r, outcome: 'pass' as const })),
    };
    expect(renderHtml(passed, context)).not.toContain('<section id="remediation">');
  });

  it('is Dutch with lang="nl"', () => {
    const html = renderHtml(waived, { ...context, language: 'nl' });
    expect(html).toContain('<html lang="nl">');
    for (const text of [
      'Haven-compliancerapport',
      'NIET Haven-compliant',
      'Alleen compliant met uitzonderingen',
      'Verplichte controles',
      'Aanbevolen controles',
      'Onderbouwing',
      'UITGEZONDERD (VOLDOET NIET)',
      'verlopen, geen effect',
      'Niet ondertekend.',
      '<h2>Wat te doen</h2>',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('Mandatory checks');
    expect(html).not.toContain('Not signed');
  });

  it('marks a waived failure as waived, with its waiver, and keeps the verdict apart', () => {
    const html = renderHtml(waived, context);
    const block = html.match(
      /<article class="check[^"]*" id="check-privatenetworking"[\s\S]*?<\/article>/,
    )?.[0];
    expect(block).toBeDefined();
    expect(block).toContain('class="check tone-waived"');
    expect(block).toContain('data-outcome="fail" data-waived="true"');
    expect(block).toContain('WAIVED (FAIL)');
    expect(block).toContain('The check failed; the failure is covered by an active waiver.');
    for (const text of ['Team Platform &#38; Co', 'PLAT-123', '2027-01-31']) expect(block).toContain(text);
    expect(html).toContain('<div class="verdict tone-fail" data-verdict="not-compliant">');
    expect(html).toContain(
      '<div class="verdict tone-waived secondary" data-verdict="compliant-with-waivers">',
    );
    expect(html).toContain('Compliant only with waivers');
    expect(html).not.toMatch(/data-verdict="compliant"/);
    expect(html).toContain('data-status="applied"');
    expect(html).toContain('data-status="expired"');
    expect(html).toContain('data-status="out-of-scope"');
    expect(html).toContain(WAIVERS_SHA256);
    expect(html).toMatch(/class="count tone-waived"><b><span aria-hidden="true">⚑<\/span> 1<\/b>waived/);
    // The waived failure is counted once, as waived: the counts add up to the total.
    expect(html).toMatch(/class="count tone-fail"><b><span aria-hidden="true">✗<\/span> 0<\/b>fail/);
  });

  it('shows the signing key and how to verify', () => {
    const html = renderHtml(demo, { ...context, signedBy: 'SHA256:abc' });
    expect(html).toContain('signed (DSSE, ed25519) with key <code>SHA256:abc</code>');
    expect(html).toContain(
      'Verify it with: <code>havenkit verify REPORT --key PUBLIC-KEY --snapshot SNAPSHOT</code>',
    );
    expect(html).not.toContain('Not signed');
  });

  it('is the html report format', () => {
    const format = reportFormat('html');
    expect(format?.fileName).toBe('report.html');
    expect(format?.render(waived, context)).toBe(renderHtml(waived, context));
  });

  it('is pure: the same input gives the same bytes', () => {
    expect(renderHtml(waived, context)).toBe(renderHtml(structuredClone(waived), context));
  });
});
