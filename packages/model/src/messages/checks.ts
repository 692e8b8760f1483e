/**
 * The reasons and evidence notes of the checks: `read` and `evaluate` for what every check shares,
 * then one section per check, named as the check (packages/checker/src/checks/<name>.ts).
 */

/** evaluate(): a check that threw. */
export const evaluate = {
  checkFailed: {
    en: 'The check could not evaluate the snapshot: {error}',
    nl: 'De check kon de snapshot niet beoordelen: {error}',
  },
} as const;

/** Why a section or resource of the snapshot is missing: lower-case clauses, and the sentence of one. */
export const read = {
  notCollected: { en: '{resource} were not collected', nl: '{resource} zijn niet verzameld' },
  fieldsNotCollected: {
    en: '{resource} were collected without fields this check reads ({fields})',
    nl: '{resource} zijn verzameld zonder velden die deze check leest ({fields})',
  },
  unreadable: {
    en: '{resource} could not be read ({code} {reason})',
    nl: '{resource} konden niet worden gelezen ({code} {reason})',
  },
  versionUnreadable: {
    en: 'the server version could not be read ({code} {reason})',
    nl: 'de serverversie kon niet worden gelezen ({code} {reason})',
  },
  versionUnparsable: {
    en: 'the server version "{gitVersion}" could not be parsed',
    nl: 'de serverversie "{gitVersion}" kon niet worden ontleed',
  },
  versionMajor: {
    en: 'the server reports major version {major} ("{gitVersion}"), and every Kubernetes release is 1.x',
    nl: 'de server meldt hoofdversie {major} ("{gitVersion}"), terwijl elke Kubernetes-release 1.x is',
  },
  /** A clause (capitalised) as the reason of an unknown result. */
  sentence: { en: '{why}.', nl: '{why}.' },
} as const;

export const autocerts = {
  recognised: { en: 'recognised as {controller}', nl: 'herkend als {controller}' },
  pass: {
    en: '{controller} is running ({pods} pod(s)) and can issue certificates automatically.',
    nl: '{controller} draait ({pods, plural, one {# pod} other {# pods}}) en kan automatisch certificaten uitgeven.',
  },
  crdsUnreadable: {
    en: 'An ACME controller is running, but {why}.',
    nl: 'Er draait een ACME-controller, maar {why}.',
  },
  crdsMissing: {
    en: '{controller} is running but {count, plural, one {its CRD {missing} is} other {its CRDs {missing} are}} missing.',
    nl: "{controller} draait, maar de bijbehorende {count, plural, one {CRD {missing} ontbreekt} other {CRD's {missing} ontbreken}}.",
  },
  noController: { en: 'no Running controller', nl: 'geen draaiende controller' },
  fail: {
    en: 'No Running ACME certificate controller was found (looked for: {controllers}).',
    nl: 'Er is geen draaiende ACME-certificaatcontroller gevonden (gezocht naar: {controllers}).',
  },
} as const;

export const cis = {
  notEnabled: {
    en: 'Not enabled: a suggested check (opt in with --cis).',
    nl: 'Niet ingeschakeld: een aanbevolen controle (inschakelen met --cis).',
  },
  notInstalled: {
    en: 'No CIS benchmark results in the cluster: the Trivy operator is not installed.',
    nl: 'Geen CIS-benchmarkresultaten in het cluster: de Trivy-operator is niet geïnstalleerd.',
  },
  noResults: {
    en: 'No CIS benchmark results (ClusterComplianceReport for a CIS spec) were found in the cluster.',
    nl: 'Er zijn geen CIS-benchmarkresultaten (ClusterComplianceReport voor een CIS-specificatie) in het cluster gevonden.',
  },
  fail: {
    en: 'The CIS benchmark results report {failed} failed control(s).',
    nl: 'De CIS-benchmarkresultaten melden {failed, plural, one {# afgekeurde control} other {# afgekeurde controls}}.',
  },
  unreadable: {
    en: 'CIS benchmark report(s) without a readable status.summary.failCount: {reports}.',
    nl: '{count, plural, one {CIS-benchmarkrapport} other {CIS-benchmarkrapporten}} zonder leesbare status.summary.failCount: {reports}.',
  },
  pass: {
    en: 'The CIS benchmark results report no failed controls.',
    nl: 'De CIS-benchmarkresultaten melden geen afgekeurde controls.',
  },
} as const;

export const clusteradmin = {
  notReviewed: {
    en: 'The permissions of the identity were not reviewed (no access.self in the snapshot).',
    nl: 'De rechten van de identiteit zijn niet gecontroleerd (geen access.self in de snapshot).',
  },
  reviewFailed: {
    en: 'The permissions of the identity could not be reviewed ({code} {reason}).',
    nl: 'De rechten van de identiteit konden niet worden gecontroleerd ({code} {reason}).',
  },
  noneNeeded: {
    en: 'The enabled checks need no permissions.',
    nl: 'De ingeschakelde controles hebben geen rechten nodig.',
  },
  permissionNotReviewed: { en: 'not reviewed', nl: 'niet gecontroleerd' },
  missing: {
    en: 'The identity lacks {count} permission(s) the checks need: {permissions}.',
    nl: 'De identiteit mist {count, plural, one {# recht dat} other {# rechten die}} de controles nodig hebben: {permissions}.',
  },
  unreviewed: {
    en: '{count} permission(s) were not reviewed: {permissions}.',
    nl: '{count, plural, one {# recht is} other {# rechten zijn}} niet gecontroleerd: {permissions}.',
  },
  pass: {
    en: 'The identity has {count, plural, one {the one permission} other {all # permissions}} the enabled checks need.',
    nl: 'De identiteit heeft {count, plural, one {het ene recht dat} other {alle # rechten die}} de ingeschakelde controles nodig hebben.',
  },
} as const;

export const cncf = {
  unrecognised: {
    en: 'The platform was not recognised from node labels, providerIDs or the version {gitVersion}.',
    nl: "Het platform is niet herkend aan de labels of providerID's van de nodes, noch aan de versie {gitVersion}.",
  },
  recognised: { en: 'recognised as {platform} ({id})', nl: 'herkend als {platform} ({id})' },
  noData: {
    en: '{platform} was recognised, but no conformance data for it is bundled (as of {asOf}).',
    nl: '{platform} is herkend, maar er zijn geen conformance-gegevens voor meegeleverd (stand van {asOf}).',
  },
  noSubmission: {
    en: '{platform} has no conformance submission of its own: {reason}.',
    nl: '{platform} heeft zelf geen conformance-inzending: {reason}.',
  },
  pass: {
    en: '{platform} has a certified conformance submission for Kubernetes v{minor}.',
    nl: '{platform} heeft een gecertificeerde conformance-inzending voor Kubernetes v{minor}.',
  },
  notCovered: {
    en: 'The bundled conformance data covers Kubernetes v{from} to v{to} (as of {asOf}), not v{minor}.',
    nl: 'De meegeleverde conformance-gegevens gaan over Kubernetes v{from} tot en met v{to} (stand van {asOf}), niet over v{minor}.',
  },
  open: {
    en: '{platform} had no certified conformance submission for Kubernetes v{minor} as of {asOf}; submissions for v{minor} are still accepted, so one may have been added since.',
    nl: '{platform} had op {asOf} geen gecertificeerde conformance-inzending voor Kubernetes v{minor}; inzendingen voor v{minor} worden nog aangenomen, dus er kan er sindsdien een bij zijn gekomen.',
  },
  gap: {
    en: '{platform} has certified conformance submissions for Kubernetes minors before and after v{minor}, but the bundled table (compiled from a file index of the repository as of {asOf}, not a checkout) lists none for v{minor}: the gap may be missing data. Look for v{minor} in {source}.',
    nl: '{platform} heeft gecertificeerde conformance-inzendingen voor Kubernetes-versies vóór en na v{minor}, maar de meegeleverde tabel (samengesteld uit een bestandsindex van de repository met stand van {asOf}, niet uit een checkout) noemt er geen voor v{minor}: het gat kan aan ontbrekende gegevens liggen. Zoek v{minor} op in {source}.',
  },
  fail: {
    en: '{platform} has no certified conformance submission for Kubernetes v{minor} (data as of {asOf}), and the conformance program no longer accepts submissions for it.',
    nl: '{platform} heeft geen gecertificeerde conformance-inzending voor Kubernetes v{minor} (gegevens met stand van {asOf}), en het conformanceprogramma neemt er geen inzendingen meer voor aan.',
  },
} as const;

export const hamasters = {
  controlPlaneNodes: {
    en: '{count} control-plane nodes: {nodes}.',
    nl: 'Er zijn {count} control-plane-nodes: {nodes}.',
  },
  endpoints: {
    en: 'The API server has {count} endpoints in default/kubernetes: {addresses}.',
    nl: 'De API-server heeft {count} endpoints in default/kubernetes: {addresses}.',
  },
  managed: {
    en: 'The control plane is managed by {platform} and not visible as nodes; its redundancy depends on the plan chosen.',
    nl: 'Het control plane wordt beheerd door {platform} en is niet zichtbaar als nodes; de redundantie ervan hangt af van het gekozen abonnement.',
  },
  recognised: { en: 'recognised as {platform} ({id})', nl: 'herkend als {platform} ({id})' },
  /** The {seen} of endpointsUnreadable and fail. */
  seen: {
    en: '{nodes} control-plane node(s) and {endpoints} API server endpoint(s)',
    nl: '{nodes, plural, one {# control-plane-node} other {# control-plane-nodes}} en {endpoints, plural, one {# API-server-endpoint} other {# API-server-endpoints}}',
  },
  endpointsUnreadable: {
    en: 'Only {seen} seen, and the API server endpoints could not be read ({why}).',
    nl: 'Slechts {seen} gezien, en de API-server-endpoints konden niet worden gelezen ({why}).',
  },
  fail: {
    en: 'Only {seen}; at least {required} are required, and no managed control plane was recognised.',
    nl: 'Slechts {seen}; er zijn er minstens {required} vereist, en er is geen beheerd control plane herkend.',
  },
} as const;

export const havenversion = {
  offline: {
    en: 'offline: no Haven releases list was given (--haven-releases), so the version was not compared.',
    nl: 'offline: er is geen lijst met Haven-releases opgegeven (--haven-releases), dus de versie is niet vergeleken.',
  },
  unparsable: {
    en: 'The implemented Haven version "{version}" could not be parsed.',
    nl: 'De geïmplementeerde Haven-versie "{version}" kon niet worden ontleed.',
  },
  noReleases: {
    en: 'The Haven releases list has no valid release dated on or before the snapshot.',
    nl: 'De lijst met Haven-releases bevat geen geldige release met een datum op of vóór de snapshot.',
  },
  latest: {
    en: 'Haven {version} is the latest major (v{major}).',
    nl: 'Haven {version} is de nieuwste hoofdversie (v{major}).',
  },
  withinWindow: {
    en: 'Haven {newer} was released on {released}; {version} is within the {months}-month upgrade window (until {deadline}).',
    nl: 'Haven {newer} is uitgebracht op {released}; {version} valt binnen de upgradetermijn van {months} maanden (tot en met {deadline}).',
  },
  fail: {
    en: 'Haven {newer} was released on {released}; the {months}-month upgrade window for {version} ended on {deadline}.',
    nl: 'Haven {newer} is uitgebracht op {released}; de upgradetermijn van {months} maanden voor {version} liep af op {deadline}.',
  },
} as const;

export const haworkers = {
  counted: { en: 'counted', nl: 'meegeteld' },
  notReady: { en: 'not counted: not Ready', nl: 'niet meegeteld: niet Ready' },
  cordoned: {
    en: 'not counted: cordoned (unschedulable)',
    nl: 'niet meegeteld: uitgesloten van scheduling (cordoned)',
  },
  pass: {
    en: '{count} Ready, schedulable worker nodes: {nodes}.',
    nl: '{count} worker-nodes zijn Ready en inplanbaar: {nodes}.',
  },
  fail: {
    en: 'Only {count} Ready, schedulable worker node(s) (of {workers} without a control-plane role); at least {required} are required.',
    nl: 'Slechts {count, plural, one {# worker-node is} other {# worker-nodes zijn}} Ready en inplanbaar (van {workers} zonder control-plane-rol); er zijn er minstens {required} vereist.',
  },
} as const;

export const kubernetesversion = {
  noLatest: {
    en: 'No latest Kubernetes release is known as of {asOf}.',
    nl: 'Er is geen nieuwste Kubernetes-release bekend per {asOf}.',
  },
  latest: {
    en: 'Kubernetes {version} is the latest stable minor ({latest}).',
    nl: 'Kubernetes {version} is de nieuwste stabiele minorversie ({latest}).',
  },
  behind: {
    en: 'Kubernetes {version} is {behind} minor version(s) behind the latest ({latest}).',
    nl: 'Kubernetes {version} loopt {behind, plural, one {# minorversie} other {# minorversies}} achter op de nieuwste ({latest}).',
  },
  fail: {
    en: 'Kubernetes {version} is {behind} minor versions behind the latest ({latest}); at most {allowed} are allowed.',
    nl: 'Kubernetes {version} loopt {behind} minorversies achter op de nieuwste ({latest}); er zijn er maximaal {allowed} toegestaan.',
  },
} as const;

export const kubescape = {
  notEnabled: {
    en: 'Not enabled: a suggested check (opt in with --kubescape).',
    nl: 'Niet ingeschakeld: een aanbevolen controle (inschakelen met --kubescape).',
  },
  notInstalled: {
    en: 'No Kubescape results in the cluster: the Kubescape operator is not installed.',
    nl: 'Geen Kubescape-resultaten in het cluster: de Kubescape-operator is niet geïnstalleerd.',
  },
  noSummaries: {
    en: 'No Kubescape scan summaries were found in the cluster.',
    nl: 'Er zijn geen Kubescape-scansamenvattingen in het cluster gevonden.',
  },
  fail: {
    en: 'Kubescape reports {critical} critical finding(s).',
    nl: 'Kubescape meldt {critical, plural, one {# kritieke bevinding} other {# kritieke bevindingen}}.',
  },
  unreadable: {
    en: '{count, plural, one {Kubescape scan summary} other {Kubescape scan summaries}} without a readable spec.severities.critical: {summaries}.',
    nl: '{count, plural, one {Kubescape-scansamenvatting} other {Kubescape-scansamenvattingen}} zonder leesbare spec.severities.critical: {summaries}.',
  },
  pass: {
    en: 'Kubescape reports no critical findings in {count, plural, one {# scan summary} other {# scan summaries}}.',
    nl: 'Kubescape meldt geen kritieke bevindingen in {count, plural, one {# scansamenvatting} other {# scansamenvattingen}}.',
  },
} as const;

export const logs = {
  fail: {
    en: 'No Running log collector or aggregator was found.',
    nl: 'Er is geen draaiende logverzamelaar of -aggregator gevonden.',
  },
  recognised: { en: 'recognised as {collector}', nl: 'herkend als {collector}' },
  pass: {
    en: 'Log collection is running: {collectors}.',
    nl: 'Er draait logverzameling: {collectors}.',
  },
} as const;

export const metrics = {
  notRegistered: {
    en: 'The APIService {apiService} is not registered: no metrics-server.',
    nl: 'De APIService {apiService} is niet geregistreerd: geen metrics-server.',
  },
  pass: {
    en: 'The APIService {apiService} is Available.',
    nl: 'De APIService {apiService} is beschikbaar (Available).',
  },
  fail: {
    en: 'The APIService {apiService} is not Available ({why}).',
    nl: 'De APIService {apiService} is niet beschikbaar ({why}).',
  },
} as const;

export const multiaz = {
  noNodes: {
    en: 'The cluster has no nodes, so no availability zones are in use.',
    nl: 'Het cluster heeft geen nodes, dus er zijn geen beschikbaarheidszones in gebruik.',
  },
  pass: {
    en: 'Nodes are spread over {count} availability zones: {zones}.',
    nl: 'De nodes zijn verdeeld over {count} beschikbaarheidszones: {zones}.',
  },
  oneZone: {
    en: '{nodes, plural, one {The only node is} other {All # nodes are}} in 1 availability zone ({zone}); at least 2 zones are required.',
    nl: '{nodes, plural, one {De enige node staat} other {Alle # nodes staan}} in 1 beschikbaarheidszone ({zone}); er zijn minstens 2 zones vereist.',
  },
  invalidZone: {
    en: 'not a zone: the API server would refuse this value as a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit)',
    nl: 'geen zone: de API-server zou deze waarde als labelwaarde weigeren (hooguit 63 letters, cijfers, "-", "_" of ".", beginnend en eindigend met een letter of cijfer)',
  },
  noZone: {
    en: '{nodes, plural, one {The only node has} other {All # nodes have}} no valid availability zone label; at least 2 zones are required.',
    nl: '{nodes, plural, one {De enige node heeft} other {Alle # nodes hebben}} geen geldig label voor een beschikbaarheidszone; er zijn minstens 2 zones vereist.',
  },
} as const;

export const nodehardening = {
  noNodes: {
    en: 'The cluster has no nodes to inspect.',
    nl: 'Het cluster heeft geen nodes om te inspecteren.',
  },
  acceptedByName: { en: '{os} is accepted by name', nl: '{os} wordt op naam geaccepteerd' },
  observed: {
    en: '{lsms} observed by the node-lsm probe',
    nl: '{lsms} waargenomen door de node-lsm-probe',
  },
  noneObserved: {
    en: 'the node-lsm probe observed no SELinux, AppArmor, LKRG or grsecurity',
    nl: 'de node-lsm-probe heeft geen SELinux, AppArmor, LKRG of grsecurity waargenomen',
  },
  kubeletAppArmor: {
    en: 'the kubelet reports AppArmor enabled',
    nl: 'de kubelet meldt dat AppArmor is ingeschakeld',
  },
  defaultLsm: {
    en: '{os} enables {lsm} by default; not observed on the node (use the node-lsm probe)',
    nl: '{os} schakelt {lsm} standaard in; niet waargenomen op de node (gebruik de node-lsm-probe)',
  },
  defaultLsmPermissive: {
    en: '{os} enables {lsm} by default in permissive mode, which logs denials without enforcing them; counted as enabled, as the Haven standard counts Flatcar; not observed on the node (use the node-lsm probe)',
    nl: '{os} schakelt {lsm} standaard in, in permissive-modus, die weigeringen logt zonder ze af te dwingen; geteld als ingeschakeld, zoals de Haven-standaard Flatcar telt; niet waargenomen op de node (gebruik de node-lsm-probe)',
  },
  defaultOff: {
    en: '{os} ships without an enabled security module by default; inferred from that default, not observed on the node (use the node-lsm probe)',
    nl: '{os} wordt standaard geleverd zonder ingeschakelde beveiligingsmodule; afgeleid uit die standaardinstelling, niet waargenomen op de node (gebruik de node-lsm-probe)',
  },
  containerised: {
    en: 'runs on {platform} ({signal}): its osImage names the node image, not the system whose kernel the node runs on (the host, for a node in a container), so no security module is inferred from it; --probe node-lsm reads the modules of that kernel',
    nl: 'draait op {platform} ({signal}): het osImage noemt het node-image, niet het systeem op wiens kernel de node draait (de host, voor een node in een container), dus er wordt geen beveiligingsmodule uit afgeleid; --probe node-lsm leest de modules van die kernel',
  },
  containerisedProbeError: {
    en: 'runs on {platform} ({signal}): its osImage names the node image, not the system whose kernel the node runs on, so no security module is inferred from it; the node-lsm probe, which reads the modules of that kernel, failed: {error}',
    nl: 'draait op {platform} ({signal}): het osImage noemt het node-image, niet het systeem op wiens kernel de node draait, dus er wordt geen beveiligingsmodule uit afgeleid; de node-lsm-probe, die de modules van die kernel leest, faalde: {error}',
  },
  /** The {why} of undetermined. */
  unverifiedDefault: {
    en: "{os}'s default security module varies by release or installation, or is not documented",
    nl: 'de standaard-beveiligingsmodule van {os} verschilt per versie of installatie, of is niet gedocumenteerd',
  },
  unrecognisedOs: { en: 'unrecognised operating system', nl: 'onbekend besturingssysteem' },
  undetermined: {
    en: '{why}; use the node-lsm probe to observe it',
    nl: '{why}; gebruik de node-lsm-probe om dit waar te nemen',
  },
  undeterminedProbeError: {
    en: '{why}; probe error: {error}; use the node-lsm probe to observe it',
    nl: '{why}; fout van de probe: {error}; gebruik de node-lsm-probe om dit waar te nemen',
  },
  fail: {
    en: 'No security module or hardened OS on {count} node(s): {nodes}{inferred, plural, =0 {} other { (inferred from the OS default on # node(s))}}.',
    nl: 'Geen beveiligingsmodule of gehard besturingssysteem op {count, plural, one {# node} other {# nodes}}: {nodes}{inferred, plural, =0 {} one { (afgeleid uit de standaardinstelling van het besturingssysteem op # node)} other { (afgeleid uit de standaardinstelling van het besturingssysteem op # nodes)}}.',
  },
  unknown: {
    en: 'Hardening could not be determined for {count} node(s): {nodes}.',
    nl: 'Voor {count, plural, one {# node kon niet worden vastgesteld of die gehard is} other {# nodes kon niet worden vastgesteld of ze gehard zijn}}: {nodes}.',
  },
  pass: {
    en: '{count, plural, one {The only node runs} other {All # nodes run}} a hardened OS or a Linux security module{inferred, plural, =0 {} other { (inferred from the OS default on # node(s))}}.',
    nl: '{count, plural, one {De enige node draait} other {Alle # nodes draaien}} een gehard besturingssysteem of een Linux-beveiligingsmodule{inferred, plural, =0 {} one { (afgeleid uit de standaardinstelling van het besturingssysteem op # node)} other { (afgeleid uit de standaardinstelling van het besturingssysteem op # nodes)}}.',
  },
} as const;

export const privatenetworking = {
  noNodes: {
    en: 'The cluster has no nodes to inspect.',
    nl: 'Het cluster heeft geen nodes om te inspecteren.',
  },
  routable: { en: 'globally routable: {addresses}', nl: 'publiek routeerbaar: {addresses}' },
  noAddress: {
    en: 'no ExternalIP or InternalIP reported',
    nl: 'geen ExternalIP of InternalIP gemeld',
  },
  invalidAddress: {
    en: 'an address is not a valid IP address',
    nl: 'een adres is geen geldig IP-adres',
  },
  unrecognisedType: {
    en: 'address type {types} is not one the Kubernetes API defines (Hostname, InternalIP, ExternalIP, InternalDNS, ExternalDNS), so its address is not known to be private',
    nl: 'adrestype {types} is geen type dat de Kubernetes-API kent (Hostname, InternalIP, ExternalIP, InternalDNS, ExternalDNS), dus het is niet bekend of dat adres privé is',
  },
  fail: {
    en: '{count} node(s) have a globally routable address: {nodes}.',
    nl: '{count, plural, one {# node heeft} other {# nodes hebben}} een publiek routeerbaar adres: {nodes}.',
  },
  unknown: {
    en: 'Node addresses are missing, of an unrecognised type or could not be parsed on: {nodes}.',
    nl: 'Node-adressen ontbreken, hebben een onbekend type of konden niet worden ontleed op: {nodes}.',
  },
  pass: {
    en: '{count, plural, one {The only node has} other {All # nodes have}} only private addresses.',
    nl: '{count, plural, one {De enige node heeft} other {Alle # nodes hebben}} uitsluitend privé-adressen.',
  },
} as const;

export const rbac = {
  discoveryUnreadable: {
    en: 'API discovery could not be read ({code} {reason}).',
    nl: 'De API-discovery kon niet worden gelezen ({code} {reason}).',
  },
  reviewFailed: {
    en: 'The access review for an unprivileged user failed ({code} {reason}).',
    nl: 'De toegangscontrole (SubjectAccessReview) voor een gebruiker zonder rechten is mislukt ({code} {reason}).',
  },
  notEnforced: {
    en: 'An unprivileged user ({users}) may list secrets cluster-wide: authorization is not enforced.',
    nl: 'Een gebruiker zonder rechten ({users}) mag secrets in het hele cluster opvragen: autorisatie wordt niet afgedwongen.',
  },
  notServed: {
    en: 'The {groupVersion} API is not served.',
    nl: 'De API {groupVersion} wordt niet aangeboden.',
  },
  notReviewed: {
    en: 'RBAC is served, but no access review for an unprivileged user was collected, so enforcement is unproven.',
    nl: 'RBAC wordt aangeboden, maar er is geen toegangscontrole voor een gebruiker zonder rechten verzameld, dus afdwinging is niet aangetoond.',
  },
  pass: {
    en: 'RBAC is served and enforced: an unprivileged user may not list secrets cluster-wide.',
    nl: 'RBAC wordt aangeboden en afgedwongen: een gebruiker zonder rechten mag geen secrets in het hele cluster opvragen.',
  },
} as const;

export const rwxvolumes = {
  bound: {
    en: 'A ReadWriteMany claim bound.',
    nl: 'Een ReadWriteMany-claim is gebonden.',
  },
  boundWithClass: {
    en: 'A ReadWriteMany claim bound (StorageClass {storageClass}).',
    nl: 'Een ReadWriteMany-claim is gebonden (StorageClass {storageClass}).',
  },
  pending: {
    en: 'A ReadWriteMany claim did not bind before the timeout: {message}',
    nl: 'Een ReadWriteMany-claim is niet gebonden vóór de time-out: {message}',
  },
  probeFailed: {
    en: 'the probe could not run; decided from the cluster state',
    nl: 'de probe kon niet draaien; beslist op basis van de toestand van het cluster',
  },
  recognised: { en: 'recognised as {provisioner}', nl: 'herkend als {provisioner}' },
  storageClasses: {
    en: '{count, plural, one {StorageClass {names} can} other {StorageClasses {names} can}} provision ReadWriteMany volumes.',
    nl: '{count, plural, one {StorageClass {names} kan} other {De StorageClasses {names} kunnen}} ReadWriteMany-volumes aanmaken.',
  },
  notCapable: {
    en: 'no ReadWriteMany support known for this provisioner',
    nl: 'geen ReadWriteMany-ondersteuning bekend voor deze provisioner',
  },
  persistentVolumes: {
    en: '{count, plural, one {PersistentVolume {names} is} other {PersistentVolumes {names} are}} ReadWriteMany.',
    nl: '{count, plural, one {PersistentVolume {names} heeft} other {De PersistentVolumes {names} hebben}} toegangsmodus ReadWriteMany.',
  },
  fail: {
    en: 'No StorageClass with a ReadWriteMany-capable provisioner and no ReadWriteMany PersistentVolume ({classes, plural, one {# StorageClass} other {# StorageClasses}}, {volumes, plural, one {# PersistentVolume} other {# PersistentVolumes}}).',
    nl: 'Geen StorageClass met een provisioner die ReadWriteMany ondersteunt en geen ReadWriteMany-PersistentVolume ({classes, plural, one {# StorageClass} other {# StorageClasses}}, {volumes, plural, one {# PersistentVolume} other {# PersistentVolumes}}).',
  },
} as const;

export const shavalidation = {
  notVerified: {
    en: "The toolkit's own files were not verified (no integrity result was given).",
    nl: 'De eigen bestanden van de toolkit zijn niet geverifieerd (er is geen integriteitsresultaat opgegeven).',
  },
  unavailable: {
    en: "The toolkit's files could not be verified: {message}",
    nl: 'De bestanden van de toolkit konden niet worden geverifieerd: {message}',
  },
  pass: {
    en: '{files, plural, one {The one runtime file matches its sha256} other {All # runtime files match their sha256}} in the build manifest.',
    nl: '{files, plural, one {Het ene runtimebestand komt overeen met zijn sha256} other {Alle # runtimebestanden komen overeen met hun sha256}} in het buildmanifest.',
  },
  fail: {
    en: '{count} of {files} runtime files {count, plural, one {does} other {do}} not match the build manifest: {paths}.',
    nl: '{count} van de {files} runtimebestanden {count, plural, one {komt} other {komen}} niet overeen met het buildmanifest: {paths}.',
  },
} as const;
