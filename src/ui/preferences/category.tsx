import type { Category, Tracker } from '../../config/types';
import { Switch } from './switch';
import type { PreferencesWords } from '../preferences-texts';
import { TrackerItem } from './tracker';

export interface CategorySectionProps {
  category: Category;
  trackers: Tracker[];
  w: PreferencesWords;
  /** The switches' current state, by optional tracker id. */
  draft: Record<string, boolean>;
  set(ids: string[], granted: boolean): void;
}

/** A category's switch sets all of its trackers; when only some are on, it shows "Partiel" and `mixed`. */
export function CategorySection({ category, trackers, w, draft, set }: CategorySectionProps) {
  const id = `t-c-${category.id}`;
  const { required } = category;
  const on = trackers.filter((t) => required || draft[t.id]).length;
  const mixed = !required && on > 0 && on < trackers.length;
  const tag = required ? w.t('alwaysOn') : mixed && w.t('partial');
  return (
    <div class="cat" role="group" aria-labelledby={`${id}-n`}>
      <div class="row">
        <h3 id={`${id}-n`}>
          <label for={id}>{w.categoryName(category)}</label>
        </h3>
        {tag && (
          <span class="tag" id={`${id}-s`}>
            {tag}
          </span>
        )}
        <Switch
          id={id}
          checked={required || (on > 0 && on === trackers.length)}
          mixed={mixed}
          disabled={required}
          describedBy={tag ? `${id}-s` : undefined}
          onChange={(granted) => set(trackers.map((t) => t.id), granted)}
        />
      </div>
      <p>{w.categoryText(category)}</p>
      {trackers.length > 0 && (
        <ul>
          {trackers.map((tracker) => (
            <TrackerItem tracker={tracker} w={w} granted={required || draft[tracker.id]} required={required} set={set} />
          ))}
        </ul>
      )}
    </div>
  );
}
