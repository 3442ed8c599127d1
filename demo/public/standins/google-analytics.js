/*
 * Stand-in for Google Analytics' gtag.js, for the demo only: nothing leaves the machine. Like gtag
 * with cookie_domain "auto", it writes _ga (2 years), _ga_<container> (2 years) and _gid (24 hours)
 * on the widest domain that accepts them: the parent domain (site.test for www.site.test), or the
 * host alone on localhost or an IP address.
 */
(() => {
  /** Tries the widest domain first, as gtag does, and keeps the first the browser accepts. */
  function setOnWidestDomain(name, value, maxAge) {
    const host = location.hostname;
    const labels = host.split('.');
    const candidates = /^[\d.]+$|:/.test(host) || labels.length < 2 ? [] : labels.slice(0, -1).map((_, i) => labels.slice(-2 - i).join('.'));
    for (const domain of candidates) {
      document.cookie = `${name}=${value}; path=/; domain=${domain}; max-age=${maxAge}; SameSite=Lax`;
      if (document.cookie.split('; ').includes(`${name}=${value}`)) return domain;
    }
    document.cookie = `${name}=${value}; path=/; max-age=${maxAge}; SameSite=Lax`;
    return 'host';
  }
  const random = () => crypto.getRandomValues(new Uint32Array(1))[0];
  const now = Math.floor(Date.now() / 1000);
  const domain = setOnWidestDomain('_ga', `GA1.1.${random()}.${now}`, 2 * 365 * 24 * 3600);
  setOnWidestDomain('_ga_DEMO1234', `GS1.1.${now}.1.0.${now}.0.0.0`, 2 * 365 * 24 * 3600);
  setOnWidestDomain('_gid', `GA1.1.${random()}.${now}`, 24 * 3600);
  (window.__demoRuns = window.__demoRuns || []).push({ tracker: 'google-analytics', at: Date.now(), note: domain });
  window.dispatchEvent(new CustomEvent('demo:ran', { detail: 'google-analytics' }));
})();
