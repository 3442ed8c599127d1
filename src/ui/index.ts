import { loadCookieTable } from './lazy';

export { mountUi } from './mount';

/** Fills `element` with a cookie table (docs/contract.md §9); Preact and the table load on demand. */
export const renderCookieTable: typeof import('./preferences/cookie-table').renderCookieTable = async (...args) =>
  (await loadCookieTable()).renderCookieTable(...args);
