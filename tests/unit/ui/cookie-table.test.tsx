import { waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/config/catalog';
import { parseConfig } from '../../../src/config/parse';
import { init } from '../../../src/init';
import { renderCookieTable } from '../../../src/ui/index';
import { resolveTableConfig, start, testConfig } from './setup';

const rows = (table: HTMLElement) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));

describe('the cookie table of a privacy policy', () => {
  it('has one table per category with cookies, captioned by the category, one row per cookie', async () => {
    const element = document.createElement('div');
    await renderCookieTable(element, parseConfig(testConfig({ trackers: ['matomo', 'lisio'] })), resolveTableConfig);
    const tables = within(element).getAllByRole('table');
    expect(tables.map((t) => t.querySelector('caption')!.textContent)).toEqual(['Nécessaires au fonctionnement', 'Mesure d’audience']);
    expect([...tables[1].querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Traceur', 'Fournisseur', 'Cookie', 'Finalité', 'Durée']);
    expect(rows(tables[1])).toEqual([
      ['Matomo', 'Matomo (InnoCraft)', '_pk_id.*', 'Attribue un identifiant unique au visiteur pour mesurer l’audience.', '13 mois'],
      ['Matomo', 'Matomo (InnoCraft)', '_pk_ses.*', 'Conserve temporairement les données de la visite en cours.', '30 minutes'],
      ['Matomo', 'Matomo (InnoCraft)', '_pk_ref.*', 'Mémorise le site d’où provient le visiteur lors de sa première visite.', '6 mois'],
      ['Matomo', 'Matomo (InnoCraft)', '_pk_cvar.*', 'Conserve temporairement les variables personnalisées de la visite.', '30 minutes'],
    ]);
  });

  it('lists the consent cookie itself among the necessary ones, kept as long as the tenant says', async () => {
    const element = document.createElement('div');
    await renderCookieTable(element, parseConfig(testConfig({ trackers: ['lisio'], cookieName: 'choix' }, { consentMaxAgeMonths: 12 })), resolveTableConfig);
    expect(rows(within(element).getByRole('table'))).toEqual([
      ['Mutuelle Test', 'Mutuelle Test', 'choix', 'Conserve vos choix sur les cookies.', '12 mois'],
      ['Lisio', 'Lisio', 'lisio*', 'Mémorise les réglages d’affichage choisis par le visiteur.', '90 jours'],
    ]);
  });

  it('speaks the config’s locale, lifetimes included', async () => {
    const element = document.createElement('div');
    await renderCookieTable(element, parseConfig(testConfig({ trackers: ['google-analytics', 'youtube'] }, { locale: 'en' })), resolveTableConfig);
    const [, audience] = within(element).getAllByRole('table');
    expect(audience.querySelector('caption')!.textContent).toBe('Audience measurement');
    const lifetimes = rows(audience).map((row) => row[4]);
    expect(lifetimes).toContain('session');
    expect(lifetimes.some((l) => / months?$/.test(l!))).toBe(true);
    expect(element.querySelector('[lang]')!.getAttribute('lang')).toBe('en');
  });

  it('replaces what the element held', async () => {
    const element = document.createElement('div');
    element.innerHTML = '<p>Chargement…</p>';
    await renderCookieTable(element, parseConfig(testConfig()), resolveTableConfig);
    expect(element.textContent).not.toContain('Chargement');
    await renderCookieTable(element, parseConfig(testConfig({}, { locale: 'en' })), resolveTableConfig);
    expect(within(element).getAllByRole('table').map((t) => t.querySelector('caption')!.textContent)).toEqual([
      'Strictly necessary',
      'Audience measurement',
    ]);
  });

  it('fills every [data-temoin-cookie-table] of the page, and instance.renderCookieTable any element', async () => {
    document.body.innerHTML = '<main><h1>Confidentialité</h1><div data-temoin-cookie-table></div></main>';
    const instance = start();
    const filled = document.querySelector<HTMLElement>('[data-temoin-cookie-table]')!;
    await waitFor(() => expect(within(filled).getAllByRole('table').length).toBe(2));
    const other = document.createElement('section');
    await instance.renderCookieTable(other);
    expect(other.innerHTML).toBe(filled.innerHTML);
  });

  it('through init(), renders the table of the config a data-temoin-cookie-table names, resolved with init()’s catalog', async () => {
    const connected = testConfig({ trackers: [{ id: 'zendesk', cookies: [{ name: '__zlcmid', lifetime: '1y', purpose: { fr: 'Identifiant.' } }] }] });
    document.body.innerHTML = `<script type="application/json" id="connected">${JSON.stringify(connected)}</script>
      <div id="public" data-temoin-cookie-table></div><div id="member" data-temoin-cookie-table="#connected"></div>`;
    const publicConfig = testConfig({ trackers: [{ id: 'zendesk', cookies: [{ name: '__zlcmid', lifetime: '4h', purpose: { fr: 'Identifiant.' } }] }] });
    const instance = init(publicConfig as never, { catalog: Object.values(catalog) });
    const lifetimeOf = (id: string) => document.querySelector(`#${id} table:last-of-type tbody tr:last-child td:last-child`)?.textContent;
    await waitFor(() => expect([lifetimeOf('public'), lifetimeOf('member')]).toEqual(['4 heures', '1 an']));
    instance.destroy();
  });
});
