import type { ResolvedConfig } from '../config/types';

export { mountUi } from './mount';

/** Fills `element` with the config's cookie table (docs/contract.md §9); Preact and the table load on demand. */
export async function renderCookieTable(element: Element, config: ResolvedConfig): Promise<void> {
  (await import('./cookie-table')).renderCookieTable(element, config);
}
