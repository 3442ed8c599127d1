/*
 * Placeholders of gated iframes: while the visitor has not allowed an iframe's tracker, its
 * [data-placeholder-for="<tracker>"] element shows instead, with a button that allows just that
 * tracker through temoin's API. When the tracker is refused again, the frame is emptied.
 */
(() => {
  const instance = () => (window.Temoin && window.Temoin.get()) || null;

  function sync() {
    const cmp = instance();
    for (const placeholder of document.querySelectorAll('[data-placeholder-for]')) {
      const id = placeholder.dataset.placeholderFor;
      const frame = document.querySelector(`iframe[data-temoin-tracker="${CSS.escape(id)}"]`);
      const allowed = !!cmp && cmp.isGranted(id);
      placeholder.hidden = allowed;
      for (const button of placeholder.querySelectorAll('button')) button.disabled = !cmp;
      if (!frame) continue;
      frame.hidden = !allowed;
      if (!allowed && frame.hasAttribute('src') && frame.getAttribute('src') !== 'about:blank') {
        // temoin releases a frame once per page load; a withdrawn video must stop, so the demo empties it.
        frame.src = 'about:blank';
        frame.dataset.emptied = '';
      } else if (allowed && 'emptied' in frame.dataset) {
        delete frame.dataset.emptied;
        frame.src = new URL(frame.dataset.src, document.baseURI).href;
      }
    }
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('[data-placeholder-for] button');
    const cmp = instance();
    if (!button || !cmp) return;
    const id = button.closest('[data-placeholder-for]').dataset.placeholderFor;
    cmp.update({ trackers: { [id]: true } });
  });
  document.addEventListener('temoin:ready', sync);
  document.addEventListener('temoin:change', sync);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sync);
  else sync();
})();
