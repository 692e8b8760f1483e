/**
 * Generated from compliance/schemas/catalogue.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */

/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "havenVersion".
 */
export type HavenVersion = string;
/**
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "category".
 */
export type Category = 'Fundamental' | 'Infrastructure' | 'Cluster' | 'External' | 'Haven+' | 'Validation';
/**
 * Category order of the output (the official checker's order).
 *
 * @minItems 1
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "categories".
 */
export type Categories = Category[];
export type SnapshotSection =
  'version' | 'discovery' | 'access.self' | 'access.unprivileged' | 'probes.rwx' | 'probes.nodeLsm';

/**
 * The Haven standard as data: compliance/haven/<major>/catalogue.yaml (the index, $defs/index) and one <name>.yaml per check ($defs/check). The loaded catalogue (the index plus its checks) is the root schema.
 */
export interface Catalogue {
  /**
   * The Haven version this catalogue implements, e.g. v12.8.0.
   */
  havenVersion: HavenVersion;
  /**
   * Category order of the output (the official checker's order); checks sort by it, then by name.
   */
  categories: Categories;
  checks: CheckDefinition[];
}
/**
 * One check of the standard (<name>.yaml).
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "check".
 */
export interface CheckDefinition {
  /**
   * The official checker's Name, e.g. multiaz; also the file name.
   */
  name: string;
  /**
   * The official checker's Label, verbatim.
   */
  label: string;
  category: Category;
  /**
   * Mandatory checks decide compliance; suggested ones (cis, kubescape) are opt-in.
   */
  mandatory: boolean;
  /**
   * Why the standard asks for this, in English and Dutch.
   */
  rationale: LocalizedText;
  /**
   * How the check decides, in English and Dutch: what passes, fails, is unknown (and why) or skipped, the evidence it shows, the bundled data and flags it uses, and where it differs from the official checker. Rendered into docs/checks.md and docs/checks.nl.md.
   */
  decides: LocalizedText;
  needs: CheckNeeds;
}
/**
 * A text in English and Dutch.
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "localizedText".
 */
export interface LocalizedText {
  en: string;
  nl: string;
}
/**
 * What the collector must read for this check.
 */
export interface CheckNeeds {
  resources: ResourceNeed[];
  permissions: PermissionNeed[];
  /**
   * Other snapshot sections the check reads.
   */
  sections?: SnapshotSection[];
}
/**
 * A read the collector makes for a check; resource is the snapshot key (kubectl's name).
 */
export interface ResourceNeed {
  /**
   * kubectl's resource name: nodes, pods, storageclasses.storage.k8s.io, apiservices.apiregistration.k8s.io.
   */
  resource: string;
  /**
   * Restrict to one namespace (e.g. endpoints in default). Absent: cluster-wide.
   */
  namespace?: string;
  fieldSelector?: string;
  labelSelector?: string;
  /**
   * When true, the check works without this resource (it is supporting evidence only).
   */
  optional?: boolean;
}
/**
 * A permission the collector's identity needs, verified with a SelfSubjectAccessReview.
 */
export interface PermissionNeed {
  verb: 'get' | 'list' | 'watch' | 'create';
  group: string;
  resource: string;
  namespace?: string;
}
/**
 * catalogue.yaml: the Haven version and the category order.
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "index".
 */
export interface CatalogueIndex {
  havenVersion: HavenVersion;
  categories: Categories;
}
