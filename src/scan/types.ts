/**
 * The plain data of `temoin scan` (docs/contract.md §15): what the gatherer records in the browser
 * (artifacts), and what the audits make of it (findings). No browser object crosses this line, so
 * every rule is tested on recorded artifacts.
 */
import type { ResolvedConfig } from '../config/types';

/** The three passes, each in a fresh browser context. */
export type PassName = 'before' | 'refused' | 'accepted';
export const PASSES: readonly PassName[] = ['before', 'refused', 'accepted'];

export type StorageArea = 'localStorage' | 'sessionStorage';

/** A page the crawl reached, as the `before` pass loaded it. */
export interface PageVisit {
  url: string;
  /** HTTP status of the document, or null when it did not load. */
  status: number | null;
  /** temoin started there (`window.Temoin.get()` answered). */
  widget: boolean;
  /** Why the page could not be scanned, when it could not. */
  error?: string;
}

/** A cookie as the browser context holds it. */
export interface JarCookie {
  name: string;
  domain: string;
  path: string;
  /** Unix seconds, or null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  secure: boolean;
}

/** The cookie jar after a page of a pass finished loading. */
export interface JarSnapshot {
  pass: PassName;
  /** The page that had just loaded. */
  page: string;
  /** Unix seconds. */
  at: number;
  cookies: JarCookie[];
}

/** A cookie written while a page was open: by a response's `Set-Cookie`, or by a script. */
export interface CookieWrite {
  pass: PassName;
  name: string;
  /** The `Domain` attribute without its dot, else the host of the URL that wrote it (host-only). */
  domain: string;
  path: string;
  /** Unix seconds from `Max-Age` or `Expires`, or null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  /** Where the write came from: the response's URL, or the URL of the script writing `document.cookie`. */
  setBy: string | null;
  via: 'set-cookie' | 'script';
  /** The top page whose document or frames wrote it. */
  page: string;
  /** Which page load of the scan it was (a page loaded twice in a pass makes two views). */
  view: number;
  /** Unix seconds. */
  at: number;
  /** Written once the pass's choice was made (always true in `before`: there is none). */
  afterChoice: boolean;
  /** For a script's write: whether `document.cookie` showed it right after (the browser kept it). */
  stored?: boolean;
}

/** A `localStorage` / `sessionStorage` key seen on an origin, or written there by a script. */
export interface StorageObservation {
  pass: PassName;
  area: StorageArea;
  origin: string;
  key: string;
  page: string;
  at: number;
  afterChoice: boolean;
  /** A write the page made (with the writing script's URL), rather than a key found after load. */
  written?: { setBy: string | null };
}

/** How a pass made its choice through the page's temoin. */
export interface PassRun {
  pass: PassName;
  /** `clicked`: the banner's button; `api`: no banner showed, `rejectAll()` / `acceptAll()` instead. */
  choice?: 'clicked' | 'api';
  /** The page the choice was made on. */
  choicePage?: string;
  /** Hosts other than the site's that the pass's pages contacted. */
  thirdParties: string[];
}

export interface Artifacts {
  /** The URLs the scan started from. */
  seeds: string[];
  /** Unix seconds. */
  startedAt: number;
  pages: PageVisit[];
  passes: PassRun[];
  jar: JarSnapshot[];
  writes: CookieWrite[];
  storage: StorageObservation[];
  /** Cookies given with `--cookie` or `--storage-state`: the visitor's, not the site's. */
  given: { name: string; domain: string }[];
  /** The config the page's temoin ran, when one did. */
  pageConfig: ResolvedConfig | null;
  /** PNG of the first page with its banner, when asked for. */
  bannerScreenshot?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'before-consent'
  | 'after-refusal'
  | 'excluded-page'
  | 'undeclared'
  | 'lifetime-longer'
  | 'over-13-months'
  | 'lifetime-extended'
  | 'no-widget'
  | 'declared-not-seen';

/** One finding, as `--json` writes it (docs/contract.md §15). */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  pass: PassName | null;
  /** The page where it was first seen. */
  url: string | null;
  cookie?: string;
  storageKey?: string;
  tracker: string | null;
  /** A catalog id whose names match, for an undeclared cookie or key. */
  suggestion: string | null;
  message: string;
  /** What set it, when the browser told. */
  setBy?: string | null;
}

/** One distinct cookie (name, domain, path) over the passes, matched against the config. */
export interface ObservedCookie {
  name: string;
  domain: string;
  path: string;
  expires: number | null;
  httpOnly: boolean;
  passes: PassName[];
  tracker: string | null;
  setBy: string | null;
}

export interface ObservedStorage {
  area: StorageArea;
  origin: string;
  key: string;
  passes: PassName[];
  tracker: string | null;
}
