import { waitFor, within } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { parseConfig } from '../../../src/config/parse';
import { createInstance, type TemoinInstance } from '../../../src/instance';
import { showLauncher } from '../../../src/launcher';
import { launcherLook } from '../../../src/launcher-look';

let running: TemoinInstance[] = [];

/** A config for the tests: a health insurer with Matomo and Google Analytics (both audience) and Lisio (functional). */
export function testConfig(overrides: Record<string, unknown> = {}, tenant: Record<string, unknown> = {}) {
  return {
    tenant: { id: 'mutuelle', name: 'Mutuelle Test', privacyPolicyUrl: 'https://example.org/confidentialite', ...tenant },
    trackers: ['matomo', 'google-analytics', 'lisio'],
    ...overrides,
  };
}

/** Validates a config a cookie table names against the whole catalog, as the CLI does. */
export const resolveTableConfig = async (input: unknown) => parseConfig(input);

/** The UI of the sources, as `init()` loads it. */
export const loadUi = async () => ({ ...(await import('../../../src/ui/index')), resolveTableConfig });

/** Starts temoin as `init()` does, with the UI of the sources. */
export function start(config: unknown = testConfig()): TemoinInstance {
  const resolved = parseConfig(config);
  const instance = createInstance(resolved, { loadUi, launcher: showLauncher(launcherLook(resolved)) });
  running.push(instance);
  return instance;
}

/** The widget's shadow root, once the UI has loaded. */
export async function widget(): Promise<ReturnType<typeof within>> {
  const root = await waitFor(() => {
    const host = document.querySelector('[data-temoin-ui]');
    const root = host?.shadowRoot?.querySelector<HTMLElement>('[lang]');
    if (!root) throw new Error('the UI is not mounted');
    return root;
  });
  return within(root);
}

export function shadowRoot(): ShadowRoot {
  return document.querySelector('[data-temoin-ui]')!.shadowRoot!;
}

export function launcherButton(): HTMLButtonElement | null {
  return document.querySelector('[data-temoin-launcher]')?.shadowRoot?.querySelector('button') ?? null;
}

afterEach(() => {
  for (const instance of running) instance.destroy();
  running = [];
  for (const cookie of document.cookie.split('; ')) {
    const name = cookie.split('=')[0];
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
});
