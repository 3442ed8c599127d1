import type { TemoinInstance, UiController } from '../instance';
import { en } from '../locales/en';
import { enUi } from '../locales/en-ui';
import { BANNER_PARTS } from './banner-parts';
import { mountUi as mount } from './mount';

export { renderCookieTable } from './lazy';

/** The npm build's UI: the banner, its words, its texts in both languages, the stylesheet and the DOM helpers come with it. */
export const mountUi = (instance: TemoinInstance): UiController =>
  mount(instance, BANNER_PARTS, undefined, instance.config.tenant.locale === 'en' ? { ...en, ...enUi } : undefined);
