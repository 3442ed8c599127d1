import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { init, type TemoinInstance } from '../../src/index';

/** init()'s floating button, whose look and drawing load as a chunk of their own once a choice exists (src/init.ts). */

let instance: TemoinInstance | undefined;

/** Starts temoin through init(), and waits for the banner it shows, so that the UI has loaded before the test ends. */
async function start(): Promise<TemoinInstance> {
  instance = init(
    { tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite' }, trackers: ['matomo'] },
    { catalog: Object.values(catalog) },
  );
  await vi.waitFor(() => expect(document.querySelector('[data-temoin-ui]')).not.toBeNull(), { timeout: 5000 });
  return instance;
}

/** The launcher's button, as a visitor finds it, if the page shows one. */
const launcherButton = () => document.querySelector('[data-temoin-launcher]')?.shadowRoot?.querySelector('button') ?? null;

/** Lets the launcher's chunk load (the test imports it first: then it is in the module map) and its promise settle. */
async function loaded(): Promise<void> {
  await import('../../src/launcher-drawn');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(async () => {
  instance?.destroy();
  instance = undefined;
  document.cookie = 'temoin=; path=/; max-age=0';
  await loaded();
  document.body.innerHTML = '';
});

describe("init()'s launcher", () => {
  it('shows no button before a choice, and Gestion des cookies once one is made', async () => {
    await start();
    await loaded();
    expect(launcherButton()).toBeNull();
    instance!.acceptAll();
    await loaded();
    expect(launcherButton()?.textContent).toBe('Gestion des cookies');
  });

  it('draws no button when the choice is forgotten before the button loaded', async () => {
    (await start()).acceptAll();
    instance!.reset();
    await loaded();
    expect(launcherButton()).toBeNull();
  });

  it('removes the button it drew when the choice is forgotten', async () => {
    (await start()).acceptAll();
    await loaded();
    expect(launcherButton()).not.toBeNull();
    instance!.reset();
    await loaded();
    expect(launcherButton()).toBeNull();
  });
});
