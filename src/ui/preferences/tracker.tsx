import type { Tracker } from '../../config/types';
import { NOTE } from '../names';
import type { PreferencesWords } from '../preferences-texts';
import { Switch } from './switch';
import { httpUrl } from '../texts';

export interface TrackerItemProps {
  tracker: Tracker;
  w: PreferencesWords;
  granted: boolean;
  /** Functional: always on, not switchable. */
  required: boolean;
  set(ids: string[], granted: boolean): void;
}

/** One tracker: its switch, who provides it, what it does, its policy, and the cookies it writes (docs/contract.md §8). */
export function TrackerItem({ tracker, w, granted, required, set }: TrackerItemProps) {
  const id = `t-t-${tracker.id}`;
  const policy = httpUrl(tracker.privacyPolicyUrl);
  return (
    <li class="trk">
      <div class="row">
        <label for={id}>
          <b>{tracker.name}</b>
        </label>
        <Switch id={id} role="switch" checked={granted} disabled={required} onChange={(on) => set([tracker.id], on)} />
      </div>
      <p class={NOTE}>{w.t('providedBy', { name: tracker.provider })}</p>
      <p>{w.pick(tracker.description)}</p>
      {policy && (
        <p>
          <a href={policy}>{w.t('privacyOf', { name: tracker.name })}</a>
        </p>
      )}
      {tracker.cookies.length > 0 && (
        <details>
          <summary>
            {w.t('cookies')} ({tracker.cookies.length})
          </summary>
          <ul>
            {tracker.cookies.map((cookie) => (
              <li>
                <code>{cookie.name}</code> ({w.lifetime(cookie.lifetime)}) — {w.pick(cookie.purpose)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
