import { render } from 'preact';
import type { ResolvedConfig } from '../config/types';
import { cells, COLUMNS, cookieGroups } from './cookie-rows';
import { words } from './texts';

/**
 * The cookie table of a privacy policy (docs/contract.md §9): one table per category, one row per declared
 * cookie, the consent cookie itself first among the necessary ones. Plain semantic HTML in the
 * page's own DOM, so the policy's styles apply to it.
 */
export function CookieTable({ config }: { config: ResolvedConfig }) {
  const w = words(config);
  return (
    <div lang={config.tenant.locale}>
      {cookieGroups(config).map((group) => (
        <table>
          <caption>{group.name}</caption>
          <thead>
            <tr>
              {COLUMNS.map((key) => (
                <th scope="col">{w.t(key)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.cookies.map((row) => (
              <tr>
                {cells(row).map((cell, i) => (i === 2 ? <td><code>{cell}</code></td> : <td>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** Fills `element` with the config's cookie table, replacing what it held. */
export function renderCookieTable(element: Element, config: ResolvedConfig): void {
  render(null, element);
  element.replaceChildren();
  render(<CookieTable config={config} />, element);
}
