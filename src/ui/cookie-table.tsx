import { render } from 'preact';
import type { ResolvedConfig } from '../config/types';
import { type TextKey, words } from './texts';

const COLUMNS: TextKey[] = ['tracker', 'provider', 'cookie', 'purpose', 'lifetime'];

/**
 * The cookie table of a privacy policy (SPEC §9): one table per category, one row per declared
 * cookie, the consent cookie itself first among the necessary ones. Plain semantic HTML in the
 * page's own DOM, so the policy's styles apply to it.
 */
export function CookieTable({ config }: { config: ResolvedConfig }) {
  const w = words(config);
  const { tenant } = config;
  return (
    <div lang={tenant.locale}>
      {config.categories.map((category) => {
        const rows = config.trackers
          .filter((t) => t.category === category.id)
          .flatMap((t) => t.cookies.map((c) => [t.name, t.provider, c.name, w.pick(c.purpose), w.lifetime(c.lifetime)]));
        if (category.required) {
          rows.unshift([tenant.name, tenant.name, config.cookieName, w.t('consentCookie'), w.lifetime(`${tenant.consentMaxAgeMonths}mo`)]);
        }
        return (
          rows.length > 0 && (
            <table>
              <caption>{w.categoryName(category)}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((key) => (
                    <th scope="col">{w.t(key)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr>
                    {row.map((cell, i) => (i === 2 ? <td><code>{cell}</code></td> : <td>{cell}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        );
      })}
    </div>
  );
}

/** Fills `element` with the config's cookie table, replacing what it held. */
export function renderCookieTable(element: Element, config: ResolvedConfig): void {
  render(null, element);
  element.replaceChildren();
  render(<CookieTable config={config} />, element);
}
