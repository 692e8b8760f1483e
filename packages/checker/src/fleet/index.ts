export {
  VERDICT_ORDER,
  cellOf,
  changesBetween,
  fleetOverview,
  fleetVerdictOf,
  identityOf,
  type Cell,
  type FleetCheckChange,
  type FleetChanges,
  type FleetCheck,
  type FleetCluster,
  type FleetFile,
  type FleetOptions,
  type FleetOverview,
  type FleetRun,
  type FleetVerdict,
  type IdentitySource,
  type NotRead,
  type NotReadProblem,
  type SignatureState,
} from './model.js';
export { readFleetFile, type FleetRead } from './read.js';
export { FLEET_MAX_DEPTH, scanFleetDirectory, type FleetScan, type FleetScanOptions } from './walk.js';
export { fleetSummaryLine, notReadReason, type FleetRenderOptions } from './common.js';
export { renderFleetMarkdown } from './render-markdown.js';
export { renderFleetHtml } from './render-html.js';
