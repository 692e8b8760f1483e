import type { Language } from '@havenkit/model';

/** The language of the user's locale (LC_ALL, LC_MESSAGES, LANG): Dutch for nl*, else English. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_.-]|$)/i.test(locale) ? 'nl' : 'en';
}
