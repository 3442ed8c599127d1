/*
 * Stand-in for the Lisio accessibility toolbar, for the demo only: nothing leaves the machine.
 * Lisio is functional (exempt from consent): temoin runs it without asking. It keeps the visitor's
 * display settings in lisio_prefs for 90 days, and offers a larger text where the page has a
 * [data-demo-lisio] slot.
 */
(() => {
  const en = document.documentElement.lang === 'en';
  const large = /(?:^|; )lisio_prefs=large/.test(document.cookie);
  const apply = (on) => {
    document.documentElement.classList.toggle('large-text', on);
    document.cookie = `lisio_prefs=${on ? 'large' : 'normal'}; path=/; max-age=${90 * 24 * 3600}; SameSite=Lax`;
  };
  apply(large);
  const slot = document.querySelector('[data-demo-lisio]');
  if (slot) {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-pressed', String(large));
    button.textContent = en ? 'A+ Larger text' : 'A+ Texte plus grand';
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      apply(on);
    });
    slot.replaceChildren(button);
  }
  (window.__demoRuns = window.__demoRuns || []).push({ tracker: 'lisio', at: Date.now(), note: 'host' });
  window.dispatchEvent(new CustomEvent('demo:ran', { detail: 'lisio' }));
})();
