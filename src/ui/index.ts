import type { TemoinInstance, UiController } from '../instance';
import { BANNER_PARTS } from './banner-parts';
import { mountUi as mount } from './mount';

export { renderCookieTable } from './lazy';

/** The npm build's UI: the banner, its words, the stylesheet and the DOM helpers come with it. */
export const mountUi = (instance: TemoinInstance): UiController => mount(instance, BANNER_PARTS);
