import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalog as byId } from '../../src/config/catalog';
import { type ConfigIssue, init, type TemoinConfig, type TemoinInstance, TemoinConfigError, type Tracker } from '../../src/index';
import { onPage } from './support/location';

/** The entries `temoin/catalog` exports, as an npm consumer imports them. */
const { matomo, zendesk } = byId;
const catalog = Object.values(byId);

const tenant = { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite' };

let running: TemoinInstance[] = [];
function start(config: TemoinConfig, options?: Parameters<typeof init>[1]): TemoinInstance {
  const instance = init(config, options);
  running.push(instance);
  return instance;
}

/** The issues of the TemoinConfigError init() throws; fails the test if it starts instead. */
function issuesOf(config: TemoinConfig, options?: Parameters<typeof init>[1]): ConfigIssue[] {
  try {
    start(config, options);
  } catch (error) {
    expect(error).toBeInstanceOf(TemoinConfigError);
    return (error as TemoinConfigError).issues;
  }
  throw new Error('init() started with an invalid config');
}

// init() shows the banner on a first visit: have its module loaded before, not after, the tests end.
beforeAll(async () => {
  await import('../../src/ui/index');
});

afterEach(() => {
  for (const instance of running) instance.destroy();
  running = [];
  document.body.innerHTML = '';
});

describe('an npm consumer importing catalog entries', () => {
  it('starts with the entries as tracker objects, no catalog needed', () => {
    const cmp = start({ tenant, trackers: [matomo, zendesk] });
    expect(cmp.config.trackers.map((t) => t.id)).toEqual(['matomo', 'zendesk']);
    expect(cmp.config.trackers[0]).toEqual(matomo);
  });

  it('may still change a field of an entry it imported', () => {
    const cmp = start({ tenant, trackers: [{ ...matomo, category: 'functional' }] });
    expect(cmp.isGranted('matomo')).toBe(true);
  });
});

describe('an npm consumer naming trackers by id', () => {
  it('is told, at the id, that init() has no catalog and how to bring the entry or the catalog', () => {
    const [issue, ...others] = issuesOf({ tenant, trackers: [matomo, 'google-analytics'] });
    expect(others).toEqual([]);
    expect(issue.path).toBe('trackers[1]');
    expect(issue.message).toContain('"google-analytics"');
    expect(issue.message).toContain("import { googleAnalytics } from 'temoin/catalog'");
    expect(issue.message).toContain('init(config, { catalog })');
  });

  it('gets nothing running when an id finds no catalog: no banner, no consent cookie', () => {
    issuesOf({ tenant, trackers: ['matomo'] });
    expect(document.querySelector('[data-temoin-ui]')).toBeNull();
    expect(document.cookie).toBe('');
  });

  it('starts with the catalog given to init()', () => {
    const cmp = start({ tenant, trackers: ['matomo', 'google-analytics'] }, { catalog });
    expect(cmp.config.trackers.map((t) => t.name)).toEqual(['Matomo', 'Google Analytics']);
  });

  it('may give only the entries its config names, and overrides fields of them by id', () => {
    const cmp = start({ tenant, trackers: ['zendesk', { id: 'matomo', category: 'functional' }] }, { catalog: [matomo, zendesk] });
    expect(cmp.config.trackers.map((t) => [t.id, t.category])).toEqual([
      ['zendesk', 'audience'],
      ['matomo', 'functional'],
    ]);
  });

  it('is told an id is not in the catalog it gave, with the ids it holds', () => {
    const [issue] = issuesOf({ tenant, trackers: ['youtube'] }, { catalog: [matomo, zendesk] });
    expect(issue.path).toBe('trackers[0]');
    expect(issue.message).toBe(`"youtube" is not in init()'s catalog: matomo, zendesk`);
  });

  it('has a broken entry of its own catalog reported at the id naming it', () => {
    const broken = { ...matomo, id: 'stats', cookies: [{ name: 'a b', lifetime: '13mo', purpose: { fr: 'x' } }] } as Tracker;
    const [issue] = issuesOf({ tenant, trackers: ['stats'] }, { catalog: [broken] });
    expect(issue.path).toBe('trackers[0].cookies[0].name');
  });
});

describe('an npm consumer using Google Consent Mode', () => {
  afterEach(() => {
    delete window.dataLayer;
    delete window.gtag;
    document.cookie = 'temoin=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  /** What reaches the data layer, in order, with `released` marking the moment the gated script is re-created to run. */
  function watch(): string[] {
    const seen: string[] = [];
    window.dataLayer = { push: (entry: ArrayLike<unknown>) => seen.push(Array.from(entry).slice(0, 2).join(' ')) } as never;
    new MutationObserver(() => document.querySelector('script:not([type])') && !seen.includes('released') && seen.push('released')).observe(document.body, {
      childList: true,
    });
    return seen;
  }

  it('sends Consent Mode’s default and update before a returning visitor’s granted script runs', async () => {
    const first = start({ tenant, trackers: [zendesk], googleConsentMode: true });
    first.acceptAll();
    first.destroy();
    running = [];
    delete window.dataLayer;
    delete window.gtag;
    document.body.innerHTML = '<script type="text/plain" data-temoin-tracker="zendesk"></script>';
    const seen = watch();
    start({ tenant, trackers: [zendesk], googleConsentMode: true });
    await expect.poll(() => seen.at(-1)).toBe('released');
    expect(seen).toEqual(['consent default', 'consent update', 'released']);
  });

  it('denies every Consent Mode type on an excluded page, whatever the choice', () => {
    const updates: Record<string, string>[] = [];
    window.dataLayer = { push: (entry: ArrayLike<unknown>) => entry[1] === 'update' && updates.push(entry[2] as Record<string, string>) } as never;
    const config: TemoinConfig = { tenant, trackers: [matomo], googleConsentMode: true, excludedPaths: ['/espace-adherent/*'] };
    onPage('/espace-adherent/remboursements', () => start(config).acceptAll());
    running.pop()!.destroy();
    start(config); // the same choice on another page: granted
    expect(updates.map((update) => update.analytics_storage)).toEqual(['denied', 'granted']);
  });

  it('sends nothing to the data layer when the config does not use Consent Mode', async () => {
    document.body.innerHTML = '<script type="text/plain" data-temoin-tracker="zendesk"></script>';
    const seen = watch();
    start({ tenant, trackers: [zendesk] }).acceptAll();
    await expect.poll(() => seen).toEqual(['released']);
  });
});
