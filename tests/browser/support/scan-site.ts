import { pageHtml, testConfig } from './page';
import type { TestServer } from './server';

/**
 * The fixture site of `temoin scan`'s tests, on `www.site.localhost` with a frame from
 * `cdn.site.localhost` (another host of the same site: headless Chromium keeps no cookie of a
 * cross-site frame over plain http). One case of every rule of docs/contract.md §15:
 * - `/`: an ungated tag writing `_ga` for 2 years (before-consent, after-refusal, over-13-months),
 *   the response's own HttpOnly `_hjSessionUser_42` (undeclared, "did you mean hotjar?"), an inline
 *   script's undeclared `localStorage` key, the CDN frame setting YouTube's `VISITOR_INFO1_LIVE`
 *   (before-consent), Matomo behind the gate writing `_pk_id` for 2 years where 13 months are
 *   declared (lifetime-longer), `stats_id` rewritten on each page view (lifetime-extended once
 *   `stats` runs exempt), and Lisio's functional cookie (never a finding);
 * - `/espace-adherent/`, under `excludedPaths`: an ungated pixel writing `_fbp` (excluded-page);
 * - `/sans-temoin.html`: no temoin (no-widget); `_gid` is declared and never written (declared-not-seen).
 */
export const SITE_CONFIG = testConfig({
  trackers: [
    'matomo',
    'google-analytics',
    'youtube',
    'facebook-pixel',
    'lisio',
    {
      id: 'stats',
      name: 'Stats',
      provider: 'Stats SAS',
      category: 'audience',
      description: { fr: 'Mesure d’audience' },
      cookies: [{ name: 'stats_id', lifetime: '13mo', purpose: { fr: 'Identifie le visiteur' } }],
    },
  ],
  excludedPaths: ['/espace-adherent/*'],
});

const YEAR = 365 * 24 * 3600;
const script = (body: string) => ({ body, type: 'text/javascript' });

export function serveScanSite(server: TestServer): void {
  const cdn = server.origin('cdn.site.localhost');
  const nav = '<a href="/">Accueil</a> <a href="/a-propos.html">À propos</a> <a href="/espace-adherent/">Espace adhérent</a> <a href="/sans-temoin.html">Sans temoin</a> <a href="/guide.pdf">Guide</a> <a href="https://elsewhere.localhost/">Ailleurs</a>';
  const common = '<script src="/js/tag.js"></script><script src="/js/stats.js"></script><script src="/js/lisio.js"></script>';
  server.page('/js/tag.js', script(`document.cookie = '_ga=GA1.1.1.1; path=/; domain=site.localhost; max-age=${2 * YEAR}';`));
  server.page('/js/stats.js', script(`document.cookie = 'stats_id=' + Date.now() + '; path=/; max-age=${YEAR}';`));
  server.page('/js/lisio.js', script(`document.cookie = 'lisio_prefs=normal; path=/; max-age=${90 * 24 * 3600}';`));
  server.page('/js/matomo.js', script(`document.cookie = '_pk_id.1.abcd=1; path=/; max-age=${2 * YEAR}';`));
  server.page('/js/pixel.js', script(`document.cookie = '_fbp=fb.1.1.1; path=/; max-age=${90 * 24 * 3600}';`));
  server.page('/', {
    body: pageHtml({
      config: SITE_CONFIG,
      head: common,
      body: `${nav}
<script>localStorage.setItem('chat-visitor-id', 'v1');</script>
<iframe src="${cdn}/player.html" title="Vidéo"></iframe>
<script type="text/plain" data-temoin-tracker="matomo" src="/js/matomo.js"></script>`,
    }),
    headers: { 'set-cookie': `_hjSessionUser_42=u1; Path=/; Max-Age=${YEAR}; HttpOnly` },
  });
  server.page('/player.html', {
    body: '<!doctype html><title>Lecteur</title><p>Lecteur</p>',
    headers: { 'set-cookie': `VISITOR_INFO1_LIVE=v; Path=/; Max-Age=${180 * 24 * 3600}` },
  });
  server.page('/a-propos.html', pageHtml({ config: SITE_CONFIG, head: common, body: nav }));
  server.page('/espace-adherent/', pageHtml({ config: SITE_CONFIG, body: `${nav}<script src="/js/pixel.js"></script>` }));
  server.page('/sans-temoin.html', `<!doctype html><html lang="fr"><title>Sans temoin</title><body>${nav}</body></html>`);
}
