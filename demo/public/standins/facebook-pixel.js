/*
 * Stand-in for Meta's fbevents.js (the Facebook pixel), for the demo only: nothing leaves the
 * machine. Like the pixel, it writes _fbp (90 days) on the widest domain that accepts it.
 */
(() => {
  const host = location.hostname;
  const labels = host.split('.');
  const candidates = /^[\d.]+$|:/.test(host) || labels.length < 2 ? [] : labels.slice(0, -1).map((_, i) => labels.slice(-2 - i).join('.'));
  const value = `fb.1.${Date.now()}.${crypto.getRandomValues(new Uint32Array(1))[0]}`;
  const maxAge = 90 * 24 * 3600;
  let domain = 'host';
  for (const candidate of candidates) {
    document.cookie = `_fbp=${value}; path=/; domain=${candidate}; max-age=${maxAge}; SameSite=Lax`;
    if (document.cookie.split('; ').includes(`_fbp=${value}`)) {
      domain = candidate;
      break;
    }
  }
  if (domain === 'host') document.cookie = `_fbp=${value}; path=/; max-age=${maxAge}; SameSite=Lax`;
  (window.__demoRuns = window.__demoRuns || []).push({ tracker: 'facebook-pixel', at: Date.now(), note: domain });
  window.dispatchEvent(new CustomEvent('demo:ran', { detail: 'facebook-pixel' }));
})();
