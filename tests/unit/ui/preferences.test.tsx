import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { launcherButton, shadowRoot, start, testConfig, widget } from './setup';

/** Opens the preferences the way a visitor does, from the banner, and returns the widget's queries. */
async function openFromBanner(config?: unknown) {
  const instance = start(config);
  const ui = await widget();
  fireEvent.click(ui.getByRole('button', { name: 'Personnaliser' }));
  const dialog = await waitFor(() => ui.getByRole('dialog', { name: 'Préférences de cookies' }));
  return { instance, ui, dialog };
}

const input = (element: HTMLElement) => element as HTMLInputElement;
const active = () => shadowRoot().activeElement;

describe('the preferences before any choice', () => {
  it('is a modal dialog named by its title, which gets the focus', async () => {
    const { dialog } = await openFromBanner();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(active()?.textContent).toBe('Préférences de cookies');
    expect(dialog.contains(active())).toBe(true);
  });

  it('has every optional switch off, and the functional category on, disabled, always active', async () => {
    const { ui } = await openFromBanner();
    for (const name of ['Matomo', 'Google Analytics']) {
      const control = input(ui.getByRole('switch', { name }));
      expect(control.checked).toBe(false);
      expect(control.disabled).toBe(false);
    }
    const audience = input(ui.getByRole('checkbox', { name: 'Mesure d’audience' }));
    expect([audience.checked, audience.indeterminate]).toEqual([false, false]);
    const functional = input(ui.getByRole('checkbox', { name: 'Nécessaires au fonctionnement' }));
    expect([functional.checked, functional.disabled]).toEqual([true, true]);
    expect(ui.getByText('Toujours actif').id).toBe(functional.getAttribute('aria-describedby'));
    const lisio = input(ui.getByRole('switch', { name: 'Lisio' }));
    expect([lisio.checked, lisio.disabled]).toEqual([true, true]);
  });

  it('shows each tracker’s provider, description, privacy policy and cookies with their lifetime in words', async () => {
    const { dialog, ui } = await openFromBanner(testConfig({ trackers: ['matomo', 'youtube'] }));
    const text = dialog.textContent!;
    expect(text).toContain('Fournisseur\u00a0: Matomo (InnoCraft)');
    expect(text).toContain('Outil de mesure d’audience');
    expect(ui.getByRole('link', { name: 'Politique de confidentialité de Matomo' }).getAttribute('href')).toBe('https://matomo.org/privacy-policy/');
    expect(text).toContain('_pk_id.* (13 mois) — Attribue un identifiant unique');
    expect(text).toContain('_pk_ses.* (30 minutes)');
    expect(text).toContain('YSC (session)');
  });

  it('has three buttons of one style: Tout accepter, Tout refuser, Enregistrer mes choix', async () => {
    const { dialog } = await openFromBanner();
    const buttons = ['Tout accepter', 'Tout refuser', 'Enregistrer mes choix'].map(
      (name) => [...dialog.querySelectorAll('button')].find((b) => b.textContent === name)!,
    );
    expect(new Set(buttons.map((b) => b.className)).size).toBe(1);
  });
});

describe('switching', () => {
  it('a category switch sets all of its trackers, and back', async () => {
    const { ui } = await openFromBanner();
    fireEvent.click(ui.getByRole('checkbox', { name: 'Mesure d’audience' }));
    expect(input(ui.getByRole('switch', { name: 'Matomo' })).checked).toBe(true);
    expect(input(ui.getByRole('switch', { name: 'Google Analytics' })).checked).toBe(true);
    fireEvent.click(ui.getByRole('checkbox', { name: 'Mesure d’audience' }));
    expect(input(ui.getByRole('switch', { name: 'Matomo' })).checked).toBe(false);
    expect(input(ui.getByRole('switch', { name: 'Google Analytics' })).checked).toBe(false);
  });

  it('a partly granted category shows “Partiel” and is mixed; all its trackers on makes it on', async () => {
    const { ui } = await openFromBanner();
    fireEvent.click(ui.getByRole('switch', { name: 'Matomo' }));
    const audience = input(ui.getByRole('checkbox', { name: 'Mesure d’audience' }));
    expect([audience.checked, audience.indeterminate]).toEqual([false, true]);
    expect(ui.getByText('Partiel').id).toBe(audience.getAttribute('aria-describedby'));
    fireEvent.click(ui.getByRole('switch', { name: 'Google Analytics' }));
    expect([audience.checked, audience.indeterminate]).toEqual([true, false]);
    expect(ui.queryByText('Partiel')).toBeNull();
  });

  it('records nothing until a button of the dialog is pressed', async () => {
    const { instance, ui } = await openFromBanner();
    fireEvent.click(ui.getByRole('switch', { name: 'Matomo' }));
    expect(instance.getConsent()).toBeNull();
  });
});

describe('choosing in the preferences', () => {
  it('Enregistrer mes choix records the switches as they are, closes everything and announces it', async () => {
    const { instance, ui } = await openFromBanner();
    const changes = vi.fn();
    instance.on('change', changes);
    fireEvent.click(ui.getByRole('switch', { name: 'Matomo' }));
    fireEvent.click(ui.getByRole('button', { name: 'Enregistrer mes choix' }));
    expect(changes).toHaveBeenCalledTimes(1);
    expect(instance.getConsent()!.trackers).toEqual({ matomo: true, 'google-analytics': false, lisio: true });
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
    expect(ui.queryByRole('region')).toBeNull();
    expect(ui.getByRole('status').textContent).toBe('Choix enregistrés');
  });

  it.each([
    ['Tout accepter', true],
    ['Tout refuser', false],
  ])('%s grants or refuses every optional tracker, whatever the switches say', async (label, granted) => {
    const { instance, ui } = await openFromBanner();
    fireEvent.click(ui.getByRole('switch', { name: 'Matomo' }));
    fireEvent.click(ui.getAllByRole('button', { name: label }).at(-1)!);
    expect(instance.getConsent()!.trackers).toEqual({ matomo: granted, 'google-analytics': granted, lisio: true });
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
  });
});

describe('after a choice', () => {
  it('the floating button opens the preferences showing the stored choice, and gets the focus back after saving', async () => {
    const instance = start();
    instance.update({ trackers: { 'google-analytics': true } });
    const launcher = launcherButton()!;
    launcher.focus();
    fireEvent.click(launcher);
    const ui = await widget();
    await waitFor(() => ui.getByRole('dialog'));
    expect(input(ui.getByRole('switch', { name: 'Matomo' })).checked).toBe(false);
    expect(input(ui.getByRole('switch', { name: 'Google Analytics' })).checked).toBe(true);
    expect(input(ui.getByRole('checkbox', { name: 'Mesure d’audience' })).indeterminate).toBe(true);
    fireEvent.click(ui.getByRole('switch', { name: 'Google Analytics' }));
    fireEvent.click(ui.getByRole('button', { name: 'Enregistrer mes choix' }));
    expect(instance.isGranted('google-analytics')).toBe(false);
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
    expect(launcherButton()).toBe(launcher);
    expect(launcher.getRootNode() instanceof ShadowRoot && (launcher.getRootNode() as ShadowRoot).activeElement).toBe(launcher);
  });

  it('any page element with data-temoin-open opens the preferences', async () => {
    const instance = start();
    instance.rejectAll();
    document.body.insertAdjacentHTML('beforeend', '<footer><a href="#" data-temoin-open>Cookies</a></footer>');
    fireEvent.click(document.querySelector('[data-temoin-open]')!);
    const ui = await widget();
    await waitFor(() => ui.getByRole('dialog', { name: 'Préférences de cookies' }));
  });

  it('switches changed then closed without saving come back as stored when reopened', async () => {
    const instance = start();
    instance.acceptAll();
    instance.showPreferences();
    const ui = await widget();
    await waitFor(() => ui.getByRole('dialog'));
    fireEvent.click(ui.getByRole('switch', { name: 'Matomo' }));
    fireEvent.click(ui.getByRole('button', { name: 'Fermer' }));
    expect(ui.queryByRole('dialog')).toBeNull();
    instance.showPreferences();
    await waitFor(() => ui.getByRole('dialog'));
    expect(input(ui.getByRole('switch', { name: 'Matomo' })).checked).toBe(true);
    expect(instance.isGranted('matomo')).toBe(true);
  });
});

describe('keyboard', () => {
  it('Escape anywhere in the dialog closes it without recording; the banner is still there', async () => {
    const { instance, ui, dialog } = await openFromBanner();
    fireEvent.keyDown(ui.getByRole('switch', { name: 'Matomo' }), { key: 'Escape' });
    expect(dialog.isConnected).toBe(false);
    expect(instance.getConsent()).toBeNull();
    expect(ui.getByRole('region')).toBeTruthy();
  });

  it('returns the focus to the element that opened the dialog', async () => {
    const instance = start();
    const ui = await widget();
    const customise = ui.getByRole('button', { name: 'Personnaliser' });
    customise.focus();
    fireEvent.click(customise);
    await waitFor(() => ui.getByRole('dialog'));
    expect(active()).not.toBe(customise);
    fireEvent.keyDown(ui.getByRole('dialog'), { key: 'Escape' });
    expect(active()).toBe(customise);
    expect(instance.getConsent()).toBeNull();
  });

  it('Tab from the last button goes to the first one, Shift+Tab from the first or the title to the last', async () => {
    const { dialog, ui } = await openFromBanner();
    const buttons = dialog.querySelectorAll('button');
    const [first, last] = [buttons[0], buttons[buttons.length - 1]];
    expect(first.textContent).toBe('Fermer');
    expect(last.textContent).toBe('Enregistrer mes choix');
    // From the title, where the focus starts.
    expect(fireEvent.keyDown(active()!, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(active()).toBe(last);
    expect(fireEvent.keyDown(last, { key: 'Tab' })).toBe(false);
    expect(active()).toBe(first);
    expect(fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(active()).toBe(last);
    // In the middle, Tab is the browser's own.
    const matomo = ui.getByRole('switch', { name: 'Matomo' });
    matomo.focus();
    expect(fireEvent.keyDown(matomo, { key: 'Tab' })).toBe(true);
  });

  it('focus that leaves the open dialog is brought back into it', async () => {
    await openFromBanner();
    document.body.insertAdjacentHTML('beforeend', '<button id="outside">page</button>');
    const outside = document.getElementById('outside')!;
    outside.focus();
    expect(document.activeElement).not.toBe(outside);
    expect(active()?.textContent).toBe('Préférences de cookies');
  });
});

describe('in English', () => {
  it('says Cookie preferences, Save my choices, and lifetimes like “13 months”', async () => {
    const instance = start(testConfig({}, { locale: 'en' }));
    instance.showPreferences();
    const ui = await widget();
    const dialog = within(await waitFor(() => ui.getByRole('dialog', { name: 'Cookie preferences' })));
    for (const name of ['Accept all', 'Reject all', 'Save my choices', 'Close']) dialog.getByRole('button', { name });
    expect(ui.getByRole('dialog').textContent).toContain('_pk_id.* (13 months)');
    dialog.getByText('Always on');
    dialog.getByRole('checkbox', { name: 'Audience measurement' });
  });
});
