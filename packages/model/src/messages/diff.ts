/** The texts of `havenkit diff` (renderDiff). */
export const diff = {
  header: { en: 'Comparing', nl: 'Vergelijking van' },
  with: { en: 'with', nl: 'met' },
  differentClusters: {
    en: 'Warning: the reports are of different clusters',
    nl: 'Let op: de rapporten gaan over verschillende clusters',
  },
  added: { en: 'Checks added', nl: 'Controles toegevoegd' },
  removed: { en: 'Checks removed', nl: 'Controles verwijderd' },
  changed: { en: 'Checks changed', nl: 'Controles gewijzigd' },
  regressed: { en: 'REGRESSED', nl: 'ACHTERUITGANG' },
  improved: { en: 'improved', nl: 'verbeterd' },
  evidenceOnly: { en: 'evidence changed', nl: 'bewijs gewijzigd' },
  nothing: { en: 'No changes.', nl: 'Geen wijzigingen.' },
  resultRegressed: {
    en: 'Result: something regressed.',
    nl: 'Uitkomst: er is iets achteruitgegaan.',
  },
  resultOk: { en: 'Result: nothing regressed.', nl: 'Uitkomst: niets is achteruitgegaan.' },
  evidenceAdded: { en: 'new', nl: 'nieuw' },
  settingsChanged: {
    en: 'Warning: the reports were evaluated with different settings',
    nl: 'Let op: de rapporten zijn met andere instellingen beoordeeld',
  },
  newlyOffending: { en: 'newly offending', nl: 'nieuw afgekeurd' },
  evidenceRemoved: { en: 'gone', nl: 'verdwenen' },
} as const;
