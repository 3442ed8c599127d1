import { describe, expect, it } from 'vitest';
import { shownTexts } from '../../src/cli/proof';
import { parseConfig } from '../../src/config/parse';
import { cookieGroups } from '../../src/ui/cookie-rows';

/** Where an exempt audience measurement shows (docs/contract.md §17): the cookie table, the banner and preferences texts the proof bundle records. */
const config = (locale: 'fr' | 'en') =>
  parseConfig({ tenant: { id: 'mutuelle', name: 'Mutuelle', locale }, trackers: [{ id: 'matomo', exempt: true }, 'google-analytics'] });

describe('an exempt tracker', () => {
  it('is marked in the cookie table, in French and in English, its rows flagged', () => {
    const [, audience] = cookieGroups(config('fr'));
    const matomo = audience.cookies.filter((row) => row.trackerId === 'matomo');
    expect(new Set(matomo.map((row) => row.tracker))).toEqual(new Set(['Matomo (exempté de consentement)']));
    expect(matomo.every((row) => row.exempt)).toBe(true);
    expect(audience.cookies.find((row) => row.trackerId === 'google-analytics')).not.toHaveProperty('exempt');
    expect(cookieGroups(config('en'))[1].cookies[0].tracker).toBe('Matomo (exempt from consent)');
  });

  it('is named in the banner text and listed in a group of its own in the preferences, as the proof bundle records them', () => {
    const texts = shownTexts(config('fr'));
    expect(texts.banner.text).toContain('Mesure d’audience exemptée de consentement (Matomo)\u00a0: des statistiques anonymes');
    const groups = texts.preferences.categories.map((group) => [group.name, group.trackers.map((t) => [t.name, t.exempt ?? false])]);
    expect(groups).toEqual([
      ['Nécessaires au fonctionnement', []],
      ['Mesure d’audience', [['Google Analytics', false]]],
      ['Mesure d’audience exemptée de consentement', [['Matomo', true]]],
    ]);
  });
});
