import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { browser, server, useBrowser } from './support/setup';

useBrowser();

const CONFIG = {
  tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite' },
  trackers: ['matomo', 'zendesk', 'google-analytics'],
};

/** The README's page: the config, then the script tag, nothing more; `head`, markup before them. */
function page({ nonce, head = '', config = CONFIG }: { nonce?: string; head?: string; config?: object } = {}): string {
  const attribute = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>round trips</title>${head}
<script type="application/json" id="temoin-config">${JSON.stringify(config)}</script>
<script src="/dist/temoin.js" data-config="#temoin-config"${attribute}></script>
</head><body><p>Bienvenue</p></body></html>`;
}

const FIRST_VISIT = ['/dist/temoin-ui.mjs', '/dist/temoin-catalog-matomo.mjs', '/dist/temoin-catalog-zendesk.mjs', '/dist/temoin-catalog-google-analytics.mjs'];

/** A first visit to the README's page, served at `path`: once the banner shows. */
async function bannerShown(path: string) {
  server.page(path, page());
  const opened = await openPage(browser);
  await opened.page.goto(server.origin() + path);
  await opened.page.getByRole('button', { name: 'Tout accepter' }).waitFor();
  return opened;
}

/**
 * A first visit to `html` (served at `path`) with temoin-ui.mjs and the catalog entries held on
 * their way until `release()`: what the page requested from `/dist/`, in order, as Chromium sent it.
 */
async function visitWithHeldUi(path: string, html: string) {
  server.page(path, html);
  const opened = await openPage(browser);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await opened.page.route(/\/dist\/temoin-(ui|catalog-[\w.-]+)\.mjs$/, async (route) => {
    await released;
    await route.fallback();
  });
  const requested: string[] = [];
  opened.page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/dist/')) requested.push(pathname);
  });
  await opened.page.goto(server.origin() + path);
  return { ...opened, requested, release };
}

/** A gated stand-in for Matomo: it records that it ran. */
const GATED = '<script type="text/plain" data-temoin-tracker="matomo">window.__ran = true</script>';

describe('a first visit with the plain script tag', () => {
  it('shows the banner from temoin.js alone, and fetches the UI and the config’s catalog entries side by side', async () => {
    const { context, page: tab, requested, release } = await visitWithHeldUi('/plain.html', page());
    // The UI and the entries are held back: the banner came with temoin.js, one round trip after the page.
    await tab.getByRole('button', { name: 'Tout accepter' }).waitFor();
    expect(requested[0]).toBe('/dist/temoin.js');
    // Each asked for before any of them arrived: none waits for another.
    await expect.poll(() => [...requested].sort()).toEqual(['/dist/temoin.js', ...FIRST_VISIT].sort());
    release();
    await context.close();
  });

  it('fetches an English config’s texts beside the UI and its entries, not after them', async () => {
    const english = { ...CONFIG, tenant: { ...CONFIG.tenant, locale: 'en' } };
    const { context, requested, release } = await visitWithHeldUi('/plain-en.html', page({ config: english }));
    const files = ['temoin.js', 'temoin-ui.mjs', 'temoin-en.mjs', ...CONFIG.trackers.map((id) => `temoin-catalog-${id}.en.mjs`)];
    // The UI is held back: temoin-en.mjs was asked for by temoin.js, not by the UI once validated.
    await expect.poll(() => [...requested].sort()).toEqual(files.map((file) => `/dist/${file}`).sort());
    release();
    await context.close();
  });

  it('records a click on that banner only once the config is validated: nothing gated runs before', async () => {
    const { context, page: tab, release, errors } = await visitWithHeldUi('/plain-click.html', page({ head: GATED }));
    await tab.getByRole('button', { name: 'Tout accepter' }).click();
    await tab.getByRole('button', { name: 'Tout accepter' }).waitFor({ state: 'detached' });
    await tab.waitForTimeout(300);
    expect(await tab.evaluate(() => (window as { __ran?: boolean }).__ran)).toBeUndefined();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('temoin');
    release();
    await tab.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    expect(await tab.evaluate(() => (window as { __ran?: boolean }).__ran)).toBe(true);
    expect((await context.cookies()).map((c) => c.name)).toContain('temoin');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes the banner away when the config proves invalid, says why, and runs nothing gated', async () => {
    const invalid = { ...CONFIG, tenant: { ...CONFIG.tenant, consentMaxAgeMonths: 40 } };
    const { context, page: tab, release, errors } = await visitWithHeldUi('/plain-invalid.html', page({ head: GATED, config: invalid }));
    await tab.getByRole('button', { name: 'Tout accepter' }).waitFor();
    release();
    await tab.getByRole('button', { name: 'Tout accepter' }).waitFor({ state: 'detached' });
    await expect.poll(() => errors.join('\n')).toContain('tenant.consentMaxAgeMonths');
    expect(await tab.evaluate(() => (window as { __ran?: boolean }).__ran)).toBeUndefined();
    await context.close();
  });
});

describe('a returning visitor with the plain script tag', () => {
  it('fetches temoin.js alone', async () => {
    const { page: tab, context } = await bannerShown('/plain-return.html');
    await tab.getByRole('button', { name: 'Tout accepter' }).click();
    await tab.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    const before = server.requests.length;
    const again = await context.newPage();
    await again.goto(server.origin() + '/plain-return.html');
    await again.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    await again.waitForTimeout(300);
    expect(server.requests.slice(before).filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/temoin.js']);
    await context.close();
  });
});

describe('the plain script tag under a strict Content-Security-Policy', () => {
  it('shows the first banner and fetches its files with the page’s nonce, without a single violation', async () => {
    const csp = "default-src 'self'; script-src 'self' 'nonce-r4nd0m'; style-src 'self' 'nonce-r4nd0m'";
    const html = page({ nonce: 'r4nd0m' }).replace(
      '<title>',
      `<script nonce="r4nd0m">window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));</script><title>`,
    );
    server.page('/plain-csp.html', { body: html, headers: { 'content-security-policy': csp } });
    const opened = await openPage(browser);
    const before = server.requests.length;
    await opened.page.goto(server.origin() + '/plain-csp.html');
    await opened.page.getByRole('button', { name: 'Tout accepter' }).waitFor();
    await expect.poll(() => server.requests.slice(before).filter((path) => FIRST_VISIT.includes(path)).length).toBe(FIRST_VISIT.length);
    expect(await opened.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await opened.context.close();
  });
});

describe('the English texts', () => {
  const ENGLISH = '/dist/temoin-en.mjs';
  const english = { ...CONFIG, tenant: { ...CONFIG.tenant, locale: 'en' }, trackers: [{ id: 'matomo', exempt: true }, 'zendesk', 'google-analytics'] };
  /** What the page at `path` requested of `/dist/` since `before`. */
  const fetched = (before: number) => server.requests.slice(before).filter((path) => path.startsWith('/dist/'));

  it('come with the UI for an English config: the banner, its exempt note, the status line and the launcher', async () => {
    server.page('/en-texts.html', page({ config: english }));
    const { page: tab, context, errors } = await openPage(browser);
    const before = server.requests.length;
    await tab.goto(server.origin() + '/en-texts.html');
    const banner = tab.getByRole('region', { name: 'Your choices about cookies' });
    await expect(banner.textContent()).resolves.toContain('Audience measurement exempt from consent (Matomo): anonymous statistics');
    expect(fetched(before)).toContain(ENGLISH);
    await tab.getByRole('button', { name: 'Accept all' }).click();
    await tab.getByRole('button', { name: 'Cookie settings' }).waitFor();
    expect(await tab.getByRole('status').textContent()).toBe('Choices saved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('are not loaded by a French page, on a first visit nor in the preferences', async () => {
    const before = server.requests.length;
    const { page: tab, context } = await bannerShown('/fr-texts.html');
    await tab.getByRole('button', { name: 'Personnaliser' }).click();
    await tab.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await tab.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    expect(await tab.getByRole('status').textContent()).toBe('Choix enregistrés');
    expect(fetched(before)).toContain('/dist/temoin-ui.mjs');
    expect(fetched(before)).not.toContain(ENGLISH);
    await context.close();
  });

  it('that fail to load leave an English page without a banner rather than with a French one, and load at the next need', async () => {
    server.page('/en-fails.html', page({ config: english }));
    const { page: tab, context, errors } = await openPage(browser);
    server.fail = (path) => path === ENGLISH;
    await tab.goto(server.origin() + '/en-fails.html');
    await expect.poll(() => errors.join('\n')).toContain('temoin: the UI failed to load');
    expect(await tab.locator('[data-temoin-ui]').count()).toBe(0);
    expect(await tab.evaluate(() => window.Temoin.get()!.isGranted('google-analytics'))).toBe(false);
    server.fail = undefined;
    await tab.evaluate(() => window.Temoin.get()!.showBanner());
    await tab.getByRole('button', { name: 'Accept all' }).waitFor();
    await context.close();
  });
});

describe('opening the preferences', () => {
  it('fetches one file, the preferences chunk, which imports nothing not already loaded', async () => {
    const { page: tab, context } = await bannerShown('/prefs-once.html');
    const before = server.requests.length;
    await tab.getByRole('button', { name: 'Personnaliser' }).click();
    await tab.getByRole('dialog', { name: 'Préférences de cookies' }).waitFor();
    const fetched = server.requests.slice(before).filter((path) => path.startsWith('/dist/'));
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/^\/dist\/temoin-preferences-[\w-]+\.mjs$/);
    await context.close();
  });
});
