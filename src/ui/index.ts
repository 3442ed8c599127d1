import type { TemoinInstance, UiController } from '../instance';
import { createBanner } from './banner';
import { mountUi as mount } from './mount';
import { CSS } from './styles';
import { words } from './texts';

export { renderCookieTable } from './lazy';

/** The npm build's UI: the banner, its words and the stylesheet come with it. */
export const mountUi = (instance: TemoinInstance): UiController => mount(instance, { createBanner, words, css: CSS });
