/*
 * Stand-in for the Zendesk Chat widget, for the demo only: nothing leaves the machine. Like Zendesk,
 * it keeps the visitor's id in __zlcmid for a year, and shows a chat button where the page has a
 * [data-demo-chat] slot.
 */
(() => {
  const en = document.documentElement.lang === 'en';
  if (!/(?:^|; )__zlcmid=/.test(document.cookie)) {
    document.cookie = `__zlcmid=${crypto.getRandomValues(new Uint32Array(2)).join('')}; path=/; max-age=${365 * 24 * 3600}; SameSite=Lax`;
  }
  const slot = document.querySelector('[data-demo-chat]');
  if (slot) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chat-button';
    button.textContent = en ? 'Chat with an adviser' : 'Discuter avec un conseiller';
    const note = document.createElement('p');
    note.hidden = true;
    note.textContent = en ? 'This is a demo: the chat sends nothing.' : 'Ceci est une démonstration : la discussion n’envoie rien.';
    button.addEventListener('click', () => (note.hidden = !note.hidden));
    slot.replaceChildren(button, note);
  }
  (window.__demoRuns = window.__demoRuns || []).push({ tracker: 'zendesk', at: Date.now(), note: 'host' });
  window.dispatchEvent(new CustomEvent('demo:ran', { detail: 'zendesk' }));
})();
