/**
 * Generated from compliance/schemas/data.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */

/**
 * A glob: * matches anything.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "glob".
 */
export type Glob = string;
/**
 * a Kubernetes minor version like 1.35
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "minor".
 */
export type Minor = string;

/**
 * One $defs entry per data file, named as the file without .yaml.
 */
export interface DataSchema {
  [k: string]: unknown;
}
/**
 * A text in English and Dutch.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "localizedText".
 */
export interface LocalizedText {
  en: string;
  nl: string;
}
/**
 * A conformanceDirs rule of cncf-platforms.yaml (a $defs entry of its own: ajv compiles it as its own function, which keeps the cncf-platforms validator within what tsc can check).
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "submissionDir".
 */
export interface SubmissionDir {
  /**
   * The directory name; * matches anything (case-insensitive).
   */
  dir: Glob;
  /**
   * Regex (case-insensitive) the PRODUCT.yaml name must match, for a directory shared by several products over time.
   */
  productName?: string;
}
/**
 * Why a platform of cncf-platforms.yaml has no submission of its own; a platform has either this or conformanceDirs (a unit test holds it). A $defs entry of its own for the same reason as submissionDir.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "noSubmission".
 */
export interface NoSubmission {
  reason: LocalizedText;
  source: string;
}
/**
 * kubernetes-releases.yaml: the release dates of the Kubernetes minors.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "kubernetes-releases".
 */
export interface KubernetesReleases {
  source: string;
  /**
   * @minItems 1
   */
  releases: KubernetesRelease[];
}
export interface KubernetesRelease {
  minor: Minor;
  /**
   * Release date of 1.NN.0, YYYY-MM-DD.
   */
  date: string;
  /**
   * True when the date is planned or not verified.
   */
  approximate?: boolean;
}
/**
 * cncf-platforms.yaml: the Kubernetes platforms the cncf and hamasters checks recognise, how to recognise them, and their certified submissions to cncf/k8s-conformance (the generated part: scripts/cncf-conformance.mjs).
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "cncf-platforms".
 */
export interface CncfPlatforms {
  /**
   * When the table was compiled, YYYY-MM-DD.
   */
  asOf: string;
  /**
   * The repository the submissions are in.
   */
  source: string;
  /**
   * The commit of the repository the table was compiled from.
   */
  sourceCommit: string;
  /**
   * That commit's date, YYYY-MM-DD.
   */
  sourceCommitDate?: string;
  /**
   * checkout: read from a git checkout at sourceCommit by the script; file-index: compiled from a file index of the repository (sourceCommit is then one commit seen in it, not a snapshot).
   */
  compiledFrom: 'checkout' | 'file-index';
  /**
   * The v1.NN directories read: from the oldest minor of interest to the newest in the repository.
   */
  minorRange: {
    from: Minor;
    to: Minor;
  };
  platforms: PlatformDefinition[];
}
export interface PlatformDefinition {
  id: string;
  name: string;
  /**
   * Lower wins when several platforms match.
   */
  priority: number;
  /**
   * The provider runs the control plane out of sight.
   */
  managedControlPlane: boolean;
  /**
   * How to recognise the platform.
   */
  detect: {
    /**
     * Node label keys, or key=value.
     */
    labels?: string[];
    providerIdPrefixes?: string[];
    /**
     * Regex on status.nodeInfo.osImage.
     */
    osImage?: string;
    /**
     * Regex on /version gitVersion.
     */
    gitVersion?: string;
    /**
     * Match only when gitVersion matches and a node has one of the node signals: for a platform whose version string another platform shares.
     */
    gitVersionRequired?: boolean;
  };
  /**
   * The submission directories (v1.NN/<dir>/) that are this platform's; hand-maintained, read by the script.
   *
   * @minItems 1
   */
  conformanceDirs?: SubmissionDir[];
  noSubmission?: NoSubmission;
  /**
   * Generated: the minors with a submission in conformanceDirs, oldest first.
   */
  minors?: Minor[];
  /**
   * Generated: per minor, the directories that matched.
   */
  submissions?: {
    /**
     * @minItems 1
     */
    [k: string]: string[];
  };
}
/**
 * rwx-provisioners.yaml: the CSI provisioners that offer ReadWriteMany volumes.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "rwx-provisioners".
 */
export interface RwxProvisioners {
  provisioners: RwxProvisioner[];
}
export interface RwxProvisioner {
  /**
   * Glob on StorageClass.provisioner (* matches anything).
   */
  provisioner: Glob;
  /**
   * Shown in reports ("recognised as …"); { en, nl } when the name has words to translate.
   */
  name: string | LocalizedText;
  source: string;
  /**
   * The class counts only when one of these parameters is set.
   *
   * @minItems 1
   */
  parameters?: {
    key: string;
    value: string;
  }[];
}
/**
 * log-collectors.yaml: the log collectors the logs check recognises.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "log-collectors".
 */
export interface LogCollectors {
  collectors: LogCollector[];
}
export interface LogCollector {
  id: string;
  name: string;
  /**
   * Globs on the image without tag or digest.
   *
   * @minItems 1
   */
  images: Glob[];
  daemonSetOnly?: boolean;
}
/**
 * acme-controllers.yaml: the ACME controllers the autocerts check recognises.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "acme-controllers".
 */
export interface AcmeControllers {
  controllers: AcmeController[];
}
export interface AcmeController {
  id: string;
  name: string;
  /**
   * Globs on the image without tag or digest.
   *
   * @minItems 1
   */
  images: Glob[];
  /**
   * CRDs that must exist too.
   */
  crds?: string[];
  /**
   * A substring the container's command or args must contain.
   */
  args?: string;
}
/**
 * hardened-os.yaml: the node operating systems and the security modules they run.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "hardened-os".
 */
export interface HardenedOs {
  acceptedLsms: string[];
  /**
   * Signals of a node whose osImage names its node image, not the system whose kernel it runs on (kind, k3d, minikube, Docker Desktop): such a node gets no osImage inference.
   */
  containerised: {
    id: string;
    /**
     * The platform, as the evidence note names it.
     */
    name: string;
    /**
     * The node field the pattern is matched on; metadata.labels.<key> is that label's value.
     */
    field: string;
    /**
     * Regex on the field; an absent field never matches, so '' means: the field (label) is present.
     */
    pattern: string;
    /**
     * Where the signal is documented or observed (URL).
     */
    source: string;
  }[];
  systems: OperatingSystem[];
}
export interface OperatingSystem {
  id: string;
  name: string;
  /**
   * Regex on status.nodeInfo.osImage.
   */
  pattern: string;
  /**
   * hardened: accepted by name (pass); default-lsm: enables lsm by default (pass, inferred); default-off: documented to ship without an enabled security module (fail, inferred); unverified: recognised, but its default is undocumented or varies (unknown).
   */
  kind: 'hardened' | 'default-lsm' | 'default-off' | 'unverified';
  /**
   * The module a default-lsm system enables.
   */
  lsm?: string;
  /**
   * The default mode of that module when it is not enforcing: permissive logs denials without enforcing them.
   */
  mode?: 'permissive';
  /**
   * Where the default is documented (URL).
   */
  source?: string;
}
/**
 * special-purpose-addresses.yaml: the IANA IPv4 and IPv6 Special-Purpose Address Registries, every entry with its Globally Reachable value.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "special-purpose-addresses".
 */
export interface SpecialPurposeAddresses {
  /**
   * When the entries were last compared with their sources, YYYY-MM-DD.
   */
  checked: string;
  /**
   * @minItems 1
   */
  registries: SpecialPurposeRegistry[];
}
export interface SpecialPurposeRegistry {
  id: 'ipv4' | 'ipv6';
  title: string;
  url: string;
  /**
   * The registry's own "Last Updated" date the entries follow, YYYY-MM-DD.
   */
  lastUpdated: string;
  footnotes?: {
    marker: number;
    text: string;
  }[];
  /**
   * @minItems 1
   */
  entries: SpecialPurposeEntry[];
}
export interface SpecialPurposeEntry {
  /**
   * The registry's Address Block, as CIDR prefixes.
   *
   * @minItems 1
   */
  prefixes: string[];
  /**
   * Footnote marker on the Address Block cell.
   */
  prefixFootnote?: number;
  name: string;
  /**
   * The registry's RFC column, as it cites it.
   */
  rfc: string;
  /**
   * Allocation Date, YYYY-MM.
   */
  allocated: string;
  /**
   * Termination Date, YYYY-MM; absent where the registry says N/A.
   */
  terminated?: string;
  /**
   * The Globally Reachable cell: true, false, N/A (the registry does not say) or null (the cell is empty, as for terminated entries).
   */
  globallyReachable: true | false | 'N/A' | null;
  /**
   * Footnote marker on the Globally Reachable cell ("False [1]"); it never changes the value.
   */
  globallyReachableFootnote?: number;
}
