/**
 * @havenkit/checker: the Haven catalogue and checks, evaluation, waivers, diff, signing and the
 * report renderers. Pure evaluation on a snapshot; reads only local files (catalogue, data,
 * snapshots, keys) and never talks to a cluster (that is @havenkit/collect).
 */
// The model is part of this package's API, as it was before it had a package of its own.
export * from '@havenkit/model';
export {
  loadCatalogue,
  defaultCatalogueDir,
  readCatalogue,
  sortChecks,
  CATALOGUE_INDEX,
} from './catalogue/load.js';
export { rwxProvisionerFor } from './data/rwx.js';
export {
  IDENTITY_FIELDS,
  compileProjection,
  fieldsByResource,
  projectSnapshot,
  missingFields,
  project,
  projectObjectFields,
  unionFields,
} from './projection.js';
export type { ProjectionTree } from './projection.js';
export { languageFromEnvironment } from './language.js';
export { loadBundledData } from './data/load.js';
export { parseSnapshot, parseSnapshotText, readSnapshotFile, snapshotSha256 } from './snapshot/read.js';
export type { SnapshotFile } from './snapshot/read.js';
export {
  writeSnapshotFile,
  serializeSnapshot,
  stripManagedFields,
  withoutManagedFields,
} from './snapshot/write.js';
export { writeTarget } from './files/write-target.js';
export { INPUT_LIMITS, formatSize, inputErrorReason, parseSize, readInputFile } from './files/read-input.js';
export type { CheckContext, CheckFunction, HavenRelease } from './checks/context.js';
export { checkFunctions } from './checks/index.js';
export { neededPermissions, permissionText } from './checks/clusteradmin.js';
export { policyRules, type PolicyRule } from './remediation.js';
export { evaluate, summarize, verdictOf } from './evaluate.js';
export type { EvaluateOptions } from './evaluate.js';
export { parseHavenReleases } from './haven-releases.js';
export { renderTable, summaryLine } from './report/table.js';
export type { TableOptions } from './report/table.js';
export { renderJson } from './report/json.js';
export { renderJunit } from './report/junit.js';
export { renderSarif } from './report/sarif.js';
export type { SarifContext } from './report/sarif.js';
export { renderMarkdown, escapeMarkdown } from './report/markdown.js';
export type { MarkdownContext } from './report/markdown.js';
export { renderHtml, escapeHtml } from './report/html.js';
export type { HtmlContext } from './report/html.js';
export { REPORT_FORMATS, REPORT_FORMAT_IDS, reportFormat } from './report/formats.js';
export type { RenderContext, ReportFormat } from './report/formats.js';
export * from './waivers/index.js';
export * from './sign/index.js';
export * from './diff/index.js';
export * from './fleet/index.js';
export { canonicalJson } from './snapshot/canonical.js';
export { parseReportText, readReportFile } from './report/read.js';
export { renderHavenJson, toHavenJson } from './report/haven-json.js';
export type {
  HavenJsonOptions,
  HavenJsonReport,
  HavenCheckResult,
  HavenResult,
} from './report/haven-json.js';
export {
  renderPolicyReport,
  toPolicyReport,
  policyReportName,
  policyResultOf,
  POLICY_REPORT_API_VERSION,
  POLICY_REPORT_KIND,
  OPEN_REPORTS_API_VERSION,
  OPEN_REPORTS_KIND,
} from './report/policyreport.js';
export type {
  PolicyReport,
  PolicyReportOptions,
  PolicyReportResult,
  PolicyReportSummary,
  PolicyResultValue,
  PolicyResultSeverity,
  PolicyObjectReference,
} from './report/policyreport.js';
export { verifyIntegrity, defaultIntegrityPaths, INTEGRITY_MANIFEST } from './integrity.js';
export type { IntegrityManifest, IntegrityMismatch, IntegrityResult } from './integrity.js';
export { complianceDir } from './paths.js';
export {
  ambiguousMatchers,
  bundledFactsDir,
  loadSovereigntyFacts,
  mergeFacts,
  parseUserFacts,
  readUserFacts,
  resolveEntity,
} from './sovereignty/facts.js';
export { loadRegisterFunctions, registerFunctionsPath, registerReaders } from './sovereignty/functions.js';
export { matchRegistry, parseImageReference } from './sovereignty/images.js';
export type { ImageReference, RegistryMatch } from './sovereignty/images.js';
export { workloadsOf } from './sovereignty/workloads.js';
export { buildRegister, EVIDENCE_LIMIT } from './sovereignty/register.js';
export { loadFramework, loadRules, weightSet } from './sovereignty/framework.js';
export { scoreRegister } from './sovereignty/scores.js';
export type { Alternative } from './sovereignty/continuity.js';
export type { RegisterOptions } from './sovereignty/register.js';
export {
  EXIT_KINDS,
  EXIT_READS,
  exitReadiness,
  exitTargetOf,
  quantityBytes,
  sizeText,
} from './sovereignty/exit.js';
export type { ExitTarget, ProfileForExit } from './sovereignty/exit.js';
export { renderExitPlan } from './sovereignty/render/exit-plan.js';
export type { ExitPlanOptions } from './sovereignty/render/exit-plan.js';
export { renderRegisterTable, jurisdictionText, statusText, dependencyPhrase } from './sovereignty/table.js';
export type { RegisterTableOptions } from './sovereignty/table.js';
export { GATES, evaluateGates, parseGates } from './sovereignty/gates.js';
export type { Gate, GateFinding, GateName } from './sovereignty/gates.js';
export { snapshotOfManifests } from './sovereignty/manifests.js';
export { renderRegisterMarkdown } from './sovereignty/render/markdown.js';
export { renderRegisterHtml } from './sovereignty/render/html.js';
export type { ManifestDocument } from './sovereignty/manifests.js';
export { parseYaml, parseYamlDocuments } from './yaml.js';
export { validate, validator } from './schema.js';
export type { SchemaName } from './schema.js';
export {
  checksMarkdown,
  CHECKS_DOC_FILES,
  CHECK_EXIT_CODES,
  type DocsExitCode,
  type DocsLanguage,
} from './docs/checks-markdown.js';
export { CHECKER_NAME, CHECKER_VERSION } from './version.js';
