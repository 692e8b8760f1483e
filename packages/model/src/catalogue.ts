/**
 * The Haven check catalogue: the standard as data (compliance/haven/v12/*.yaml), one file per
 * check, joined by name with the pure check functions in src/checks/<name>.ts.
 */
export type Category = 'Fundamental' | 'Infrastructure' | 'Cluster' | 'External' | 'Haven+' | 'Validation';

export interface LocalizedText {
  en: string;
  nl: string;
}

/** A read the collector makes for a check; `resource` is the snapshot key (kubectl's name). */
export interface ResourceNeed {
  /** "nodes", "pods", "storageclasses.storage.k8s.io", "apiservices.apiregistration.k8s.io" */
  resource: string;
  /** Restrict to one namespace (e.g. endpoints in "default"). Absent: cluster-wide. */
  namespace?: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** When true, the check works without this resource (it is supporting evidence only). */
  optional?: boolean;
}

/** A permission the collector's identity needs, verified with a SelfSubjectAccessReview. */
export interface PermissionNeed {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
}

export interface CheckDefinition {
  /** The official checker's Name, e.g. "multiaz". */
  name: string;
  /** The official checker's Label, verbatim. */
  label: string;
  category: Category;
  /** Mandatory checks decide compliance; suggested ones (cis, kubescape) are opt-in. */
  mandatory: boolean;
  /** Why the standard asks for this. */
  rationale: LocalizedText;
  /**
   * How the check decides: what passes, fails, is unknown (and why) or skipped, the evidence it
   * shows, the bundled data and flags it uses, and where it differs from the official checker.
   * Rendered into docs/checks.md and docs/checks.nl.md.
   */
  decides: LocalizedText;
  needs: {
    resources: ResourceNeed[];
    permissions: PermissionNeed[];
    /** Other snapshot sections the check reads: "version", "discovery", "access.unprivileged", "probes.rwx", "probes.nodeLsm". */
    sections?: string[];
  };
}

export interface Catalogue {
  /** The Haven version this catalogue implements, e.g. "v12.8.0". */
  havenVersion: string;
  /**
   * Category order of the output (the official checker's order); checks sort by it, then by name.
   * Set by loadCatalogue from catalogue.yaml.
   */
  categories?: Category[];
  checks: CheckDefinition[];
}
