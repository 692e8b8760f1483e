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

/** The YAML document form (`kind: Application`). */
export type ApplicationDocument = DeepReadonly<A.ApplicationDocument>;

/** An application: a name and its components. */
export interface ApplicationProps {
  /** A lowercase DNS label; prefixes every resource name. */
  readonly name: ApplicationDocument['metadata']['name'];
  readonly components: ApplicationDocument['spec']['components'];
}
