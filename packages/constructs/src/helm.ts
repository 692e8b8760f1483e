/** `havenkit synth -o helm`: see ./helm/index.ts. */
export {
  INSTANCE_LABEL,
  NAMESPACE_SENTINEL,
  chartFiles,
  helmChart,
  type ChartInput,
  type HelmChart,
  type HelmChartFile,
  type HelmChartOptions,
  type ProviderObjects,
} from './helm/index.js';
