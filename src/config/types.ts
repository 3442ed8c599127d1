/** A text in each locale the widget speaks. One of the two is enough: the other falls back to it. */
export interface LocalizedText {
  fr?: string;
  en?: string;
}

export type Locale = 'fr' | 'en';

/** A cookie a tracker writes, as a privacy policy declares it. */
export interface TrackerCookie {
  /** Exact name, or a prefix ending in `*` (`_pk_id.*` matches `_pk_id.1.a2b3`). */
  name: string;
  /** `"session"` or a number and a unit: `min`, `h`, `d`, `mo`, `y` (`"13mo"`). */
  lifetime: string;
  purpose: LocalizedText;
}

/** One tracker: a catalog entry (`catalog/<id>.json`) or a site's own. */
export interface Tracker {
  /** URL of a JSON Schema, for editors; ignored by temoin. */
  $schema?: string;
  id: string;
  name: string;
  provider: string;
  /** `functional` (exempt, always on), `audience`, or a category the config adds. */
  category: string;
  /** Used for advertising: drives Google Consent Mode's `ad_*` types. */
  advertising?: boolean;
  description: LocalizedText;
  privacyPolicyUrl?: string;
  cookies: TrackerCookie[];
}

/** A category a config adds; it always needs consent. */
export interface CategoryInput {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
}

/** A catalog id, a whole tracker, or `{ id, …fields }` overriding fields of a catalog entry. */
export type TrackerRef = string | (Partial<Tracker> & { id: string });

/** The site operator's settings. */
export interface TenantInput {
  /** `[a-z0-9-]{1,40}` */
  id: string;
  name: string;
  /** How long a choice is kept, in calendar months: 6 to 12. Default 6. */
  consentMaxAgeMonths?: number;
  /** `http:` or `https:` only. */
  privacyPolicyUrl?: string;
  /** Default `fr`. */
  locale?: Locale;
  /** Domain attribute of the consent cookie, to share the choice with sub-domains. */
  cookieDomain?: string;
}

/** The config of the script tag's JSON and of `init()`. */
export interface TemoinConfig {
  tenant: TenantInput;
  /** An integer ≥ 1, default 1. Raising it asks every visitor again. */
  revision?: number;
  trackers: TrackerRef[];
  /** Categories needing consent, beyond the built-in `functional` and `audience`. */
  categories?: CategoryInput[];
  /** Name of the consent cookie. Default `temoin`. */
  cookieName?: string;
  /** Drive Google Consent Mode v2. Default `false`. */
  googleConsentMode?: boolean;
  /** Show the floating *Gestion des cookies* button once a choice exists. Default `true`. */
  floatingButton?: boolean;
  /** Treat `navigator.globalPrivacyControl` as a refusal of optional trackers. Default `true`. */
  globalPrivacyControl?: boolean;
  /** Nonce given to released scripts, for a strict Content-Security-Policy. */
  nonce?: string;
  /** Overrides of the widget's texts, by locale and text key. */
  texts?: Partial<Record<Locale, Record<string, string>>>;
}

export interface Category {
  id: string;
  /** Exempt from consent (`functional`): always on, cannot be switched off. */
  required: boolean;
  name?: LocalizedText;
  description?: LocalizedText;
}

/** A config after validation: defaults applied, catalog ids resolved. */
export interface ResolvedConfig {
  tenant: Required<Omit<TenantInput, 'privacyPolicyUrl' | 'cookieDomain'>> &
    Pick<TenantInput, 'privacyPolicyUrl' | 'cookieDomain'>;
  revision: number;
  trackers: Tracker[];
  /** Built-in categories first, then the config's own, in order. */
  categories: Category[];
  cookieName: string;
  googleConsentMode: boolean;
  floatingButton: boolean;
  globalPrivacyControl: boolean;
  nonce?: string;
  texts: Partial<Record<Locale, Record<string, string>>>;
}
