import type { Language } from '@havenkit/model';

/** What every renderer may use besides the report. Renderers never read the clock or the disk. */
export interface RenderContext {
  readonly language: Language;
  /** When the run started / stopped (RFC 3339); the caller's clock. */
  readonly startTs: string;
  readonly stopTs: string;
  /** table: ANSI colours. */
  readonly color?: boolean;
  /** table: print every check's rationale. */
  readonly rationale?: boolean;
  /** table: wrap to this many columns (the terminal's width). */
  readonly width?: number;
  /** table: leave out passed and skipped checks. */
  readonly failedOnly?: boolean;
  /** table: print the evidence of every check. */
  readonly verbose?: boolean;
  /** The key id the JSON report of this run is signed with (html, markdown show it). */
  readonly signedBy?: string;
  /** sarif: include passed checks as results. */
  readonly sarifIncludePasses?: boolean;
  /** policyreport: the OpenReports (openreports.io/v1alpha1) kind instead of wgpolicyk8s.io. */
  readonly openReports?: boolean;
}
