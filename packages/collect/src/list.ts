import { ApiException, HttpMethod } from '@kubernetes/client-node';
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

/**
 * What a page should weigh as JSON when pages are sized by weight (the default). Peak memory
 * follows the page, not the item count: a page is parsed whole before it is cut down to the
 * fields kept, and parsed pages that outlive a young-generation collection wait in the old
 * generation for the next full one. A 50,000-pod snapshot against a real API server
 * (bench/README.md) peaked at 390–520 MiB with pages of 250 pods (2.5 MB), at 350–370 MiB with
 * pages of about 1.5 MB, at 250–300 MiB with 1 MB but 20–40 % slower (more round trips). Pods of
 * 40 KB get pages of 39, nodes of 12 KB pages of about 130.
 */
export const PAGE_BYTES = 1.5 * 1024 * 1024;

/** The first page of a list sized by weight, before its items' size is known; and the bounds of the later pages. */
const FIRST_PAGE = 100;
const MIN_PAGE = 10;
const MAX_PAGE = 500;

/**
 * The `limit` of the next page: as many items as weigh about `pageBytes`, judged by the page just
 * read (`bodyLength` characters of JSON for `items` items), within 10–500.
 */
export function nextPageSize(pageBytes: number, bodyLength: number, items: number): number {
  if (items === 0) return FIRST_PAGE;
  return Math.min(MAX_PAGE, Math.max(MIN_PAGE, Math.floor(pageBytes / (bodyLength / items))));
}

export interface ListOptions {
  /** Items per page (`limit`), the same for every page. @default sized by weight (pageBytes) */
  readonly pageSize?: number;
  /** What a page should weigh as JSON when no pageSize is given. @default PAGE_BYTES */
  readonly pageBytes?: number;
  /** How often a list restarts from scratch when its continue token expired (410 Gone). @default 3 */
  readonly maxRelists?: number;
  /**
   * Pages one list may take before it counts as endless. 50,000 pages are at least 500,000
   * objects (pages hold 10 to 500), 50 GB of JSON at the smallest pages: far beyond any real cluster
   * (a 5,000-node cluster with 50,000 pods of 10 KB lists its pods in 500 pages).
   * @default 50000
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
  const pageBytes = options.pageBytes ?? PAGE_BYTES;
  const maxRelists = options.maxRelists ?? 3;
  const maxPages = options.maxPages ?? 50_000;
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
    let limit = options.pageSize ?? FIRST_PAGE;
    let bodyLength = 0;
    try {
      do {
        if (tokens.size >= maxPages) {
          throw new EndlessListError(
            path,
            `GET ${path}: gave up after ${maxPages} pages (the server kept sending continue tokens)`,
          );
        }
        const page = await transport.request<ListPage>(HttpMethod.GET, path, {
          query: {
            limit,
            continue: token,
            fieldSelector: query.fieldSelector,
            labelSelector: query.labelSelector,
          },
          shape: listShape,
          onBody: (length) => (bodyLength = length),
        });
        first ??= {
          apiVersion: page.apiVersion,
          kind: page.kind,
          resourceVersion: page.metadata?.resourceVersion,
        };
        for (const item of page.items) items.push(keep(item));
        if (options.pageSize === undefined) limit = nextPageSize(pageBytes, bodyLength, page.items.length);
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
