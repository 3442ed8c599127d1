import type { Locale } from '../config/types';

const UNITS: Record<Locale, Record<string, [one: string, many: string]>> = {
  fr: { min: ['minute', 'minutes'], h: ['heure', 'heures'], d: ['jour', 'jours'], mo: ['mois', 'mois'], y: ['an', 'ans'] },
  en: { min: ['minute', 'minutes'], h: ['hour', 'hours'], d: ['day', 'days'], mo: ['month', 'months'], y: ['year', 'years'] },
};
const SESSION: Record<Locale, string> = { fr: 'session', en: 'session' };

/** A catalog lifetime in words: `"13mo"` → "13 mois" / "13 months", `"session"` → "session". */
export function lifetimeInWords(lifetime: string, locale: Locale): string {
  const match = /^(\d+)(min|h|d|mo|y)$/.exec(lifetime);
  if (!match) return SESSION[locale];
  const count = Number(match[1]);
  const [one, many] = UNITS[locale][match[2]];
  return `${count} ${count === 1 ? one : many}`;
}
