import { createHash } from 'node:crypto';
import { TokenParser, TokenType, Tokenizer } from '@streamparser/json';
import type { ParsedTokenInfo } from '@streamparser/json';
import type { ClusterSnapshot, KubeObject } from '@havenkit/model';
import { SnapshotError, oneLine } from '@havenkit/model';
import { inputErrorReason, visitInputFile } from '../files/read-input.js';
import { compileProjection, keptFields, missingFields, projectObjectFields } from '../projection.js';
import type { ProjectionTree } from '../projection.js';

/** What the streaming reader gives back before validation: the parsed (projected) value and the file's sha256. */
export interface StreamedSnapshot {
  readonly value: unknown;
  readonly sha256: string;
}

interface Frame {
  readonly kind: 'object' | 'array';
  /** The key this container sits under in its parent object (undefined in an array or at the root). */
  readonly key: string | undefined;
  /** The last key read in this object, so that a child container knows its key. */
  lastKey: string | undefined;
  /** In an object: the next string token is a key. */
  expectKey: boolean;
}

const VALUE_START = new Set<TokenType>([
  TokenType.LEFT_BRACE,
  TokenType.LEFT_BRACKET,
  TokenType.STRING,
  TokenType.NUMBER,
  TokenType.TRUE,
  TokenType.FALSE,
  TokenType.NULL,
]);

/**
 * Reads a JSON snapshot of any size in bounded memory: the file is read in 1 MiB pieces and
 * tokenised, every item of `resources.<key>.items` is assembled on its own and at once cut down to
 * the fields the checks read (`fields`, per resource key: the catalogue's union; a key the catalogue
 * does not read keeps only apiVersion, kind and metadata name, namespace and uid; undefined keeps
 * whole objects), and only the rest of the document is assembled whole. A list that records
 * `fields` of its own keeps them (its items can only be narrower). Validation is the caller's.
 * @throws SnapshotError one line naming the file (exit 3): unreadable, or not valid JSON.
 */
export function readSnapshotStream(
  path: string,
  maxBytes: number,
  fields: ReadonlyMap<string, readonly string[] | undefined>,
): StreamedSnapshot {
  const hash = createHash('sha256');
  const trees = new Map<string, ProjectionTree | undefined>();
  const treeFor = (key: string): ProjectionTree | undefined => {
    if (!trees.has(key)) {
      const keep = keptFields(fields, key);
      trees.set(key, keep !== undefined ? compileProjection(keep) : undefined);
    }
    return trees.get(key);
  };
  const itemsByKey = new Map<string, KubeObject[]>();

  let root: unknown;
  const envelope = new TokenParser({ paths: ['$'] });
  envelope.onValue = ({ value }) => (root = value);
  const stack: Frame[] = [];
  let item: { parser: TokenParser; depth: number; key: string } | undefined;

  const inItemsArray = (): string | undefined => {
    if (stack.length !== 4) return undefined;
    const [top, resources, list, items] = stack as [Frame, Frame, Frame, Frame];
    if (top.kind !== 'object' || resources.kind !== 'object' || resources.key !== 'resources')
      return undefined;
    if (list.kind !== 'object' || items.kind !== 'array' || items.key !== 'items') return undefined;
    return list.key;
  };

  const startItem = (key: string): TokenParser => {
    const parser = new TokenParser({ paths: ['$'] });
    parser.onValue = ({ value }) => {
      const tree = treeFor(key);
      const kept =
        tree !== undefined ? projectObjectFields(value as KubeObject, tree) : (value as KubeObject);
      itemsByKey.get(key)!.push(kept);
    };
    return parser;
  };

  const tokenizer = new Tokenizer();
  tokenizer.onToken = (info: ParsedTokenInfo): void => {
    const { token } = info;
    if (item !== undefined) {
      item.parser.write(info);
      if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) item.depth++;
      else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) item.depth--;
      if (item.depth === 0) item = undefined;
      return;
    }
    const listKey = inItemsArray();
    if (listKey !== undefined) {
      // Inside resources.<key>.items: items go to a parser of their own, commas between them nowhere.
      if (token === TokenType.COMMA) return;
      if (VALUE_START.has(token)) {
        const parser = startItem(listKey);
        parser.write(info);
        const opens = token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET;
        if (opens) item = { parser, depth: 1, key: listKey };
        return;
      }
    }
    envelope.write(info);
    const frame = stack[stack.length - 1];
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET: {
        const key = frame?.kind === 'object' ? frame.lastKey : undefined;
        stack.push({
          kind: token === TokenType.LEFT_BRACE ? 'object' : 'array',
          key,
          lastKey: undefined,
          expectKey: true,
        });
        // A repeated "items" (or list key) replaces the earlier one, as in JSON.parse.
        if (token === TokenType.LEFT_BRACKET) {
          const listKey2 = inItemsArray();
          if (listKey2 !== undefined) itemsByKey.set(listKey2, []);
        }
        return;
      }
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        stack.pop();
        return;
      case TokenType.COMMA:
        if (frame?.kind === 'object') frame.expectKey = true;
        return;
      case TokenType.STRING:
        if (frame?.kind === 'object' && frame.expectKey) {
          frame.lastKey = info.value as string;
          frame.expectKey = false;
        }
        return;
      default:
        return;
    }
  };

  let parseError: unknown;
  try {
    visitInputFile(
      path,
      maxBytes,
      (chunk) => {
        hash.update(chunk);
        try {
          tokenizer.write(chunk);
        } catch (error) {
          parseError = error;
          throw error;
        }
      },
      1 << 20,
    );
  } catch (error) {
    if (parseError !== undefined) {
      throw new SnapshotError(`${path}: not valid JSON: ${oneLine((parseError as Error).message)}`);
    }
    throw new SnapshotError(`${path}: cannot read the snapshot (${inputErrorReason(error)})`);
  }
  try {
    tokenizer.end();
  } catch (error) {
    throw new SnapshotError(`${path}: not valid JSON: ${oneLine((error as Error).message)}`);
  }
  if (root === undefined) throw new SnapshotError(`${path}: not valid JSON: the document ends early`);
  return { value: withItems(root, itemsByKey, fields), sha256: hash.digest('hex') };
}

/** Puts the streamed items back into their lists, and records what each list kept. */
function withItems(
  root: unknown,
  itemsByKey: ReadonlyMap<string, KubeObject[]>,
  fields: ReadonlyMap<string, readonly string[] | undefined>,
): unknown {
  const resources = (root as Partial<ClusterSnapshot> | null)?.resources;
  if (resources === null || typeof resources !== 'object') return root;
  for (const [key, items] of itemsByKey) {
    const list = (resources as Record<string, unknown>)[key] as Record<string, unknown> | undefined;
    if (list === null || typeof list !== 'object' || !Array.isArray(list['items'])) continue;
    list['items'] = items;
    const keep = keptFields(fields, key);
    if (keep === undefined) continue;
    const own = Array.isArray(list['fields']) ? (list['fields'] as string[]) : undefined;
    // A list narrower than the union keeps its own, truthful record; otherwise it now holds the union.
    if (own === undefined || missingFields(own, keep).length === 0) list['fields'] = [...keep];
  }
  return root;
}
