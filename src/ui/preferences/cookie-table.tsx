import { render } from 'preact';
import { readConfigSource } from '../../config-source';
import type { ConfigResolver, ResolvedConfig } from '../../config/types';
import { COLUMNS, cookieGroups } from '../cookie-rows';
import { preferencesWords } from '../preferences-texts';

/**
 * The cookie table of a privacy policy (docs/contract.md §9): one table per category, one row per declared
 * cookie, the consent cookie itself first among the necessary ones. Plain semantic HTML in the
 * page's own DOM, so the policy's styles apply to it.
 */
export function CookieTable({ config }: { config: ResolvedConfig }) {
  const w = preferencesWords(config);
  return (
    <div lang={config.tenant.locale}>
      {cookieGroups(config).map((group) => (
        <table>
          <caption>{group.name}</caption>
          <thead>
            <tr>
              {COLUMNS.map(({ key }) => (
                <th scope="col">{w.t(key)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.cookies.map((row) => (
              <tr>
                {COLUMNS.map(({ cell, code }) => (
                  <td>{code ? <code>{cell(row)}</code> : cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

const ATTRIBUTE = 'data-temoin-cookie-table';

/**
 * Fills `element` with a cookie table, replacing what it held: the running config's, or, when its
 * `data-temoin-cookie-table` names one (a URL, or a selector of inline JSON, as `data-config`),
 * that config's, validated by `resolve`: a site's connected space declaring other trackers or
 * lifetimes than its public one (docs/contract.md §9). When it cannot be read or is invalid, one
 * console error says why and the element is left as it was: the page keeps working.
 */
export async function renderCookieTable(element: Element, config: ResolvedConfig, resolve: ConfigResolver): Promise<void> {
  const source = element.getAttribute(ATTRIBUTE);
  let shown = config;
  if (source) {
    try {
      shown = await resolve(await readConfigSource(source, ATTRIBUTE));
    } catch (error) {
      // A read failure names the source (as data-config's would); an invalid config lists its issues below.
      const { message, issues } = error as Error & { issues?: unknown };
      console.error(
        issues
          ? `temoin: ${ATTRIBUTE}="${source}" is an invalid config: no table there.${message.slice(message.indexOf('\n'))}`
          : `${message}: no table there.`,
      );
      return;
    }
  }
  render(null, element);
  element.replaceChildren();
  render(<CookieTable config={shown} />, element);
}
