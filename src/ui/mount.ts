import type { Consent } from '../consent/consent';
import type { TemoinInstance, UiController } from '../instance';
import { createShadowHost } from '../shadow';
import { createBanner } from './banner';
import { el } from './dom';
import { loadPreferencesLayer } from './lazy';
import { VISUALLY_HIDDEN, WRAPPER } from './names';
import type { PreferencesLayer } from './preferences/preferences-layer';
import { CSS } from './styles';
import { words } from './texts';

/** Runs `then` once `<body>` exists: a script in `<head>` runs before it does. */
function whenBodyExists(then: () => void): void {
  if (document.body) then();
  else document.addEventListener('DOMContentLoaded', then, { once: true });
}

/** The element that has focus, inside open shadow roots too (the launcher's button, say). */
function deepActiveElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

/**
 * Mounts the visitor's UI in its own shadow root and returns what the instance drives it with. A
 * choice is recorded only through the instance, which then calls `update()`.
 */
export function mountUi(instance: TemoinInstance): UiController {
  const { config } = instance;
  const w = words(config);
  const { host, root } = createShadowHost('ui', CSS);
  host.lang = config.tenant.locale;
  // First in the tab order, so a keyboard user meets the banner before the page (RGAA 12.8).
  whenBodyExists(() => document.body.prepend(host));
  const slot = el('div');
  const status = el('div', { class: VISUALLY_HIDDEN, role: 'status' });
  const wrapper = el('div', { class: WRAPPER, lang: config.tenant.locale }, slot, status);
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

  return {
    showBanner() {
      banner ??= wrapper.insertBefore(createBanner(instance, w, showPreferences, preloadPreferences), slot);
      banners.observe(banner);
      status.textContent = '';
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
