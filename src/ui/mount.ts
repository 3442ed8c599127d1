import type { Consent } from '../consent/consent';
import type { el, whenBodyExists } from '../dom';
import type { TemoinInstance, UiController } from '../instance';
import type { BannerTexts } from '../locales/fr';
import { frUi, type UiTexts } from '../locales/fr-ui';
import type { createShadowHost } from '../shadow';
import type { createBanner } from './banner';
import { loadPreferencesLayer } from './lazy';
import { VISUALLY_HIDDEN, WRAPPER } from './names';
import type { PreferencesLayer } from './preferences/preferences-layer';
import { exemptNote } from './exempt-note';
import type { wordsOf } from './texts';

/**
 * The status line's CSS, read by screen readers and not shown: added to the stylesheet the caller
 * hands over (ui/styles.ts), which the first banner of temoin.js shares and needs none of this for.
 */
const STATUS_CSS = `.${VISUALLY_HIDDEN}{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

/** The element that has focus, inside open shadow roots too (the launcher's button, say). */
function deepActiveElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

/**
 * The banner, its words and French texts, the stylesheet of the widget and the DOM helpers, which
 * the caller hands over (./banner-parts.ts). The English texts are the caller's to give, for an
 * English config alone: `temoin.js` holds the French ones, and the script tag's UI loads the
 * English ones only for a page that shows them (src/embed-ui.ts). A list, not an object:
 * `temoin.js` spells no property names for it.
 */
export type BannerParts = [
  createBanner: typeof createBanner,
  wordsOf: typeof wordsOf,
  french: BannerTexts,
  css: string,
  el: typeof el,
  createShadowHost: typeof createShadowHost,
  whenBodyExists: typeof whenBodyExists,
];

/** All the texts this UI shows in one locale: the banner's and its own (locales/fr-ui.ts). */
export type MountTexts = BannerTexts & UiTexts;

/** The banner a first visit shows before validation (src/first-visit.ts), and the visitor's click on it. */
export interface FirstBanner {
  host: HTMLElement;
  banner: HTMLElement;
  choice?: 'acceptAll' | 'rejectAll' | 'showPreferences';
}

/**
 * Mounts the visitor's UI in its own shadow root and returns what the instance drives it with. A
 * choice is recorded only through the instance, which then calls `update()`. `first`, the banner
 * temoin.js showed before validation, if it did: this UI's banner takes its place. `english`, the
 * texts of an English config; without them, the French ones.
 */
export function mountUi(
  instance: TemoinInstance,
  [createBanner, wordsOf, french, css, el, createShadowHost, whenBodyExists]: BannerParts,
  first?: FirstBanner,
  english?: MountTexts,
): UiController {
  const { config } = instance;
  const { locale } = config.tenant;
  // The status line's French text and the exempt note come with this module: temoin.js, which
  // hands over the French banner's, carries neither (locales/fr-ui.ts).
  const w = wordsOf(config, english ?? { ...french, ...frUi });
  const { host, root } = createShadowHost('ui', css + STATUS_CSS);
  host.lang = locale;
  // First in the tab order, so a keyboard user meets the banner before the page (RGAA 12.8).
  whenBodyExists(() => document.body.prepend(host));
  const slot = el('div');
  const status = el('div', { class: VISUALLY_HIDDEN, role: 'status' });
  const wrapper = el('div', { class: WRAPPER, lang: locale }, slot, status);
  root.append(wrapper);
  const page = document.documentElement.style;
  let banner: HTMLElement | null = null;
  let layer: Promise<PreferencesLayer> | undefined;
  /** The page's own inline `scroll-padding-bottom`, while the banner replaces it. */
  let pagePadding: string | null = null;

  /**
   * While the banner shows, the page scrolls what gets focus above it (WCAG 2.4.11, focus not
   * obscured): its scroll padding covers the banner. Put back as it was when the banner goes.
   * Fitted when the banner's size changes, once laid out: reading it then forces no layout.
   */
  function fitScrollPadding(): void {
    if (banner) {
      pagePadding ??= page.scrollPaddingBottom;
      page.scrollPaddingBottom = `${banner.offsetHeight + 16}px`;
    } else if (pagePadding !== null) {
      page.scrollPaddingBottom = pagePadding;
      pagePadding = null;
    }
  }
  const banners = new ResizeObserver(fitScrollPadding);

  /**
   * Asked for as soon as the visitor points at or focuses *Personnaliser*: the browser's module map
   * keeps it for the click.
   */
  const preloadPreferences = () => void loadPreferencesLayer().catch(() => {});

  function showPreferences(): void {
    const opener = deepActiveElement();
    status.textContent = '';
    layer ??= loadPreferencesLayer().then(({ createPreferencesLayer }) =>
      // The banner is out of reach while the dialog is open.
      createPreferencesLayer(host, slot, instance, (open) => banner?.toggleAttribute('inert', open)),
    );
    layer.then(
      (preferences) => preferences.open(opener),
      (error) => {
        layer = undefined;
        console.error('temoin: the preferences failed to load', error);
      },
    );
  }

  /**
   * The first banner goes, this one in its place: focus and the visitor's click on it carried over,
   * only if the validated config says what it said, or the click was not an answer to this banner.
   */
  function handOver({ host: firstHost, banner: shown, choice }: FirstBanner, validated: HTMLElement): void {
    const focused = [...shown.querySelectorAll('button')].indexOf(firstHost.shadowRoot!.activeElement as HTMLButtonElement);
    firstHost.remove();
    if (validated.outerHTML !== shown.outerHTML) return;
    validated.querySelectorAll('button')[focused]?.focus();
    if (choice) instance[choice]();
  }

  return {
    showBanner() {
      banner ??= wrapper.insertBefore(createBanner(instance, w, showPreferences, preloadPreferences, exemptNote(config, w)), slot);
      banners.observe(banner);
      status.textContent = '';
      if (first) handOver(first, banner);
      first = undefined;
    },
    showPreferences,
    update(consent: Consent | null) {
      banner?.remove();
      banner = null;
      banners.disconnect();
      status.textContent = consent ? w.t('saved') : '';
      fitScrollPadding();
      layer?.then((preferences) => preferences.close());
    },
    destroy() {
      banners.disconnect();
      layer?.then((preferences) => preferences.close());
      banner = null;
      fitScrollPadding();
      host.remove();
    },
  };
}
