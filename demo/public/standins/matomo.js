/*
 * Stand-in for Matomo's matomo.js, for the demo only: nothing leaves the machine. Like Matomo, it
 * keeps a visitor id in _pk_id.<site>.<hash> for 13 months and the visit in _pk_ses.<site>.<hash>
 * for 30 minutes, both on the current host (Matomo sets no Domain by default).
 */
(() => {
  const suffix = '1.d3m0';
  const existing = document.cookie.match(new RegExp(`(?:^|; )_pk_id\\.${suffix.replace('.', '\\.')}=([^;]*)`));
  const id = existing ? existing[1] : `${crypto.getRandomValues(new Uint32Array(2)).join('').slice(0, 16)}.${Math.floor(Date.now() / 1000)}`;
  document.cookie = `_pk_id.${suffix}=${id}; path=/; max-age=${13 * 30 * 24 * 3600}; SameSite=Lax`;
  document.cookie = `_pk_ses.${suffix}=1; path=/; max-age=${30 * 60}; SameSite=Lax`;
  (window.__demoRuns = window.__demoRuns || []).push({ tracker: 'matomo', at: Date.now(), note: 'host' });
  window.dispatchEvent(new CustomEvent('demo:ran', { detail: 'matomo' }));
})();
