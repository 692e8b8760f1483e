import type {
  Catalogue,
  CheckDefinition,
  LocalizedText,
  PermissionNeed,
  ResourceNeed,
  VerdictWithWaivers,
  Outcome,
  UnknownCause,
} from '@havenkit/model';
import { normalizeRemediation } from '../remediation-text.js';

/** The language of a generated page: English (docs/checks.md) or Dutch (docs/checks.nl.md). */
export type DocsLanguage = keyof LocalizedText;

/** The file each language is written to, relative to the repository root. */
export const CHECKS_DOC_FILES: Readonly<Record<DocsLanguage, string>> = {
  en: 'docs/checks.md',
  nl: 'docs/checks.nl.md',
};

type Text = Readonly<LocalizedText>;

/** One exit code of `havenkit check`, with the verdict it stands for (if any) and its meaning. */
export interface DocsExitCode {
  readonly code: number;
  /** Its name in the CLI's `ExitCode` (packages/cli/src/exit-codes.ts; checks-markdown.test.ts compares). */
  readonly name: string;
  readonly verdict?: VerdictWithWaivers;
  readonly meaning: Text;
}

/**
 * The exit codes of `havenkit check`, as documented. The CLI owns them (`ExitCode` in
 * packages/cli/src/exit-codes.ts); they are stated here as data because the checker must not
 * import the CLI (the CLI depends on the checker). checks-markdown.test.ts compares the two.
 */
export const CHECK_EXIT_CODES: readonly DocsExitCode[] = [
  {
    code: 0,
    name: 'Ok',
    verdict: 'compliant',
    meaning: {
      en: 'Every mandatory check ran, and each passed or was skipped: the cluster is Haven compliant.',
      nl: 'Elke verplichte controle is uitgevoerd en voldoet of is overgeslagen: het cluster is Haven-compliant.',
    },
  },
  {
    code: 1,
    name: 'NotCompliant',
    verdict: 'not-compliant',
    meaning: {
      en: 'At least one mandatory check failed.',
      nl: 'Minstens één verplichte controle voldoet niet.',
    },
  },
  {
    code: 2,
    name: 'Inconclusive',
    verdict: 'inconclusive',
    meaning: {
      en: 'No mandatory check failed, but one or more are unknown (missing data or permissions).',
      nl: 'Geen verplichte controle is afgekeurd, maar een of meer zijn onbekend (ontbrekende gegevens of rechten).',
    },
  },
  {
    code: 3,
    name: 'BadInput',
    meaning: {
      en: 'Bad input: flags, kubeconfig, context, snapshot file, releases file, waivers file or signing key.',
      nl: 'Ongeldige invoer: opties, kubeconfig, context, snapshotbestand, releasesbestand, uitzonderingenbestand of ondertekeningssleutel.',
    },
  },
  {
    code: 4,
    name: 'Unreachable',
    meaning: {
      en: 'The cluster could not be reached, cut off its answers, or is not a Kubernetes API server.',
      nl: 'Het cluster was niet bereikbaar, brak zijn antwoorden af, of is geen Kubernetes-API-server.',
    },
  },
  {
    code: 5,
    name: 'CompliantWithWaivers',
    verdict: 'compliant-with-waivers',
    meaning: {
      en: 'With `--waivers`: mandatory checks failed, but an active waiver covers every failure. Never 0: compliance with waivers is not compliance.',
      nl: 'Met `--waivers`: verplichte controles voldoen niet, maar een geldige uitzondering dekt elke afkeuring. Nooit 0: compliant met uitzonderingen is niet compliant.',
    },
  },
  {
    code: 6,
    name: 'SelectedPassed',
    verdict: 'selected-passed',
    meaning: {
      en: 'A run limited by `--only` that left mandatory checks out: every selected check passed or was skipped. Never 0: only a run of every mandatory check can show compliance.',
      nl: 'Een run die met `--only` verplichte controles heeft overgeslagen: elke gekozen controle voldoet of is overgeslagen. Nooit 0: alleen een run van alle verplichte controles kan compliance aantonen.',
    },
  },
  {
    code: 7,
    name: 'SelectedPassedWithWaivers',
    verdict: 'selected-passed-with-waivers',
    meaning: {
      en: 'As 6, with `--waivers`: the selected checks fail, but an active waiver covers every failure.',
      nl: 'Als 6, met `--waivers`: de gekozen controles voldoen niet, maar een geldige uitzondering dekt elke afkeuring.',
    },
  },
  {
    code: 12,
    name: 'PublishFailed',
    meaning: {
      en: '`--publish`: the report was made (and written where asked), but the cluster did not take it (no such kind, refused, or an object of that name that is not havenkit’s).',
      nl: '`--publish`: het rapport is gemaakt (en geschreven waar gevraagd), maar het cluster nam het niet aan (soort onbekend, geweigerd, of een object met die naam dat niet van havenkit is).',
    },
  },
];

const OUTCOMES: Readonly<Record<Outcome, Text>> = {
  pass: {
    en: 'The requirement is met; the reason says why and the evidence shows what was seen.',
    nl: 'Aan de eis is voldaan; de reden zegt waarom en het bewijs laat zien wat is waargenomen.',
  },
  fail: {
    en: 'The requirement is not met; the reason and the evidence name the nodes or objects that decided.',
    nl: 'Aan de eis is niet voldaan; de reden en het bewijs noemen de nodes of objecten die de doorslag gaven.',
  },
  skip: {
    en: 'Not applicable or not enabled (havenversion without `--haven-releases`, cncf on an unrecognised platform, a suggested check without its flag). A skipped mandatory check does not stand in the way of compliance.',
    nl: 'Niet van toepassing of niet ingeschakeld (havenversion zonder `--haven-releases`, cncf op een onbekend platform, een aanbevolen controle zonder de bijbehorende optie). Een overgeslagen verplichte controle staat compliance niet in de weg.',
  },
  unknown: {
    en: 'The check could not decide; the report gives the cause (below). Missing or unreadable data is never a pass.',
    nl: 'De controle kon niet beslissen; het rapport geeft de oorzaak (zie hieronder). Ontbrekende of onleesbare gegevens leiden nooit tot "voldoet".',
  },
};

const OUTCOME_WORDS: Readonly<Record<Outcome, Text>> = {
  pass: { en: 'passed', nl: 'voldoet' },
  fail: { en: 'failed', nl: 'voldoet niet' },
  skip: { en: 'skipped', nl: 'overgeslagen' },
  unknown: { en: 'unknown', nl: 'onbekend' },
};

const CAUSES: Readonly<Record<UnknownCause, Text>> = {
  forbidden: {
    en: 'The API server refused the read (401 or 403): the identity lacks a permission; the clusteradmin check lists which.',
    nl: 'De API-server weigerde het lezen (401 of 403): de identiteit mist een recht; de controle clusteradmin noemt welke.',
  },
  'not-collected': {
    en: 'The snapshot does not hold the data: it was not collected (for example a snapshot taken with `--only` for other checks) or not given to the evaluation.',
    nl: 'De snapshot bevat de gegevens niet: ze zijn niet verzameld (bijvoorbeeld een snapshot die met `--only` voor andere controles is gemaakt) of niet aan de evaluatie meegegeven.',
  },
  timeout: {
    en: 'The read timed out (408, 504 or a timeout reason), also after retries.',
    nl: 'Het lezen duurde te lang (408, 504 of een time-out), ook na herhaalde pogingen.',
  },
  'api-error': {
    en: 'Another API error, for example 404 for a resource type that is not installed, or a 5xx after retries.',
    nl: 'Een andere API-fout, bijvoorbeeld 404 voor een resourcetype dat niet is geïnstalleerd, of een 5xx na herhaalde pogingen.',
  },
  'insufficient-data': {
    en: 'The data was read but does not allow a decision: an unrecognised operating system, an unparsable version, data outside the bundled tables, or a check that tripped over unexpected data.',
    nl: 'De gegevens zijn gelezen maar laten geen oordeel toe: een onbekend besturingssysteem, een onleesbare versie, gegevens buiten de meegeleverde tabellen, of een controle die op onverwachte gegevens stuitte.',
  },
};

const VERDICTS: Readonly<Record<VerdictWithWaivers, Text>> = {
  compliant: { en: 'compliant', nl: 'compliant' },
  'compliant-with-waivers': { en: 'compliant with waivers', nl: 'compliant met uitzonderingen' },
  'not-compliant': { en: 'not compliant', nl: 'niet compliant' },
  inconclusive: { en: 'inconclusive', nl: 'geen eindoordeel' },
  'selected-passed': { en: 'selected checks passed', nl: 'gekozen controles voldoen' },
  'selected-passed-with-waivers': {
    en: 'selected checks passed with waivers',
    nl: 'gekozen controles voldoen met uitzonderingen',
  },
};

/** The snapshot sections a check may read besides resources (catalogue.schema.json `needs.sections`). */
const SECTIONS: Readonly<Record<string, Text>> = {
  version: {
    en: 'the server version (`GET /version`)',
    nl: 'de serverversie (`GET /version`)',
  },
  discovery: {
    en: 'the API groups and versions the server serves (discovery)',
    nl: 'de API-groepen en -versies die de server aanbiedt (discovery)',
  },
  'access.self': {
    en: "SelfSubjectAccessReviews of the identity's permissions (`access.self`)",
    nl: 'SelfSubjectAccessReviews van de rechten van de identiteit (`access.self`)',
  },
  'access.unprivileged': {
    en: 'a SubjectAccessReview for a made-up, unprivileged user (`access.unprivileged`)',
    nl: 'een SubjectAccessReview voor een verzonnen gebruiker zonder rechten (`access.unprivileged`)',
  },
  'probes.rwx': {
    en: 'the result of `--probe rwx`, when it ran (`probes.rwx`)',
    nl: 'het resultaat van `--probe rwx`, als die is uitgevoerd (`probes.rwx`)',
  },
  'probes.nodeLsm': {
    en: 'the result of `--probe node-lsm`, when it ran (`probes.nodeLsm`)',
    nl: 'het resultaat van `--probe node-lsm`, als die is uitgevoerd (`probes.nodeLsm`)',
  },
};

const code = (s: string): string => `\`${s}\``;
const cell = (s: string): string => s.replaceAll('|', '\\|');
/** A code word with its translation, when the translation says something else. */
const named = (word: string, text: string): string =>
  text === word || text === word.replaceAll('-', ' ') ? code(word) : `${code(word)} (${text})`;

/** A Markdown table padded as Prettier pads it, so the page is Prettier-stable as generated. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  const [head, ...body] = all;
  return [line(head ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

function resourceLine(need: ResourceNeed, lang: DocsLanguage): string {
  const en = lang === 'en';
  const parts = [code(need.resource)];
  if (need.namespace) parts.push(`in namespace ${code(need.namespace)}`);
  if (need.fieldSelector) parts.push(`${en ? 'field selector' : 'veldselector'} ${code(need.fieldSelector)}`);
  if (need.labelSelector)
    parts.push(`${en ? 'label selector' : 'labelselector'} ${code(need.labelSelector)}`);
  const text = parts.join(', ');
  if (!need.optional) return text;
  return en ? `${text} (optional: supporting evidence)` : `${text} (optioneel: aanvullend bewijs)`;
}

function permissionLine(p: PermissionNeed, lang: DocsLanguage): string {
  const resource = p.group ? `${p.resource}.${p.group}` : p.resource;
  const where = p.namespace
    ? ` in namespace ${code(p.namespace)}`
    : lang === 'en'
      ? ', cluster-wide'
      : ', clusterbreed';
  return `${code(p.verb)} ${code(resource)}${where}`;
}

function sectionLine(section: string, lang: DocsLanguage, check: string): string {
  const text = SECTIONS[section];
  if (!text) {
    throw new Error(
      `checks-markdown: check "${check}" reads snapshot section "${section}", which has no description; add it to SECTIONS in packages/checker/src/docs/checks-markdown.ts`,
    );
  }
  return text[lang];
}

function checkSection(check: CheckDefinition, lang: DocsLanguage): string[] {
  const en = lang === 'en';
  const reads = [
    ...check.needs.resources.map((r) => resourceLine(r, lang)),
    ...(check.needs.sections ?? []).map((s) => sectionLine(s, lang, check.name)),
  ];
  const permissions = check.needs.permissions.map((p) => permissionLine(p, lang));
  const none = en ? '- none' : '- geen';
  const mandatory = check.mandatory
    ? en
      ? 'mandatory: decides the verdict'
      : 'verplicht: telt mee voor het oordeel'
    : en
      ? 'suggested: reported separately, never changes the verdict'
      : 'aanbevolen: apart gerapporteerd, verandert het oordeel nooit';
  return [
    `### ${check.name}`,
    '',
    `- **Label:** ${check.label}`,
    `- **${en ? 'Category' : 'Categorie'}:** ${check.category}`,
    `- **Status:** ${mandatory}`,
    '',
    `**${en ? 'Why' : 'Waarom'}.** ${check.rationale[lang]}`,
    '',
    `**${en ? 'How it decides' : 'Hoe de controle beslist'}.** ${check.decides[lang]}`,
    '',
    ...remediationLines(check, lang),
    `**${en ? 'Reads' : 'Leest'}:**`,
    '',
    ...(reads.length > 0
      ? reads.map((r) => `- ${r}`)
      : [en ? '- nothing from the cluster' : '- niets uit het cluster']),
    '',
    `**${en ? 'Permissions needed' : 'Benodigde rechten'}:**`,
    '',
    ...(permissions.length > 0 ? permissions.map((p) => `- ${p}`) : [none]),
    '',
  ];
}

/** What to do when the check fails, and when it is unknown for a cause it has advice of its own for. */
function remediationLines(check: CheckDefinition, lang: DocsLanguage): string[] {
  const en = lang === 'en';
  const remediation = check.remediation;
  if (!remediation) return [];
  const unknown = Object.entries(remediation.unknown ?? {}) as [UnknownCause, Text][];
  const sources = (remediation.sources ?? []).map((s) => s.url);
  return [
    `**${en ? 'What to do when it fails' : 'Wat te doen bij afkeuring'}:**`,
    '',
    normalizeRemediation(remediation.fail[lang]),
    '',
    ...unknown.flatMap(([cause, text]) => [
      `**${en ? 'What to do when it is unknown' : 'Wat te doen bij een onbekende uitkomst'} (${code(cause)}):**`,
      '',
      normalizeRemediation(text[lang]),
      '',
    ]),
    ...(sources.length > 0 ? [`**${en ? 'Sources' : 'Bronnen'}:** ${sources.join(', ')}`, ''] : []),
  ];
}

function intro(catalogue: Catalogue, checks: readonly CheckDefinition[], lang: DocsLanguage): string[] {
  const mandatory = checks.filter((c) => c.mandatory).length;
  const suggested = checks.length - mandatory;
  const dir = `compliance/haven/v${catalogue.havenVersion.replace(/^v/, '').split('.')[0] ?? ''}/`;
  if (lang === 'en') {
    return [
      '# Haven checks',
      '',
      `<!-- Generated from ${dir}*.yaml by \`pnpm docs:checks\`. Do not edit: change the catalogue and regenerate. -->`,
      '',
      `havenkit implements the ${checks.length} checks of Haven ${catalogue.havenVersion}: ${mandatory} mandatory and ${suggested} suggested, with the names, labels and categories of the official Haven Compliancy Checker. For each check this page says why the standard asks for it, how havenkit decides, which evidence the report shows, and what it reads and needs. It is generated from the catalogue in \`${dir}\`, the same data the checker runs with. Nederlandse versie: [checks.nl.md](checks.nl.md).`,
      '',
      '## What the checker reads',
      '',
      '- **Read-only.** A live `havenkit check` (like `havenkit snapshot`) lists exactly the resources the enabled checks need (listed per check below), page by page, and reads the server version and API discovery. With access reviews it asks the API server which of the needed permissions its identity has, and whether a made-up user may list Secrets; the API server answers these without storing anything. havenkit never reads Secrets and changes nothing.',
      '- **Opt-in probes are the only writes.** `--probe rwx` and `--probe node-lsm` create objects in a namespace of their own (`havenkit-probe-…`, labelled `app.kubernetes.io/managed-by=havenkit`) that is deleted afterwards, also on Ctrl-C and SIGTERM.',
      '- **One snapshot.** Everything read is one ClusterSnapshot ([snapshot.md](snapshot.md)). `havenkit snapshot --out FILE` saves it and `havenkit check --snapshot FILE` evaluates it later, offline. Checks are pure functions of the snapshot that take its `collectedAt` as "now", so the same snapshot always gives the same report.',
      '- **Missing data is never a pass.** A resource that was not collected or could not be read makes every check that needs it unknown, with the cause.',
      '',
      '## Verdict and exit codes',
      '',
      `Only the mandatory checks decide the verdict: the cluster is compliant when every mandatory check passed or was skipped. Suggested checks are reported separately. \`havenkit check\` ends with these exit codes; errors are one line on stderr.`,
      '',
    ];
  }
  return [
    '# Haven-controles',
    '',
    `<!-- Gegenereerd uit ${dir}*.yaml met \`pnpm docs:checks\`. Niet met de hand bewerken: pas de catalogus aan en genereer opnieuw. -->`,
    '',
    `havenkit voert de ${checks.length} controles van Haven ${catalogue.havenVersion} uit: ${mandatory} verplichte en ${suggested} aanbevolen, met de namen, labels en categorieën van de officiële Haven Compliancy Checker. Per controle staat op deze pagina waarom de standaard erom vraagt, hoe havenkit beslist, welk bewijs het rapport toont en wat de controle leest en nodig heeft. De pagina wordt gegenereerd uit de catalogus in \`${dir}\`, dezelfde gegevens waarmee de checker werkt. English version: [checks.md](checks.md).`,
    '',
    '## Wat de checker leest',
    '',
    '- **Alleen lezen.** Een live `havenkit check` (net als `havenkit snapshot`) vraagt precies de resources op die de ingeschakelde controles nodig hebben (hieronder per controle vermeld), pagina voor pagina, en leest de serverversie en de API-discovery. Met access reviews vraagt havenkit de API-server welke van de benodigde rechten zijn identiteit heeft, en of een verzonnen gebruiker Secrets mag opvragen; de API-server beantwoordt die vragen zonder iets op te slaan. havenkit leest nooit Secrets en verandert niets.',
    '- **Optionele probes zijn de enige schrijfacties.** `--probe rwx` en `--probe node-lsm` maken objecten aan in een eigen namespace (`havenkit-probe-…`, met het label `app.kubernetes.io/managed-by=havenkit`) die na afloop wordt verwijderd, ook bij Ctrl-C en SIGTERM.',
    '- **Eén snapshot.** Alles wat is gelezen vormt één ClusterSnapshot ([snapshot.md](snapshot.md), Engelstalig). `havenkit snapshot --out BESTAND` slaat die op en `havenkit check --snapshot BESTAND` beoordeelt hem later, offline. De controles zijn pure functies van de snapshot en nemen `collectedAt` als "nu", dus dezelfde snapshot geeft altijd hetzelfde rapport.',
    '- **Ontbrekende gegevens leiden nooit tot "voldoet".** Een resource die niet is verzameld of niet gelezen kon worden, maakt elke controle die hem nodig heeft onbekend, met de oorzaak erbij.',
    '',
    '## Oordeel en exitcodes',
    '',
    'Alleen de verplichte controles bepalen het oordeel: het cluster is compliant als elke verplichte controle voldoet of is overgeslagen. Aanbevolen controles worden apart gerapporteerd. `havenkit check` eindigt met deze exitcodes; fouten verschijnen als één regel op stderr.',
    '',
  ];
}

function exitCodeTable(lang: DocsLanguage): string[] {
  const rows = CHECK_EXIT_CODES.map((e) => [
    String(e.code),
    e.verdict ? named(e.verdict, VERDICTS[e.verdict][lang]) : '–',
    e.meaning[lang],
  ]);
  return table(
    lang === 'en' ? ['Exit code', 'Verdict', 'Meaning'] : ['Exitcode', 'Oordeel', 'Betekenis'],
    rows,
  );
}

function outcomes(lang: DocsLanguage): string[] {
  const en = lang === 'en';
  const outcomeRows = (Object.keys(OUTCOMES) as Outcome[]).map((o) => [
    named(o, OUTCOME_WORDS[o][lang]),
    OUTCOMES[o][lang],
  ]);
  const causeRows = (Object.keys(CAUSES) as UnknownCause[]).map((c) => [code(c), CAUSES[c][lang]]);
  return [
    en ? '## Outcomes' : '## Uitkomsten',
    '',
    en
      ? 'Every check ends in one of four outcomes, always with a one-sentence reason and the evidence behind it.'
      : 'Elke controle eindigt in een van vier uitkomsten, altijd met een reden van één zin en het bewijs erachter.',
    '',
    ...table(en ? ['Outcome', 'Meaning'] : ['Uitkomst', 'Betekenis'], outcomeRows),
    '',
    en ? 'An unknown outcome names its cause:' : 'Bij een onbekende uitkomst staat de oorzaak vermeld:',
    '',
    ...table(en ? ['Cause', 'Meaning'] : ['Oorzaak', 'Betekenis'], causeRows),
    '',
    en
      ? "**What to do.** After the results, every report says what to do about each check that failed or is unknown: for a failure the advice given per check below; for an unknown the check's advice for that cause where it has one, else a generic next step for the cause. For `forbidden` the report adds a ClusterRole (and a Role for reads in one namespace) granting exactly the permissions the check needs, with the `kubectl` command that binds it."
      : '**Wat te doen.** Na de resultaten zegt elk rapport wat te doen aan elke controle die is afgekeurd of onbekend is: bij een afkeuring het advies dat hieronder per controle staat; bij een onbekende uitkomst het advies van de controle voor die oorzaak als ze dat heeft, en anders een algemene volgende stap voor de oorzaak. Bij `forbidden` voegt het rapport een ClusterRole toe (en een Role voor leesacties in één namespace) met precies de rechten die de controle nodig heeft, met het `kubectl`-commando dat die koppelt.',
    '',
    en
      ? '**Evidence.** Each evidence item names the object (kind such as Node, StorageClass, APIService or Pod, or a pseudo-kind such as Version, Discovery, SubjectAccessReview or Probe; namespace; name) and the fields that decided, flattened (`labels.topology.kubernetes.io/zone: nl-ams-1`). An item marked `inferred` is an inference, not an observation (for example SELinux assumed from the operating system); a note says how an item counted.'
      : '**Bewijs.** Elk bewijsitem noemt het object (de soort, zoals Node, StorageClass, APIService of Pod, of een pseudosoort zoals Version, Discovery, SubjectAccessReview of Probe; de namespace; de naam) en de velden die de doorslag gaven, als platte sleutels met hun waarde (`labels.topology.kubernetes.io/zone: nl-ams-1`). Een item gemarkeerd als `inferred` (afgeleid) is een afleiding, geen waarneming (bijvoorbeeld SELinux aangenomen op grond van het besturingssysteem); een notitie zegt hoe een item is meegeteld.',
    '',
  ];
}

function overview(checks: readonly CheckDefinition[], lang: DocsLanguage): string[] {
  const en = lang === 'en';
  const rows = checks.map((c) => [
    `[${c.name}](#${c.name})`,
    c.label,
    c.category,
    c.mandatory ? (en ? 'mandatory' : 'verplicht') : en ? 'suggested' : 'aanbevolen',
  ]);
  return [
    en ? '## The checks' : '## De controles',
    '',
    en
      ? 'In the order of the report: by category, as the official checker orders them, then by name.'
      : 'In de volgorde van het rapport: per categorie, zoals de officiële checker ze ordent, en dan op naam.',
    '',
    ...table(
      en ? ['Check', 'Label', 'Category', 'Status'] : ['Controle', 'Label', 'Categorie', 'Status'],
      rows,
    ),
    '',
  ];
}

/**
 * docs/checks.md (English) or docs/checks.nl.md (Dutch), generated from the catalogue, never kept
 * by hand: what the checker reads, the verdicts and exit codes, the outcomes and unknown causes,
 * and one section per check in catalogue order (label, category, status, rationale, how it
 * decides, what to do when it does not pass, what it reads, the permissions it needs). The text
 * is Prettier-stable as returned.
 * `pnpm docs:checks` rewrites both files; a test checks they are current.
 *
 * @param lang the page's language: its prose, and each check's rationale and `decides` text.
 *   @default 'en'
 */
export function checksMarkdown(catalogue: Catalogue, lang: DocsLanguage = 'en'): string {
  const checks = catalogue.checks;
  const lines = [
    ...intro(catalogue, checks, lang),
    ...exitCodeTable(lang),
    '',
    ...outcomes(lang),
    ...overview(checks, lang),
    ...checks.flatMap((c) => checkSection(c, lang)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
