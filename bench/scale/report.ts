import type { Timed } from './measure.js';
import { median } from './measure.js';
import type { ScaleSize } from './options.js';

/** The columns measured per size, in table order. */
export const COLUMNS = ['kubectl', 'floorDiscard', 'floorParse', 'snapshot', 'live', 'fromSnapshot'] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_TITLES: Record<Column, string> = {
  kubectl: 'kubectl get -o json',
  floorDiscard: 'floor (discard)',
  floorParse: 'floor (fetch+parse)',
  snapshot: 'snapshot',
  live: 'live check',
  fromSnapshot: 'check --snapshot',
};

export interface SeedRow {
  readonly size: ScaleSize;
  readonly mode: 'fresh' | 'grown';
  readonly created: number;
  readonly requests: number;
  readonly seconds: number;
  readonly podBytes: number;
  readonly nodeBytes: number;
  readonly etcdDbBytes?: number;
  readonly apiserverRssKiB?: number;
  readonly etcdRssKiB?: number;
}

export interface SizeResult {
  readonly size: ScaleSize;
  readonly seed: SeedRow;
  readonly runs: Partial<Record<Column, Timed[]>>;
  /** Requests of each live check run (apiserver_request_total delta, scrape excluded). */
  readonly requests: number[];
  readonly snapshotBytes: number[];
  /** Free-form findings for this size (request breakdown, verdicts, floor bytes). */
  readonly notes: string[];
  /** Why the kubectl column is empty, when it is. */
  readonly kubectlSkipped?: string;
}

export const size = (s: ScaleSize): string =>
  `${s.nodes.toLocaleString('en')} / ${s.pods.toLocaleString('en')}`;
export const mib = (kib: number): string => `${Math.round(kib / 1024)} MiB`;
export const bytes = (b: number): string =>
  !Number.isFinite(b)
    ? '–'
    : b >= 1024 ** 3
      ? `${(b / 1024 ** 3).toFixed(2)} GiB`
      : b >= 1024 ** 2
        ? `${(b / 1024 ** 2).toFixed(1)} MiB`
        : b >= 1024
          ? `${(b / 1024).toFixed(1)} KiB`
          : `${b} B`;
const secs = (s: number): string =>
  s >= 100 ? `${s.toFixed(0)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`;

/** Median wall seconds and peak RSS of the runs that worked; NaN when none did. */
export function medians(runs: readonly Timed[] | undefined): {
  seconds: number;
  rssKiB: number;
  ok: number;
  failed: Timed[];
} {
  const ok = (runs ?? []).filter((r) => r.failure === undefined);
  return {
    seconds: median(ok.map((r) => r.seconds)),
    rssKiB: median(ok.map((r) => r.rssKiB)),
    ok: ok.length,
    failed: (runs ?? []).filter((r) => r.failure !== undefined),
  };
}

function cell(result: SizeResult, column: Column): string {
  const runs = result.runs[column];
  if (column === 'kubectl' && result.kubectlSkipped !== undefined) return 'skipped';
  if (runs === undefined || runs.length === 0) return '–';
  const m = medians(runs);
  if (m.ok === 0) {
    const why = [...new Set(m.failed.map((f) => f.failure))].join('; ');
    return `**FAILED** (${why})`;
  }
  const failedNote = m.failed.length > 0 ? ` **(${m.failed.length} of ${runs.length} FAILED)**` : '';
  return `${secs(m.seconds)} · ${mib(m.rssKiB)}${failedNote}`;
}

function ratio(result: SizeResult, column: Column): string {
  const a = medians(result.runs[column]);
  const b = medians(result.runs.floorParse);
  if (!(a.ok > 0 && b.ok > 0) || b.seconds <= 0) return '–';
  return `${(a.seconds / b.seconds).toFixed(1)}× · ${(a.rssKiB / b.rssKiB).toFixed(1)}×`;
}

/** The markdown table: medians of wall time · peak RSS per command, requests, snapshot size, ratios. */
export function markdownTable(results: readonly SizeResult[], runs: number): string {
  const header = [
    'nodes / pods',
    ...COLUMNS.map((c) => COLUMN_TITLES[c]),
    'requests',
    'snapshot file',
    'live ÷ floor-parse',
    'snapshot ÷ floor-parse',
  ];
  const rows = results.map((r) => [
    size(r.size),
    ...COLUMNS.map((c) => cell(r, c)),
    r.requests.length > 0 ? String(median(r.requests)) : '–',
    r.snapshotBytes.length > 0 ? bytes(median(r.snapshotBytes)) : '–',
    ratio(r, 'live'),
    ratio(r, 'snapshot'),
  ]);
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return [
    ...lines,
    '',
    `Cells: median wall time · median peak RSS of the whole process (GNU time), over ${runs} run(s). ` +
      'Ratios: wall · RSS. Requests: everything the live check sent (version and discovery included), as the ' +
      "API server's flow control counted it, less the API server's own background requests.",
  ].join('\n');
}

export function seedTable(results: readonly SizeResult[]): string {
  const header = [
    'nodes / pods',
    'cluster',
    'objects created',
    'requests',
    'seeding',
    'bytes per pod',
    'bytes per node',
    'etcd db',
    'kube-apiserver RSS',
    'etcd RSS',
  ];
  const rows = results.map(({ seed: s }) => [
    size(s.size),
    s.mode,
    s.created.toLocaleString('en'),
    s.requests.toLocaleString('en'),
    secs(s.seconds),
    bytes(s.podBytes),
    bytes(s.nodeBytes),
    s.etcdDbBytes !== undefined ? bytes(s.etcdDbBytes) : '–',
    s.apiserverRssKiB !== undefined ? mib(s.apiserverRssKiB) : '–',
    s.etcdRssKiB !== undefined ? mib(s.etcdRssKiB) : '–',
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    'Bytes per pod/node: mean JSON size as the API serves it (managedFields included), from the floor-parse run. RSS after seeding.',
  ].join('\n');
}
