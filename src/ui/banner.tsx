import type { TemoinInstance } from '../instance';
import { Actions } from './actions';
import { httpUrl, type Words } from './texts';

export interface BannerProps {
  instance: TemoinInstance;
  w: Words;
  customise(): void;
  /** Behind the open preferences: out of reach until they close. */
  inert: boolean;
}

/**
 * The first layer: who asks, for what, where the policy is, and three equal choices. Not modal and
 * not a wall: the page stays usable, and nothing but these buttons records a choice (CNIL 2020-092).
 */
export function Banner({ instance, w, customise, inert }: BannerProps) {
  const { config } = instance;
  const purposes = config.categories
    .filter((c) => !c.required && config.trackers.some((t) => t.category === c.id))
    .map(w.categoryName)
    .join(', ');
  const policy = httpUrl(config.tenant.privacyPolicyUrl);
  return (
    <section class="banner" aria-labelledby="t-bt" inert={inert}>
      <div class="top">
        <h2 id="t-bt">{w.t('bannerTitle')}</h2>
        <button type="button" class="l" onClick={instance.rejectAll}>
          {w.t('continueWithout')}
        </button>
      </div>
      <p>
        {w.t('bannerText', { purposes, manage: w.t('manageCookies') })} {w.t('continueNote')}
        {policy && (
          <>
            {' '}
            <a href={policy}>{w.t('privacyPolicy')}</a>
          </>
        )}
      </p>
      <Actions
        buttons={[
          [w.t('acceptAll'), instance.acceptAll],
          [w.t('rejectAll'), instance.rejectAll],
          [w.t('customise'), customise],
        ]}
      />
    </section>
  );
}
