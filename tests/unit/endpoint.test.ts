// @vitest-environment-options {"url": "https://www.mutuelle.test/espace"}
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalog } from '../../src/config/catalog';
import { parseConfig } from '../../src/config/parse';
import { consentEndpoint, type EndpointCall } from '../../src/consent/endpoint';
import { init, type TemoinConfig, type TemoinInstance } from '../../src/index';
import { createInstance, type UiModule } from '../../src/instance';
import { showLauncher } from '../../src/launcher';
import { launcherLook } from '../../src/launcher-look';

const ENDPOINT = '/temoin/consent';
const WAITING = 'temoin:call';

function config(overrides: Partial<TemoinConfig> = {}): TemoinConfig {
  return { tenant: { id: 'mutuelle', name: 'Mutuelle' }, trackers: ['matomo', 'lisio'], consentEndpoint: ENDPOINT, ...overrides };
}

let running: TemoinInstance[] = [];
/** The endpoint's answers, in order: a status, or `'offline'` for a network failure. The last one repeats. */
let answers: (number | 'offline')[] = [];
let fetch: ReturnType<typeof vi.fn>;

/** A page view: temoin started through `init()`, as an npm consumer does. */
function pageView(input: TemoinConfig = config()): TemoinInstance {
  running.forEach((instance) => instance.destroy());
  running = [init(input, { catalog: Object.values(catalog) })];
  return running[0];
}

const bodies = () => fetch.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string) as { record: string | null });
const cookie = () => /(?:^|; )temoin=([^;]*)/.exec(document.cookie)?.[1];
/**
 * Waits until the endpoint has been called `count` times in all and the answers are handled, then
 * checks that no call came after: the endpoint code sends from a promise chain (and, on a page
 * view, after a lazy import), so a call too many comes after the count is first reached.
 */
async function calls(count: number): Promise<void> {
  await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(count));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(fetch).toHaveBeenCalledTimes(count);
}

// Loaded once up front, so that a test waiting for no call waits for no module either.
beforeAll(() => import('../../src/consent/endpoint-call'));

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  answers = [204];
  fetch = vi.fn(async () => {
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(answer === 204 ? null : '{"error":"x"}', { status: answer });
  });
  vi.stubGlobal('fetch', fetch);
});

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  running.forEach((instance) => instance.destroy());
  running = [];
  document.cookie = 'temoin=; path=/; max-age=0';
  localStorage.clear();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a visitor choosing on a site with a consent endpoint', () => {
  it('has the choice posted as the consent cookie’s value: same-origin JSON, kept alive past the page', async () => {
    pageView().acceptAll();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, request] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(location.origin + ENDPOINT);
    expect(request).toMatchObject({ method: 'POST', credentials: 'same-origin', keepalive: true, headers: { 'content-type': 'application/json' } });
    expect(bodies()).toEqual([{ record: cookie() }]);
    expect(cookie()).toMatch(/^\d\./);
  });

  it('has every later choice posted too, each with its own record', async () => {
    const cmp = pageView();
    cmp.acceptAll();
    await calls(1);
    cmp.rejectAll();
    await calls(2);
    cmp.update({ trackers: { matomo: true } });
    await calls(3);
    const records = bodies().map((body) => body.record);
    expect(new Set(records).size).toBe(3);
    expect(records[2]).toBe(cookie());
  });

  it('has {"record": null} posted after reset()', async () => {
    const cmp = pageView();
    cmp.acceptAll();
    await calls(1);
    cmp.reset();
    await calls(2);
    expect(bodies()[1]).toEqual({ record: null });
  });

  it('is not blocked by it: the choice applies before the endpoint answers', async () => {
    fetch.mockImplementation(() => new Promise((resolve) => setTimeout(() => resolve(new Response(null, { status: 204 })), 100)));
    const cmp = pageView();
    cmp.acceptAll();
    expect(cmp.isGranted('matomo')).toBe(true);
    expect(cookie()).toBeDefined();
    await calls(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
  });

  it('hears nothing from temoin in the console when the call succeeds', async () => {
    const error = vi.spyOn(console, 'error');
    pageView().acceptAll();
    await calls(1);
    expect([error.mock.calls, (console.warn as ReturnType<typeof vi.fn>).mock.calls]).toEqual([[], []]);
  });
});

describe('a returning visitor on a site with a consent endpoint', () => {
  it('has nothing posted when the last call succeeded', async () => {
    pageView().acceptAll();
    await calls(1);
    pageView();
    pageView();
    await calls(1);
  });

  it.each([503, 500, 'offline'] as const)('has a call that failed with %s sent again on the next page view, then no more', async (failure) => {
    answers = [failure, 204];
    pageView().rejectAll();
    await calls(1);
    const record = cookie();
    pageView();
    await calls(2);
    expect(bodies()).toEqual([{ record }, { record }]);
    pageView();
    await calls(2);
  });

  it.each([400, 403, 413, 415])('has a call refused with %i not sent again', async (status) => {
    answers = [status];
    pageView().acceptAll();
    await calls(1);
    pageView();
    await calls(1);
  });

  it('has only the newest choice sent again when an older one was still waiting', async () => {
    answers = [503];
    const cmp = pageView();
    cmp.acceptAll();
    await calls(1);
    cmp.rejectAll();
    await calls(2);
    const newest = cookie();
    answers = [204];
    pageView();
    await calls(3);
    expect(bodies()[2]).toEqual({ record: newest });
    pageView();
    await calls(3);
  });

  it('has a waiting reset sent again', async () => {
    answers = ['offline', 204];
    pageView().reset();
    await calls(1);
    pageView();
    await calls(2);
    expect(bodies()).toEqual([{ record: null }, { record: null }]);
  });
});

describe('the endpoint code', () => {
  /** A page view through `createInstance`, counting how often the endpoint code is loaded. */
  function counted(input: TemoinConfig) {
    const load = vi.fn(() => import('../../src/consent/endpoint-call') as Promise<EndpointCall>);
    const resolved = parseConfig(input);
    const instance = createInstance(resolved, {
      loadUi: () => new Promise<UiModule>(() => {}),
      launcher: showLauncher(launcherLook(resolved)),
      integrations: [consentEndpoint(load)],
    });
    running.push(instance);
    return { instance, loads: () => load.mock.calls.length };
  }

  it('never loads for a config without an endpoint, even on a choice', () => {
    const { instance, loads } = counted(config({ consentEndpoint: undefined }));
    instance.acceptAll();
    instance.reset();
    expect(loads()).toBe(0);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('does not load for a returning visitor with nothing waiting, and loads on a choice', async () => {
    counted(config()).instance.acceptAll();
    await calls(1);
    running.forEach((instance) => instance.destroy());
    const { instance, loads } = counted(config());
    expect(loads()).toBe(0);
    instance.rejectAll();
    expect(loads()).toBe(1);
  });

  it('loads on a page view when a call is waiting', () => {
    localStorage.setItem(WAITING, JSON.stringify({ endpoint: ENDPOINT, cookie: 'temoin', body: '{"record":null}' }));
    expect(counted(config()).loads()).toBe(1);
  });
});
