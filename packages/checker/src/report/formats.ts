import { renderHavenJson } from './haven-json.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderPolicyReport } from './policyreport.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';
import type { ComplianceReport } from '@havenkit/model';
import type { RenderContext } from './context.js';

export type { RenderContext } from './context.js';

export interface ReportFormat {
  readonly id: string;
  /** File name used with --out-dir: report.<extension>. */
  readonly fileName: string;
  readonly description: string;
  readonly render: (report: ComplianceReport, context: RenderContext) => string;
}

// Every renderer takes (report, options) where the options are a subset of RenderContext.
const FORMATS = [
  {
    id: 'table',
    fileName: 'report.txt',
    description: 'readable text, grouped by category',
    render: renderTable,
  },
  {
    id: 'json',
    fileName: 'report.json',
    description: 'the native report with all evidence (signed: a DSSE envelope)',
    render: renderJson,
  },
  {
    id: 'haven-json',
    fileName: 'haven.json',
    description: "the official checker's --output=json shape",
    render: renderHavenJson,
  },
  {
    id: 'junit',
    fileName: 'report.junit.xml',
    description: 'JUnit XML for CI test reports (GitLab, GitHub, Jenkins): a test case per check',
    render: renderJunit,
  },
  {
    id: 'sarif',
    fileName: 'report.sarif',
    description: 'SARIF 2.1.0 for code-scanning dashboards: a rule per check, waivers as suppressions',
    render: renderSarif,
  },
  {
    id: 'markdown',
    fileName: 'report.md',
    description: 'Markdown for merge requests and tickets (GitLab, GitHub)',
    render: renderMarkdown,
  },
  {
    id: 'html',
    fileName: 'report.html',
    description: 'one self-contained page for auditors: prints on A4, no external requests',
    render: renderHtml,
  },
  {
    id: 'policyreport',
    fileName: 'policyreport.yaml',
    description:
      'a wgpolicyk8s.io ClusterPolicyReport for kubectl apply (--openreports: an OpenReports ClusterReport)',
    render: renderPolicyReport,
  },
] as const satisfies readonly ReportFormat[];

/** Every report format, in the order --help lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = FORMATS;

/** The format ids: table, json, haven-json, ... */
export const REPORT_FORMAT_IDS: readonly string[] = FORMATS.map((f) => f.id);

export function reportFormat(id: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((f) => f.id === id);
}
