import { ApiException } from '@kubernetes/client-node';
import { compileProjection, projectObjectFields, withoutManagedFields } from '@havenkit/checker';
import type { KubeObject, ResourceList } from '@havenkit/model';
import { listShape } from './answers.js';
import { EndlessListError } from './errors.js';
import { listPath } from './names.js';
import type { ResourceMapping } from './names.js';
import type { KubeTransport } from './transport.js';

/** One list request: a namespace and selectors, all optional. */
export interface ListQuery {
  readonly namespace?: string;
  readonly fieldSelector?: string;
  readonly labelSelector?: string;
}

/** What to keep of each item: the checks' fields (projection.ts); undefined keeps whole objects. */
export type ItemFields = readonly string[] | undefined;

export interface ListOptions {
  /**
   * Items per page (`limit`). 250 rather than kubectl's 500: a page of 500 real pods is ~5 MB of
   * JSON and ~25 MB of parsed objects, which outlive V8's young generation and pile up as garbage
   * (peak RSS 306 against 219 MiB for 50,000 pods, bench/README.md); the extra requests cost little.
   * @default 250
   */
  readonly pageSize?: number;
  /** How often a list restarts from scratch when its continue token expired (410 Gone). @default 3 */
  readonly maxRelists?: number;
  /**
   * Pages one list may take before it counts as endless. 10,000 pages of 250 are 2.5 million
   * objects, far beyond any real cluster (a 5,000-node cluster with 50,000 pods lists in 200 pages).
   * @default 10000
   */
  readonly maxPages?: number;
}

/** A page as listShape admits it: items an array of objects, the rest strings where present. */
interface ListPage {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: KubeObject[];
}

/**
 * Lists every item of a resource, page by page (`limit`/`continue`). When the continue token
 * expires (410 Gone) the list restarts from scratch, so the result is always one consistent
 * list. Every page must be a list (listShape): an empty body, `{}`, `items: null` or a Status is
 * an error of the resource, never an empty list. Each page is cut down to `fields` as it arrives
 * (and managedFields dropped), so only what the checks read outlives the page. Throws the last
 * error otherwise (the caller records it).
 */
export async function listAll(
  transport: KubeTransport,
  mapping: ResourceMapping,
  query: ListQuery = {},
  options: ListOptions = {},
  fields?: ItemFields,
): Promise<ResourceList> {
  const pageSize = options.pageSize ?? 250;
  const maxRelists = options.maxRelists ?? 3;
  const maxPages = options.maxPages ?? 10_000;
  const path = listPath(mapping, query.namespace);
  const tree = fields !== undefined ? compileProjection(fields) : undefined;
  const keep = (item: KubeObject): KubeObject =>
    withoutManagedFields(tree !== undefined ? projectObjectFields(item, tree) : item);
  for (let relists = 0; ; relists++) {
    const items: KubeObject[] = [];
    // What the list keeps of its first page; the page itself (megabytes of parsed objects) is dropped.
    let first: (Pick<ListPage, 'apiVersion' | 'kind'> & { resourceVersion?: string | undefined }) | undefined;
    let token: string | undefined;
    const tokens = new Set<string>();
    try {
      do {
        if (tokens.size >= maxPages) {
          throw new EndlessListError(
            path,
            `GET ${path}: gave up after ${maxPages} pages (the server kept sending continue tokens)`,
          );
        }
        const page = await transport.get<ListPage>(
          path,
          {
            limit: pageSize,
            continue: token,
            fieldSelector: query.fieldSelector,
            labelSelector: query.labelSelector,
          },
          listShape,
        );
        first ??= {
          apiVersion: page.apiVersion,
          kind: page.kind,
          resourceVersion: page.metadata?.resourceVersion,
        };
        for (const item of page.items) items.push(keep(item));
        token = page.metadata?.continue || undefined;
        if (token !== undefined) {
          if (tokens.has(token)) {
            throw new EndlessListError(
              path,
              `GET ${path}: the server sent the same continue token again after ${tokens.size} pages; the list would never end`,
            );
          }
          tokens.add(token);
        }
      } while (token !== undefined);
    } catch (err) {
      if (err instanceof ApiException && err.code === 410 && token !== undefined && relists < maxRelists) {
        continue;
      }
      throw err;
    }
    const resourceVersion = first?.resourceVersion;
    return {
      apiVersion:
        first?.apiVersion ?? (mapping.group === '' ? mapping.version : `${mapping.group}/${mapping.version}`),
      kind: first?.kind ?? `${mapping.kind}List`,
      metadata: resourceVersion !== undefined ? { resourceVersion } : {},
      ...(fields !== undefined ? { fields: [...fields] } : {}),
      items,
    };
  }
}

/** Unites the lists of several queries of one resource: items once each (by uid), sorted by namespace and name. */
export function unionLists(lists: readonly ResourceList[]): ResourceList {
  if (lists.length === 1) return lists[0] as ResourceList;
  const seen = new Map<string, KubeObject>();
  for (const list of lists) {
    for (const item of list.items) {
      const key = item.metadata?.uid ?? `${item.metadata?.namespace ?? ''}/${item.metadata?.name ?? ''}`;
      if (!seen.has(key)) seen.set(key, item);
    }
  }
  const items = [...seen.values()].sort((a, b) => {
    const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
    const kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const firstList = lists[0] as ResourceList;
  return {
    apiVersion: firstList.apiVersion,
    kind: firstList.kind,
    metadata: {},
    ...(firstList.fields !== undefined ? { fields: firstList.fields } : {}),
    items,
  };
}
