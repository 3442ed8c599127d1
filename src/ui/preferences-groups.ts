import type { Category, ResolvedConfig, Tracker } from '../config/types';
import type { PreferencesWords } from './preferences-texts';

/** A group of the preferences: a category and its trackers, each with a switch. */
export interface PreferencesGroup {
  category: Category;
  trackers: Tracker[];
}

/**
 * The preferences' groups, in the order the dialog shows them (docs/contract.md §8, §17): each
 * category holding trackers (functional always), then the trackers running exempt from consent in
 * a group of their own, whose switches are on until the visitor objects. That group's id is no
 * category id (`_` is not allowed in one).
 */
export function preferencesGroups(config: ResolvedConfig, w: PreferencesWords): PreferencesGroup[] {
  const groups = config.categories
    .map((category) => ({ category, trackers: config.trackers.filter((t) => t.category === category.id && !t.exempt) }))
    .filter(({ category, trackers }) => category.required || trackers.length > 0);
  const exempt = config.trackers.filter((t) => t.exempt);
  const locale = config.tenant.locale;
  const category = { id: '_exempt', required: false, name: { [locale]: w.t('exemptGroup') }, description: { [locale]: w.t('exemptText') } };
  return exempt.length ? [...groups, { category, trackers: exempt }] : groups;
}
