import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { launcherButton, loadUi as loadTestUi, shadowRoot, start, testConfig, widget } from './setup';

describe('the banner, before any choice', () => {
  it('names the tenant and the purposes, links to the privacy policy, and says that continuing refuses', async () => {
    start();
    const ui = await widget();
    const banner = ui.getByRole('region', { name: 'Vos choix sur les cookies' });
    expect(banner.textContent).toContain('Mutuelle Test');
    expect(banner.textContent).toContain('Mesure d’audience');
    expect(banner.textContent).toContain('Continuer sans accepter revient à tout refuser.');
    expect(ui.getByRole('link', { name: 'Politique de confidentialité' }).getAttribute('href')).toBe('https://example.org/confidentialite');
  });

  it('offers Tout accepter, Tout refuser and Personnaliser with one same style, plus Continuer sans accepter', async () => {
    start();
    const ui = await widget();
    const three = ['Tout accepter', 'Tout refuser', 'Personnaliser'].map((name) => ui.getByRole('button', { name }));
    expect(new Set(three.map((button) => button.className)).size).toBe(1);
    expect(three[0].parentElement).toBe(three[2].parentElement);
    expect(ui.getByRole('button', { name: 'Continuer sans accepter' })).toBeTruthy();
  });

  it('lists the categories the config adds among the purposes, and only those with trackers', async () => {
    const youtube = { id: 'youtube', category: 'videos' };
    start(testConfig({ trackers: ['matomo', youtube], categories: [{ id: 'videos', name: { fr: 'Vidéos' } }, { id: 'ads', name: { fr: 'Publicité' } }] }));
    const banner = (await widget()).getByRole('region');
    expect(banner.textContent).toContain('Mesure d’audience, Vidéos');
    expect(banner.textContent).not.toContain('Publicité');
  });

  it('shows no privacy-policy link when the tenant has none', async () => {
    start(testConfig({}, { privacyPolicyUrl: undefined }));
    const ui = await widget();
    ui.getByRole('region');
    expect(ui.queryByRole('link')).toBeNull();
  });

  it('renders config texts as text, never as markup', async () => {
    start(testConfig({}, { name: '<img src=x onerror=alert(1)>' }));
    const banner = (await widget()).getByRole('region');
    expect(banner.querySelector('img')).toBeNull();
    expect(banner.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('is not modal and puts nothing in front of the page but itself', async () => {
    start();
    const ui = await widget();
    ui.getByRole('region');
    expect(ui.queryByRole('dialog')).toBeNull();
    expect(shadowRoot().querySelector('[aria-modal]')).toBeNull();
  });

  it('carries the locale on its root', async () => {
    start();
    await widget();
    expect(document.querySelector('[data-temoin-ui]')!.getAttribute('lang')).toBe('fr');
  });
});

describe('choosing in the banner', () => {
  it.each([
    ['Tout accepter', true],
    ['Tout refuser', false],
    ['Continuer sans accepter', false],
  ])('%s records that choice for every optional tracker, closes the banner and announces it', async (label, granted) => {
    const instance = start();
    const changes = vi.fn();
    instance.on('change', changes);
    const ui = await widget();
    fireEvent.click(ui.getByRole('button', { name: label }));
    expect(changes).toHaveBeenCalledTimes(1);
    expect(instance.getConsent()!.trackers).toEqual({ matomo: granted, 'google-analytics': granted, lisio: true });
    await waitFor(() => expect(ui.queryByRole('region')).toBeNull());
    expect(ui.getByRole('status').textContent).toBe('Choix enregistrés');
  });

  it('Personnaliser opens the preferences without recording anything, and the banner stays behind them', async () => {
    const instance = start();
    const ui = await widget();
    fireEvent.click(ui.getByRole('button', { name: 'Personnaliser' }));
    await waitFor(() => ui.getByRole('dialog', { name: 'Préférences de cookies' }));
    expect(instance.getConsent()).toBeNull();
    const banner = ui.getByRole('region', { hidden: true });
    expect(banner.inert || banner.hasAttribute('inert')).toBe(true);
    fireEvent.keyDown(ui.getByRole('dialog'), { key: 'Escape' });
    expect(ui.getByRole('region').inert || ui.getByRole('region').hasAttribute('inert')).toBe(false);
  });

  it('Escape, scrolling and leaving the page record nothing', async () => {
    const instance = start();
    const ui = await widget();
    const banner = ui.getByRole('region');
    fireEvent.keyDown(banner, { key: 'Escape' });
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.scroll(window);
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('beforeunload'));
    expect(instance.getConsent()).toBeNull();
    expect(document.cookie).not.toContain('temoin=');
    expect(ui.getByRole('region')).toBe(banner);
  });

  it('shows the floating Gestion des cookies button once a choice exists', async () => {
    start();
    const ui = await widget();
    expect(launcherButton()).toBeNull();
    fireEvent.click(ui.getByRole('button', { name: 'Tout refuser' }));
    expect(launcherButton()?.textContent).toBe('Gestion des cookies');
  });

  it('shows no floating button when the config turns it off', async () => {
    start(testConfig({ floatingButton: false }));
    const ui = await widget();
    fireEvent.click(ui.getByRole('button', { name: 'Tout accepter' }));
    expect(launcherButton()).toBeNull();
  });
});

describe('a returning visitor', () => {
  it('sees no banner and never loads the UI', async () => {
    start().acceptAll();
    const loadUi = vi.fn(loadTestUi);
    const { createInstance } = await import('../../../src/instance');
    const { parseConfig } = await import('../../../src/config/parse');
    const { launcherLook } = await import('../../../src/launcher-look');
    const { showLauncher } = await import('../../../src/launcher');
    const config = parseConfig(testConfig());
    const again = createInstance(config, { loadUi, launcher: showLauncher(launcherLook(config)) });
    await new Promise((done) => setTimeout(done, 20));
    expect(again.getConsent()).not.toBeNull();
    expect(loadUi).not.toHaveBeenCalled();
    again.destroy();
  });

  it('sees the banner again after reset()', async () => {
    const instance = start();
    const ui = await widget();
    fireEvent.click(ui.getByRole('button', { name: 'Tout accepter' }));
    await waitFor(() => expect(ui.queryByRole('region')).toBeNull());
    instance.reset();
    await waitFor(() => ui.getByRole('region'));
    expect(ui.getByRole('status').textContent).toBe('');
  });
});

describe('in English', () => {
  it('says Accept all, Reject all, Customise and Continue without accepting, and carries lang="en"', async () => {
    start(testConfig({}, { locale: 'en' }));
    const ui = await widget();
    for (const name of ['Accept all', 'Reject all', 'Customise', 'Continue without accepting']) ui.getByRole('button', { name });
    expect(ui.getByRole('region').textContent).toContain('Audience measurement');
    expect(document.querySelector('[data-temoin-ui]')!.getAttribute('lang')).toBe('en');
    fireEvent.click(ui.getByRole('button', { name: 'Reject all' }));
    await waitFor(() => expect(ui.getByRole('status').textContent).toBe('Choices saved'));
    expect(launcherButton()?.textContent).toBe('Cookie settings');
  });
});

describe('the tenant’s own texts', () => {
  it('replace any text of the locale, the launcher’s too', async () => {
    start(testConfig({ texts: { fr: { acceptAll: 'J’accepte tout', bannerTitle: 'Cookies chez {tenant}', manageCookies: 'Mes cookies' } } }));
    const ui = await widget();
    ui.getByRole('region', { name: 'Cookies chez Mutuelle Test' });
    fireEvent.click(ui.getByRole('button', { name: 'J’accepte tout' }));
    expect(launcherButton()?.textContent).toBe('Mes cookies');
  });
});
