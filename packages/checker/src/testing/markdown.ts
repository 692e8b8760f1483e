/**
 * Reading Markdown in the renderers' tests. No Markdown parser is a dependency, so the tests check
 * the structure a GFM parser relies on: tables whose rows have as many cells as their header,
 * escaped pipes, blank lines around blocks.
 */
import { expect } from 'vitest';

/** The cells of a table row, split at pipes that are not escaped. */
export function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

/** Every table: consecutive lines starting with "|". */
export function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      current.push(line);
    } else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  if (current.length > 0) found.push(current);
  return found;
}

/** The table that follows a line (a heading, a summary), which must be there. */
export function tableAfter(markdown: string, marker: string): string[] {
  const at = markdown.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  return tables(markdown.slice(at + marker.length))[0] ?? [];
}
