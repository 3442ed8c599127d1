import Cookies from 'js-cookie';

/**
 * The preview's page (`preview.html#<payload>`): the real `temoin.js` beside the configurator, run
 * with the edited config under a cookie name of the preview's own, so that the site's consent
 * cookie is never read or written; no consent endpoint, no cookie domain (this is not the site).
 */
export interface PreviewPayload {
  config: Record<string, unknown>;
  theme: Record<string, string>;
  cookieName: string;
}

const payload = JSON.parse(decodeURIComponent(location.hash.slice(1))) as PreviewPayload;
// Each load asks afresh: the preview shows the banner a first visitor sees.
Cookies.remove(payload.cookieName, { path: '/' });
for (const [name, value] of Object.entries(payload.theme)) document.documentElement.style.setProperty(`--temoin-${name}`, value);

const { consentEndpoint: _endpoint, ...config } = payload.config;
const tenant = { ...(config.tenant as Record<string, unknown>) };
delete tenant.cookieDomain;
const element = document.createElement('script');
element.type = 'application/json';
element.id = 'temoin-config';
element.textContent = JSON.stringify({ ...config, tenant, cookieName: payload.cookieName });
document.head.append(element);

const widget = document.createElement('script');
widget.src = '../temoin.js';
widget.dataset.config = '#temoin-config';
document.head.append(widget);
