/**
 * The generic remediations: the next step for an unknown outcome, by cause, when the check's
 * catalogue file has no advice of its own for that cause. Remediation text (catalogue.schema.json
 * $defs/remediationText): paragraphs, "- " items, ``` code blocks, `inline code`. The commands are
 * Kubernetes' own: the default ClusterRoles and the health endpoints are documented at
 * https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings and
 * https://kubernetes.io/docs/reference/using-api/health-checks/ (both read 2026-12-01).
 */
export const remediation = {
  /** forbidden: the lead; `grant` or `defaultRoles` follows. */
  forbidden: {
    en: 'The API server refused a read this check needs: the identity havenkit ran as lacks a permission (the reason names the read that was refused).',
    nl: 'De API-server weigerde een leesactie die deze controle nodig heeft: de identiteit waarmee havenkit draaide mist een recht (de reden noemt de geweigerde leesactie).',
  },
  /** forbidden, for a check with permissions: the manifest granting them and the commands binding it. */
  grant: {
    en: 'Grant exactly the permissions this check needs, for example with this manifest (save it and run `kubectl apply -f FILE`):\n\n```yaml\n{manifest}\n```\n\nThen bind them to the identity havenkit runs as: replace USER, or use `--group=GROUP` or `--serviceaccount=NAMESPACE:NAME` instead of `--user`:\n\n```\n{bindings}\n```\n\nRun the check again afterwards; the clusteradmin check lists every permission that is still missing.',
    nl: 'Geef precies de rechten die deze controle nodig heeft, bijvoorbeeld met dit manifest (sla het op en voer `kubectl apply -f BESTAND` uit):\n\n```yaml\n{manifest}\n```\n\nKoppel ze daarna aan de identiteit waarmee havenkit draait: vervang USER, of gebruik `--group=GROEP` of `--serviceaccount=NAMESPACE:NAAM` in plaats van `--user`:\n\n```\n{bindings}\n```\n\nVoer de controle daarna opnieuw uit; de controle clusteradmin noemt elk recht dat dan nog ontbreekt.',
  },
  /** forbidden, for a check without permissions of its own (it reads /version or discovery). */
  defaultRoles: {
    en: 'This check needs nothing beyond what Kubernetes grants every authenticated user by default, through the ClusterRoles system:basic-user, system:discovery and system:public-info-viewer. Check that their bindings still exist and that havenkit authenticates as the identity you intended:\n\n```\nkubectl get clusterrolebinding system:basic-user system:discovery system:public-info-viewer\n```',
    nl: 'Deze controle heeft niets nodig boven wat Kubernetes standaard aan elke geauthenticeerde gebruiker geeft, via de ClusterRoles system:basic-user, system:discovery en system:public-info-viewer. Controleer of hun bindings nog bestaan en of havenkit zich aanmeldt als de bedoelde identiteit:\n\n```\nkubectl get clusterrolebinding system:basic-user system:discovery system:public-info-viewer\n```',
  },
  notCollected: {
    en: 'The snapshot does not hold the data this check needs: it was made for other checks (`--only`), by an older havenkit, or the data was not given to the evaluation. Collect again with this version of havenkit, with this check selected: `havenkit check`, or `havenkit snapshot --out FILE` and then `havenkit check --snapshot FILE`.',
    nl: 'De snapshot bevat de gegevens niet die deze controle nodig heeft: hij is gemaakt voor andere controles (`--only`) of door een oudere havenkit, of de gegevens zijn niet aan de evaluatie meegegeven. Verzamel opnieuw met deze versie van havenkit, met deze controle erbij: `havenkit check`, of `havenkit snapshot --out BESTAND` en daarna `havenkit check --snapshot BESTAND`.',
  },
  timeout: {
    en: "The API server did not answer in time, also after retries. Check its health and load, then run the check again, on a large cluster preferably when the API server is less busy:\n\n```\nkubectl get --raw='/readyz?verbose'\n```",
    nl: "De API-server antwoordde niet op tijd, ook niet na herhaalde pogingen. Controleer de gezondheid en de belasting van de API-server en voer de controle daarna opnieuw uit, bij een groot cluster bij voorkeur op een rustiger moment:\n\n```\nkubectl get --raw='/readyz?verbose'\n```",
  },
  apiError: {
    en: "The API server returned an error, also after retries; the reason gives its code and message. A 404 means that this cluster does not serve the resource type: check with `kubectl api-resources` whether its API group is installed. For a 5xx, check the API server's health and run the check again:\n\n```\nkubectl get --raw='/readyz?verbose'\n```",
    nl: "De API-server gaf een fout, ook na herhaalde pogingen; de reden noemt de code en de melding. Een 404 betekent dat dit cluster het resourcetype niet aanbiedt: controleer met `kubectl api-resources` of de API-groep is geïnstalleerd. Controleer bij een 5xx de gezondheid van de API-server en voer de controle opnieuw uit:\n\n```\nkubectl get --raw='/readyz?verbose'\n```",
  },
  insufficientData: {
    en: 'The data was read but does not allow a decision; the reason and the evidence say what is missing or not recognised. Correct what they name; when the bundled data is out of date, upgrade havenkit.',
    nl: 'De gegevens zijn gelezen maar laten geen oordeel toe; de reden en het bewijs zeggen wat ontbreekt of niet wordt herkend. Herstel wat daar staat; werk havenkit bij als de meegeleverde gegevens verouderd zijn.',
  },
} as const;
