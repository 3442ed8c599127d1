/**
 * The libraries under test: where their files live, the scenario page built
 * with each one's own markup, and how to find its banner buttons.
 *
 * Every page follows each library's documented set-up, placed alike: the
 * library's CSS `<link>` and the gated scripts in `<head>`, the library's
 * script and its set-up code at the end of `<body>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATED, SERVICES, SITE, TEXTS, pageHtml } from './scenario.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(ROOT, 'node_modules');

/**
 * A button of the banner: a CSS selector, searched in the document and in
 * every shadow root, optionally narrowed to the element whose text is `text`.
 * @typedef {{ css: string, text?: string }} Target
 */

/**
 * @typedef {object} Library
 * @property {string} id short name, also the URL folder of its files
 * @property {string} name as printed in the report
 * @property {string} version
 * @property {boolean} nativeBlocking false when the site must gate scripts with its own code
 * @property {string} folder absolute folder served under `/lib/<id>/`
 * @property {string} entry file inside `folder` that must exist
 * @property {string} html the scenario page
 * @property {Target} accept the banner's "accept all" button
 * @property {Target} reject the banner's "reject all" button
 * @property {{ open: Target, shown: Target } | null} preferences the banner's button that opens the
 *   preferences, and one of their buttons that is on screen as soon as they are open; null: it has none
 */

const json = (value) => JSON.stringify(value);
/** @param {string} dir a package folder */
export const versionOf = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
const lib = (id, file) => `/lib/${id}/${file}`;
const css = (href) => `<link rel="stylesheet" href="${href}">`;
const script = (src, attrs = '') => `<script src="${src}"${attrs}></script>`;
const inline = (code, attrs = '') => `<script${attrs}>${code}</script>`;

/** The two gated stand-ins, wrapped in a library's blocking markup. */
const gated = (attrs) =>
  Object.entries(GATED)
    .map(([id, code]) => inline(code, attrs(id)))
    .join('\n');

/**
 * temoin as the README's first example integrates it: the config, then the script tag, nothing
 * more (the first banner comes with temoin.js).
 * @returns {Library}
 */
function temoin() {
  const config = {
    tenant: {
      id: 'bench',
      name: SITE.name,
      consentMaxAgeMonths: 6,
      privacyPolicyUrl: SITE.privacyPolicyUrl,
      locale: 'fr',
    },
    revision: 1,
    trackers: SERVICES.map((s) => s.id),
  };
  return {
    id: 'temoin',
    name: 'temoin',
    version: versionOf(ROOT),
    nativeBlocking: true,
    folder: join(ROOT, 'dist'),
    entry: 'temoin.js',
    html: pageHtml({
      title: 'temoin',
      head: gated((id) => ` type="text/plain" data-temoin-tracker="${id}"`),
      body: [
        inline(json(config), ' type="application/json" id="temoin-config"'),
        script(lib('temoin', 'temoin.js'), ' data-config="#temoin-config"'),
      ].join('\n'),
    }),
    accept: { css: 'button', text: TEXTS.acceptAll },
    reject: { css: 'button', text: TEXTS.rejectAll },
    preferences: { open: { css: 'button', text: TEXTS.customise }, shown: { css: 'button', text: TEXTS.save } },
  };
}

/** @returns {Library} */
function vanillaCookieconsent() {
  const dir = join(modules, 'vanilla-cookieconsent');
  const services = SERVICES.map(
    (s) => `${json(s.id)}: { label: ${json(s.name)}, cookies: [${s.cookies.map((c) => `{ name: /^${c}/ }`).join(', ')}] }`,
  ).join(',\n      ');
  const setup = `
CookieConsent.run({
  categories: {
    functional: { enabled: true, readOnly: true },
    audience: {
      services: {
      ${services}
      }
    }
  },
  language: {
    default: 'fr',
    translations: {
      fr: {
        consentModal: {
          title: ${json(TEXTS.title)},
          description: ${json(TEXTS.description)},
          acceptAllBtn: ${json(TEXTS.acceptAll)},
          acceptNecessaryBtn: ${json(TEXTS.rejectAll)},
          showPreferencesBtn: ${json(TEXTS.customise)},
          footer: ${json(`<a href="${SITE.privacyPolicyUrl}">${TEXTS.privacyPolicy}</a>`)}
        },
        preferencesModal: {
          title: ${json(TEXTS.preferencesTitle)},
          acceptAllBtn: ${json(TEXTS.acceptAll)},
          acceptNecessaryBtn: ${json(TEXTS.rejectAll)},
          savePreferencesBtn: ${json(TEXTS.save)},
          closeIconLabel: ${json(TEXTS.close)},
          sections: [
            { title: ${json(TEXTS.functional.title)}, description: ${json(TEXTS.functional.description)}, linkedCategory: 'functional' },
            { title: ${json(TEXTS.audience.title)}, description: ${json(TEXTS.audience.description)}, linkedCategory: 'audience' }
          ]
        }
      }
    }
  }
});`;
  return {
    id: 'vanilla-cookieconsent',
    name: 'vanilla-cookieconsent',
    version: versionOf(dir),
    nativeBlocking: true,
    folder: join(dir, 'dist'),
    entry: 'cookieconsent.umd.js',
    html: pageHtml({
      title: 'vanilla-cookieconsent',
      head: [
        css(lib('vanilla-cookieconsent', 'cookieconsent.css')),
        gated((id) => ` type="text/plain" data-category="audience" data-service="${id}"`),
      ].join('\n'),
      body: [script(lib('vanilla-cookieconsent', 'cookieconsent.umd.js')), inline(setup)].join('\n'),
    }),
    accept: { css: '#cc-main .cm__btn[data-role="all"]' },
    reject: { css: '#cc-main .cm__btn[data-role="necessary"]' },
    preferences: { open: { css: '#cc-main .cm__btn[data-role="show"]' }, shown: { css: '#cc-main .pm__btn[data-role="save"]' } },
  };
}

/** @returns {Library} */
function klaro() {
  const dir = join(modules, 'klaro');
  const services = SERVICES.map(
    (s) =>
      `{ name: ${json(s.id)}, title: ${json(s.name)}, purposes: ['audience'], cookies: [${s.cookies.map((c) => `/^${c}/`).join(', ')}] }`,
  ).join(',\n    ');
  const setup = `
var klaroConfig = {
  lang: 'fr',
  acceptAll: true,
  hideDeclineAll: false,
  translations: {
    fr: {
      privacyPolicyUrl: ${json(SITE.privacyPolicyUrl)},
      consentNotice: { description: ${json(TEXTS.description)}, learnMore: ${json(TEXTS.customise)} },
      consentModal: { title: ${json(TEXTS.preferencesTitle)} },
      ok: ${json(TEXTS.acceptAll)},
      acceptAll: ${json(TEXTS.acceptAll)},
      decline: ${json(TEXTS.rejectAll)},
      acceptSelected: ${json(TEXTS.save)},
      purposes: { audience: { title: ${json(TEXTS.audience.title)}, description: ${json(TEXTS.audience.description)} } }
    }
  },
  services: [
    ${services}
  ]
};`;
  return {
    id: 'klaro',
    name: 'klaro',
    version: versionOf(dir),
    nativeBlocking: true,
    folder: join(dir, 'dist'),
    entry: 'klaro-no-css.js',
    html: pageHtml({
      title: 'klaro',
      head: [
        css(lib('klaro', 'klaro.min.css')),
        gated((id) => ` type="text/plain" data-type="text/javascript" data-name="${id}"`),
      ].join('\n'),
      body: [inline(setup), script(lib('klaro', 'klaro-no-css.js'))].join('\n'),
    }),
    accept: { css: '.klaro .cookie-notice .cm-btn-success' },
    reject: { css: '.klaro .cookie-notice .cn-decline' },
    preferences: { open: { css: '.klaro .cookie-notice .cn-learn-more' }, shown: { css: '.klaro .cm-btn-info.cm-btn-accept' } },
  };
}

/**
 * tarteaucitron loads its CSS, language file and services catalog itself,
 * relative to its own URL; gated code lives in custom services (its job
 * mechanism), since it has no markup-based blocking of inline scripts.
 * @returns {Library}
 */
function tarteaucitron() {
  const dir = join(modules, 'tarteaucitronjs');
  const keys = { matomo: 'benchmatomo', 'google-analytics': 'benchga', zendesk: 'benchzendesk' };
  const services = SERVICES.map(
    (s) => `
tarteaucitron.services.${keys[s.id]} = {
  key: ${json(keys[s.id])}, type: 'analytic', name: ${json(s.name)}, uri: ${json(SITE.privacyPolicyUrl)},
  needConsent: true, cookies: ${json(s.cookies)},
  js: function () { ${GATED[s.id] ?? ''} }
};
(tarteaucitron.job = tarteaucitron.job || []).push(${json(keys[s.id])});`,
  ).join('');
  const setup = `
tarteaucitron.init({
  privacyUrl: ${json(SITE.privacyPolicyUrl)},
  orientation: 'middle',
  highPrivacy: true,
  DenyAllCta: true,
  AcceptAllCta: true,
  showAlertSmall: false,
  showIcon: true,
  removeCredit: true,
  useExternalCss: false,
  useExternalJs: false
});${services}`;
  return {
    id: 'tarteaucitron',
    name: 'tarteaucitron',
    version: versionOf(dir),
    nativeBlocking: true,
    folder: dir,
    entry: 'tarteaucitron.min.js',
    html: pageHtml({
      title: 'tarteaucitron',
      head: '',
      body: [
        inline(`var tarteaucitronForceLanguage = 'fr'; var tarteaucitronCustomText = { alertBigPrivacy: ${json(TEXTS.description)} };`),
        script(lib('tarteaucitron', 'tarteaucitron.min.js')),
        inline(setup),
      ].join('\n'),
    }),
    accept: { css: '#tarteaucitronAlertBig #tarteaucitronPersonalize2' },
    reject: { css: '#tarteaucitronAlertBig #tarteaucitronAllDenied2' },
    preferences: { open: { css: '#tarteaucitronAlertBig #tarteaucitronCloseAlert' }, shown: { css: '#tarteaucitron #tarteaucitronAllAllowed' } },
  };
}

/**
 * Osano's cookieconsent v3 blocks nothing itself: the page gates its
 * scripts with its own code in the library's callbacks.
 * @returns {Library}
 */
function osano() {
  const dir = join(modules, 'cookieconsent');
  const setup = `
function releaseAudience() {
  document.querySelectorAll('script[type="text/plain"][data-gate="audience"]').forEach(function (blocked) {
    var live = document.createElement('script');
    live.text = blocked.text;
    blocked.replaceWith(live);
  });
}
window.cookieconsent.initialise({
  type: 'opt-in',
  palette: { popup: { background: '#0b3d91', text: '#ffffff' }, button: { background: '#ffffff', text: '#0b3d91' } },
  content: {
    message: ${json(TEXTS.description)},
    allow: ${json(TEXTS.acceptAll)},
    deny: ${json(TEXTS.rejectAll)},
    link: ${json(TEXTS.privacyPolicy)},
    href: ${json(SITE.privacyPolicyUrl)}
  },
  onInitialise: function () { if (this.hasConsented()) releaseAudience(); },
  onStatusChange: function () { if (this.hasConsented()) releaseAudience(); }
});`;
  return {
    id: 'cookieconsent',
    name: 'cookieconsent (Osano)',
    version: versionOf(dir),
    nativeBlocking: false,
    folder: join(dir, 'build'),
    entry: 'cookieconsent.min.js',
    html: pageHtml({
      title: 'cookieconsent',
      head: [
        css(lib('cookieconsent', 'cookieconsent.min.css')),
        gated(() => ' type="text/plain" data-gate="audience"'),
      ].join('\n'),
      body: [script(lib('cookieconsent', 'cookieconsent.min.js')), inline(setup)].join('\n'),
    }),
    accept: { css: '.cc-window .cc-allow' },
    reject: { css: '.cc-window .cc-deny' },
    preferences: null,
  };
}

/** All libraries, temoin first (the ratios are to it). @returns {Library[]} */
export const LIBRARIES = [temoin(), vanillaCookieconsent(), klaro(), tarteaucitron(), osano()];

/** Libraries whose entry file is missing (e.g. temoin before `npm run build`). */
export const missing = (libraries) => libraries.filter((l) => !existsSync(join(l.folder, l.entry)));
