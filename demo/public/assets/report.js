/*
 * The demo's live report, in the page's [data-demo-report] element: the visitor's stored choice,
 * which tracker stand-ins ran, which cookies exist now, and a journal of what changed. Refreshed on
 * temoin:ready, temoin:change and demo:ran (a stand-in ran), and every second, so cookies written
 * or deleted by anything show up; with a consent endpoint, the receipts the demo's server got too.
 * Built with textContent only: config texts never go through HTML.
 */
(() => {
  const en = document.documentElement.lang === 'en';
  const T = en
    ? {
        choice: 'Your stored choice',
        none: 'No choice yet: the banner asks.',
        loading: 'temoin is starting…',
        decided: (at, until) => `Chosen ${at}, kept until ${until}.`,
        gpc: 'Refused by your browser’s Global Privacy Control signal (not stored).',
        granted: 'allowed',
        alwaysOn: 'always on (exempt)',
        colon: ': ',
        refused: 'refused',
        trackers: 'Tracker scripts',
        blocked: 'blocked',
        held: 'held back on this page, whatever the choice (excluded path)',
        excluded: 'This page is under excludedPaths: no tracker that needs consent runs here, whatever the choice.',
        ran: (at) => `ran at ${at}`,
        ranNote: (at, note) => `ran at ${at}, cookies on ${note}`,
        notOnPage: 'no script on this page',
        cookies: (n) => `Cookies present now (${n})`,
        noCookies: 'No cookie.',
        consentCookie: 'temoin (your choice)',
        unknown: 'not declared',
        journal: 'Journal',
        created: (name) => `cookie ${name} written`,
        deleted: (name) => `cookie ${name} deleted`,
        started: (name) => `${name} ran`,
        changed: 'choice recorded',
        receipts: (n) => `Receipts the server received (${n})`,
        noReceipts: 'None yet.',
        receipt: (at, id, granted) => `${at}: choice ${id}…, ${granted}`,
        grantedList: (names) => (names.length ? `allowed: ${names.join(', ')}` : 'everything refused'),
      }
    : {
        choice: 'Votre choix enregistré',
        none: 'Pas encore de choix : la bannière le demande.',
        loading: 'temoin démarre…',
        decided: (at, until) => `Choix du ${at}, conservé jusqu’au ${until}.`,
        gpc: 'Refus exprimé par le signal Global Privacy Control de votre navigateur (non enregistré).',
        granted: 'autorisé',
        alwaysOn: 'toujours actif (exempté)',
        colon: '\u00a0: ',
        refused: 'refusé',
        trackers: 'Scripts des traceurs',
        blocked: 'bloqué',
        held: 'retenu sur cette page, quel que soit le choix (chemin exclu)',
        excluded: 'Cette page est sous excludedPaths\u00a0: aucun traceur soumis au consentement ne s’y exécute, quel que soit le choix.',
        ran: (at) => `exécuté à ${at}`,
        ranNote: (at, note) => `exécuté à ${at}, cookies sur ${note}`,
        notOnPage: 'aucun script sur cette page',
        cookies: (n) => `Cookies présents maintenant (${n})`,
        noCookies: 'Aucun cookie.',
        consentCookie: 'temoin (votre choix)',
        unknown: 'non déclaré',
        journal: 'Journal',
        created: (name) => `cookie ${name} écrit`,
        deleted: (name) => `cookie ${name} supprimé`,
        started: (name) => `${name} exécuté`,
        changed: 'choix enregistré',
        receipts: (n) => `Reçus parvenus au serveur (${n})`,
        noReceipts: 'Aucun pour l’instant.',
        receipt: (at, id, granted) => `${at} : choix ${id}…, ${granted}`,
        grantedList: (names) => (names.length ? `autorisés : ${names.join(', ')}` : 'tout refusé'),
      };
  const locale = en ? 'en-GB' : 'fr-FR';
  const time = (ms) => new Date(ms).toLocaleTimeString(locale);
  const date = (d) => d.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });

  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  }

  const instance = () => (window.Temoin && window.Temoin.get()) || null;
  const cookieNames = () => (document.cookie ? document.cookie.split('; ').map((c) => c.split('=')[0]) : []).sort();
  /** Whether this page is under the config's excludedPaths, matched as temoin matches them (whole path, `*` any run, case ignored). */
  const excludedHere = (config) =>
    (config.excludedPaths || []).some((p) => new RegExp(`^${p.replace(/\W/g, '\\$&').replace(/\\\*/g, '.*')}$`, 'i').test(location.pathname));
  const matches = (pattern, name) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

  /** Whose cookie `name` is, by the names the config's trackers declare. */
  function owner(name, config) {
    if (!config) return '';
    if (name === config.cookieName) return T.consentCookie;
    const tracker = config.trackers.find((t) => t.cookies.some((c) => matches(c.name, name)));
    return tracker ? tracker.name : T.unknown;
  }

  /** The receipts of the demo's consent endpoint (demo/vite.config.ts) for this tenant, refreshed with the report. */
  let receipts = null;
  let fetchingReceipts = false;
  function fetchReceipts(config) {
    if (!config || !config.consentEndpoint || fetchingReceipts) return;
    fetchingReceipts = true;
    fetch(`/api/receipts?tenant=${encodeURIComponent(config.tenant.id)}`, { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : receipts))
      .then((list) => (receipts = list), () => {})
      .finally(() => (fetchingReceipts = false));
  }

  const journal = [];
  let previousCookies = null;
  let reportedRuns = 0;
  let lastDrawn = '';

  function note(text) {
    journal.unshift({ at: Date.now(), text });
    journal.length = Math.min(journal.length, 12);
  }

  function track() {
    const names = cookieNames();
    if (previousCookies) {
      for (const name of names) if (!previousCookies.includes(name)) note(T.created(name));
      for (const name of previousCookies) if (!names.includes(name)) note(T.deleted(name));
    }
    previousCookies = names;
    const runs = window.__demoRuns || [];
    const cmp = instance();
    for (const run of runs.slice(reportedRuns)) {
      const tracker = cmp && cmp.config.trackers.find((t) => t.id === run.tracker);
      note(T.started(tracker ? tracker.name : run.tracker));
    }
    reportedRuns = runs.length;
    return names;
  }

  function draw(report) {
    const names = track();
    const cmp = instance();
    const config = cmp && cmp.config;
    const consent = cmp && cmp.getConsent();
    const runs = window.__demoRuns || [];

    const choice = !cmp
      ? T.loading
      : !consent
        ? T.none
        : consent.source === 'gpc'
          ? T.gpc
          : T.decided(`${date(consent.decidedAt)} ${time(consent.decidedAt.getTime())}`, date(consent.expiresAt));
    const decisions = consent
      ? el(
          'ul',
          { class: 'decisions' },
          ...config.trackers.map((t) => {
            const exempt = config.categories.some((c) => c.id === t.category && c.required);
            const word = exempt ? T.alwaysOn : consent.trackers[t.id] ? T.granted : T.refused;
            return el('li', { 'data-tracker': t.id, 'data-granted': String(consent.trackers[t.id]) }, `${t.name}${T.colon}${word}`);
          }),
        )
      : '';

    const excluded = config ? excludedHere(config) : false;
    const trackerIds = config ? config.trackers.map((t) => t.id) : [];
    const trackerItems = trackerIds.map((id) => {
      const tracker = config.trackers.find((t) => t.id === id);
      const run = runs.find((r) => r.tracker === id);
      const pending = document.querySelector(`[data-temoin-tracker="${CSS.escape(id)}"]:is(script[type="text/plain" i], iframe:not([src]))`);
      const held = excluded && consent && consent.trackers[id];
      const state = run ? 'ran' : pending ? (held ? 'held' : 'blocked') : 'absent';
      const text = run
        ? run.note && run.note !== 'host'
          ? T.ranNote(time(run.at), run.note)
          : T.ran(time(run.at))
        : pending
          ? held
            ? T.held
            : T.blocked
          : T.notOnPage;
      return el('li', { 'data-tracker': id, 'data-state': state }, el('strong', {}, tracker.name), ' ', el('span', { class: 'badge' }, text));
    });

    const cookieItems = names.map((name) =>
      el('li', { 'data-cookie': name }, el('code', {}, name), ` — ${owner(name, config)}`),
    );

    const journalItems = journal.map((entry) => el('li', {}, el('time', {}, time(entry.at)), ` ${entry.text}`));

    fetchReceipts(config);
    const receiptList = receipts || [];
    const receiptItems = receiptList
      .slice(-5)
      .reverse()
      .map((r) => {
        const granted = Object.keys(r.decisions).filter((id) => r.decisions[id]);
        const names = granted.map((id) => (config.trackers.find((t) => t.id === id) || { name: id }).name);
        return el('li', { 'data-receipt': r.id }, T.receipt(time(Date.parse(r.receivedAt)), r.id.slice(0, 8), T.grantedList(names)));
      });

    // Redraw only when something changed, so that assistive technologies are not disturbed every second.
    const signature = JSON.stringify([
      choice,
      trackerItems.map((li) => li.textContent),
      names,
      journal.length && journal[0].at,
      decisions && decisions.textContent,
      receipts && receipts.length,
      receiptItems.map((li) => li.textContent),
    ]);
    if (signature === lastDrawn) return;
    lastDrawn = signature;

    report.querySelector('[data-demo-body]').replaceChildren(
      el('h3', {}, T.choice),
      el('p', { 'data-demo-choice': consent ? 'decided' : 'none' }, choice),
      decisions,
      el('h3', {}, T.trackers),
      excluded ? el('p', { 'data-demo-excluded': '' }, T.excluded) : '',
      el('ul', { 'data-demo-trackers': '' }, ...trackerItems),
      el('h3', {}, T.cookies(names.length)),
      names.length ? el('ul', { 'data-demo-cookies': '' }, ...cookieItems) : el('p', { 'data-demo-cookies': '' }, T.noCookies),
      ...(receipts
        ? [
            el('h3', {}, T.receipts(receiptList.length)),
            receiptItems.length ? el('ul', { 'data-demo-receipts': '' }, ...receiptItems) : el('p', { 'data-demo-receipts': '' }, T.noReceipts),
          ]
        : []),
      el('h3', {}, T.journal),
      el('ol', { class: 'journal', 'data-demo-journal': '' }, ...journalItems),
    );
    const status = report.querySelector('[data-demo-status]');
    if (journal[0] && status.dataset.at !== String(journal[0].at)) {
      status.dataset.at = String(journal[0].at);
      status.textContent = journal[0].text;
    }
  }

  function start() {
    const report = document.querySelector('[data-demo-report]');
    if (!report) return;
    report.append(el('div', { 'data-demo-body': '' }), el('p', { class: 'visually-hidden', role: 'status', 'data-demo-status': '' }));
    const refresh = () => draw(report);
    document.addEventListener('temoin:ready', refresh);
    document.addEventListener('temoin:change', () => {
      note(T.changed);
      refresh();
    });
    window.addEventListener('demo:ran', refresh);
    setInterval(refresh, 1000);
    refresh();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
