export { HavenApp, type HavenAppProps } from './app.js';
export { HavenComponent, COMPONENT_DEFAULTS, type HavenComponentProps } from './component.js';
export { HavenkitInputError, BAD_INPUT_EXIT_CODE } from './errors.js';
export type { ProviderProfile, RwxStorage } from './profiles/profile.js';
export { builtinProfileIds, loadBuiltinProfiles, loadProfile, parseProfile } from './profiles/load.js';
export type { ApplicationDocument, ApplicationProps, ComponentProps, StorageProps } from './spec/types.js';
export { validateApplication } from './spec/validate.js';
export {
  loadAppDefinitions,
  loadApplicationModule,
  loadApplicationYaml,
  type AppDefinition,
  type AppFactory,
} from './source.js';
export {
  renderYaml,
  resultYaml,
  sortObjects,
  synthesize,
  type K8sObject,
  type SynthFile,
  type SynthOptions,
  type SynthResult,
} from './synth.js';
export { writeFileSet, writeFilesAtomically, type FileSetWriter, type OutputFile } from './write.js';
export { diffObjects, type FieldDifference } from './diff.js';
export { helmChart, type HelmChart, type HelmChartOptions } from './helm.js';
export { providerMatrixMarkdown } from './matrix.js';
export {
  HavenDefaults,
  HAVEN_DEFAULTS_ANNOTATION,
  type HavenDefaultsChange,
  type HavenDefaultsProps,
} from './aspects.js';
export {
  listProviders,
  providersDiffCommand,
  synthCommand,
  type ProviderSummary,
  type ProvidersDiffRequest,
  type SynthFormat,
  type SynthReport,
  type SynthRequest,
} from './commands.js';
