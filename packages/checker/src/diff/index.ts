export { diffEvidence, diffReports } from './diff.js';
export type { CheckChange, CheckState, EvidenceChange, ReportDiff } from './diff.js';
export { renderDiff } from './render.js';
