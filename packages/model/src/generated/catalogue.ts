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
/**
 * A text in English and Dutch, as remediation text: paragraphs separated by blank lines (the lines of a paragraph are joined), lines starting with "- " are list items (indented lines continue an item), a line of ``` (optionally followed by a language, e.g. ```yaml) opens and closes a code block, and `backticks` mark inline code. Nothing else is interpreted, so the text reads as it is in a terminal and renders in Markdown, HTML and SARIF.
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "remediationText".
 */
export type RemediationText = LocalizedText;
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
  /**
   * What a platform engineer changes when the check does not pass, in English and Dutch: printed after the results in every report format, and rendered into docs/checks.md and docs/checks.nl.md.
   */
  remediation: Remediation;
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
 * What to change when the check does not pass, with the command or manifest where one exists.
 *
 * This interface was referenced by `Catalogue`'s JSON-Schema
 * via the `definition` "remediation".
 */
export interface Remediation {
  /**
   * For a failure: what to change in the cluster so that the check passes.
   */
  fail: RemediationText;
  /**
   * For an unknown outcome, by cause: advice specific to this check (a probe to run, data to give). A cause without an entry gets the generic advice for that cause from the message catalogue; for forbidden, a ClusterRole granting the check's permissions is appended either way.
   */
  unknown?: {
    forbidden?: RemediationText;
    'not-collected'?: RemediationText;
    timeout?: RemediationText;
    'api-error'?: RemediationText;
    'insufficient-data'?: RemediationText;
  };
  /**
   * Where the commands, manifests and facts of the remediation come from, and when each was last read; absent when the remediation names only havenkit's own behaviour.
   *
   * @minItems 1
   */
  sources?: {
    url: string;
    checked: string;
  }[];
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
  /**
   * The fields of each item the check reads (apiVersion, kind and metadata name, namespace and uid are always kept). The collector keeps only the union of what the selected checks declare, so large lists (pods, nodes) stay small; a need without fields keeps whole objects. A path is dot-separated field names; [] applies the rest to every element of an array: metadata.labels, spec.containers[].image.
   *
   * @minItems 1
   */
  fields?: string[];
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
