/**
 * cdk8s and the Kubernetes API classes of cdk8s-plus-28 (`k8s.Kube*`), loaded with require().
 * Both are CommonJS: imported from an ES module, Node would first scan every file the package
 * index re-exports (2.6 MB of generated API classes, and all of cdk8s-plus's constructs, which
 * havenkit does not use — see builders/) to find named exports, then load them again. Required,
 * only what synthesis uses is read, once: a third of `havenkit synth`'s start-up (bench/).
 */
import { createRequire } from 'node:module';
import type * as Cdk8s from 'cdk8s';
import type * as Kplus from 'cdk8s-plus-28';

const require = createRequire(import.meta.url);

type K8s = typeof Kplus.k8s;

/** cdk8s-plus-28's generated API classes and types (what `import { k8s } from 'cdk8s-plus-28'` gives). */
export const k8s = require('cdk8s-plus-28/lib/imports/k8s.js') as K8s;

// The types of the classes and structs havenkit uses, under the same names as in cdk8s-plus-28.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace k8s {
  type Container = Kplus.k8s.Container;
  type ContainerPort = Kplus.k8s.ContainerPort;
  type EnvFromSource = Kplus.k8s.EnvFromSource;
  type IntOrString = Kplus.k8s.IntOrString;
  type KubeConfigMap = Kplus.k8s.KubeConfigMap;
  type KubeCronJob = Kplus.k8s.KubeCronJob;
  type KubeDeployment = Kplus.k8s.KubeDeployment;
  type KubeHorizontalPodAutoscalerV2 = Kplus.k8s.KubeHorizontalPodAutoscalerV2;
  type KubeIngress = Kplus.k8s.KubeIngress;
  type KubeJob = Kplus.k8s.KubeJob;
  type JobSpec = Kplus.k8s.JobSpec;
  type KubeNetworkPolicy = Kplus.k8s.KubeNetworkPolicy;
  type KubePersistentVolumeClaim = Kplus.k8s.KubePersistentVolumeClaim;
  type KubePersistentVolumeClaimProps = Kplus.k8s.KubePersistentVolumeClaimProps;
  type KubePodDisruptionBudget = Kplus.k8s.KubePodDisruptionBudget;
  type KubePodTemplate = Kplus.k8s.KubePodTemplate;
  type KubeService = Kplus.k8s.KubeService;
  type KubeStatefulSet = Kplus.k8s.KubeStatefulSet;
  type NetworkPolicyEgressRule = Kplus.k8s.NetworkPolicyEgressRule;
  type NetworkPolicyIngressRule = Kplus.k8s.NetworkPolicyIngressRule;
  type NetworkPolicyPeer = Kplus.k8s.NetworkPolicyPeer;
  type NetworkPolicyPort = Kplus.k8s.NetworkPolicyPort;
  type ObjectMeta = Kplus.k8s.ObjectMeta;
  type PodTemplateSpec = Kplus.k8s.PodTemplateSpec;
  type Probe = Kplus.k8s.Probe;
  type Quantity = Kplus.k8s.Quantity;
  type ResourceRequirements = Kplus.k8s.ResourceRequirements;
  type ServicePort = Kplus.k8s.ServicePort;
  type TopologySpreadConstraint = Kplus.k8s.TopologySpreadConstraint;
  type Volume = Kplus.k8s.Volume;
  type VolumeMount = Kplus.k8s.VolumeMount;
}

const cdk8s = require('cdk8s') as typeof Cdk8s;

/** cdk8s's App and Chart (values and types). */
export const App = cdk8s.App;
export type App = Cdk8s.App;
export const Chart = cdk8s.Chart;
export type Chart = Cdk8s.Chart;
export type ApiObject = Cdk8s.ApiObject;
