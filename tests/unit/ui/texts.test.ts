import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse';
import { preferencesWords } from '../../../src/ui/preferences-texts';
import { httpUrl, words } from '../../../src/ui/texts';
import { testConfig } from './setup';

describe('lifetimes in words', () => {
  it.each([
    ['fr', '13mo', '13 mois'],
    ['fr', '30min', '30 minutes'],
    ['fr', '1y', '1 an'],
    ['fr', '2y', '2 ans'],
    ['fr', '1d', '1 jour'],
    ['fr', '24h', '24 heures'],
    ['fr', 'session', 'session'],
    ['fr', '1s', '1 seconde'],
    ['fr', '150s', '150 secondes'],
    ['fr', '2min30s', '2 minutes 30 secondes'],
    ['fr', '1y6mo', '1 an 6 mois'],
    ['fr', '1d1h1min1s', '1 jour 1 heure 1 minute 1 seconde'],
    ['en', '13mo', '13 months'],
    ['en', '2min30s', '2 minutes 30 seconds'],
    ['en', '1s', '1 second'],
    ['en', '1y1mo', '1 year 1 month'],
    ['en', '1mo', '1 month'],
    ['en', '30min', '30 minutes'],
    ['en', 'session', 'session'],
  ])('in %s, %s is “%s”', (locale, lifetime, expected) => {
    expect(preferencesWords(parseConfig(testConfig({}, { locale }))).lifetime(lifetime)).toBe(expected);
  });
});

describe('texts', () => {
  it('fill {placeholders}, the tenant’s name and consent length among them, and leave unknown ones', () => {
    const { t } = words(parseConfig(testConfig({ texts: { fr: { bannerTitle: '{tenant}, {months} mois, {inconnu}' } } }, { consentMaxAgeMonths: 9 })));
    expect(t('bannerTitle')).toBe('Mutuelle Test, 9 mois, {inconnu}');
  });

  it('take a tenant’s override in its locale only', () => {
    const config = testConfig({ texts: { en: { acceptAll: 'OK' } } });
    expect(words(parseConfig(config)).t('acceptAll')).toBe('Tout accepter');
    expect(words(parseConfig({ ...config, tenant: { ...config.tenant, locale: 'en' } })).t('acceptAll')).toBe('OK');
  });

  it('of the preferences hold the banner’s too, in the same locale, the tenant’s own first', () => {
    const config = testConfig({ texts: { en: { save: 'Keep {months} months' } } }, { locale: 'en', consentMaxAgeMonths: 6 });
    const { t } = preferencesWords(parseConfig(config));
    expect([t('save'), t('close'), t('acceptAll')]).toEqual(['Keep 6 months', 'Close', 'Accept all']);
    expect(preferencesWords(parseConfig(config), 'fr').t('close')).toBe('Fermer');
  });
});

describe('links', () => {
  it('are kept only when http: or https:', () => {
    expect(httpUrl('https://example.org/p')).toBe('https://example.org/p');
    expect(httpUrl('http://example.org/p')).toBe('http://example.org/p');
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('data:text/html,x')).toBeUndefined();
    expect(httpUrl('/relative')).toBeUndefined();
    expect(httpUrl(undefined)).toBeUndefined();
  });
});
