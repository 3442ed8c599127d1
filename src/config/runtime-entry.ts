import type { Locale, LocalizedText, Tracker } from './types';

/**
 * A tracker without the fields that document it rather than drive it: where its cookie list comes
 * from (`sources`, `otherSources`, a cookie's `basis`), the vendor's setting that shortens a cookie
 * (`lifetimeSetting`), why two entries declare one cookie (`sharedWith`), that a cookie is set on the
 * vendor's own domain (`thirdParty`), the conditions of its exempt configuration
 * (`exemption.conditions`), an editor's `$schema`. `temoin lint`, `temoin catalog` and the
 * catalog checks read them in `catalog/*.json`; nothing a page runs or shows does, so the entries a
 * page loads leave them out, and the config fingerprint (docs/contract.md §12) does not cover them.
 *
 * With a `locale`, its texts in that language alone: what a page of a config in that locale shows
 * (its tables and both layers speak the config's language), as the script tag loads the entry
 * (`temoin-catalog-<id>.mjs` in French, `temoin-catalog-<id>.en.mjs` in English).
 */
export function runtimeEntry({ $schema, sources, otherSources, ...tracker }: Tracker, locale?: Locale): Tracker {
  // What a page in `locale` shows: that language's text, else the other one, the only one there is then.
  const text = (value: LocalizedText): LocalizedText => (locale && value[locale] !== undefined ? { [locale]: value[locale] } : value);
  return {
    ...tracker,
    // An exempt configuration's conditions document it, as `sources` do: `temoin lint` quotes them.
    ...(tracker.exemption && { exemption: { url: tracker.exemption.url } }),
    description: text(tracker.description),
    cookies: tracker.cookies.map(({ sharedWith, lifetimeSetting, basis, thirdParty, ...cookie }) => ({ ...cookie, purpose: text(cookie.purpose) })),
  };
}

/** A resolved config as the script tag's pages run it: each tracker as `runtimeEntry` gives it, in the config's locale. */
export function runtimeConfig<T extends { tenant: { locale: Locale }; trackers: Tracker[] }>(config: T): T {
  return { ...config, trackers: config.trackers.map((tracker) => runtimeEntry(tracker, config.tenant.locale)) };
}

/**
 * The module a page loads a catalog entry from, beside `temoin.js`, without its `.mjs`:
 * `temoin-catalog-<id>` in French, the default locale, `temoin-catalog-<id>.en` in English.
 */
export const catalogEntryModule = (id: string, locale: Locale): string => `temoin-catalog-${id}${locale === 'fr' ? '' : `.${locale}`}`;
