/**
 * What the HTML files share (the check report, report/html.ts, and the dependency register,
 * sovereignty/render/html.ts): escaping, the `h` template that escapes every value, the parts of
 * the style both use and the page around a body. One self-contained file: inline CSS, no scripts,
 * no external requests and a CSP that forbids them; printable on A4 and readable in black and white.
 */

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Markup that is safe as it is: built by `h` from escaped values. */
export class Markup {
  constructor(readonly html: string) {}
}

export type Part = Markup | string | number | undefined | false | readonly Part[];

function part(value: Part): string {
  if (value === undefined || value === false) return '';
  if (value instanceof Markup) return value.html;
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  return value.map(part).join('');
}

/** A template for markup: every interpolated string is escaped, only Markup passes as it is. */
export function h(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += part(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** A CSS string literal (for `content:`) that cannot end the string or the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** A value as code, or a dash when there is none. */
export function codeOrDash(text: string | undefined): Markup {
  return text ? h`<code>${text}</code>` : h`—`;
}

/** Evidence fields as a list of `key = value`, or a dash when there are none. */
export function fieldList(fields: Readonly<Record<string, string | number | boolean | null>>): Part {
  const entries = Object.entries(fields);
  return entries.length === 0
    ? '—'
    : h`<ul>${entries.map(([k, v]) => h`<li><code>${k}</code> = <code>${v === null ? 'null' : String(v)}</code></li>`)}</ul>`;
}

/** The style both files share, in parts between which each file puts rules of its own. */
export const BASE_STYLE = {
  /** The page: A4 with page numbers, the fonts, the headings. Starts with a line break. */
  page: `
@page { size: A4; margin: 15mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #444; } }
:root { color-scheme: light; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
  line-height: 1.4; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 10mm 6mm; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
h1 { font-size: 20pt; margin: 0 0 1mm; }
h2 { font-size: 14pt; border-bottom: 2px solid #111; padding-bottom: 1mm; margin: 8mm 0 3mm;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 11pt; margin: 0; }
p { margin: 1mm 0; }
`,
  /** Code, the subtitle, muted text and tables. */
  text: `code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8.5pt;
  overflow-wrap: anywhere; }
.subtitle { margin: 0 0 4mm; color: #333; }
.muted { color: #444; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border: 1px solid #888;
  overflow-wrap: break-word; }
th { background: #eee; }
`,
  /** A count tile and a badge. */
  counts: `.count { border: 1px solid #888; padding: 1mm 2.5mm; font-size: 9pt; break-inside: avoid; }
.count b { display: block; font-size: 15pt; }
.count.alert { border: 2.5px solid #111; }
.badge { display: inline-block; font-weight: bold; padding: 0.3mm 2mm; border: 1.5px solid;
  border-radius: 1.5mm; white-space: nowrap; font-size: 9pt; }
`,
  /** The footer and the colours of the tones both files have. */
  tones: `footer { margin-top: 8mm; border-top: 1px solid #888; padding-top: 2mm; }
.tone-pass { color: #1b5e20; }
.tone-fail { color: #b00020; }
.tone-skip { color: #555; }
.tone-unknown { color: #8a4b00; }
`,
  /** A count tile that needs attention; the last rules of both styles. */
  alerts: `.count.tone-fail.alert { border-color: #b00020; }
.count.tone-unknown.alert { border-color: #8a4b00; }
`,
};

export interface HtmlPage {
  readonly language: string;
  /** The tool that made the page, "name version". */
  readonly generator: string;
  readonly title: string;
  /** What the page is about, after the title in the window's title. */
  readonly who?: string | undefined;
  /** The text at the bottom left of every printed page. */
  readonly footer: string;
  readonly style: string;
  /** Everything in the body, ending with a line break. */
  readonly body: Markup;
}

/** The whole file: the head with the CSP, the title and the style, and the body. */
export function htmlPage(page: HtmlPage): string {
  const { language, generator, title, who } = page;
  const style = `${page.style}@page { @bottom-left { content: ${cssString(page.footer)}; font: 8pt sans-serif; color: #444; } }\n`;
  return h`<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${generator}">
<title>${title}${who ? ` — ${who}` : ''}</title>
<style>${new Markup(style)}</style>
</head>
<body>
${page.body}</body>
</html>
`.html;
}
