import type { CONSENT_APIS } from './rules';

/** A text in each locale the widget speaks. One of the two is enough: the other falls back to it. */
export interface LocalizedText {
  fr?: string;
  en?: string;
}

export type Locale = 'fr' | 'en';

/** A cookie a tracker writes, as a privacy policy declares it. */
export interface TrackerCookie {
  /**
   * Exact name, or a prefix ending in `*` (`_pk_id.*` matches `_pk_id.1.a2b3`). Printable ASCII
   * without space, `;`, `,`, `=`, quotes or `\`: a vendor's name need not be an RFC 6265 token.
   */
  name: string;
  /** `"session"`, or number-and-unit pairs, largest first, among `y`, `mo`, `d`, `h`, `min`, `s` (`"13mo"`, `"2min30s"`). */
  lifetime: string;
  purpose: LocalizedText;
  /**
   * Another tracker also declares this cookie name (or a prefix matching it), e.g. a cookie that
   * one vendor's script sets for two of its products. Both entries say so, naming each other, with
   * why. While one of them is granted the cookie stays, the other being refused (docs/contract.md §2).
   */
  sharedWith?: SharedCookie;
  /**
   * The vendor's setting that shortens this cookie's lifetime, an English sentence quoted by
   * `temoin lint` when an audience or advertising cookie lives over 13 months (CNIL délibération
   * 2020-091, art. 5): `"Set gtag('config', '<measurement id>', { cookie_expires: 34128000 })."`.
   */
  lifetimeSetting?: string;
  /**
   * Where this cookie's name and lifetime come from: `"vendor"`, the vendor's own documentation or
   * code (its SDK's source counts), listed in the entry's `sources`; `"other"`, only other public
   * pages (a reproduction of the vendor's table, a cookie database, an observation), listed in its
   * `otherSources`. Every cookie of a shipped catalog entry has one; a site's own tracker needs none.
   */
  basis?: Basis;
  /**
   * Set on the vendor's own domain (an embed's frame): declared and gated, but a page cannot delete it.
   */
  thirdParty?: boolean;
}

/** Where a catalog cookie is known from (`TrackerCookie.basis`). */
export type Basis = 'vendor' | 'other';

/** Why two trackers declare the same cookie. */
export interface SharedCookie {
  /** Ids of the other trackers declaring it. */
  trackers: string[];
  /** Why they share it, in English, for catalog maintainers. */
  reason: string;
}

/**
 * A vendor's consent API that temoin knows how to call (`src/integrations/consent-apis.ts`,
 * docs/contract.md §17): Matomo's `_paq`, Google's tags through `gtag('consent', 'update', …)` for
 * analytics or for ads, Microsoft Clarity's `consentv2`, Piano Analytics's `pa.consent.setMode`,
 * Meta's `fbq('consent', …)`, TikTok's `ttq.revokeConsent()` / `grantConsent()`.
 */
export type ConsentApi = (typeof CONSENT_APIS)[number];

/**
 * The vendor documents a configuration of its tool that the CNIL exempts from consent (an audience
 * measurement for the site alone, anonymous statistics, a cookie of at most 13 months, an objection
 * offered): its conditions, and the vendor's page describing it (docs/contract.md §17).
 */
export interface Exemption {
  /**
   * The conditions, quoted by `temoin lint`: every catalog entry with an exemption states them;
   * pages load the entry without them, as without its `sources`.
   */
  conditions?: LocalizedText;
  /** `https:` */
  url: string;
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
  /**
   * `localStorage` / `sessionStorage` keys the tracker writes on the site's origin, a final `*` for
   * a prefix: removed whenever its cookies are (docs/contract.md §2).
   */
  storage?: string[];
  /**
   * `https:` URLs of the vendor's own documentation or code the cookies of basis `"vendor"` come
   * from, or that says the tracker sets none.
   */
  sources?: string[];
  /** `https:` URLs of the other public pages the cookies of basis `"other"` come from. */
  otherSources?: string[];
  /** The vendor's consent API, which stops the tracker in the page on a withdrawal; without one, a reload does. */
  consentApi?: ConsentApi;
  /** The vendor's exempt configuration, if it documents one. */
  exemption?: Exemption;
  /**
   * Set by a config (`{ "id": "matomo", "exempt": true }`) whose site runs the tool in its exempt
   * configuration: it then runs before any choice and after a refusal, until the visitor objects.
   */
  exempt?: boolean;
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
  /**
   * Reload the page once a withdrawal is stored when a tracker that ran has no consent API to stop
   * it (docs/contract.md §17). Default `true`; a single-page app that stops its trackers itself on
   * `on('change')` sets `false`.
   */
  reloadOnWithdrawal?: boolean;
  /**
   * URL path patterns (`"/espace-adherent/*"`, `*` any run of characters, letter case ignored) of pages
   * whose mere visit can reveal health data: there, no gated element of a tracker needing consent
   * runs, whatever the choice; functional trackers do, and the banner and preferences work as anywhere.
   */
  excludedPaths?: string[];
  /**
   * A path on the site's own origin (`"/temoin/consent"`) where the widget posts each choice, so that
   * the server re-issues the consent cookie with `Set-Cookie` (Safari keeps those). See `temoin/server`.
   */
  consentEndpoint?: string;
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
  reloadOnWithdrawal: boolean;
  excludedPaths: string[];
  consentEndpoint?: string;
  texts: Partial<Record<Locale, Record<string, string>>>;
  /** The config fingerprint (`configFingerprint()`), computed over every other field once validated. */
  fingerprint: string;
}

/**
 * Validates another config as the running one was, catalog ids resolved: a cookie table naming one
 * (docs/contract.md §9). The script tag's loads the catalog entries it names (`config/load.ts`),
 * `init()`'s resolves against the catalog it was given, at once (and throws at once).
 */
export type ConfigResolver = (input: unknown) => ResolvedConfig | Promise<ResolvedConfig>;
