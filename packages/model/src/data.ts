import type { LocalizedText } from './catalogue.js';

/** The bundled facts under compliance/data/, validated against compliance/schemas/data.schema.json. */

export interface KubernetesRelease {
  /** "1.35" */
  minor: string;
  /** Release date of 1.NN.0, YYYY-MM-DD. */
  date: string;
  /** True when the date is planned or not verified. */
  approximate?: boolean;
}

export interface PlatformDefinition {
  id: string;
  name: string;
  /** Lower wins when several platforms match. */
  priority: number;
  /** The provider runs the control plane out of sight. */
  managedControlPlane: boolean;
  detect: {
    /** Node label keys, or key=value. */
    labels?: string[];
    providerIdPrefixes?: string[];
    /** Regex on status.nodeInfo.osImage. */
    osImage?: string;
    /** Regex on /version gitVersion. */
    gitVersion?: string;
  };
  /** Directory name in cncf/k8s-conformance. */
  conformanceDir?: string;
  /** Minors with a certified conformance submission; absent: no reliable data. */
  minors?: string[];
  /** Minors whose submission was seen when the data was compiled. */
  verified?: string[];
}

export interface RwxProvisioner {
  /** Glob on StorageClass.provisioner (`*` matches anything). */
  provisioner: string;
  /** Shown in reports ("recognised as …"); English and Dutch when the name has words to translate. */
  name: string | LocalizedText;
  source: string;
  /** The class counts only when one of these parameters is set. */
  parameters?: { key: string; value: string }[];
}

export interface LogCollector {
  id: string;
  name: string;
  /** Globs on the image without tag or digest. */
  images: string[];
  daemonSetOnly?: boolean;
}

export interface AcmeController {
  id: string;
  name: string;
  images: string[];
  /** CRDs that must exist too. */
  crds?: string[];
  /** A substring the container's command or args must contain. */
  args?: string;
}

export interface OperatingSystem {
  id: string;
  name: string;
  /** Regex on status.nodeInfo.osImage. */
  pattern: string;
  kind: 'hardened' | 'default-lsm' | 'lsm-off';
  lsm?: string;
}

export interface BundledData {
  kubernetesReleases: { source: string; releases: KubernetesRelease[] };
  cncfPlatforms: { asOf: string; source: string; platforms: PlatformDefinition[] };
  rwxProvisioners: { provisioners: RwxProvisioner[] };
  logCollectors: { collectors: LogCollector[] };
  acmeControllers: { controllers: AcmeController[] };
  hardenedOs: { acceptedLsms: string[]; systems: OperatingSystem[] };
}
