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
 * cncf-platforms.yaml: the certified Kubernetes platforms and how to recognise them.
 *
 * This interface was referenced by `DataSchema`'s JSON-Schema
 * via the `definition` "cncf-platforms".
 */
export interface CncfPlatforms {
  asOf: string;
  source: string;
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
  };
  /**
   * Directory name in cncf/k8s-conformance.
   */
  conformanceDir?: string;
  /**
   * Minors with a certified conformance submission; absent: no reliable data.
   */
  minors?: Minor[];
  /**
   * Minors whose submission was seen when the data was compiled.
   */
  verified?: Minor[];
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
  systems: OperatingSystem[];
}
export interface OperatingSystem {
  id: string;
  name: string;
  /**
   * Regex on status.nodeInfo.osImage.
   */
  pattern: string;
  kind: 'hardened' | 'default-lsm' | 'lsm-off';
  lsm?: string;
}
