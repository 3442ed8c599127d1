import { render } from 'preact';
import type { TemoinInstance } from '../../instance';
import { PREFERENCES_TITLE } from '../names';
import { Preferences } from './preferences';
import { PREFERENCES_CSS } from './preferences-styles';
import { preferencesWords } from '../preferences-texts';

export interface PreferencesLayer {
  /** Opens the dialog on the stored choice (all off before a first one); `opener` gets focus back. */
  open(opener: HTMLElement | null): void;
  /** Closes it without recording anything. */
  close(): void;
}

/**
 * The second layer, rendered by Preact into `slot`: its switches are a draft until a button records
 * them through the instance. Loaded when a visitor opens it, not before.
 */
export function createPreferencesLayer(
  host: HTMLElement,
  slot: HTMLElement,
  instance: TemoinInstance,
  onToggle: (open: boolean) => void,
): PreferencesLayer {
  const { config } = instance;
  const w = preferencesWords(config);
  const required = new Set(config.categories.filter((c) => c.required).map((c) => c.id));
  const optional = config.trackers.filter((t) => !required.has(t.category)).map((t) => t.id);
  const root = host.shadowRoot!;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PREFERENCES_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  /** The switches while the dialog is open; `null` when it is closed. */
  let draft: Record<string, boolean> | null = null;
  let opener: HTMLElement | null = null;

  function draw(): void {
    render(draft && <Preferences instance={instance} w={w} draft={draft} set={set} close={close} />, slot);
  }

  function set(ids: string[], granted: boolean): void {
    if (!draft) return;
    draft = { ...draft };
    for (const id of ids) if (optional.includes(id)) draft[id] = granted;
    draw();
  }

  /** Focus that leaves the open dialog (a click outside, say) comes back to it. */
  function keepFocus(event: FocusEvent): void {
    if (!event.composedPath().includes(host)) root.getElementById(PREFERENCES_TITLE)?.focus();
  }

  /** Gives focus back to what opened the dialog, when that is still on the page (WAI-ARIA APG). */
  function close(): void {
    if (!draft) return;
    document.removeEventListener('focusin', keepFocus);
    draft = null;
    draw();
    onToggle(false);
    if (opener?.isConnected) opener.focus();
    opener = null;
  }

  return {
    open(from) {
      if (draft) return;
      const consent = instance.getConsent();
      opener = from;
      // Off before a first choice, but an exempt tracker's switch, which turns off to object (docs/contract.md §17).
      draft = Object.fromEntries(optional.map((id) => [id, consent ? consent.trackers[id] : instance.isGranted(id)]));
      draw();
      onToggle(true);
      root.getElementById(PREFERENCES_TITLE)?.focus();
      document.addEventListener('focusin', keepFocus);
    },
    close,
  };
}
