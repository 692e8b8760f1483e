/** The texts of `havenkit verify` when a report verifies. */
export const verify = {
  verified: { en: '{report}: signature verified', nl: '{report}: handtekening klopt' },
  keyId: { en: 'key id', nl: 'sleutel-id' },
  subject: { en: 'subject', nl: 'onderwerp' },
  verdict: { en: 'verdict', nl: 'oordeel' },
  withWaivers: { en: 'with waivers', nl: 'met uitzonderingen' },
  reproduced: {
    en: '{count, plural, one {# check} other {# checks}} re-evaluated from {snapshot}, all match',
    nl: '{count, plural, one {# controle} other {# controles}} opnieuw beoordeeld vanuit {snapshot}, alle komen overeen',
  },
  registerReproduced: {
    en: 'made again from {snapshot}: the same register',
    nl: 'opnieuw gemaakt vanuit {snapshot}: hetzelfde register',
  },
  notReproduced: {
    en: 'not re-evaluated: add --snapshot FILE to evaluate the snapshot again and compare',
    nl: 'niet opnieuw beoordeeld: geef --snapshot BESTAND om de snapshot opnieuw te beoordelen en te vergelijken',
  },
} as const;
