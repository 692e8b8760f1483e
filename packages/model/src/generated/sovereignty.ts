/**
 * Generated from compliance/schemas/sovereignty.schema.json by packages/model/scripts/generate-types.mjs.
 * Do not edit: change the schema and run `pnpm types:generate`.
 */

/**
 * an id like docker-hub; lower-case letters, digits and dashes
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "id".
 */
export type Id = string;
/**
 * A remark for the reader: a limitation, or how the fact was read from the source.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "note".
 */
export type Note = string;
/**
 * an ISO 3166-1 alpha-2 country code like NL
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "country".
 */
export type Country = string;
/**
 * The ids of the sources (in any file's `sources`) that support this fact.
 *
 * @minItems 1
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "sourceRefs".
 */
export type SourceRefs = Id[];
/**
 * a host name like quay.io, or a pattern like *.gcr.io where * stands for one or more characters; lower case, no scheme, port or path
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "hostPattern".
 */
export type HostPattern = string;
/**
 * an entity id like docker, or self (software the cluster's operator runs itself: no outside party) or hosting (whoever operates the cluster's infrastructure, e.g. the OpenStack operator behind Cinder)
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "entityRef".
 */
export type EntityRef = string;
/**
 * Who runs what an entry depends on in turn (the transitive chain): e.g. Docker Hub's blobs on AWS and Cloudflare.
 *
 * @minItems 1
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "hostedBy".
 */
export type HostedByChain = HostedBy[];
/**
 * true: this matcher is narrower than another that also matches its keys (a host in a wildcard, a longer prefix), and wins over it. Without it two matchers that claim the same key for different entities are an error.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "specific".
 */
export type Specific = boolean;
/**
 * an image repository without tag or digest like quay.io/jetstack/cert-manager-controller, or a pattern where * stands for any characters (e.g. * /cert-manager-webhook-ovh*); matched against the reference after Docker's normalisation (docker.io/library/ added where an image names no registry)
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "imagePattern".
 */
export type ImagePattern = string;

/**
 * Facts for the digital-dependency register: legal entities (who), and matchers that map what a cluster shows to an entity (registry hosts, providerID prefixes, node labels, API server hosts, CSI provisioners, load-balancer annotations, ingress controllers, ACME directories, DNS solvers, SaaS endpoints). Every bundled file and every user file has this one shape; each section is optional, and the loaded facts are the sections of all files put together. Every fact cites sources (ids of the `sources` section, from any file), each with its URL, the source's own date and the date it was checked. Entries of a user file win over bundled ones: an entry with the same id replaces the bundled one, and a user matcher for the same key (host, prefix, provisioner, …) takes that key from the bundled matcher. Legal classifications are not typed per entity by hand: a law in `laws` applies by its rule (e.g. to every entity with a US seat or under US control).
 */
export interface SovereigntyFacts {
  /**
   * The version of this file format.
   */
  apiVersion: 'havenkit.dev/v1alpha1';
  /**
   * The kind of document.
   */
  kind: 'SovereigntyFacts';
  /**
   * The sources the facts cite, by id (a bibliography).
   */
  sources?: FactSource[];
  /**
   * Named groups of countries (the EU, the EEA) that the register classifies seats and locations by.
   */
  countryGroups?: CountryGroup[];
  /**
   * Laws with extraterritorial reach and the rule by which they apply to an entity.
   */
  laws?: Law[];
  /**
   * Legal entities (companies, non-profits, public bodies) and projects that a cluster can depend on; one entry per legal entity.
   */
  entities?: Entity[];
  /**
   * Container image registries: the hosts (or host/path prefixes) an image reference names, who operates them and where they are hosted.
   */
  registries?: RegistryFact[];
  /**
   * Infrastructure and Kubernetes providers: how a node, a cluster's API server and a location show them, and which country each region is in.
   */
  providers?: ProviderFact[];
  /**
   * Storage implementations by CSI provisioner (StorageClass.provisioner, PersistentVolume spec.csi.driver).
   */
  storage?: StorageFact[];
  /**
   * Load-balancer implementations by the annotations a Service of type LoadBalancer carries.
   */
  loadBalancers?: LoadBalancerFact[];
  /**
   * Ingress controllers by the controller name of their IngressClass (spec.controller).
   */
  ingressControllers?: IngressControllerFact[];
  /**
   * Certificate authorities by ACME directory URL (cert-manager Issuer/ClusterIssuer spec.acme.server).
   */
  certificateAuthorities?: CertificateAuthorityFact[];
  /**
   * DNS operators behind cert-manager DNS01 solvers (built-in solver names, webhook images) and external-dns providers (webhook images).
   */
  dns?: DnsFact[];
  /**
   * SaaS services a workload sends data to (logging, monitoring/APM, identity): by agent image and by endpoint host.
   */
  saas?: SaasFact[];
  /**
   * Kubernetes API groups of a cloud vendor's custom resources (a CRD's name is <plural>.<group>): exit readiness lists them as re-architecture.
   */
  apiGroups?: ApiGroupFact[];
}
/**
 * A source: where a fact was read, the source's own date and when it was checked.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "source".
 */
export interface FactSource {
  /**
   * The id facts cite it by.
   */
  id: Id;
  /**
   * Where the source is: an https URL for a public source; a user's file may cite an internal one.
   */
  url: string;
  /**
   * What the source is, e.g. the page title or the file of a repository.
   */
  title?: string;
  /**
   * a date like 2025-10-20 (or 2025-10 or 2025): the publication or last-updated date the source states; unknown when it states none
   */
  sourceDate: string;
  /**
   * a date like 2026-12-01: when the source was read and found to support the facts that cite it
   */
  checked: string;
  /**
   * verified: read in the source itself (the publisher's own page, repository or filing); secondary: a community or third-party source (a summary, a blog, an encyclopedia mirror, another project's list). Unverified facts do not go into the data.
   */
  confidence: 'verified' | 'secondary';
  /**
   * How the source was read, or what it does not say.
   */
  note?: Note;
}
/**
 * A named group of countries.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "countryGroup".
 */
export interface CountryGroup {
  /**
   * eu (the member states of the European Union) or eea (the European Economic Area: the EU and Iceland, Liechtenstein, Norway).
   */
  id: 'eu' | 'eea';
  /**
   * The group's name.
   */
  name: string;
  /**
   * The countries of the group.
   *
   * @minItems 1
   */
  countries: Country[];
  /**
   * The sources of the list of countries.
   */
  sources: SourceRefs;
}
/**
 * A law that reaches data held by entities of a country, wherever the data is stored.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "law".
 */
export interface Law {
  /**
   * The law's id, e.g. us-cloud-act.
   */
  id: Id;
  /**
   * The law's name and citation.
   */
  name: string;
  /**
   * The country whose law it is.
   */
  country: Country;
  /**
   * seat-or-control: the law is taken to apply to an entity whose seat is in `country`, or that is controlled (through its parents) by an entity with its seat there. It is shown as likely subject to, with this rule, never as a verdict.
   */
  appliesTo: 'seat-or-control';
  /**
   * The operative text of the law, as quoted by the sources.
   */
  quote?: string;
  /**
   * The sources of the law and its text.
   */
  sources: SourceRefs;
  /**
   * How the law reaches entities, and the limits of the rule.
   */
  note?: Note;
}
/**
 * A legal entity (or an open-source project without one). A fact that is absent is not known: the register reports it as unknown, never as EU.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface Entity {
  /**
   * an entity id like docker; lower-case letters, digits and dashes (self and hosting are reserved)
   */
  id: string;
  /**
   * The name it is known by: the legal name where a source gives it (Docker, Inc.), else the brand (OVHcloud).
   */
  name: string;
  /**
   * company, non-profit, public-body, or project (an open-source project without a legal entity of its own); absent when not known.
   */
  kind?: 'company' | 'non-profit' | 'public-body' | 'project';
  /**
   * Where the entity has its registered seat; absent when no source gives it.
   */
  seat?: {
    /**
     * The seat's country.
     */
    country: Country;
    /**
     * The seat's city, where a source gives it.
     */
    city?: string;
    /**
     * The registration, e.g. a company number, where a source gives it.
     */
    registration?: string;
    /**
     * The sources of the seat.
     */
    sources: SourceRefs;
  };
  /**
   * The entity that controls this one (owns it or holds a controlling stake); the chain of parents ends at the ultimate parent. Absent when no source gives it: the owner is then not known, unless `control` says where control sits.
   */
  parent?: {
    /**
     * The parent's entity id.
     */
    entity: Id;
    /**
     * The parent's share of the capital or the votes, in percent, where a source gives it.
     */
    share?: number;
    /**
     * a year like 2018 (or 2018-06 or 2018-06-04): since when, where a source gives it
     */
    since?: string;
    /**
     * The sources of the parent and its share.
     */
    sources: SourceRefs;
  };
  /**
   * Where control of the entity sits, when a source says so without naming a parent (e.g. a company that is 100 % Dutch-owned, or that has no parent outside the EU). A parent chain with a seat outside the EU/EEA says so on its own.
   */
  control?: {
    /**
     * true: the entity is controlled from outside the EU/EEA; false: its control sits inside.
     */
    outsideEuEea: boolean;
    /**
     * The sources that say where control sits.
     */
    sources: SourceRefs;
    /**
     * What the source says, in short.
     */
    note?: Note;
  };
  /**
   * Laws a source says reach this entity beyond the rule of the law itself (e.g. FISA section 702 where a source names the entity).
   */
  legalReach?: {
    /**
     * The law's id (in `laws`).
     */
    law: Id;
    /**
     * The sources that name the entity under the law.
     */
    sources: SourceRefs;
    /**
     * A remark for the reader.
     */
    note?: Note;
  }[];
  /**
   * The sources that identify the entity (its name and what it runs).
   */
  sources: SourceRefs;
  /**
   * A remark for the reader, e.g. which facts are not yet sourced.
   */
  note?: Note;
}
/**
 * A container registry. An image reference is matched on its registry host after Docker's normalisation: a reference whose first path component has no dot or colon and is not localhost names no registry and means docker.io (nginx is docker.io/library/nginx), and index.docker.io and registry-1.docker.io are docker.io. A prefix matches a host and the leading path (a project on a shared registry, or a proxy-cache path of a Harbor). An entry has hosts, prefixes or both.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "registry".
 */
export interface RegistryFact {
  /**
   * The registry's id.
   */
  id: Id;
  /**
   * The registry's name, e.g. Docker Hub.
   */
  name: string;
  /**
   * The registry hosts this entry matches.
   *
   * @minItems 1
   */
  hosts?: HostPattern[];
  /**
   * Host/path prefixes this entry matches, e.g. harbor.gemeente.nl/dockerhub-proxy; a prefix ends at a path boundary.
   *
   * @minItems 1
   */
  prefixes?: string[];
  /**
   * true for docker.io: the registry an image reference means when it names none (Docker's normalisation). At most one registry has it.
   */
  implicit?: true;
  /**
   * For a mirror or proxy cache: the host of the registry it serves images from (e.g. docker.io); the register shows both.
   */
  mirrorOf?: HostPattern;
  /**
   * The entity that operates the registry.
   */
  operator: EntityRef;
  /**
   * Who runs what the registry runs on (hosting, storage, CDN, origin).
   */
  hostedBy?: HostedByChain;
  /**
   * true: narrower than an overlapping registry entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the host belongs to the operator.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * One link of the chain.
 */
export interface HostedBy {
  /**
   * The entity id of the host.
   */
  entity: Id;
  /**
   * hosting (compute and network), storage (blob or object storage), cdn (content delivery in front of it), or source (the origin a mirror or proxy serves from).
   */
  role: 'hosting' | 'storage' | 'cdn' | 'source';
  /**
   * What the source showed, e.g. a DNS name like elb-io.us-east-1.aws.dckr.io.
   */
  evidence?: string;
  /**
   * The sources of this link of the chain.
   */
  sources: SourceRefs;
}
/**
 * An infrastructure or Kubernetes provider. providerIds and nodeLabels show who hosts a node; apiServers show who runs the control plane; regions give the country of a node or volume. An entry has at least one of them.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "provider".
 */
export interface ProviderFact {
  /**
   * The provider's id (the provider profile's id where havenkit has one, e.g. scaleway).
   */
  id: Id;
  /**
   * The provider's product name(s).
   */
  name: string;
  /**
   * The entity that provides it; self for your own data centre (you are the provider).
   */
  entity: EntityRef;
  /**
   * Node spec.providerID prefixes.
   *
   * @minItems 1
   */
  providerIds?: ProviderIdMatcher[];
  /**
   * Node labels that show the provider.
   *
   * @minItems 1
   */
  nodeLabels?: NodeLabelMatcher[];
  /**
   * API server host patterns of its managed control plane.
   *
   * @minItems 1
   */
  apiServers?: ApiServerMatcher[];
  /**
   * Its regions and locations, with their countries.
   *
   * @minItems 1
   */
  regions?: RegionFact[];
  /**
   * true: narrower than an overlapping provider matcher, and wins over it.
   */
  specific?: Specific;
  /**
   * A remark for the reader, e.g. how the codes relate to the node labels.
   */
  note?: Note;
}
/**
 * A prefix of Node spec.providerID.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "providerId".
 */
export interface ProviderIdMatcher {
  /**
   * a providerID prefix like hcloud:// (the scheme and what follows it as far as it identifies the provider)
   */
  prefix: string;
  /**
   * The sources of the prefix.
   */
  sources: SourceRefs;
}
/**
 * A node label whose presence shows the provider.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "nodeLabel".
 */
export interface NodeLabelMatcher {
  /**
   * a label key like cloud.google.com/gke-nodepool; a key ending in / matches every key with that prefix
   */
  key: string;
  /**
   * The label's value, when only that value shows the provider.
   */
  value?: string;
  /**
   * The sources of the label.
   */
  sources: SourceRefs;
}
/**
 * A host pattern of the cluster's API server URL (kubeconfig server) that shows who runs the control plane.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "apiServer".
 */
export interface ApiServerMatcher {
  /**
   * The host pattern of the API server URL, e.g. *.eks.amazonaws.com.
   */
  host: HostPattern;
  /**
   * The sources of the pattern.
   */
  sources: SourceRefs;
}
/**
 * A region or location of the provider and the country it is in. It matches a node's topology.kubernetes.io/region label (or, without one, its topology.kubernetes.io/zone label) that equals the code or starts with it; the longest matching code wins (europe-west10-a is europe-west10, not europe-west1).
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "region".
 */
export interface RegionFact {
  /**
   * The provider's code for it, e.g. eu-west-1 or fsn1.
   */
  code: string;
  /**
   * The country the region is in.
   */
  country: Country;
  /**
   * The city, where a source gives it.
   */
  city?: string;
  /**
   * The sources of the region and its country.
   */
  sources: SourceRefs;
}
/**
 * A storage implementation.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "storage".
 */
export interface StorageFact {
  /**
   * The implementation's name.
   */
  name: string;
  /**
   * The provisioner names (StorageClass.provisioner; a CSI driver's name is also PersistentVolume spec.csi.driver).
   *
   * @minItems 1
   */
  provisioners: string[];
  /**
   * Who the data depends on: an entity id, hosting (the driver is open, the storage is the infrastructure operator's, e.g. Cinder) or self (software the cluster's operator runs, e.g. Longhorn).
   */
  entity: EntityRef;
  /**
   * true: narrower than an overlapping matcher of another entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the keys belong to the entity.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * A load-balancer implementation.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "loadBalancer".
 */
export interface LoadBalancerFact {
  /**
   * The implementation's name.
   */
  name: string;
  /**
   * Service annotation keys or key prefixes (a key starting with one matches), e.g. service.beta.kubernetes.io/scw-loadbalancer-.
   *
   * @minItems 1
   */
  annotations: string[];
  /**
   * Who the load balancer depends on: an entity id, hosting or self.
   */
  entity: EntityRef;
  /**
   * true: narrower than an overlapping matcher of another entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the keys belong to the entity.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * An ingress controller.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "ingressController".
 */
export interface IngressControllerFact {
  /**
   * The controller's name.
   */
  name: string;
  /**
   * IngressClass spec.controller values.
   *
   * @minItems 1
   */
  controllers: string[];
  /**
   * Who the ingress depends on: an entity id, hosting or self.
   */
  entity: EntityRef;
  /**
   * true: narrower than an overlapping matcher of another entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the keys belong to the entity.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * A certificate authority reached over ACME.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "certificateAuthority".
 */
export interface CertificateAuthorityFact {
  /**
   * The CA's or service's name.
   */
  name: string;
  /**
   * ACME directory URLs; * stands for one or more characters (an account alias in the path).
   *
   * @minItems 1
   */
  directories: string[];
  /**
   * The entity that operates the CA.
   */
  entity: EntityRef;
  /**
   * true: an account needs External Account Binding (a key from the CA); false: it does not. Absent when no source says.
   */
  externalAccountBinding?: boolean;
  /**
   * true: narrower than an overlapping matcher of another entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the keys belong to the entity.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * A DNS service behind certificate issuance (cert-manager DNS01) or DNS records (external-dns). An entry has solvers, images or both.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "dns".
 */
export interface DnsFact {
  /**
   * The DNS service's name.
   */
  name: string;
  /**
   * cert-manager's built-in DNS01 solver keys (spec.acme.solvers[].dns01.<key>), e.g. route53.
   *
   * @minItems 1
   */
  solvers?: string[];
  /**
   * Images of a DNS01 webhook or an external-dns webhook provider for this service.
   *
   * @minItems 1
   */
  images?: ImagePattern[];
  /**
   * Who runs the DNS: an entity id, hosting (the infrastructure's DNS, e.g. OpenStack Designate) or self (an authoritative server the cluster's operator runs, e.g. via RFC 2136).
   */
  entity: EntityRef;
  /**
   * true: narrower than an overlapping matcher of another entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the keys belong to the entity.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * A SaaS service a workload sends data to. An entry has hosts, images or both.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "saas".
 */
export interface SaasFact {
  /**
   * The service's name.
   */
  name: string;
  /**
   * logging, monitoring (metrics, APM, traces), identity (sign-in), security (security events), or backup (object storage that backups are written to).
   */
  function: 'backup' | 'identity' | 'logging' | 'monitoring' | 'security';
  /**
   * Endpoint hosts the service receives data on.
   *
   * @minItems 1
   */
  hosts?: HostPattern[];
  /**
   * Images of its agents.
   *
   * @minItems 1
   */
  images?: ImagePattern[];
  /**
   * The entity that operates the service; self for a service you run yourself (your own MinIO, your own log store).
   */
  entity: EntityRef;
  /**
   * true: narrower than an overlapping matcher of another entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the keys belong to the entity.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * A cloud vendor's Kubernetes API groups: the CRDs of its controllers or services.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "apiGroup".
 */
export interface ApiGroupFact {
  /**
   * The controller or service the groups belong to.
   */
  name: string;
  /**
   * API groups (a CRD's spec.group, the part of its name after the first dot), or patterns where * stands for one or more characters: *.services.k8s.aws.
   *
   * @minItems 1
   */
  groups: HostPattern[];
  /**
   * The vendor: an entity id.
   */
  entity: EntityRef;
  /**
   * true: narrower than an overlapping matcher of another entry, and wins over it.
   */
  specific?: Specific;
  /**
   * The sources that the groups belong to the vendor.
   */
  sources: SourceRefs;
  /**
   * A remark for the reader.
   */
  note?: Note;
}
/**
 * A text in English and Dutch.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "localizedText".
 */
export interface FactText {
  en: string;
  nl: string;
}
/**
 * A sovereignty framework as havenkit scores a cluster against it (compliance/frameworks/eu-csf.yaml): objectives with criteria, the levels, the published weight sets, and per criterion what a cluster can show.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "framework".
 */
export interface FrameworkFile {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'SovereigntyFramework';
  id: Id;
  name: string;
  version: string;
  publisher?: string;
  sources: FactSource[];
  /**
   * @minItems 1
   */
  levels: FrameworkLevel[];
  /**
   * @minItems 1
   */
  weightSets: FrameworkWeightSet[];
  /**
   * @minItems 1
   */
  objectives: FrameworkObjective[];
}
export interface FrameworkLevel {
  seal: number;
  name: FactText;
  means: FactText;
}
export interface FrameworkWeightSet {
  /**
   * The id --weights takes, e.g. framework-1.2.1.
   */
  id: string;
  default?: boolean;
  name: FactText;
  source: Id;
  note?: FactText;
  /**
   * Per objective id, its weight in percent; they add up to 100.
   */
  weights: {
    [k: string]: number;
  };
}
export interface FrameworkObjective {
  id: string;
  name: FactText;
  /**
   * @minItems 1
   */
  criteria: FrameworkCriterion[];
}
/**
 * One criterion: observed (the cluster shows it), partly (an indicator: at most SEAL-3 from it) or attestation (only the supplier can show it; `attestation` says what to ask for). An observed or partly criterion has a rule, an attestation criterion none; partly and attestation criteria say what to ask for (checked when the file is loaded).
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "criterion".
 */
export interface FrameworkCriterion {
  id: string;
  name: FactText;
  evidence: 'observed' | 'partly' | 'attestation';
  /**
   * false: counts in the score, never limits a SEAL.
   */
  gates?: boolean;
  rule?: ScoreRule;
  attestation?: FactText;
}
/**
 * How a criterion is scored from the register (packages/checker/src/sovereignty/scores.ts): operator (the jurisdiction of the parties that run the functions), laws (extraterritorial laws that reach them), chain (the operators and every link behind them), location (countries of nodes and volumes), cut-off (what stops without a group), portability (what ties the cluster to its provider), concentration (groups by ultimate parent), transparency (what the register could not resolve).
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "scoreRule".
 */
export interface ScoreRule {
  kind:
    'operator' | 'laws' | 'chain' | 'location' | 'cut-off' | 'portability' | 'concentration' | 'transparency';
  /**
   * The register functions the rule reads; all when absent.
   *
   * @minItems 1
   */
  functions?: (
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
    | 'aggregated-apis'
  )[];
  /**
   * For cut-off: every group, or only those controlled outside the EU/EEA.
   */
  scope?: 'all' | 'outside-eu';
}
/**
 * Rules the report's findings bear on (compliance/frameworks/rules.yaml): a mapping, never a legal verdict.
 *
 * This interface was referenced by `SovereigntyFacts`'s JSON-Schema
 * via the `definition` "rules".
 */
export interface RulesFile {
  apiVersion: 'havenkit.dev/v1alpha1';
  kind: 'SovereigntyRules';
  sources: FactSource[];
  rules: RuleFact[];
}
export interface RuleFact {
  id: string;
  name: FactText;
  asks: FactText;
  /**
   * @minItems 1
   */
  shows: (
    'register' | 'concentration' | 'substitutability' | 'cut-off' | 'exit' | 'locations' | 'outside-eu'
  )[];
  source: Id;
}
