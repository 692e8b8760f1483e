/**
 * Pages in a real browser for the HTML tests: Chromium (HAVENKIT_CHROMIUM, else /usr/bin/chromium)
 * through playwright-core, without its sandbox when run as root. Each page opens in a fresh context
 * that blocks and records every request and collects console errors and uncaught page errors. A
 * missing browser fails every test that opens a page: it never skips one.
 */
import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

export const CHROMIUM = process.env.HAVENKIT_CHROMIUM ?? '/usr/bin/chromium';

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every request the page tried to make (all blocked). */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Closes the page and its context. */
  close(): Promise<void>;
}

/** Opens markup in a fresh context that blocks and records every request. */
export type Open = (html: string) => Promise<Opened>;

/**
 * Called in a describe block: starts Chromium before its tests and closes it after, adds the control
 * test (a page with an external image: the request is caught) and gives `open` for its own tests.
 * The timeout, when given, is the hook's and the control test's.
 */
export function chromiumPages(options: { timeout?: number } = {}): Open {
  let browser: Browser | undefined;
  /** Why the browser did not start; every test that opens a page fails with it. */
  let missing: Error | undefined;

  beforeAll(async () => {
    try {
      accessSync(CHROMIUM, constants.X_OK);
    } catch {
      missing = new Error(
        `Chromium is not installed at ${CHROMIUM} (HAVENKIT_CHROMIUM). Run scripts/ensure-test-deps.sh to install it.`,
      );
      return;
    }
    const root = process.getuid?.() === 0;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: root ? ['--no-sandbox'] : [],
    });
  }, options.timeout);

  afterAll(async () => {
    await browser?.close();
  });

  const open: Open = async (html) => {
    if (!browser) throw missing ?? new Error('the browser did not start');
    const context = await browser.newContext({ viewport: { width: 1024, height: 1400 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (!requests.includes(request.url())) requests.push(request.url());
    });
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (!requests.includes(url)) requests.push(url);
      await route.abort('blockedbyclient');
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.setContent(html, { waitUntil: 'load' });
    const close = async (): Promise<void> => {
      await page.close();
      await context.close();
    };
    return { page, context, requests, errors, close };
  };

  it(
    'records requests: a page with an external image is caught (control)',
    async () => {
      const { requests, close } = await open(
        '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"></body></html>',
      );
      expect(requests).toContain('http://example.invalid/x.png');
      await close();
    },
    options.timeout,
  );

  return open;
}
