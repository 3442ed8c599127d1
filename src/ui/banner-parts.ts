import { el, whenBodyExists } from '../dom';
import { fr } from '../locales/fr';
import { createShadowHost } from '../shadow';
import { createBanner } from './banner';
import type { BannerParts } from './mount';
import { CSS } from './styles';
import { wordsOf } from './texts';

/**
 * What the UI is handed (ui/mount.ts): the banner, its words, its CSS and the DOM helpers that
 * build it. The script tag's `temoin.js` holds them for its first banner (src/first-visit.ts), so
 * `temoin-ui.mjs` does not carry them a second time; the npm build's UI imports them (./index.ts).
 */
export const BANNER_PARTS: BannerParts = [createBanner, wordsOf, fr, CSS, el, createShadowHost, whenBodyExists];
