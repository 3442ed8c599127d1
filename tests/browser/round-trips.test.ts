import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser';
import { browser, server, useBrowser } from './support/setup';

useBrowser();

/** The README's first-visit lines, as a page copies them (temoin's files under `/dist/`). */
function readmeHint(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### One round trip on a first visit'));
  const snippet = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!snippet) throw new Error('README: no snippet under "One round trip on a first visit"');
  return snippet.replaceAll('/path/to/', '/dist/');
}

const CONFIG = {
  tenant: { id: 'vivoptim', name: 'Vivoptim', privacyPolicyUrl: 'https://example.org/confidentialite' },
  trackers: ['matomo', 'zendesk', 'google-analytics'],
};

/** The README's page: the config, the optional first-visit lines, then the script tag. */
function page({ hint, nonce }: { hint: boolean; nonce?: string }): string {
  const attribute = nonce ? ` nonce="${nonce}"` : '';
  const lines = hint ? readmeHint().replace('<script>', `<script${attribute}>`) : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>round trips</title>
<script type="application/json" id="temoin-config">${JSON.stringify(CONFIG)}</script>
${lines}
<script src="/dist/temoin.js" data-config="#temoin-config"${attribute}></script>
</head><body><p>Bienvenue</p></body></html>`;
}

const FIRST_VISIT = ['/dist/temoin-ui.mjs', '/dist/temoin-catalog-matomo.mjs', '/dist/temoin-catalog-zendesk.mjs', '/dist/temoin-catalog-google-analytics.mjs'];

/** A first visit to the README's page, with its first-visit lines, served at `path`: once the banner shows. */
async function bannerShown(path: string) {
  server.page(path, page({ hint: true }));
  const opened = await openPage(browser);
  await opened.page.goto(server.origin() + path);
  await opened.page.getByRole('button', { name: 'Tout accepter' }).waitFor();
  return opened;
}

/** Opens `path` with temoin.js held back `ms` on its way, and returns the paths the server saw, in order. */
async function visitWithSlowCore(path: string, ms = 600) {
  const opened = await openPage(browser);
  await opened.page.route(/\/dist\/temoin\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fallback();
  });
  const before = server.requests.length;
  await opened.page.goto(server.origin() + path);
  await opened.page.getByRole('button', { name: 'Tout accepter' }).waitFor();
  return { ...opened, requested: server.requests.slice(before) };
}

describe('a first visit', () => {
  it('with the README’s lines before the script tag, fetches the banner and the catalog entries before temoin.js arrives', async () => {
    server.page('/hint.html', page({ hint: true }));
    const { context, requested } = await visitWithSlowCore('/hint.html');
    const core = requested.indexOf('/dist/temoin.js');
    expect(core).toBeGreaterThan(0);
    for (const file of FIRST_VISIT) expect(requested.indexOf(file), file).toBeGreaterThanOrEqual(0);
    for (const file of FIRST_VISIT) expect(requested.indexOf(file), file).toBeLessThan(core);
    // Each fetched once: temoin.js and the validator find them in the module map.
    for (const file of FIRST_VISIT) expect(requested.filter((path) => path === file), file).toHaveLength(1);
    await context.close();
  });

  it('without them, fetches the banner only once temoin.js has run', async () => {
    server.page('/no-hint.html', page({ hint: false }));
    const { context, requested } = await visitWithSlowCore('/no-hint.html');
    expect(requested.indexOf('/dist/temoin-ui.mjs')).toBeGreaterThan(requested.indexOf('/dist/temoin.js'));
    await context.close();
  });
});

describe('a returning visitor with the README’s first-visit lines', () => {
  it('fetches temoin.js alone', async () => {
    const { page: tab, context } = await bannerShown('/hint-return.html');
    await tab.getByRole('button', { name: 'Tout accepter' }).click();
    await tab.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    const before = server.requests.length;
    const again = await context.newPage();
    await again.goto(server.origin() + '/hint-return.html');
    await again.getByRole('button', { name: 'Gestion des cookies' }).waitFor();
    await again.waitForTimeout(300);
    expect(server.requests.slice(before).filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/temoin.js']);
    await context.close();
  });
});

describe('the README’s first-visit lines under a strict Content-Security-Policy', () => {
  it('run with the page’s nonce and fetch the banner’s files without a single violation', async () => {
    const csp = "default-src 'self'; script-src 'self' 'nonce-r4nd0m'; style-src 'self' 'nonce-r4nd0m'";
    const html = page({ hint: true, nonce: 'r4nd0m' }).replace(
      '<title>',
      `<script nonce="r4nd0m">window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));</script><title>`,
    );
    server.page('/hint-csp.html', { body: html, headers: { 'content-security-policy': csp } });
    const { context, page: tab, requested } = await visitWithSlowCore('/hint-csp.html');
    expect(requested.indexOf('/dist/temoin-ui.mjs')).toBeLessThan(requested.indexOf('/dist/temoin.js'));
    expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
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
