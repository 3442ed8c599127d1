import { render } from 'preact';
import type { Consent } from '../consent/consent';
import type { TemoinInstance, UiController } from '../instance';
import { createShadowHost, whenBodyExists } from '../shadow';
import { Banner } from './banner';
import { Preferences } from './preferences';
import { CSS } from './styles';
import { words } from './texts';

/** The element that has focus, inside open shadow roots too (the launcher's button, say). */
function deepActiveElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

/**
 * Mounts the visitor's UI in its own shadow root and returns what the instance drives it with.
 * The state lives here and the components are plain functions of it; a choice is recorded only
 * through the instance, which then calls `update()`.
 */
export function mountUi(instance: TemoinInstance): UiController {
  const { config } = instance;
  const w = words(config);
  const { host, root } = createShadowHost('ui', CSS);
  host.lang = config.tenant.locale;
  // First in the tab order, so a keyboard user meets the banner before the page (RGAA 12.8).
  whenBodyExists(() => document.body.prepend(host));

  const required = new Set(config.categories.filter((c) => c.required).map((c) => c.id));
  const optional = config.trackers.filter((t) => !required.has(t.category)).map((t) => t.id);
  const page = document.documentElement.style;
  let banner = false;
  /** The preferences' switches while the dialog is open; `null` when it is closed. */
  let draft: Record<string, boolean> | null = null;
  let status = '';
  let opener: HTMLElement | null = null;
  /** The page's own inline `scroll-padding-bottom`, while the banner replaces it. */
  let pagePadding: string | null = null;

  /**
   * While the banner shows, the page scrolls what gets focus above it (WCAG 2.4.11, focus not
   * obscured): its scroll padding covers the banner. Put back as it was when the banner goes.
   */
  function fitScrollPadding(): void {
    const shown = root.querySelector<HTMLElement>('.banner');
    if (shown) {
      pagePadding ??= page.scrollPaddingBottom;
      page.scrollPaddingBottom = `${shown.offsetHeight + 16}px`;
    } else if (pagePadding !== null) {
      page.scrollPaddingBottom = pagePadding;
      pagePadding = null;
    }
  }

  function draw(): void {
    render(
      <div class="w" lang={config.tenant.locale}>
        {banner && <Banner instance={instance} w={w} customise={showPreferences} inert={!!draft} />}
        {draft && <Preferences instance={instance} w={w} draft={draft} set={set} close={closePreferences} />}
        <div class="vh" role="status">
          {status}
        </div>
      </div>,
      root,
    );
    fitScrollPadding();
  }

  function set(ids: string[], granted: boolean): void {
    if (!draft) return;
    draft = { ...draft };
    for (const id of ids) if (optional.includes(id)) draft[id] = granted;
    draw();
  }

  /** Focus that leaves the open dialog (a click outside, say) comes back to it. */
  function keepFocus(event: FocusEvent): void {
    if (!event.composedPath().includes(host)) root.getElementById('t-pt')?.focus();
  }

  function showPreferences(): void {
    if (draft) return;
    const consent = instance.getConsent();
    opener = deepActiveElement();
    draft = Object.fromEntries(optional.map((id) => [id, consent?.trackers[id] ?? false]));
    status = '';
    draw();
    root.getElementById('t-pt')?.focus();
    document.addEventListener('focusin', keepFocus);
  }

  /** Closes the dialog and gives focus back to what opened it, when that is still on the page (WAI-ARIA APG). */
  function closePreferences(): void {
    document.removeEventListener('focusin', keepFocus);
    draft = null;
    draw();
    if (opener?.isConnected) opener.focus();
    opener = null;
  }

  addEventListener('resize', fitScrollPadding);

  return {
    showBanner() {
      banner = true;
      status = '';
      draw();
    },
    showPreferences,
    update(consent: Consent | null) {
      banner = false;
      status = consent ? w.t('saved') : '';
      if (draft) closePreferences();
      else draw();
    },
    destroy() {
      document.removeEventListener('focusin', keepFocus);
      removeEventListener('resize', fitScrollPadding);
      render(null, root);
      fitScrollPadding();
      host.remove();
    },
  };
}
