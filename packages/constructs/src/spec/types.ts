/**
 * The application as suppliers describe it (YAML or TypeScript). The JSON Schema is
 * compliance/schemas/application.schema.json; the types are generated from it
 * (../generated/application.ts) and made readonly here. Each default is applied once: `replicas`
 * in `HavenComponent`, every other one in the builder (src/builders/) that uses it.
 */
import type * as A from '../generated/application.js';

/** A generated type with every property, array and map readonly: the constructs never change their props. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** One component of an application (the schema's definitions/component). */
export type ComponentProps = DeepReadonly<A.ComponentProps>;

/** A persistent volume of a component. */
export type StorageProps = DeepReadonly<A.StorageProps>;

/** A readiness, liveness or startup probe: exactly one of http, tcp, exec. */
export type ProbeProps = DeepReadonly<A.Probe>;

/** The probes of a container. */
export type ProbesProps = DeepReadonly<A.Probes>;

/** An init container or a sidecar of a component. */
export type ExtraContainerProps = DeepReadonly<A.ExtraContainer>;

/** Traffic to a destination outside the app, by purpose. */
export type EgressRuleProps = DeepReadonly<A.EgressRule>;

/** A volume of the app, shared by the components and jobs that mount it. */
export type SharedVolumeProps = DeepReadonly<A.SharedVolume>;

/** Configuration files of the app: one ConfigMap. */
export type ConfigFilesProps = DeepReadonly<A.ConfigFiles>;

/** A component's or job's mount of a shared volume, and of configuration files. */
export type MountProps = DeepReadonly<A.Mount>;
export type ConfigMountProps = DeepReadonly<A.ConfigMount>;

/** A Job, or a CronJob with a schedule. */
export type JobProps = DeepReadonly<A.Job>;

/** CPU and memory of a container. */
export type ResourcesProps = DeepReadonly<A.Resources>;

/** The YAML document form (`kind: Application`). */
export type ApplicationDocument = DeepReadonly<A.ApplicationDocument>;

/** An application: a name, its components, and what they share. */
export interface ApplicationProps {
  /** A lowercase DNS label; prefixes every resource name. */
  readonly name: ApplicationDocument['metadata']['name'];
  readonly components: ApplicationDocument['spec']['components'];
  /** Volumes several components and jobs mount (one ReadWriteMany claim each). @default - none */
  readonly volumes?: ApplicationDocument['spec']['volumes'];
  /** Configuration files, mounted read-only. @default - none */
  readonly configFiles?: ApplicationDocument['spec']['configFiles'];
  /** Jobs and CronJobs. @default - none */
  readonly jobs?: ApplicationDocument['spec']['jobs'];
}
