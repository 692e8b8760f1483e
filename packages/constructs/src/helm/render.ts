/**
 * Writes a template tree as YAML text: literal subtrees by js-yaml (the same writer as the plain
 * synthesis), every inserted value as `{{ toJson … }}` so that any string stays a string.
 */
import yaml from 'js-yaml';
import type { Entry, TNode } from './merge.js';

const DUMP: yaml.DumpOptions = { sortKeys: true, lineWidth: -1, noRefs: true };

function indented(text: string, n: number): string[] {
  const pad = ' '.repeat(n);
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? l : pad + l));
}

/** A mapping key as js-yaml writes it (quoted where YAML would read it otherwise). */
const keyText = (key: string): string => yaml.dump({ [key]: 0 }, DUMP).replace(/: 0\n$/, '');

const value = (expr: string): string => `{{ toJson ${expr} }}`;

function entryLines(e: Entry, n: number): string[] {
  const pad = ' '.repeat(n);
  const k = keyText(e.key);
  const node = e.node;
  const body =
    node.t === 'lit'
      ? indented(yaml.dump({ [e.key]: node.v }, DUMP), n)
      : node.t === 'expr'
        ? [`${pad}${k}: ${value(node.expr())}`]
        : node.t === 'map'
          ? [`${pad}${k}:`, ...mapLines(node.entries, n + 2)]
          : [`${pad}${k}:`, ...listLines(node.items, n + 2)];
  return e.when ? [`${pad}{{- if ${e.when()} }}`, ...body, `${pad}{{- end }}`] : body;
}

function mapLines(entries: readonly Entry[], n: number): string[] {
  return entries.flatMap((e) => entryLines(e, n));
}

/** Puts `- ` in front of the first line of an item written at `n + 2`. */
function asItem(lines: string[], n: number, conditionalFirst: boolean): string[] {
  const pad = ' '.repeat(n);
  if (conditionalFirst || lines.length === 0) return [`${pad}-`, ...lines];
  return [`${pad}- ${(lines[0] ?? '').slice(n + 2)}`, ...lines.slice(1)];
}

function listLines(items: readonly TNode[], n: number): string[] {
  const pad = ' '.repeat(n);
  return items.flatMap((item) => {
    if (item.t === 'lit') return indented(yaml.dump([item.v], DUMP), n);
    if (item.t === 'expr') return [`${pad}- ${value(item.expr())}`];
    if (item.t === 'map')
      return asItem(mapLines(item.entries, n + 2), n, item.entries[0]?.when !== undefined);
    return asItem(listLines(item.items, n + 2), n, false);
  });
}

/** One object (a document without its `---`), ending in a newline. */
export function renderNode(node: TNode): string {
  if (node.t === 'lit') return yaml.dump(node.v, DUMP);
  if (node.t === 'expr') return `${value(node.expr())}\n`;
  const lines = node.t === 'map' ? mapLines(node.entries, 0) : listLines(node.items, 0);
  return `${lines.join('\n')}\n`;
}
