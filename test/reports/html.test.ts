/**
 * The HTML report in a real browser (Chromium through playwright-core): it makes no request at
 * all, logs no error, shows the verdict and every check, fits the A4 text width, and prints to a
 * PDF. Screenshots of the run are kept in test-results/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../packages/checker/src/report/html.js';
import {
  VERDICT_TEXT,
  WAIVED_TEXT,
  type ComplianceReport,
  type Language,
} from '../../packages/model/src/index.js';
import { chromiumPages } from '../../packages/checker/src/testing/chromium.js';
import { demoReport, demoWaiver, waivedDemoReport } from '../../packages/checker/src/testing/reports.js';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

const demo = demoReport();
const waived = waivedDemoReport(
  demoWaiver({
    reason: 'Worker 3 keeps its public IP until the NAT gateway is delivered <2027>',
    owner: 'Team Platform',
    ticket: 'PLAT-123',
    expires: '2027-01-31',
  }),
  demoWaiver({
    check: 'multiaz',
    scope: { clusterId: 'another-cluster' },
    reason: 'Not this cluster',
    owner: 'Someone else',
    ticket: 'OTHER-7',
    expires: '2027-06-30',
  }),
);
const times = { startTs: '2026-11-01T09:00:00Z', stopTs: '2026-11-01T09:00:02Z' };

beforeAll(() => {
  mkdirSync(RESULTS_DIR, { recursive: true });
});

/** What a browser shows of one selector: how many elements, whether visible, and its text. */
async function seen(
  page: Page,
  selector: string,
): Promise<{ selector: string; count: number; visible: boolean; text: string }> {
  const locator = page.locator(selector);
  const count = await locator.count();
  const visible = count === 1 && (await locator.isVisible());
  const text = count === 1 ? ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
  return { selector, count, visible, text };
}

/** Visible exactly once, with this text in it. */
const shows = (text: string) => ({ count: 1, visible: true, text: expect.stringContaining(text) });

describe('the HTML report in Chromium', () => {
  const open = chromiumPages();

  const cases = [
    { name: 'the demo report (en)', report: demo, language: 'en', screenshot: 'html-report.png' },
    {
      name: 'the demo report with waivers (nl)',
      report: waived,
      language: 'nl',
      screenshot: 'html-report-waived.png',
    },
  ] as const satisfies readonly {
    name: string;
    report: ComplianceReport;
    language: Language;
    screenshot: string;
  }[];

  it.each(cases)('$name: no requests, no errors, everything visible, prints to A4', async (c) => {
    const { page, requests, errors, close } = await open(
      renderHtml(c.report, { language: c.language, ...times }),
    );
    const { report, language } = c;
    try {
      expect(await page.getAttribute('html', 'lang')).toBe(language);

      const verdicts = [
        [`.verdict[data-verdict="${report.verdict}"]`, VERDICT_TEXT[report.verdict][language]],
        ...(report.verdictWithWaivers === undefined
          ? []
          : [
              [
                `.verdict.secondary[data-verdict="${report.verdictWithWaivers}"]`,
                VERDICT_TEXT[report.verdictWithWaivers][language],
              ],
            ]),
      ];
      expect(await page.locator('.verdict').count()).toBe(verdicts.length);
      for (const [selector, text] of verdicts) {
        expect(await seen(page, selector ?? '')).toMatchObject(shows(text ?? ''));
      }

      const all = [...report.results, ...report.suggested];
      expect(await page.locator('article.check:not(.remedy)').count()).toBe(all.length);
      for (const r of all) {
        expect(await seen(page, `#check-${r.name} h4`)).toMatchObject({ ...shows(r.label), text: r.label });
        expect(await seen(page, `#check-${r.name} code.name`)).toMatchObject({
          ...shows(r.name),
          text: r.name,
        });
      }

      const waivedResults = all.filter((r) => r.waived !== undefined);
      expect(await page.locator('article.check:not(.remedy)[data-waived="true"]').count()).toBe(
        waivedResults.length,
      );
      for (const r of waivedResults) {
        const word = WAIVED_TEXT[language].toUpperCase();
        expect(await seen(page, `#check-${r.name} header .badge`)).toMatchObject(shows(word));
        expect(await seen(page, `#check-${r.name} .waived-box`)).toMatchObject(
          shows(r.waived?.ticket ?? '?'),
        );
      }
      const waivers = report.waivers?.waivers ?? [];
      expect(await page.locator('#waivers article.waiver').count()).toBe(waivers.length);
      for (const w of waivers) {
        expect(await seen(page, '#waivers')).toMatchObject(shows(w.waiver.reason));
      }

      await page.screenshot({ path: `${RESULTS_DIR}${c.screenshot}`, fullPage: true });

      // Print: A4 text width (210 mm − 2 × 15 mm ≈ 680 CSS px) without horizontal overflow.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 680, height: 1000 });
      // A string: the test project has no DOM types.
      const layout = (await page.evaluate(`({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        cells: [...document.querySelectorAll('th, td, dd')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent.slice(0, 60)),
        breaks: [...document.querySelectorAll('.check, .waiver')].map((el) => getComputedStyle(el).breakInside),
      })`)) as { overflow: number; cells: string[]; breaks: string[] };
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.cells).toEqual([]);
      expect(new Set(layout.breaks)).toEqual(new Set(['avoid']));
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
