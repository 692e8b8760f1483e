/**
 * The rules the register's findings bear on (compliance/frameworks/rules.yaml: DORA, NIS2, the
 * Dutch cloud policy), each with what this register shows for it: a mapping, never a legal
 * verdict. Pure.
 */
import {
  OUTSIDE_EU_EEA,
  message,
  type DependencyRegister,
  type RegisterText,
  type RuleMapping,
  type RulesFile,
} from '@havenkit/model';

type Shows = RulesFile['rules'][number]['shows'][number];

const MAX_NAMES = 5;

const names = (list: readonly string[]): string =>
  list.length === 0 ? '' : `: ${list.slice(0, MAX_NAMES).join(', ')}${list.length > MAX_NAMES ? ', …' : ''}`;

/** What the register shows for one part of a rule. */
function finding(shows: Shows, register: Omit<DependencyRegister, 'rules'>): RegisterText {
  const inUse = register.functions.filter((f) => f.status === 'in-use');
  switch (shows) {
    case 'register': {
      const parties = new Set(inUse.flatMap((f) => f.dependencies.map((d) => d.entity ?? d.name)));
      return message('register.showsRegister', { parties: parties.size, functions: inUse.length });
    }
    case 'outside-eu': {
      const outside = inUse.filter((f) => f.dependencies.some((d) => OUTSIDE_EU_EEA.has(d.jurisdiction)));
      const parties = [
        ...new Set(
          outside.flatMap((f) =>
            f.dependencies
              .filter((d) => OUTSIDE_EU_EEA.has(d.jurisdiction))
              .map((d) => d.ultimateParent?.name ?? d.name),
          ),
        ),
      ].sort();
      return message('register.showsOutsideEu', {
        outside: outside.length,
        inUse: inUse.length,
        parties: names(parties),
      });
    }
    case 'concentration': {
      const flagged = (register.concentration ?? []).filter((g) => g.critical.length >= 2);
      return message('register.showsConcentration', {
        groups: (register.concentration ?? []).length,
        flagged: flagged.length,
        names: names(flagged.map((g) => g.name)),
      });
    }
    case 'substitutability': {
      const judged = (register.concentration ?? []).filter((g) => g.substitutable !== undefined);
      if (judged.length === 0) return message('register.showsSubstitutableUnknown');
      const not = judged.filter((g) => g.substitutable === false);
      return message('register.showsSubstitutable', {
        notSubstitutable: not.length,
        names: names(not.map((g) => `${g.name} (${(g.notSubstitutable ?? []).join(', ')})`)),
      });
    }
    case 'cut-off':
      return register.cutOff ? register.cutOff.summary : message('register.showsNoCutOff');
    case 'exit': {
      const exit = (register as { exit?: { summary?: RegisterText } }).exit;
      return exit?.summary ?? message('register.showsNoExit');
    }
    case 'locations': {
      if (register.locations.length === 0) return message('register.showsNoLocations');
      const countries = register.locations.map((l) => `${l.country} (${l.nodes + l.volumes})`).join(', ');
      return message('register.showsLocations', { countries });
    }
  }
}

/** Every rule of the file with the register's findings for the parts it asks about. */
export function mapRules(file: RulesFile, register: Omit<DependencyRegister, 'rules'>): RuleMapping[] {
  const sources = new Map(file.sources.map((s) => [s.id, s]));
  return file.rules.map((rule) => {
    const source = sources.get(rule.source)!;
    return {
      id: rule.id,
      name: { en: rule.name.en, nl: rule.name.nl },
      asks: { en: rule.asks.en, nl: rule.asks.nl },
      source: { url: source.url, confidence: source.confidence },
      findings: rule.shows.map((shows) => ({ shows, text: finding(shows, register) })),
    };
  });
}
