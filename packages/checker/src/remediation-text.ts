/**
 * Remediation text (catalogue.schema.json $defs/remediationText), the small format the catalogue's
 * and the message catalogue's remediations are written in: paragraphs separated by blank lines
 * (the lines of a paragraph are one paragraph), `- ` list items (indented lines continue an item),
 * fenced ``` code blocks with an optional language, and `inline code`. Nothing else is
 * interpreted, so each renderer escapes the text for its format and only emits the structure.
 */

/** A run of text, or inline code. */
export type Span = { readonly text: string } | { readonly code: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly spans: readonly Span[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Span[])[] }
  | { readonly kind: 'code'; readonly language?: string; readonly code: string };

const FENCE = /^```\s*([A-Za-z0-9_+-]*)\s*$/;
const ITEM = /^- /;

/** `a` and `b` → spans; an unmatched backtick stays text. */
export function spans(text: string): Span[] {
  const out: Span[] = [];
  let rest = text;
  for (;;) {
    const match = /`([^`]+)`/.exec(rest);
    if (!match) break;
    if (match.index > 0) out.push({ text: rest.slice(0, match.index) });
    out.push({ code: match[1] ?? '' });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest !== '') out.push({ text: rest });
  return out;
}

/** The blocks of a remediation text. Total: any string parses (an unclosed fence runs to the end). */
export function parseRemediation(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const blank = (line: string) => line.trim() === '';
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (blank(line)) {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !/^```\s*$/.test(lines[i] ?? '')) {
        code.push(lines[i] ?? '');
        i += 1;
      }
      i += 1; // the closing fence
      blocks.push({ kind: 'code', ...(fence[1] ? { language: fence[1] } : {}), code: code.join('\n') });
      continue;
    }
    const startsBlock = (l: string) => blank(l) || FENCE.test(l);
    if (ITEM.test(line)) {
      const items: string[] = [];
      while (i < lines.length && !startsBlock(lines[i] ?? '')) {
        const l = lines[i] ?? '';
        if (ITEM.test(l)) items.push(l.slice(2).trim());
        else items[items.length - 1] = `${items[items.length - 1] ?? ''} ${l.trim()}`;
        i += 1;
      }
      blocks.push({ kind: 'list', items: items.map(spans) });
      continue;
    }
    const words: string[] = [];
    while (i < lines.length && !startsBlock(lines[i] ?? '') && !ITEM.test(lines[i] ?? '')) {
      words.push((lines[i] ?? '').trim());
      i += 1;
    }
    blocks.push({ kind: 'paragraph', spans: spans(words.join(' ')) });
  }
  return blocks;
}

const spanText = (s: Span): string => ('code' in s ? `\`${s.code}\`` : s.text);

/** Paragraphs and list items on one line each, code as `code` renders it, blocks a blank line apart. */
function blocksAsLines(text: string, code: (block: { language?: string; code: string }) => string): string {
  return parseRemediation(text)
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return block.spans.map(spanText).join('');
        case 'list':
          return block.items.map((item) => `- ${item.map(spanText).join('')}`).join('\n');
        case 'code':
          return code(block);
      }
    })
    .join('\n\n');
}

/**
 * The remediation text in its canonical form: each paragraph and list item on one line, code
 * blocks as written. The form the report stores, so that a reader can wrap it to any width.
 */
export function normalizeRemediation(text: string): string {
  return blocksAsLines(text, (block) => `\`\`\`${block.language ?? ''}\n${block.code}\n\`\`\``);
}

/**
 * The remediation as plain text, for terminals, JUnit, SARIF's help.text and PolicyReport
 * properties: one line per paragraph and list item, code indented by 4 spaces, blocks apart by a
 * blank line. Inline code keeps its backticks.
 */
export function remediationPlainText(text: string): string {
  return blocksAsLines(text, (block) =>
    block.code
      .split('\n')
      .map((l) => (l === '' ? '' : `    ${l}`))
      .join('\n'),
  );
}
