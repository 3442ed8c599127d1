import { el } from '../dom';
import type { TemoinInstance } from '../instance';
import { BANNER_TITLE, LINK_BUTTON } from './names';
import { bannerText, httpUrl, type Words } from './texts';

/**
 * The first layer: who asks, for what, where the policy is, and three equal choices. Not modal and
 * not a wall: the page stays usable, and nothing but these buttons records a choice (CNIL 2020-092).
 * Plain DOM: most visitors decide here, so a first visit does not download Preact for it. `note`
 * ends the paragraph: the UI's `exemptNote`.
 */
export function createBanner(instance: TemoinInstance, w: Words, customise: () => void, prepare: () => void, note?: string): HTMLElement {
  const { config } = instance;
  const policy = httpUrl(config.tenant.privacyPolicyUrl);
  const button = (label: string, onclick: () => void, kind = 'btn', more = {}) => el('button', { type: 'button', class: kind, onclick, ...more }, label);
  return el(
    'section',
    { class: 'banner', 'aria-labelledby': BANNER_TITLE },
    el('div', { class: 'top' }, el('h2', { id: BANNER_TITLE }, w.t('bannerTitle')), button(w.t('continueWithout'), () => instance.rejectAll(), LINK_BUTTON)),
    el(
      'p',
      {},
      bannerText(config, w),
      note,
      policy && ' ',
      policy && el('a', { href: policy }, w.t('privacyPolicy')),
    ),
    // Identical size and style: the layer may not favour accepting (CNIL, délibération 2020-092 § 34).
    el(
      'div',
      { class: 'act' },
      button(w.t('acceptAll'), () => instance.acceptAll()),
      button(w.t('rejectAll'), () => instance.rejectAll()),
      // Pointing at or focusing it starts loading the preferences before the click.
      button(w.t('customise'), customise, 'btn', { onpointerenter: prepare, onfocus: prepare }),
    ),
  );
}
