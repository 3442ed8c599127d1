import type { TemoinInstance } from '../../instance';
import { Actions } from './actions';
import { CategorySection } from './category';
import { LINK_BUTTON, PREFERENCES_TITLE } from '../names';
import { preferencesGroups } from '../preferences-groups';
import type { PreferencesWords } from '../preferences-texts';

export interface PreferencesProps {
  instance: TemoinInstance;
  w: PreferencesWords;
  draft: Record<string, boolean>;
  set(ids: string[], granted: boolean): void;
  /** Closes without recording anything. */
  close(): void;
}

/** Tab and Shift+Tab wrap around inside the dialog (WAI-ARIA APG, dialog pattern); Escape closes it. */
function onKeyDown(event: KeyboardEvent, close: () => void): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    close();
  } else if (event.key === 'Tab') {
    const dialog = event.currentTarget as HTMLElement;
    const buttons = dialog.querySelectorAll('button');
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    const active = (dialog.getRootNode() as ShadowRoot).activeElement;
    // Focus starts on the title (or the dialog itself), before the first button.
    const atEdge = event.shiftKey ? active === first || active === dialog || active?.id === PREFERENCES_TITLE : active === last;
    if (atEdge) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  }
}

/**
 * The second layer, a modal dialog: every category and tracker with its switch, the exempt
 * audience measurement with its objection switch, and three equal buttons.
 */
export function Preferences({ instance, w, draft, set, close }: PreferencesProps) {
  const categories = preferencesGroups(instance.config, w);
  return (
    <div class="bd" onMouseDown={(event) => event.target === event.currentTarget && event.preventDefault()}>
      <div class="dlg" role="dialog" aria-modal="true" aria-labelledby={PREFERENCES_TITLE} onKeyDown={(event) => onKeyDown(event, close)}>
        <div class="hd row">
          <h2 id={PREFERENCES_TITLE} tabIndex={-1}>
            {w.t('preferencesTitle')}
          </h2>
          <button type="button" class={LINK_BUTTON} onClick={close}>
            {w.t('close')}
          </button>
        </div>
        <p>{w.t('preferencesText')}</p>
        {categories.map(({ category, trackers }) => (
          <CategorySection category={category} trackers={trackers} w={w} draft={draft} set={set} />
        ))}
        <div class="ft">
          <Actions
            buttons={[
              [w.t('acceptAll'), instance.acceptAll],
              [w.t('rejectAll'), instance.rejectAll],
              [w.t('save'), () => instance.update({ trackers: draft })],
            ]}
          />
        </div>
      </div>
    </div>
  );
}
