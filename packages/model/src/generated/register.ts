/**
 * Generated from compliance/schemas/register.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */

/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "functionId".
 */
export type FunctionId =
  | 'hosting'
  | 'control-plane'
  | 'storage'
  | 'load-balancing'
  | 'ingress'
  | 'images'
  | 'certificates'
  | 'dns'
  | 'backup'
  | 'observability'
  | 'external-endpoints'
  | 'admission'
  | 'aggregated-apis';
/**
 * non-eu: the entity's seat is outside the EU/EEA, or its seat is not known and its parent's seat (or a source) puts control outside; eu-non-eu-parent: its seat is in the EU/EEA and control sits outside (a parent's seat, or a source); unknown: the entity, its seat or its owner is not known; eu: seat and control inside the EU/EEA; self: the cluster's operator itself (software it runs, registries it operates).
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "jurisdiction".
 */
export type Jurisdiction = 'non-eu' | 'eu-non-eu-parent' | 'unknown' | 'eu' | 'self';
export type ExitKind =
  'storage-class' | 'load-balancer' | 'ingress-class' | 'registry' | 'vendor-api' | 'placement';
/**
 * config-change: manifests or annotations change; data-migration: data must be copied; re-architecture: what it does has no counterpart at the target by configuration.
 */
export type ExitEffort = 'config-change' | 'data-migration' | 're-architecture';
/**
 * What a cut-off does: stopped (hosting: the nodes go), no-changes (the control plane: running workloads go on, nothing can be changed), cannot-restart (images), volumes-lost (storage), unreachable (load balancing, ingress), no-renewal (certificates), dns-stops, backup-stops, export-stops (logs, metrics), endpoint-unreachable, writes-refused (admission), api-unavailable (aggregated APIs).
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "effect".
 */
export type CutOffEffect =
  | 'stopped'
  | 'no-changes'
  | 'cannot-restart'
  | 'volumes-lost'
  | 'unreachable'
  | 'no-renewal'
  | 'dns-stops'
  | 'backup-stops'
  | 'export-stops'
  | 'endpoint-unreachable'
  | 'writes-refused'
  | 'api-unavailable';

/**
 * The digital-dependency register of a cluster (live or from a snapshot) or of an application before it is deployed: per function (hosting, control plane, storage, …) the entities it depends on, under which jurisdiction, the objects that show it and how many workloads depend on it; the images and where they come from; the countries the data is in. `$defs/functions` is the shape of compliance/register/functions.yaml, the functions and what each reads.
 */
export interface DependencyRegister {
  /**
   * The version of this format.
   */
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'DependencyRegister';
  metadata: RegisterMetadata;
  summary: RegisterSummary;
  functions: RegisterFunction[];
  images: RegisterImage[];
  locations: DataLocation[];
  /**
   * Entities grouped by ultimate parent (AKS, mcr.microsoft.com and Azure DNS all count as Microsoft): per group the functions it serves and the workloads that depend on it; most critical functions first, then most functions, then most workloads. Your own (self) and unknown parties are not grouped.
   */
  concentration?: DependencyGroup[];
  /**
   * With --exit-to: what must change to move the subject's workloads to the provider profile given, from the snapshot alone.
   */
  exit?: ExitReadiness;
  /**
   * With --without: what stops if the named entities (or groups, by ultimate parent) are cut off, from the snapshot alone.
   */
  cutOff?: CutOff;
  scores?: RegisterScores;
  /**
   * The rules the findings bear on, with what the report shows for each.
   */
  rules?: RuleMapping[];
}
export interface RegisterMetadata {
  /**
   * RFC 3339 time of the subject: the snapshot's collectedAt, or for manifests the time they were read.
   */
  generatedAt: string;
  tool: {
    name: string;
    version: string;
  };
  /**
   * What the register describes.
   */
  subject: {
    /**
     * cluster: a live cluster or a snapshot of one; manifests: Kubernetes manifests before they are deployed (--manifests, --app).
     */
    kind: 'cluster' | 'manifests';
    snapshotSha256?: string;
    server?: string;
    context?: string;
    clusterId?: string;
    /**
     * The manifest or app files read.
     */
    files?: string[];
    /**
     * The provider profile the manifests target (--provider).
     */
    provider?: string;
  };
  /**
   * The facts files the register used (bundled ones first, then --facts).
   */
  facts: {
    files: string[];
  };
}
export interface RegisterSummary {
  functions: {
    /**
     * Functions the subject shows a dependency for.
     */
    inUse: number;
    /**
     * Functions in use that depend on an entity whose control sits outside the EU/EEA.
     */
    outsideEuEea: number;
    /**
     * Functions in use with a dependency whose entity or seat is not known.
     */
    unknown: number;
    /**
     * Functions the subject does not show (not collected or unreadable).
     */
    notCollected: number;
  };
  images: {
    /**
     * Distinct image references.
     */
    total: number;
    /**
     * Images from registries the user does not operate (operator not self).
     */
    notControlled: number;
    /**
     * Images from registries whose operator or host is controlled outside the EU/EEA.
     */
    outsideEuEea: number;
    /**
     * Images from registries not in the facts.
     */
    unknown: number;
    /**
     * Images referenced without a digest.
     */
    unpinned: number;
  };
  /**
   * Workloads seen (Deployments, StatefulSets, DaemonSets, CronJobs, Jobs and Pods without a controller).
   */
  workloads: number;
  /**
   * The summary in one line per language.
   */
  text: RegisterText;
}
/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "localized".
 */
export interface RegisterText {
  en: string;
  nl: string;
}
/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "function".
 */
export interface RegisterFunction {
  id: FunctionId;
  label: RegisterText;
  /**
   * in-use: dependencies found; none: the subject shows none (e.g. no LoadBalancer Service); not-collected: what the function reads is not in the snapshot (an older snapshot, --only); unreadable: it could not be read (forbidden, timeout, API error).
   */
  status: 'in-use' | 'none' | 'not-collected' | 'unreadable';
  /**
   * For not-collected and unreadable: what is missing, in one line.
   */
  why?: string;
  /**
   * The worst jurisdiction of its dependencies (non-eu first); unknown for not-collected and unreadable.
   */
  jurisdiction: Jurisdiction;
  /**
   * How many workloads depend on the function.
   */
  workloads: number;
  dependencies: Dependency[];
  note?: string;
}
/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "dependency".
 */
export interface Dependency {
  /**
   * The entity id; absent when not known.
   */
  entity?: string;
  /**
   * The entity's name, or what was seen when the entity is not known.
   */
  name: string;
  /**
   * What is depended on: the product, registry or implementation, e.g. Docker Hub.
   */
  what?: string;
  /**
   * How: operator (runs it), or for the chain behind a registry hosting, storage or cdn.
   */
  role?: string;
  /**
   * For the chain behind a registry: the registry.
   */
  via?: string;
  jurisdiction: Jurisdiction;
  /**
   * The entity's seat country.
   */
  seat?: string;
  ultimateParent?: {
    entity: string;
    name: string;
    seat?: string;
  };
  /**
   * Laws with extraterritorial reach that apply (e.g. the US CLOUD Act).
   */
  laws: {
    id: string;
    name: string;
  }[];
  /**
   * The fact that matched, e.g. 'providerID prefix scaleway://'; 'not in the facts: <key>' for an unknown one.
   */
  matchedBy: string;
  /**
   * How many objects show it.
   */
  objects: number;
  /**
   * How many workloads depend on it.
   */
  workloads: number;
  /**
   * The first objects that show it (at most 10).
   */
  evidence: RegisterEvidence[];
  /**
   * The facts' sources (urls).
   */
  sources: string[];
  note?: string;
}
/**
 * An object that shows a dependency, as in the check report.
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "evidence".
 */
export interface RegisterEvidence {
  kind: string;
  namespace?: string;
  name: string;
  fields?: {
    [k: string]: string | number | boolean | null;
  };
}
/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "image".
 */
export interface RegisterImage {
  /**
   * The image reference as written.
   */
  reference: string;
  /**
   * The registry host after Docker's normalisation.
   */
  host: string;
  /**
   * The registry's name when the facts know it.
   */
  registry?: string;
  /**
   * The registry operator's entity id.
   */
  operator?: string;
  /**
   * For a mirror or proxy cache: the origin registry host.
   */
  mirrorOf?: string;
  jurisdiction: Jurisdiction;
  /**
   * true when the reference carries a digest.
   */
  pinned: boolean;
  /**
   * Digests the pods run (status imageID).
   */
  digests?: string[];
  workloads: number;
}
/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "location".
 */
export interface DataLocation {
  /**
   * ISO 3166-1 alpha-2, or unknown.
   */
  country: string;
  /**
   * Whether the country is in the EU/EEA; absent for unknown.
   */
  eea?: boolean;
  regions?: string[];
  nodes: number;
  volumes: number;
}
/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "group".
 */
export interface DependencyGroup {
  /**
   * The ultimate parent's entity id.
   */
  entity: string;
  name: string;
  seat?: string;
  jurisdiction: Jurisdiction;
  /**
   * The functions the group serves.
   */
  functions: FunctionId[];
  /**
   * The critical functions among them (hosting, control plane, storage, load balancing, ingress, images, certificates, DNS); a group with two or more is flagged.
   */
  critical: FunctionId[];
  /**
   * How many workloads depend on the group, through any function.
   */
  workloads: number;
  /**
   * The group's entities the subject shows.
   */
  entities: string[];
  /**
   * Whether every function of the group that provider profiles describe is offered by a profile of another group; absent when none of its functions is described by a profile.
   */
  substitutable?: boolean;
  /**
   * The functions of the group no other group's provider profile offers.
   */
  notSubstitutable?: FunctionId[];
}
/**
 * Exit readiness: what must change to move the subject's workloads to a provider profile (target), or without one what ties them to the providers that host them now. Findings worst effort first; a kind whose resources or fields the snapshot lacks is in notRead, never left out as nothing to change.
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "exit".
 */
export interface ExitReadiness {
  /**
   * The provider profile to move to (--exit-to).
   */
  target?: {
    id: string;
    name: string;
    /**
     * The entity of the facts' provider with the profile's id; absent when the facts do not know it.
     */
    entity?: string;
  };
  /**
   * Who hosts the nodes now: the providers the nodes show (an unknown one without entity), and their groups by ultimate parent.
   */
  from: {
    providers: {
      /**
       * The provider's id in the facts.
       */
      provider?: string;
      entity?: string;
      name: string;
      nodes: number;
    }[];
    groups: {
      entity: string;
      name: string;
    }[];
  };
  findings: ExitFinding[];
  /**
   * The kinds of finding whose resources or fields the snapshot lacks, or that could not be read.
   */
  notRead: {
    kind: ExitKind;
    status: 'not-collected' | 'unreadable';
    why: RegisterText;
  }[];
  counts: {
    configChange: number;
    dataMigration: number;
    reArchitecture: number;
    /**
     * The claims of the data migrations.
     */
    claims: number;
    /**
     * Their total size.
     */
    bytes: number;
  };
  /**
   * One line: "To move to OVHcloud Managed Kubernetes: 3 config changes, 1 data migration (4 claims, 120 GiB), no re-architecture."
   */
  summary: RegisterText;
  /**
   * The sudden-disruption scenario: what stops if the group(s) that host the nodes now are cut off (as --without would say); absent when no known company hosts them.
   */
  disruption?: CutOff;
}
export interface ExitFinding {
  kind: ExitKind;
  effort: ExitEffort;
  /**
   * What is tied: a StorageClass, a load-balancer implementation, an IngressClass, a registry, a vendor's API, a node label or zone.
   */
  what: string;
  /**
   * How it shows: the provisioner, the annotation, the controller, the registry host, the API groups, the provider of a label.
   */
  detail?: string;
  /**
   * Whose it is, when the facts say so.
   */
  entity?: {
    entity: string;
    name: string;
  };
  objects: number;
  /**
   * The first objects that show it (at most 10).
   */
  evidence: RegisterEvidence[];
  workloads?: number;
  /**
   * storage-class: the claims (PersistentVolumeClaims, and volumes without one) of the class.
   */
  claims?: number;
  /**
   * storage-class: their total size (a bound volume's spec.capacity.storage, else the claim's spec.resources.requests.storage).
   */
  bytes?: number;
  /**
   * storage-class: claims that show no size.
   */
  unsized?: number;
  /**
   * registry: the distinct images to mirror.
   */
  images?: number;
  /**
   * What to change, on the target when one is given.
   */
  change: RegisterText;
  /**
   * The target profile's reason, when it has no counterpart (ReadWriteMany storage).
   */
  reason?: string;
}
/**
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "cutOff".
 */
export interface CutOff {
  /**
   * As given with --without: entity ids (a group's ultimate parent cuts off all of its entities).
   */
  without: string[];
  /**
   * The entities of the subject that are cut off.
   */
  entities: {
    entity: string;
    name: string;
  }[];
  workloads: {
    total: number;
    /**
     * The workloads that are hit, worst first: the effects per workload.
     */
    affected: {
      workload: string;
      namespace: string;
      effects: CutOffEffect[];
    }[];
  };
  /**
   * Per namespace: affected workloads of all, most affected first.
   */
  namespaces?: {
    namespace: string;
    affected: number;
    total: number;
  }[];
  /**
   * Per function that stops or degrades: the effect and the objects it hits.
   */
  functions: {
    id: FunctionId;
    effect: CutOffEffect;
    objects: number;
    evidence: RegisterEvidence[];
    /**
     * Certificates: the first notAfter among those that stop renewing.
     */
    firstExpiry?: string;
  }[];
  summary: RegisterText;
}
/**
 * The register in the terms of a sovereignty framework (the EU Cloud Sovereignty Framework): per objective the highest SEAL the subject's evidence allows (unknowns cap it, never raise it), the criteria scored, and those that need an attestation.
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "scores".
 */
export interface RegisterScores {
  framework: {
    id: string;
    name: string;
    version: string;
  };
  weights: {
    id: string;
    name: RegisterText;
  };
  /**
   * The overall SEAL is the lowest objective's: atMost over the objectives the subject can show; unscored: objectives only an attestation can show.
   */
  seal: {
    atMost: number;
    limitedBy: string[];
    unscored: string[];
  };
  /**
   * The weighted score (percent) at most: criteria without evidence counted at their maximum.
   */
  score: {
    atMost: number;
    /**
     * Criteria scored from the subject.
     */
    observed: number;
    /**
     * Criteria that need an attestation.
     */
    attestation: number;
  };
  objectives: ObjectiveScore[];
}
export interface ObjectiveScore {
  id: string;
  name: RegisterText;
  weight: number;
  /**
   * Absent when no criterion of the objective can be shown from the subject.
   */
  atMost?: number;
  /**
   * The objective's score at most, 0–1.
   */
  score: number;
  /**
   * What holds atMost where it is, lowest first.
   */
  limits: ScoreReason[];
  criteria: CriterionScore[];
}
/**
 * Why a criterion or objective is at most this SEAL.
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "scoreReason".
 */
export interface ScoreReason {
  seal: number;
  criterion?: string;
  text: RegisterText;
  /**
   * The parties behind it (at most 10).
   */
  parties?: string[];
}
export interface CriterionScore {
  id: string;
  name: RegisterText;
  evidence: 'observed' | 'partly' | 'attestation';
  gates: boolean;
  atMost?: number;
  reasons?: ScoreReason[];
  attestation?: RegisterText;
}
/**
 * A rule the findings bear on (DORA, NIS2, the Dutch cloud policy) and what the report shows for it: a mapping, never a legal verdict.
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "ruleMapping".
 */
export interface RuleMapping {
  id: string;
  name: RegisterText;
  asks: RegisterText;
  source: {
    url: string;
    confidence: string;
  };
  findings: {
    shows: string;
    text: RegisterText;
  }[];
}
/**
 * compliance/register/functions.yaml: the register's functions and what each reads from a cluster (the collector collects it; an older snapshot without it gives not-collected).
 *
 * This interface was referenced by `DependencyRegister`'s JSON-Schema
 * via the `definition` "functions".
 */
export interface RegisterFunctionsFile {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'RegisterFunctions';
  /**
   * @minItems 1
   */
  functions: FunctionDefinition[];
}
export interface FunctionDefinition {
  id: FunctionId;
  label: RegisterText;
  /**
   * What the function covers and how the register reads it.
   */
  describes: RegisterText;
  needs: {
    resources: FunctionResourceNeed[];
  };
}
export interface FunctionResourceNeed {
  /**
   * kubectl's resource name (the snapshot key).
   */
  resource: string;
  /**
   * true: the function is read without it (a CRD that is absent when its controller is not installed).
   */
  optional?: boolean;
  /**
   * @minItems 1
   */
  fields: string[];
}
