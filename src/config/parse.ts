import { catalog } from './catalog';
import { TemoinConfigError } from './error';
import { notInCatalog } from './not-in-catalog';
import { resolveConfig } from './resolve';
import { CONSENT_COOKIE_MAX, consentCookieLength } from './rules';
import { closest } from './suggest';
import type { ResolvedConfig } from './types';

/**
 * Validates a config and resolves it against the whole catalog, bundled: for the CLI, the server
 * and the tests. The script tag loads only the entries a config names (`load.ts`).
 *
 * Here too, what no page re-checks (its bytes would be every visitor's): the consent cookie of the
 * config stays under 1 KB (docs/contract.md §6), a decision for each tracker needing consent.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export function parseConfig(input: unknown): ResolvedConfig {
  const config = resolveConfig(input, catalog, notInCatalog(Object.keys(catalog), closest));
  const optional = config.trackers.filter((t) => !config.categories.find((c) => c.id === t.category)?.required).map((t) => t.id);
  const length = consentCookieLength(config.cookieName, config.tenant.id, config.revision, optional);
  if (length > CONSENT_COOKIE_MAX) {
    throw new TemoinConfigError([{ path: 'trackers', message: `the consent cookie could reach ${length} bytes: list fewer trackers needing consent (1 KB at most)` }]);
  }
  return config;
}
