import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { init, type TemoinConfig, type TemoinInstance, type Tracker } from '../../src/index';
import { clearStorage } from '../../src/trackers/storage';

const tenant = { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite' };

const tracker = (id: string, category: string, storage: string[]): Tracker => ({
  id,
  name: id,
  provider: 'Test',
  category,
  description: { fr: 'Test' },
  cookies: [],
  storage,
});

/** Hotjar-like heatmap keys in both storages, and a functional toolbar keeping its settings. */
const config: TemoinConfig = {
  tenant,
  trackers: [tracker('heatmap', 'audience', ['hm_user', 'hm_session_*']), tracker('toolbar', 'functional', ['tb_settings'])],
};

/** init() loads the clearing as a chunk of its own: the keys go once it has run. */
async function settled(): Promise<void> {
  await vi.dynamicImportSettled();
  await new Promise((resolve) => setTimeout(resolve));
}

const keys = () => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort() });

function fill(): void {
  for (const key of ['hm_user', 'hm_session_1', 'hm_usera', 'tb_settings', 'theme']) localStorage.setItem(key, 'x');
  sessionStorage.setItem('hm_session_2', 'x');
}

let running: TemoinInstance[] = [];
function start(): TemoinInstance {
  const instance = init(config);
  running.push(instance);
  return instance;
}

// init() shows the banner on a first visit: have its module loaded before, not after, the tests end.
beforeAll(async () => {
  await import('../../src/ui/index');
});

afterEach(() => {
  for (const instance of running) instance.destroy();
  running = [];
  vi.restoreAllMocks();
  localStorage.clear();
  sessionStorage.clear();
  for (const pair of document.cookie ? document.cookie.split('; ') : []) document.cookie = `${pair.split('=')[0]}=; path=/; max-age=0`;
  document.body.innerHTML = '';
});

describe('clearing storage keys', () => {
  it('removes exact keys and prefixes from both storages, and nothing else', () => {
    for (const key of ['_hjSessionUser_1', '_hjTLDTest', 'hj', 'theme']) localStorage.setItem(key, 'x');
    sessionStorage.setItem('_hjSession_1', 'x');
    sessionStorage.setItem('cart', 'x');
    clearStorage(['_hjSession*', '_hjTLDTest']);
    expect(keys()).toEqual({ local: ['hj', 'theme'], session: ['cart'] });
  });

  it('still clears sessionStorage when localStorage throws, and never throws itself', () => {
    sessionStorage.setItem('hm_user', 'x');
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => clearStorage(['hm_*'])).not.toThrow();
    expect(Object.keys(sessionStorage)).toEqual([]);
  });

  it('survives a storage whose removeItem throws', () => {
    localStorage.setItem('hm_user', 'x');
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(() => clearStorage(['hm_user'])).not.toThrow();
  });
});

describe('a tracker’s storage keys under init()', () => {
  it('are removed when the page starts with no choice yet; a functional tracker’s and the site’s stay', async () => {
    fill();
    start();
    await settled();
    expect(keys()).toEqual({ local: ['hm_usera', 'tb_settings', 'theme'], session: [] });
  });

  it('stay while granted, across a new page view, and go on withdrawal and on reset', async () => {
    start().acceptAll();
    await settled();
    fill();
    running.pop()!.destroy();
    const cmp = start();
    await settled();
    expect(keys().local).toContain('hm_user');
    cmp.update({ trackers: { heatmap: false } });
    await settled();
    expect(keys()).toEqual({ local: ['hm_usera', 'tb_settings', 'theme'], session: [] });
    cmp.acceptAll();
    await settled();
    fill();
    cmp.reset();
    await settled();
    expect(keys()).toEqual({ local: ['hm_usera', 'tb_settings', 'theme'], session: [] });
  });

  it('of an exempt audience measurement stay before any choice and after Tout refuser, and go on objection', async () => {
    const stats = { ...tracker('stats', 'audience', ['st_id']), exemption: { url: 'https://example.org/exemption' }, exempt: true };
    const exempt = init({ tenant, trackers: [stats, tracker('heatmap', 'audience', ['hm_user'])] });
    running.push(exempt);
    localStorage.setItem('st_id', 'x');
    localStorage.setItem('hm_user', 'x');
    await settled();
    expect(keys().local).toEqual(['st_id']);
    exempt.rejectAll();
    await settled();
    expect(keys().local).toEqual(['st_id']);
    exempt.update({ trackers: { stats: false } });
    await settled();
    expect(keys().local).toEqual([]);
  });

  it('go when the visitor rejects all', async () => {
    const cmp = start();
    await settled();
    fill();
    cmp.rejectAll();
    await settled();
    expect(keys()).toEqual({ local: ['hm_usera', 'tb_settings', 'theme'], session: [] });
  });
});
