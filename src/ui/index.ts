import type { ResolvedConfig } from '../config/types';
import type { ConfigLoader } from '../instance';
import { loadCookieTable } from './lazy';

export { mountUi } from './mount';

/** Fills `element` with a cookie table (docs/contract.md §9); Preact and the table load on demand. */
export async function renderCookieTable(element: Element, config: ResolvedConfig, loadConfig?: ConfigLoader): Promise<void> {
  await (await loadCookieTable()).renderCookieTable(element, config, loadConfig);
}
