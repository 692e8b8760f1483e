/** What every HTML file the toolkit writes must be, checked on its markup in the renderers' tests. */
import { expect } from 'vitest';

/**
 * Expects a page that refers to nothing outside the file and forbids it by CSP: no element that
 * loads or sends anything, no attribute that does, no style that imports. Its text is escaped, so
 * every "<" starts real markup. Returns every href, for the caller to say which may leave the page.
 */
export function expectSelfContained(html: string): string[] {
  expect(html).toContain(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
  );
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  const names = new Set(tags.map((tag) => /^<([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase()));
  for (const name of ['link', 'script', 'img', 'iframe', 'object', 'embed', 'base', 'form', 'svg']) {
    expect(names).not.toContain(name);
  }
  expect(tags.filter((tag) => /\s(src|srcset|action|background|style)\s*=/i.test(tag))).toEqual([]);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  expect(style).not.toMatch(/@import|url\(|https?:/i);
  return tags.flatMap((tag) => [...tag.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((m) => m[1] ?? ''));
}
